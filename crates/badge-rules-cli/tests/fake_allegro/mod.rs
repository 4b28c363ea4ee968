//! A fake Allegro for `sync`'s tests: a small HTTP server on 127.0.0.1
//! (port 0, one thread per connection, `Connection: close`) serving GET
//! /sale/offer-events, /sale/offers, /sale/badges (refusing a request
//! without `marketplace.id`), /sale/badge-applications,
//! /sale/badge-operations/{id} and POST /auth/oauth/token from a [`World`]
//! the test sets, on a clock the test sets (its `Date` header), and
//! misbehaving on purpose when told to ([`Fault`]).

#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "test support: a failure is the test failing"
)]

use std::collections::{BTreeMap, VecDeque};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use serde_json::{json, Value};

/// The media type Allegro's public API answers with (and wants in Accept).
pub const MEDIA_TYPE: &str = "application/vnd.allegro.public.v1+json";

/// A misbehaviour, served instead of the next answer to a path.
#[derive(Debug, Clone)]
pub enum Fault {
    /// None: the answer as it is (to let a request through).
    Pass,
    /// 429, with `Retry-After: N` when given.
    TooMany(Option<u64>),
    /// 500.
    ServerError,
    /// No answer for this long (the client's timeout should cut it).
    Stall(Duration),
    /// `Content-Length` of the whole body, half of it sent, then closed.
    Truncated,
    /// 401, as for an expired token.
    Unauthorized,
    /// A new offer is listed first before this page is served, moving
    /// every offer one place down (the page changes between two reads).
    NewOfferFirst(Value),
}

/// What the fake Allegro holds.
#[derive(Debug)]
pub struct World {
    /// Its clock (ms since the epoch), sent as `Date`.
    pub now: i64,
    /// GET /sale/offers, in listing order.
    pub offers: Vec<Value>,
    /// The event feed, in order (served up to `now`).
    pub events: Vec<Value>,
    /// How long events are kept (Allegro: 24 hours); `None`: for ever.
    pub keep_events: Option<i64>,
    /// GET /sale/badges per `marketplace.id`.
    pub badges: BTreeMap<String, Vec<Value>>,
    /// GET /sale/badge-applications.
    pub applications: Vec<Value>,
    /// GET /sale/badge-operations/{id}.
    pub operations: BTreeMap<String, Value>,
    /// The access token it takes.
    pub token: String,
    /// The refresh token it takes, and the client's id and secret.
    pub refresh: String,
    pub client_id: String,
    pub client_secret: String,
    /// Tokens issued so far.
    pub issued: u32,
    /// Faults to serve, each once, to the first request whose path
    /// starts with its key.
    pub faults: VecDeque<(String, Fault)>,
    /// A wait before each answer.
    pub delay: Duration,
    /// Every request: `METHOD path?query`.
    pub log: Vec<String>,
    /// Headers of every request (for the tests of what the client sends).
    pub headers: Vec<BTreeMap<String, String>>,
}

impl World {
    pub fn new(now: i64) -> Self {
        World {
            now,
            offers: Vec::new(),
            events: Vec::new(),
            keep_events: None,
            badges: BTreeMap::new(),
            applications: Vec::new(),
            operations: BTreeMap::new(),
            token: "tok-ACCESS-0f9e8d7c".into(),
            refresh: "tok-REFRESH-6b5a4c3d".into(),
            client_id: "client-id-1".into(),
            client_secret: "tok-CLIENTSECRET-2e1f".into(),
            issued: 0,
            faults: VecDeque::new(),
            delay: Duration::ZERO,
            log: Vec::new(),
            headers: Vec::new(),
        }
    }
}

/// The fake, running.
pub struct Fake {
    pub url: String,
    pub world: Arc<Mutex<World>>,
}

impl Fake {
    pub fn start(world: World) -> Fake {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let world = Arc::new(Mutex::new(world));
        let shared = Arc::clone(&world);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let world = Arc::clone(&shared);
                std::thread::spawn(move || {
                    let _ = serve(stream, &world);
                });
            }
        });
        Fake { url, world }
    }

    pub fn with<T>(&self, f: impl FnOnce(&mut World) -> T) -> T {
        f(&mut self.world.lock().unwrap())
    }
}

/// `2026-11-20T10:00:00Z` as ms.
pub fn ms(text: &str) -> i64 {
    badge_rules_ledger::pages::millis(text).expect("an RFC 3339 time")
}

struct Request {
    method: String,
    path: String,
    query: Vec<(String, String)>,
    headers: BTreeMap<String, String>,
    body: String,
}

