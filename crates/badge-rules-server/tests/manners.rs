//! Production manners: 404 and 405, the token, the body's read timeout,
//! the handler's deadline, the in-flight bound, a panic caught, the
//! metrics, graceful shutdown, and the address a server may bind.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use axum::routing::get;
use badge_rules_server::{Config, Token};
use common::{request, Server};

const DOC: &[u8] = br#"{"kind": "accountConsent", "request": {"status": "ALLOWED"}}"#;

/// A route that takes `ms` milliseconds to answer.
fn slow(
    ms: u64,
) -> impl FnOnce(axum::Router<badge_rules_server::State>) -> axum::Router<badge_rules_server::State>
{
    move |routes| {
        routes.route(
            "/test/slow",
            get(move || async move {
                tokio::time::sleep(Duration::from_millis(ms)).await;
                "slow\n"
            }),
        )
    }
}

#[test]
fn wrong_routes_are_404_and_wrong_methods_405_with_the_envelope() {
    let server = Server::start(Config::default());
    let answer = server.get("/v2/check");
    assert_eq!(answer.status, 404);
    assert_eq!(answer.json()["error"]["code"], "NOT_FOUND");
    let answer = server.get("/v1/check");
    assert_eq!(answer.status, 405);
    assert_eq!(answer.json()["error"]["kind"], "http");
    let answer = server.post("/v1/codes", b"");
    assert_eq!(answer.status, 405);
}

#[test]
fn a_token_is_asked_for_everything_but_the_probes() {
    let secret = "tok-3f9a1c7e5b2d";
    let server = Server::start(Config {
        token: Token::new(secret),
        ..Config::default()
    });
    let bearer = format!("Bearer {secret}");
    for headers in [
        vec![],
        vec![("Authorization", "Bearer tok-3f9a1c7e5b2e")],
        vec![("Authorization", secret)],
    ] {
        let answer = request(server.addr, "POST", "/v1/check", &headers, DOC);
        assert_eq!(answer.status, 401, "{headers:?}");
        assert_eq!(answer.header("www-authenticate"), Some("Bearer"));
        assert!(!answer.text().contains(secret));
    }
    let answer = request(
        server.addr,
        "POST",
        "/v1/check",
        &[("Authorization", &bearer)],
        DOC,
    );
    assert_eq!(answer.status, 200);
    assert_eq!(
        request(server.addr, "GET", "/metrics", &[], b"").status,
        401
    );
    assert_eq!(server.get("/healthz").status, 200);
    assert_eq!(server.get("/readyz").status, 200);
}

#[test]
fn another_address_than_loopback_needs_a_token_or_insecure() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    // Refused before anything is bound.
    let config = Config {
        addr: "0.0.0.0:0".parse().unwrap(),
        ..Config::default()
    };
    let err = runtime
        .block_on(badge_rules_server::start(config))
        .unwrap_err();
    assert!(
        err.contains("not a loopback address") && err.contains("--insecure"),
        "{err}"
    );
    let with_token = Config {
        addr: "0.0.0.0:0".parse().unwrap(),
        token: Token::new("x"),
        ..Config::default()
    };
    assert!(with_token.check_bind().is_ok());
    let insecure = Config {
        addr: "[::]:0".parse().unwrap(),
        insecure: true,
        ..Config::default()
    };
    assert!(insecure.check_bind().is_ok());
}

