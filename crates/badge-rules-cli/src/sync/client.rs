//! `sync`'s client of Allegro's REST API: every request with Allegro's
//! public media type, `Accept-Language` and the bearer token, a timeout on
//! each, 429, 5xx, timeouts, broken connections and bodies that are not
//! whole JSON tried again a bounded number of times (after `Retry-After`, or
//! a backoff with jitter); a 401 refreshes the token once when it can, and
//! otherwise stops the run saying the token expired. No message of it holds
//! the token: errors name the request, its status and Allegro's own words.

use std::time::{Duration, SystemTime};

use crate::sync::retry::{retry_after, Backoff};
use crate::sync::token::{Credentials, Token};

/// Allegro's public media type, for `Accept`.
pub(crate) const MEDIA_TYPE: &str = "application/vnd.allegro.public.v1+json";
/// The production API.
pub(crate) const PRODUCTION: &str = "https://api.allegro.pl";
/// The sandbox API.
pub(crate) const SANDBOX: &str = "https://api.allegro.pl.allegrosandbox.pl";
/// The production token endpoint's host.
const PRODUCTION_AUTH: &str = "https://allegro.pl";
/// The sandbox token endpoint's host.
const SANDBOX_AUTH: &str = "https://allegro.pl.allegrosandbox.pl";
/// The largest response read (a page of 1,000 offers is a few MiB).
const BODY_LIMIT: u64 = 256 * 1024 * 1024;

/// Where the API and its token endpoint are.
#[derive(Debug, Clone)]
pub(crate) struct Endpoints {
    pub(crate) api: String,
    pub(crate) auth: String,
}

impl Endpoints {
    /// Production, the sandbox, or `base` for both (a test's fake Allegro).
    pub(crate) fn new(sandbox: bool, base: Option<&str>) -> Self {
        match base {
            Some(base) => {
                let base = base.trim_end_matches('/').to_owned();
                Endpoints {
                    api: base.clone(),
                    auth: base,
                }
            }
            None if sandbox => Endpoints {
                api: SANDBOX.into(),
                auth: SANDBOX_AUTH.into(),
            },
            None => Endpoints {
                api: PRODUCTION.into(),
                auth: PRODUCTION_AUTH.into(),
            },
        }
    }
}

/// A response read whole.
#[derive(Debug)]
pub(crate) struct Fetched {
    /// Its body: one JSON value.
    pub(crate) body: String,
    /// The body read.
    pub(crate) value: serde_json::Value,
    /// When Allegro answered: its `Date` header (Allegro's clock, the one
    /// its events are dated by), else this machine's clock; in ms.
    pub(crate) at: i64,
}

/// Why a request gave up.
#[derive(Debug)]
pub(crate) enum Failed {
    /// 401 and no way to refresh (or a refresh that did not help).
    Expired(String),
    /// Anything else, after the retries.
    Other(String),
}

/// One try's outcome.
enum Try {
    Done(Fetched),
    /// Worth another try: why, and how long Allegro asks to wait.
    Again(String, Option<Duration>),
    Unauthorized,
    Stop(String),
}

/// The client of one run.
#[derive(Debug)]
pub(crate) struct Client {
    agent: ureq::Agent,
    endpoints: Endpoints,
    lang: String,
    token: Token,
    credentials: Option<Credentials>,
    backoff: Backoff,
    retries: u32,
    /// The tries made again so far (the summary's `retries`).
    pub(crate) retried: u64,
    /// Refreshes of the token so far.
    pub(crate) refreshed: u64,
}

/// The settings of a [`Client`].
#[derive(Debug)]
pub(crate) struct Settings {
    pub(crate) endpoints: Endpoints,
    pub(crate) lang: String,
    pub(crate) timeout: Duration,
    pub(crate) retries: u32,
    pub(crate) backoff: Duration,
}