fn read_request(stream: &TcpStream) -> std::io::Result<Request> {
    let mut reader = BufReader::new(stream);
    let mut first = String::new();
    reader.read_line(&mut first)?;
    let mut parts = first.split_whitespace();
    let method = parts.next().unwrap_or_default().to_owned();
    let target = parts.next().unwrap_or_default().to_owned();
    let mut headers = BTreeMap::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_owned());
        }
    }
    let length: usize = headers
        .get("content-length")
        .and_then(|l| l.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    let (path, query) = target.split_once('?').unwrap_or((&target, ""));
    let query = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect();
    Ok(Request {
        method,
        path: path.to_owned(),
        query,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}

/// Percent-decoding (and `+` as a space) of a query or form part.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
                if let Ok(b) = u8::from_str_radix(hex, 16) {
                    out.push(b);
                    i += 3;
                    continue;
                }
                out.push(b'%');
            }
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn param<'a>(q: &'a [(String, String)], key: &str) -> Option<&'a str> {
    q.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

fn number(q: &[(String, String)], key: &str, default: usize) -> usize {
    param(q, key)
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn date(now: i64) -> String {
    let at = SystemTime::UNIX_EPOCH + Duration::from_millis(u64::try_from(now).unwrap());
    httpdate::fmt_http_date(at)
}

fn respond(stream: &mut TcpStream, status: &str, now: i64, extra: &str, body: &str) {
    let head = format!(
        "HTTP/1.1 {status}\r\nDate: {}\r\nContent-Type: {MEDIA_TYPE}\r\nContent-Length: {}\r\nConnection: close\r\n{extra}\r\n",
        date(now),
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(body.as_bytes());
    let _ = stream.flush();
}

fn error(code: &str, message: &str) -> String {
    json!({"errors": [{"code": code, "message": message, "details": null, "path": null, "userMessage": message}]}).to_string()
}

fn serve(mut stream: TcpStream, world: &Mutex<World>) -> std::io::Result<()> {
    let request = read_request(&stream)?;
    let (delay, fault) = {
        let mut w = world.lock().unwrap();
        let query: Vec<String> = request
            .query
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        w.log.push(format!(
            "{} {}?{}",
            request.method,
            request.path,
            query.join("&")
        ));
        w.headers.push(request.headers.clone());
        let at = w
            .faults
            .iter()
            .position(|(prefix, _)| request.path.starts_with(prefix.as_str()));
        (w.delay, at.and_then(|i| w.faults.remove(i)).map(|(_, f)| f))
    };
    std::thread::sleep(delay);
    let now = world.lock().unwrap().now;
    let truncated = matches!(fault, Some(Fault::Truncated));
    match fault {
        Some(Fault::TooMany(after)) => {
            let extra = after
                .map(|s| format!("Retry-After: {s}\r\n"))
                .unwrap_or_default();
            respond(
                &mut stream,
                "429 Too Many Requests",
                now,
                &extra,
                &error("TooManyRequests", "slow down"),
            );
            return Ok(());
        }
        Some(Fault::ServerError) => {
            respond(
                &mut stream,
                "500 Internal Server Error",
                now,
                "",
                &error("InternalError", "oops"),
            );
            return Ok(());
        }
        Some(Fault::Stall(d)) => {
            std::thread::sleep(d);
        }
        Some(Fault::Unauthorized) => {
            respond(
                &mut stream,
                "401 Unauthorized",
                now,
                "",
                &error("invalid_token", "expired"),
            );
            return Ok(());
        }
        Some(Fault::NewOfferFirst(offer)) => {
            world.lock().unwrap().offers.insert(0, offer);
        }
        Some(Fault::Truncated | Fault::Pass) | None => {}
    }
    let (status, body) = answer(&request, &mut world.lock().unwrap());
    if truncated {
        let head = format!(
            "HTTP/1.1 {status}\r\nDate: {}\r\nContent-Type: {MEDIA_TYPE}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            date(now),
            body.len()
        );
        let _ = stream.write_all(head.as_bytes());
        let _ = stream.write_all(&body.as_bytes()[..body.len() / 2]);
        let _ = stream.flush();
        return Ok(());
    }
    respond(&mut stream, status, now, "", &body);
    Ok(())
}

/// The answer of the world to `request`: status and body.
fn answer(request: &Request, w: &mut World) -> (&'static str, String) {
    if request.method == "POST" && request.path == "/auth/oauth/token" {
        let basic = format!(
            "Basic {}",
            base64(format!("{}:{}", w.client_id, w.client_secret).as_bytes())
        );
        let form: Vec<(String, String)> = request
            .body
            .split('&')
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap_or((p, ""));
                (decode(k), decode(v))
            })
            .collect();
        if request.headers.get("authorization") != Some(&basic)
            || param(&form, "grant_type") != Some("refresh_token")
            || param(&form, "refresh_token") != Some(w.refresh.as_str())
        {
            return (
                "400 Bad Request",
                json!({"error": "invalid_grant"}).to_string(),
            );
        }
        w.issued += 1;
        w.token = format!("tok-ACCESS-renewed-{}", w.issued);
        w.refresh = format!("tok-REFRESH-renewed-{}", w.issued);
        return (
            "200 OK",
            json!({"access_token": w.token, "refresh_token": w.refresh, "token_type": "bearer",
                   "expires_in": 43199, "scope": "allegro:api:sale:offers:read allegro:api:campaigns"})
            .to_string(),
        );
    }
    if request.headers.get("authorization") != Some(&format!("Bearer {}", w.token)) {
        return (
            "401 Unauthorized",
            error("invalid_token", "Invalid access token"),
        );
    }
    if request.headers.get("accept").map(String::as_str) != Some(MEDIA_TYPE) {
        return (
            "406 Not Acceptable",
            error("NotAcceptable", "use the public media type"),
        );
    }
    let q = &request.query;
    let page = |items: &[Value], default: usize| -> (Vec<Value>, usize) {
        let offset = number(q, "offset", 0);
        let limit = number(q, "limit", default);
        let slice = items.iter().skip(offset).take(limit).cloned().collect();
        (slice, items.len())
    };
    match request.path.as_str() {
        "/sale/offer-events" => {
            let limit = number(q, "limit", 100);
            let oldest = w.keep_events.map_or(i64::MIN, |keep| w.now - keep);
            let visible: Vec<&Value> = w
                .events
                .iter()
                .filter(|e| {
                    let at = ms(e["occurredAt"].as_str().unwrap());
                    at <= w.now && at >= oldest
                })
                .collect();
            let start = match param(q, "from") {
                Some(from) => visible
                    .iter()
                    .position(|e| e["id"] == from)
                    .map_or(0, |i| i + 1),
                None => 0,
            };
            let events: Vec<Value> = visible
                .into_iter()
                .skip(start)
                .take(limit)
                .cloned()
                .collect();
            ("200 OK", json!({"offerEvents": events}).to_string())
        }
        "/sale/offers" => {
            let (offers, total) = page(&w.offers, 20);
            let count = offers.len();
            (
                "200 OK",
                json!({"offers": offers, "count": count, "totalCount": total}).to_string(),
            )
        }
        "/sale/badges" => {
            let Some(market) = param(q, "marketplace.id") else {
                return (
                    "400 Bad Request",
                    error("VALIDATION_ERROR", "marketplace.id is required"),
                );
            };
            let all = w.badges.get(market).cloned().unwrap_or_default();
            let (badges, _) = page(&all, 50);
            ("200 OK", json!({"badges": badges}).to_string())
        }
        "/sale/badge-applications" => {
            let (apps, _) = page(&w.applications, 50);
            ("200 OK", json!({"badgeApplications": apps}).to_string())
        }
        path => match path
            .strip_prefix("/sale/badge-operations/")
            .and_then(|id| w.operations.get(id))
        {
            Some(op) => ("200 OK", op.to_string()),
            None => ("404 Not Found", error("NOT_FOUND", "no such resource")),
        },
    }
}

fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(A[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// A generated catalogue: `n` offers on allegro-pl (every seventh on
/// allegro-cz in CZK), with prices from the offer's number.
pub fn catalogue(n: usize) -> Vec<Value> {
    (0..n)
        .map(|i| {
            let (market, currency) = if i % 7 == 3 {
                ("allegro-cz", "CZK")
            } else {
                ("allegro-pl", "PLN")
            };
            json!({
                "id": format!("{}", 7_000_000 + i),
                "name": format!("Offer {i}"),
                "sellingMode": {"format": "BUY_NOW", "price": {"amount": format!("{}.{:02}", 10 + i % 500, i % 100), "currency": currency}},
                "stock": {"available": 5, "sold": 0},
                "publication": {"status": if i % 11 == 5 { "ENDED" } else { "ACTIVE" }, "marketplaces": {"base": {"id": market}, "additional": []}}
            })
        })
        .collect()
}

/// `n` events on the offers of [`catalogue`], one a minute ending at `end`.
pub fn events(n: usize, end: i64) -> Vec<Value> {
    let kinds = [
        "OFFER_PRICE_CHANGED",
        "OFFER_STOCK_CHANGED",
        "OFFER_ENDED",
        "OFFER_ACTIVATED",
        "OFFER_PRICE_CHANGED",
    ];
    (0..n)
        .map(|i| {
            let at = end - i64::try_from(n - i).unwrap() * 60_000;
            let at = badge_rules_ledger::instant_of(at).unwrap().to_string();
            json!({"id": format!("EV{i:06}"), "occurredAt": at, "type": kinds[i % kinds.len()],
                   "offer": {"id": format!("{}", 7_000_000 + (i * 13) % 200), "external": null}})
        })
        .collect()
}

/// The badges and applications of the vendored OpenAPI examples
/// (tests/allegro/openapi-examples.json).
pub fn openapi_examples() -> (Vec<Value>, Vec<Value>) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/allegro/openapi-examples.json"
    );
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    (
        v["badges"].as_array().cloned().unwrap_or_default(),
        v["applications"].as_array().cloned().unwrap_or_default(),
    )
}