#[test]
fn a_body_that_stops_arriving_is_408() {
    let server = Server::start(Config {
        read_timeout: Duration::from_millis(300),
        ..Config::default()
    });
    let mut stream = TcpStream::connect(server.addr).unwrap();
    stream
        .write_all(b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"kind\"")
        .unwrap();
    let started = Instant::now();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let answer = common::parse(&raw);
    assert_eq!(answer.status, 408);
    assert_eq!(answer.json()["error"]["code"], "READ_TIMEOUT");
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn a_head_that_stops_arriving_closes_the_connection() {
    let server = Server::start(Config {
        read_timeout: Duration::from_millis(300),
        ..Config::default()
    });
    let mut stream = TcpStream::connect(server.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    let mut raw = Vec::new();
    // Closed by the server (an error or the end), long before 10 s.
    let started = Instant::now();
    let _ = stream.read_to_end(&mut raw);
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn a_handler_past_its_deadline_is_503_with_retry_after() {
    let server = Server::with(
        Config {
            handler_timeout: Duration::from_millis(200),
            ..Config::default()
        },
        slow(3000),
    );
    let answer = server.get("/test/slow");
    assert_eq!(answer.status, 503);
    assert_eq!(answer.header("retry-after"), Some("1"));
    assert_eq!(answer.json()["error"]["code"], "HANDLER_TIMEOUT");
}

#[test]
fn beyond_the_in_flight_bound_requests_are_503_with_retry_after() {
    let server = Server::with(
        Config {
            max_in_flight: 1,
            ..Config::default()
        },
        slow(1500),
    );
    let addr = server.addr;
    let busy = std::thread::spawn(move || request(addr, "GET", "/test/slow", &[], b""));
    std::thread::sleep(Duration::from_millis(400));
    let turned_away = server.post("/v1/check", DOC);
    assert_eq!(turned_away.status, 503);
    assert_eq!(turned_away.header("retry-after"), Some("1"));
    assert_eq!(turned_away.json()["error"]["code"], "OVERLOADED");
    // The probes and the metrics still answer.
    assert_eq!(server.get("/healthz").status, 200);
    let metrics = server.get("/metrics").text();
    // The slow request and this one.
    assert!(
        metrics.contains("badge_rules_http_in_flight 2\n"),
        "{metrics}"
    );
    assert!(
        metrics.contains("badge_rules_http_rejected_total 1\n"),
        "{metrics}"
    );
    assert_eq!(busy.join().unwrap().status, 200);
    assert_eq!(server.post("/v1/check", DOC).status, 200);
}

#[test]
fn a_panic_is_500_and_the_server_lives_on() {
    let server = Server::with(Config::default(), |routes| {
        routes.route(
            "/test/panic",
            get(|| async {
                if true {
                    panic!("a handler's fault")
                }
                "never\n"
            }),
        )
    });
    let answer = server.get("/test/panic");
    assert_eq!(answer.status, 500);
    assert_eq!(answer.json()["error"]["code"], "INTERNAL");
    assert_eq!(server.post("/v1/check", DOC).status, 200);
    assert_eq!(server.get("/test/panic").status, 500);
}

#[test]
fn metrics_count_requests_verdicts_input_errors_and_latency() {
    let server = Server::start(Config::default());
    server.post("/v1/check", DOC);
    server.post("/v1/check", b"{");
    server.ndjson(
        "/v1/check",
        b"{}\n{\"kind\": \"applicationLookup\", \"applicationId\": \"x\"}\n",
    );
    let text = server.get("/metrics").text();
    for needle in [
        "badge_rules_http_requests_total{route=\"/v1/check\",method=\"POST\",status=\"200\"} 2\n",
        "badge_rules_http_requests_total{route=\"/v1/check\",method=\"POST\",status=\"400\"} 1\n",
        "badge_rules_verdicts_total{verdict=\"ACCEPT\"} 1\n",
        "badge_rules_verdicts_total{verdict=\"REJECT\"} 1\n",
        "badge_rules_input_errors_total 2\n",
        "badge_rules_http_request_duration_seconds_count{route=\"/v1/check\"} 3\n",
        "badge_rules_http_in_flight 1\n",
    ] {
        assert!(text.contains(needle), "{needle} in {text}");
    }
}

#[test]
fn shutdown_finishes_what_was_accepted_then_refuses_connections() {
    let mut server = Server::with(Config::default(), slow(800));
    let addr = server.addr;
    let accepted = std::thread::spawn(move || request(addr, "GET", "/test/slow", &[], b""));
    std::thread::sleep(Duration::from_millis(300));
    let started = Instant::now();
    server.stop();
    assert!(started.elapsed() < Duration::from_secs(5));
    let answer = accepted.join().unwrap();
    assert_eq!((answer.status, answer.text().as_str()), (200, "slow\n"));
    assert!(TcpStream::connect(addr).is_err());
}

#[test]
fn shutdown_cuts_what_outlives_the_deadline() {
    let mut server = Server::with(
        Config {
            shutdown_deadline: Duration::from_millis(300),
            handler_timeout: Duration::from_secs(60),
            ..Config::default()
        },
        slow(30_000),
    );
    let addr = server.addr;
    let _accepted = std::thread::spawn(move || {
        let _ = std::panic::catch_unwind(|| request(addr, "GET", "/test/slow", &[], b""));
    });
    std::thread::sleep(Duration::from_millis(300));
    let started = Instant::now();
    server.stop();
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
}
