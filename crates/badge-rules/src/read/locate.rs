//! Where in the document a deserialization error is: from serde_json's line
//! and column to the JSON path of the value at that place.
//!
//! serde_json reports a type error, an unknown name or a missing key at a
//! byte of the text: just after the offending value (a number, a string, or
//! an object whose key is missing), or at the `[`/`{` of a container where a
//! scalar belongs. The path is that of the deepest value whose span holds
//! that byte, found by one forward scan of the text up to it.
//!
//! This takes the place of tracking the path while deserializing
//! (`serde_path_to_error`), which wraps every derived visitor: in the `.wasm`
//! that wrapping was an eighth of the gzipped module and a sixth of the time
//! of a check. The corpus test `locate_agrees_with_path_tracking` holds the
//! two to the same answers.

use std::borrow::Cow;

/// One step of a path: an object's key or an array's index.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step<'a> {
    Key(Cow<'a, str>),
    Index(usize),
}

/// The JSON path of the value at `line`/`column` (serde_json's, 1-based) of
/// `text`: `campaigns[0].id`, or `""` for the document itself. `peeked` is
/// set when serde_json named the byte after the one it was looking at.
pub(crate) fn path_at(text: &str, line: usize, column: usize, peeked: bool) -> String {
    let at = offset(text, line, column).saturating_sub(usize::from(peeked));
    let mut scan = Scan {
        bytes: text.as_bytes(),
        text,
        pos: 0,
        at,
        path: Vec::new(),
        found: None,
    };
    scan.whitespace();
    // An error while scanning (text cut short, or beyond the fault) only ends
    // the scan: the deepest value found so far is the answer.
    let _ = scan.value(0);
    render(scan.found.as_deref().unwrap_or_default())
}

/// The byte offset of serde_json's `line`/`column`: its column counts the
/// bytes of the line before the offset.
fn offset(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.bytes()
            .enumerate()
            .filter(|(_, b)| *b == b'\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    line_start.saturating_add(column).min(text.len())
}

fn render(steps: &[Step<'_>]) -> String {
    let mut out = String::new();
    for step in steps {
        match step {
            Step::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Step::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    out
}

/// Deeper than serde_json reads (128): nothing there can hold a fault.
const MAX_DEPTH: usize = 160;

/// The scan stopped: the text ended, was not JSON, or went past the fault.
struct Stop;

struct Scan<'a> {
    bytes: &'a [u8],
    text: &'a str,
    pos: usize,
    at: usize,
    path: Vec<Step<'a>>,
    found: Option<Vec<Step<'a>>>,
}

impl<'a> Scan<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.pos += 1;
        }
    }

    /// Reads the value at `pos` (whitespace already skipped) and records the
    /// path if its span holds the fault and no deeper value does.
    fn value(&mut self, depth: usize) -> Result<(), Stop> {
        if self.pos > self.at || self.pos >= self.bytes.len() || depth > MAX_DEPTH {
            return Err(Stop);
        }
        let result = match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(|_| ()),
            _ => self.scalar(),
        };
        // A value cut short by the end of the scan holds the fault if it
        // starts before it; one read whole, if it ends at or after it.
        if self.found.is_none() && (result.is_err() || self.at <= self.pos) {
            self.found = Some(self.path.clone());
        }
        result
    }

    fn object(&mut self, depth: usize) -> Result<(), Stop> {
        self.pos += 1;
        self.whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(());
        }
        loop {
            let key = self.string()?;
            self.whitespace();
            if self.peek() != Some(b':') {
                return Err(Stop);
            }
            self.pos += 1;
            self.whitespace();
            self.path.push(Step::Key(key));
            let member = self.value(depth + 1);
            self.path.pop();
            member?;
            if self.separator(b'}')? {
                return Ok(());
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<(), Stop> {
        self.pos += 1;
        self.whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(());
        }
        let mut index = 0;
        loop {
            self.path.push(Step::Index(index));
            let member = self.value(depth + 1);
            self.path.pop();
            member?;
            if self.separator(b']')? {
                return Ok(());
            }
            index += 1;
        }
    }

    /// After a member: `,` (more follow, `false`) or `close` (`true`).
    fn separator(&mut self, close: u8) -> Result<bool, Stop> {
        self.whitespace();
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                self.whitespace();
                Ok(false)
            }
            Some(b) if b == close => {
                self.pos += 1;
                Ok(true)
            }
            _ => Err(Stop),
        }
    }

    /// A string at `pos`, decoded (keys are named decoded, as serde reads
    /// them).
    fn string(&mut self) -> Result<Cow<'a, str>, Stop> {
        if self.peek() != Some(b'"') {
            return Err(Stop);
        }
        let start = self.pos;
        self.pos += 1;
        let mut escaped = false;
        loop {
            match self.peek() {
                Some(b'"') => break,
                Some(b'\\') => {
                    escaped = true;
                    self.pos += 2;
                }
                Some(_) => self.pos += 1,
                None => return Err(Stop),
            }
        }
        self.pos += 1;
        let raw = self.text.get(start..self.pos).ok_or(Stop)?;
        if !escaped {
            return raw.get(1..raw.len() - 1).map(Cow::Borrowed).ok_or(Stop);
        }
        serde_json::from_str::<String>(raw)
            .map(Cow::Owned)
            .map_err(|_| Stop)
    }

    /// A number, `true`, `false` or `null`: up to the next delimiter.
    fn scalar(&mut self) -> Result<(), Stop> {
        let start = self.pos;
        while !matches!(
            self.peek(),
            None | Some(b',' | b']' | b'}' | b' ' | b'\n' | b'\r' | b'\t' | b':')
        ) {
            self.pos += 1;
        }
        if self.pos == start {
            Err(Stop)
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, marker: &str) -> String {
        // The fault is at the byte after `marker`'s first occurrence.
        let end = text.find(marker).map_or(0, |i| i + marker.len());
        path_at(text, 1, end, false)
    }

    #[test]
    fn names_the_deepest_value_holding_the_offset() {
        let doc = r#"{"a": {"b": [1, {"c": 7}]}, "d": "x"}"#;
        assert_eq!(at(doc, r#""c": 7"#), "a.b[1].c");
        assert_eq!(at(doc, "[1"), "a.b[0]");
        assert_eq!(at(doc, r#"7}"#), "a.b[1]");
        assert_eq!(at(doc, r#""x""#), "d");
        assert_eq!(at(doc, r#""x"}"#), "");
        // At the opening bracket of a container: the container.
        assert_eq!(at(doc, r#""b": "#), "a.b");
    }

    #[test]
    fn lines_columns_escapes_and_cut_text() {
        let doc = "{\n  \"k\\u0065y\": [\n    true]\n}";
        assert_eq!(path_at(doc, 3, 8, false), "key[0]");
        assert_eq!(path_at(doc, 3, 5, true), "key[0]");
        assert_eq!(path_at(r#"{"a": [1, 2"#, 1, 11, false), "a[1]");
        assert_eq!(path_at("", 1, 0, false), "");
        assert_eq!(path_at("[[[[", 9, 99, false), "[0][0][0]");
    }
}
