//! Reading a request's body: whole, up to the limit, each part within the
//! read timeout; or, for a batch, as chunks of whole lines, so that only a
//! few chunks are ever held however long the batch.

use std::time::Duration;

use axum::body::Body;
use axum::http::StatusCode;
use axum::response::Response;
use bytes::{Bytes, BytesMut};
use futures_util::{Stream, StreamExt as _};
use http_body_util::BodyExt as _;

use crate::envelope;

/// Lines are handed on in chunks of about this many bytes.
const CHUNK: usize = 64 * 1024;

/// The whole body, at most `limit` bytes, each frame within `timeout`.
pub(crate) async fn whole(body: Body, limit: usize, timeout: Duration) -> Result<Bytes, Response> {
    let mut body = body;
    let mut buf = BytesMut::new();
    while let Some(frame) = next_frame(&mut body, timeout).await? {
        if buf.len() + frame.len() > limit {
            return Err(too_large(limit));
        }
        buf.extend_from_slice(&frame);
    }
    Ok(buf.freeze())
}

/// The next data of `body`; `None` at its end.
async fn next_frame(body: &mut Body, timeout: Duration) -> Result<Option<Bytes>, Response> {
    loop {
        let frame = match tokio::time::timeout(timeout, body.frame()).await {
            Err(_) => {
                return Err(envelope::http_error(
                    StatusCode::REQUEST_TIMEOUT,
                    "READ_TIMEOUT",
                    "the request's body stopped arriving",
                ))
            }
            Ok(None) => return Ok(None),
            Ok(Some(Err(e))) => {
                return Err(envelope::http_error(
                    StatusCode::BAD_REQUEST,
                    "BODY_UNREADABLE",
                    &format!("the request's body cannot be read: {e}"),
                ))
            }
            Ok(Some(Ok(frame))) => frame,
        };
        if let Ok(data) = frame.into_data() {
            return Ok(Some(data));
        }
    }
}

/// 413, naming the limit.
pub(crate) fn too_large(limit: usize) -> Response {
    envelope::http_error(
        StatusCode::PAYLOAD_TOO_LARGE,
        "BODY_TOO_LARGE",
        &format!("the body (or a line of a batch) is longer than {limit} bytes"),
    )
}

/// A piece of a batch.
#[derive(Debug)]
pub(crate) enum Piece {
    /// Whole lines (the last may lack its newline at the end of the body),
    /// the first of them line `first` (1-based) of the body.
    Lines {
        /// The first line's number.
        first: usize,
        /// The lines' bytes.
        bytes: Vec<u8>,
    },
    /// Line `line` is longer than the limit: it was skipped.
    TooLong {
        /// Its number.
        line: usize,
    },
    /// The body could not be read further: the batch ends here.
    Failed(String),
}

/// Reading state of [`lines`].
struct Cutter {
    body: Body,
    buf: Vec<u8>,
    /// The number of the first line in `buf`.
    line: usize,
    /// Skipping the rest of a line too long.
    skipping: bool,
    done: bool,
    limit: usize,
    timeout: Duration,
}

/// The body of a batch as [`Piece`]s, in order, read only as fast as they
/// are taken (back-pressure: a slow reader of the answers slows the
/// reading of the body).
pub(crate) fn lines(
    body: Body,
    first: usize,
    limit: usize,
    timeout: Duration,
) -> impl Stream<Item = Piece> + Send {
    let cutter = Cutter {
        body,
        buf: Vec::new(),
        line: first,
        skipping: false,
        done: false,
        limit,
        timeout,
    };
    futures_util::stream::unfold(cutter, |mut c| async move {
        let piece = c.next().await?;
        Some((piece, c))
    })
    .boxed()
}

impl Cutter {
    async fn next(&mut self) -> Option<Piece> {
        loop {
            if self.skipping {
                match self.buf.iter().position(|b| *b == b'\n') {
                    Some(at) => {
                        self.buf.drain(..=at);
                        self.skipping = false;
                        let line = self.line;
                        self.line += 1;
                        return Some(Piece::TooLong { line });
                    }
                    None => self.buf.clear(),
                }
            } else if let Some(piece) = self.cut() {
                return Some(piece);
            }
            if self.done {
                if self.skipping {
                    self.skipping = false;
                    return Some(Piece::TooLong { line: self.line });
                }
                if self.buf.is_empty() {
                    return None;
                }
                let bytes = std::mem::take(&mut self.buf);
                return Some(Piece::Lines {
                    first: self.line,
                    bytes,
                });
            }
            match next_frame(&mut self.body, self.timeout).await {
                Ok(Some(data)) => self.buf.extend_from_slice(&data),
                Ok(None) => self.done = true,
                Err(_) => {
                    self.done = true;
                    self.buf.clear();
                    return Some(Piece::Failed(
                        "the request's body stopped arriving or could not be read".into(),
                    ));
                }
            }
        }
    }

    /// The whole lines buffered, once there are enough of them; a line
    /// grown past the limit starts being skipped.
    fn cut(&mut self) -> Option<Piece> {
        let last = self.buf.iter().rposition(|b| *b == b'\n');
        match last {
            Some(at) if at + 1 >= CHUNK || (self.buf.len() >= CHUNK) => {
                let rest = self.buf.split_off(at + 1);
                let bytes = std::mem::replace(&mut self.buf, rest);
                let first = self.line;
                self.line += bytes.iter().filter(|b| **b == b'\n').count();
                Some(Piece::Lines { first, bytes })
            }
            _ => {
                let open = last.map_or(self.buf.len(), |at| self.buf.len() - at - 1);
                if open > self.limit {
                    if let Some(at) = last {
                        // The whole lines before it first.
                        let rest = self.buf.split_off(at + 1);
                        let bytes = std::mem::replace(&mut self.buf, rest);
                        let first = self.line;
                        self.line += bytes.iter().filter(|b| **b == b'\n').count();
                        return Some(Piece::Lines { first, bytes });
                    }
                    self.skipping = true;
                    self.buf.clear();
                }
                None
            }
        }
    }
}

/// `line` without its `\n` or `\r\n`.
pub(crate) fn strip_newline(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// The answer to a line of a batch longer than `limit` bytes, line `line`
/// of the body: an `{"error"}` line, and the batch goes on.
pub(crate) fn too_long_line(line: usize, limit: usize) -> String {
    serde_json::json!({"error": {"kind": "http", "code": "LINE_TOO_LONG", "path": "",
        "message": format!("line {line} is longer than {limit} bytes")}})
    .to_string()
}