impl Client {
    pub(crate) fn new(settings: Settings, token: Token, credentials: Option<Credentials>) -> Self {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(settings.timeout))
            .http_status_as_error(false)
            // The bearer token never follows a redirect to another host.
            .max_redirects(0)
            .user_agent(concat!("badge-rules/", env!("CARGO_PKG_VERSION")))
            .build();
        Client {
            agent: ureq::Agent::new_with_config(config),
            endpoints: settings.endpoints,
            lang: settings.lang,
            token,
            credentials,
            backoff: Backoff::new(settings.backoff),
            retries: settings.retries,
            retried: 0,
            refreshed: 0,
        }
    }

    /// GET `path` with `query`, read whole, tried again as needed.
    pub(crate) fn get(
        &mut self,
        path: &str,
        query: &[(String, String)],
    ) -> Result<Fetched, Failed> {
        let what = describe(path, query);
        let mut attempt = 0;
        let mut refreshed = false;
        loop {
            match self.try_once(path, query) {
                Try::Done(fetched) => return Ok(fetched),
                Try::Stop(message) => return Err(Failed::Other(format!("GET {what}: {message}"))),
                Try::Unauthorized => {
                    if refreshed || !self.can_refresh() {
                        return Err(Failed::Expired(format!(
                            "GET {what}: HTTP 401: the access token expired or was revoked; get a new one (with a refresh_token in --token-file and {} and {} set, sync refreshes it itself)",
                            crate::sync::token::CLIENT_ID_VAR,
                            crate::sync::token::CLIENT_SECRET_VAR
                        )));
                    }
                    self.refresh().map_err(Failed::Expired)?;
                    refreshed = true;
                }
                Try::Again(why, wait) => {
                    if attempt >= self.retries {
                        return Err(Failed::Other(format!(
                            "GET {what}: {why} (gave up after {} tries)",
                            attempt + 1
                        )));
                    }
                    let delay = self.backoff.delay(attempt, wait);
                    attempt += 1;
                    self.retried += 1;
                    std::thread::sleep(delay);
                }
            }
        }
    }

    fn try_once(&mut self, path: &str, query: &[(String, String)]) -> Try {
        let mut request = self
            .agent
            .get(format!("{}{path}", self.endpoints.api))
            .header("Accept", MEDIA_TYPE)
            .header("Accept-Language", &self.lang)
            .header("Authorization", self.token.bearer());
        for (k, v) in query {
            request = request.query(k, v);
        }
        let mut response = match request.call() {
            Ok(r) => r,
            Err(e) => return Try::Again(transport(&e), None),
        };
        let status = response.status().as_u16();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let date = header("date");
        let wait = header("retry-after").and_then(|v| retry_after(&v, SystemTime::now()));
        let body = response
            .body_mut()
            .with_config()
            .limit(BODY_LIMIT)
            .read_to_string();
        match status {
            200..=299 => {}
            401 => return Try::Unauthorized,
            429 => return Try::Again("HTTP 429 (too many requests)".into(), wait),
            500..=599 => return Try::Again(format!("HTTP {status}"), wait),
            _ => {
                let words = body.map(|b| shorten(&b)).unwrap_or_default();
                return Try::Stop(format!("HTTP {status}: {words}"));
            }
        }
        let body = match body {
            Ok(b) => b,
            Err(e) => {
                return Try::Again(
                    format!("the body could not be read ({})", transport(&e)),
                    None,
                )
            }
        };
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&body) else {
            return Try::Again(
                "the body is not one whole JSON value (cut short?)".into(),
                None,
            );
        };
        let at = date
            .and_then(|d| httpdate::parse_http_date(&d).ok())
            .unwrap_or_else(SystemTime::now);
        Try::Done(Fetched {
            body,
            value,
            at: millis_since_epoch(at),
        })
    }

    fn can_refresh(&self) -> bool {
        self.token.refresh.is_some() && self.credentials.is_some()
    }

    /// A new access token from the refresh token, written to the token file.
    fn refresh(&mut self) -> Result<(), String> {
        let (Some(refresh), Some(credentials)) = (&self.token.refresh, &self.credentials) else {
            return Err("the access token cannot be refreshed".into());
        };
        let basic = base64(
            format!(
                "{}:{}",
                credentials.id.expose(),
                credentials.secret.expose()
            )
            .as_bytes(),
        );
        let url = format!("{}/auth/oauth/token", self.endpoints.auth);
        let answer = self
            .agent
            .post(url)
            .header("Authorization", format!("Basic {basic}"))
            .header("Accept", "application/json")
            .send_form([
                ("grant_type", "refresh_token"),
                ("refresh_token", refresh.expose()),
            ]);
        let mut response = answer.map_err(|e| {
            format!(
                "the access token expired and could not be refreshed: {}",
                transport(&e)
            )
        })?;
        let status = response.status().as_u16();
        if status != 200 {
            // The endpoint's body is not shown: it may echo what was sent.
            return Err(format!(
                "the access token expired and could not be refreshed: the token endpoint answered HTTP {status}"
            ));
        }
        let body = response.body_mut().read_to_string().map_err(|e| {
            format!(
                "the token endpoint's answer could not be read: {}",
                transport(&e)
            )
        })?;
        self.token.renew(&body)?;
        self.refreshed += 1;
        Ok(())
    }
}

/// `path?k=v&...` for messages.
fn describe(path: &str, query: &[(String, String)]) -> String {
    if query.is_empty() {
        return path.to_owned();
    }
    let q: Vec<String> = query.iter().map(|(k, v)| format!("{k}={v}")).collect();
    format!("{path}?{}", q.join("&"))
}

/// A transport failure in words (ureq's, which hold no header).
fn transport(e: &ureq::Error) -> String {
    match e {
        ureq::Error::Timeout(_) => "no answer within the timeout".into(),
        other => other.to_string(),
    }
}

/// The first 300 characters of an error body, on one line.
fn shorten(body: &str) -> String {
    let one_line: String = body.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(300) {
        Some((i, _)) => format!("{}...", one_line.get(..i).unwrap_or_default()),
        None => one_line,
    }
}

/// `at` in milliseconds since the epoch.
pub(crate) fn millis_since_epoch(at: SystemTime) -> i64 {
    at.duration_since(SystemTime::UNIX_EPOCH)
        .ok()
        .and_then(|d| i64::try_from(d.as_millis()).ok())
        .unwrap_or(0)
}

/// Standard base64, for HTTP Basic authentication.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                let index = usize::try_from((n >> (18 - 6 * i)) & 63).unwrap_or(0);
                out.push(char::from(ALPHABET.get(index).copied().unwrap_or(b'A')));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_authentication_is_base64() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"id:secret"), "aWQ6c2VjcmV0");
    }

    #[test]
    fn messages_name_the_request_and_stay_short() {
        assert_eq!(
            describe("/sale/offers", &[("offset".into(), "0".into())]),
            "/sale/offers?offset=0"
        );
        assert_eq!(shorten("a\n  b"), "a b");
        assert_eq!(shorten(&"x".repeat(400)).len(), 303);
    }
}
