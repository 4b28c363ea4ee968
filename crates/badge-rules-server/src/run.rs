//! Listening, serving each connection, and stopping: on SIGTERM (or
//! Ctrl-C) the server stops accepting, lets the requests it accepted
//! finish within the shutdown deadline, then returns.

use std::future::Future;
use std::io::Write as _;
use std::net::SocketAddr;

use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::config::Config;
use crate::router::{routes, with_manners};
use crate::state::{Shared, State};

/// A server started by [`start`]: its address, and how to stop it.
#[derive(Debug)]
pub struct Running {
    /// The address it listens on (the port the system chose for port 0).
    pub addr: SocketAddr,
    /// Its state (settings, counters).
    pub state: State,
    stop: oneshot::Sender<()>,
    task: JoinHandle<()>,
}

impl Running {
    /// Stops it as SIGTERM would, and waits until it has (see [`start`]).
    pub async fn stop(self) {
        let _ = self.stop.send(());
        let _ = self.task.await;
    }
}

/// A line on stderr, as JSON.
fn say(line: &serde_json::Value) {
    let _ = std::io::stderr()
        .lock()
        .write_all(format!("{line}\n").as_bytes());
}

/// Binds `config.addr` and serves on the current Tokio runtime until
/// [`Running::stop`].
///
/// ```
/// # tokio::runtime::Runtime::new().unwrap().block_on(async {
/// use std::io::{Read, Write};
/// let config = badge_rules_server::Config { addr: "127.0.0.1:0".parse().unwrap(), ..Default::default() };
/// let server = badge_rules_server::start(config).await.unwrap();
/// let addr = server.addr;
/// let body = tokio::task::spawn_blocking(move || {
///     let mut s = std::net::TcpStream::connect(addr).unwrap();
///     s.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").unwrap();
///     let mut text = String::new();
///     s.read_to_string(&mut text).unwrap();
///     text
/// }).await.unwrap();
/// assert!(body.starts_with("HTTP/1.1 200 OK") && body.ends_with("{\"status\":\"ok\"}\n"));
/// server.stop().await;
/// # });
/// ```
///
/// # Errors
///
/// Why it cannot start: an address it may not bind without a token, a
/// ledger that cannot be opened, a port taken.
pub async fn start(config: Config) -> Result<Running, String> {
    start_with(config, |routes| routes).await
}

/// [`start`] with routes of `extra` added to the API's (for tests).
///
/// ```
/// # tokio::runtime::Runtime::new().unwrap().block_on(async {
/// use axum::routing::get;
/// let config = badge_rules_server::Config { addr: "127.0.0.1:0".parse().unwrap(), ..Default::default() };
/// let server = badge_rules_server::start_with(config, |r| r.route("/hello", get(|| async { "hi" })))
///     .await
///     .unwrap();
/// assert_ne!(server.addr.port(), 0);
/// server.stop().await;
/// # });
/// ```
///
/// # Errors
///
/// As [`start`].
pub async fn start_with(
    config: Config,
    extra: impl FnOnce(axum::Router<State>) -> axum::Router<State>,
) -> Result<Running, String> {
    config.check_bind()?;
    let listener = TcpListener::bind(config.addr)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.addr))?;
    let addr = listener
        .local_addr()
        .map_err(|e| format!("cannot listen on {}: {e}", config.addr))?;
    let state = Shared::new(config)?;
    let (stop, stopped) = oneshot::channel::<()>();
    let app = with_manners(extra(routes()), State::clone(&state));
    let task = tokio::spawn(serve_app(listener, app, State::clone(&state), async {
        let _ = stopped.await;
    }));
    say(
        &serde_json::json!({"event": "listening", "addr": addr.to_string(),
        "token": state.config.token.is_some(), "ledger": state.config.ledger.is_some()}),
    );
    Ok(Running {
        addr,
        state,
        stop,
        task,
    })
}

/// Serves the connections of `listener` until `shutdown` completes, then
/// lets them finish within the deadline.
///
/// ```
/// # tokio::runtime::Runtime::new().unwrap().block_on(async {
/// let state = badge_rules_server::Shared::new(badge_rules_server::Config::default()).unwrap();
/// let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
/// // Stops at once: `shutdown` is ready.
/// badge_rules_server::serve(listener, state, async {}).await;
/// # });
/// ```
pub async fn serve(listener: TcpListener, state: State, shutdown: impl Future<Output = ()>) {
    let app = with_manners(routes(), State::clone(&state));
    serve_app(listener, app, state, shutdown).await;
}

/// [`serve`] with the application `app` (built by [`with_manners`] on
/// `state`: the tests add routes that panic or take their time).
pub async fn serve_app(
    listener: TcpListener,
    app: axum::Router,
    state: State,
    shutdown: impl Future<Output = ()>,
) {
    let graceful = GracefulShutdown::new();
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(state.config.read_timeout);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let stream = match accepted {
                    Ok((stream, _)) => stream,
                    Err(_) => {
                        // Out of file descriptors, a connection reset before
                        // it was accepted: wait a moment and go on.
                        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
                        continue;
                    }
                };
                let _ = stream.set_nodelay(true);
                let service = TowerToHyperService::new(app.clone());
                let connection = graceful.watch(builder.serve_connection(TokioIo::new(stream), service));
                tokio::spawn(async move {
                    let _ = connection.await;
                });
            }
            () = &mut shutdown => break,
        }
    }
    drop(listener);
    say(
        &serde_json::json!({"event": "stopping", "inFlight": state.slots.available_permits() < state.config.max_in_flight}),
    );
    tokio::select! {
        () = graceful.shutdown() => say(&serde_json::json!({"event": "stopped"})),
        () = tokio::time::sleep(state.config.shutdown_deadline) => {
            say(&serde_json::json!({"event": "stopped", "deadline": "passed: connections cut"}));
        }
    }
}

/// SIGTERM, or Ctrl-C.
async fn terminated() {
    #[cfg(unix)]
    {
        let term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate());
        match term {
            Ok(mut term) => {
                tokio::select! {
                    _ = term.recv() => {}
                    _ = tokio::signal::ctrl_c() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// `badge-rules serve`: runs a server with `config` on a runtime of its
/// own until SIGTERM, then returns once it has stopped.
///
/// # Errors
///
/// Why it cannot start (see [`start`]).
pub fn run(config: Config) -> Result<(), String> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the runtime: {e}"))?;
    runtime.block_on(async move {
        let server = start(config).await?;
        terminated().await;
        server.stop().await;
        Ok(())
    })
}
