//! How a server runs: where it listens, its limits, its token, its ledger.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use crate::token::Token;

/// A server's settings; [`Config::default`] is `badge-rules serve` without
/// flags.
///
/// ```
/// use badge_rules_server::Config;
/// let config = Config::default();
/// assert_eq!(config.addr.to_string(), "127.0.0.1:8787");
/// assert!(config.check_bind().is_ok());
/// let open = Config { addr: "0.0.0.0:8787".parse().unwrap(), ..Config::default() };
/// assert!(open.check_bind().unwrap_err().contains("--token-file"));
/// ```
#[derive(Debug, Clone)]
pub struct Config {
    /// The address to listen on (loopback by default).
    pub addr: SocketAddr,
    /// The bearer token every request but `/healthz` and `/readyz` must
    /// carry; required to bind anything but loopback, unless `insecure`.
    pub token: Option<Token>,
    /// Binding another address than loopback without a token is allowed.
    pub insecure: bool,
    /// The price ledger (an SQLite file, created when absent).
    pub ledger: Option<PathBuf>,
    /// The largest body (and, in a batch, the longest line) read, in bytes.
    pub body_limit: usize,
    /// How long the request's head, and then each part of its body, may
    /// take to arrive.
    pub read_timeout: Duration,
    /// How long a handler may take to begin its answer.
    pub handler_timeout: Duration,
    /// Requests answered at once; one more is answered 503 with
    /// `Retry-After`.
    pub max_in_flight: usize,
    /// After SIGTERM, how long the requests accepted may take to finish.
    pub shutdown_deadline: Duration,
    /// Chunks of a batch checked at once (the cores by default).
    pub workers: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 8787)),
            token: None,
            insecure: false,
            ledger: None,
            body_limit: 1 << 20,
            read_timeout: Duration::from_secs(30),
            handler_timeout: Duration::from_secs(30),
            max_in_flight: 256,
            shutdown_deadline: Duration::from_secs(10),
            workers: std::thread::available_parallelism().map_or(2, usize::from),
        }
    }
}

impl Config {
    /// Whether this address may be bound: loopback always; any other only
    /// with a token or `insecure`.
    ///
    /// # Errors
    ///
    /// The message to print when it may not.
    pub fn check_bind(&self) -> Result<(), String> {
        if self.addr.ip().is_loopback() || self.token.is_some() || self.insecure {
            return Ok(());
        }
        Err(format!(
            "{} is not a loopback address: give a bearer token (--token-file FILE or the \
             BADGE_RULES_TOKEN environment variable), or --insecure to serve it without one",
            self.addr.ip()
        ))
    }
}
