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

use super::json_scan::{render, Cursor, Step};

/// The JSON path of the value at `line`/`column` (serde_json's, 1-based) of
/// `text`: `campaigns[0].id`, or `""` for the document itself. `peeked` is
/// set when serde_json named the byte after the one it was looking at.
pub(crate) fn path_at(text: &str, line: usize, column: usize, peeked: bool) -> String {
    let at = offset(text, line, column).saturating_sub(usize::from(peeked));
    let mut scan = Scan {
        cursor: Cursor::new(text),
        len: text.len(),
        at,
        path: Vec::new(),
        found: None,
    };
    scan.cursor.whitespace();
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

/// Deeper than serde_json reads (128): nothing there can hold a fault of
/// its own, so a container this deep is skipped whole.
const MAX_DEPTH: usize = 160;

/// The scan stopped: the text ended, was not JSON, or went past the fault.
struct Stop;

/// The search for the deepest value whose span holds the byte `at`.
struct Scan<'a> {
    cursor: Cursor<'a>,
    len: usize,
    at: usize,
    path: Vec<Step<'a>>,
    found: Option<Vec<Step<'a>>>,
}

impl Scan<'_> {
    /// Reads the value at the cursor (whitespace already skipped) and
    /// records the path if its span holds the fault and no deeper value
    /// does.
    fn value(&mut self, depth: usize) -> Result<(), Stop> {
        let pos = self.cursor.pos();
        if pos > self.at || pos >= self.len {
            return Err(Stop);
        }
        let result = match self.cursor.peek() {
            // Too deep to follow member by member (the scan recurses): the
            // value is skipped whole, without recursion, and the scan goes
            // on after it (issue 22: it stopped there, and a fault after a
            // value nested deeper than this was named by that value's path).
            Some(b'{' | b'[') if depth > MAX_DEPTH => self.cursor.value().ok_or(Stop),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            // Decoded, as serde reads it: a string it cannot decode (a
            // lone surrogate in an ignored field) stops the scan there.
            Some(b'"') => self.cursor.key().map(drop).ok_or(Stop),
            _ => self.cursor.scalar().ok_or(Stop),
        };
        // A value cut short by the end of the scan holds the fault if it
        // starts before it; one read whole, if it ends at or after it.
        if self.found.is_none() && (result.is_err() || self.at <= self.cursor.pos()) {
            self.found = Some(self.path.clone());
        }
        result
    }

    fn object(&mut self, depth: usize) -> Result<(), Stop> {
        self.cursor.eat(b'{');
        self.cursor.whitespace();
        if self.cursor.eat(b'}') {
            return Ok(());
        }
        loop {
            // Keys are named decoded, as serde reads them.
            let key = self.cursor.key().ok_or(Stop)?;
            self.cursor.whitespace();
            if !self.cursor.eat(b':') {
                return Err(Stop);
            }
            self.cursor.whitespace();
            self.path.push(Step::Key(key));
            let member = self.value(depth + 1);
            self.path.pop();
            member?;
            if self.cursor.separator(b'}').ok_or(Stop)? {
                return Ok(());
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<(), Stop> {
        self.cursor.eat(b'[');
        self.cursor.whitespace();
        if self.cursor.eat(b']') {
            return Ok(());
        }
        let mut index = 0;
        loop {
            self.path.push(Step::Index(index));
            let member = self.value(depth + 1);
            self.path.pop();
            member?;
            if self.cursor.separator(b']').ok_or(Stop)? {
                return Ok(());
            }
            index += 1;
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

    /// Issue 22: a value nested deeper than the scan follows, before the
    /// fault, made the scan stop inside it and name its path.
    #[test]
    fn a_fault_after_a_deeply_nested_value_is_named_by_its_own_path() {
        for depth in [1, 159, 160, 161, 162, 500, 100_000] {
            for (open, close) in [("[", "]"), (r#"{"a":"#, "}")] {
                let doc = format!(
                    r#"{{"junk": {}1{}, "list": [true, {{"now": 5}}]}}"#,
                    open.repeat(depth),
                    close.repeat(depth)
                );
                assert_eq!(
                    at(&doc, r#""now": 5"#),
                    "list[1].now",
                    "depth {depth} {open}"
                );
            }
        }
    }
}
