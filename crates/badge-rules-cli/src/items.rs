//! The items of a `plan` input: JSON values one after another, each with
//! the line it starts on.
//!
//! A file whose first value ends on its first line is JSON Lines: every
//! line is an item (what it holds is the core's to judge). Otherwise values
//! follow one another over as many lines as they take (pretty-printed
//! GET /sale/offers pages, `cat page-*.json`): a value ends at the end of
//! the line where its brackets close, strings skipped. Either way, a value
//! that closes before the end of its line, with more than whitespace after
//! it, ends there, and what follows starts the next item on the same line:
//! responses as Allegro sends them (one line, no final newline) or
//! pretty-printed without a final newline, put one after another by `cat`,
//! are read value by value, as jq and serde's `StreamDeserializer` read
//! them. Blank lines are no items. Only the item being read is held,
//! however long the file.

use std::io::{self, BufRead};

use badge_rules::json_scan::Nesting;

/// How the file is cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Not known before the first value ends.
    Unknown,
    /// One item per line.
    Lines,
    /// Values over several lines.
    Values,
}

/// The items of one input.
///
/// ```
/// use badge_rules_cli::items::Items;
/// let text = "{\"offers\": []}{\"id\": \"1\"}\n\n{\n  \"id\": \"2\"\n}\n";
/// let mut items = Items::new(text.as_bytes());
/// let (mut buf, mut bytes) = (Vec::new(), 0);
/// assert_eq!(items.next_into(&mut buf, &mut bytes).unwrap(), Some(1));
/// assert_eq!(buf, b"{\"offers\": []}");
/// buf.clear();
/// assert_eq!(items.next_into(&mut buf, &mut bytes).unwrap(), Some(1));
/// buf.clear();
/// assert_eq!(items.next_into(&mut buf, &mut bytes).unwrap(), Some(3));
/// assert_eq!(buf, b"{\n");
/// ```
#[derive(Debug)]
pub struct Items<R> {
    input: R,
    /// Lines read so far.
    lines: usize,
    mode: Mode,
    /// The rest of the last line read, after a value that closed before its
    /// end: the start of the next item.
    rest: Vec<u8>,
    /// A damaged first line followed by a line that is a JSON value makes
    /// JSON Lines ([`Items::damaged_first_line_is_jsonl`]).
    damaged_first_line: bool,
    /// A whole line read ahead, the next item's start (its line not yet
    /// counted).
    ahead: Option<Vec<u8>>,
}

impl<R: BufRead> Items<R> {
    /// The items of `input`, none read yet.
    pub fn new(input: R) -> Self {
        Items {
            input,
            lines: 0,
            mode: Mode::Unknown,
            rest: Vec::new(),
            damaged_first_line: false,
            ahead: None,
        }
    }

    /// Reads a first line that is no complete value, followed by a line
    /// that is one, as JSON Lines (each line an item) instead of the start
    /// of a value over several lines: a polling job's file whose first line
    /// was cut keeps every other line (`ledger record`, docs/LEDGER.md).
    ///
    /// ```
    /// use badge_rules_cli::items::Items;
    /// let text = b"{\"cut\": \n{\"id\": 1}\n";
    /// let mut items = Items::new(&text[..]).damaged_first_line_is_jsonl();
    /// let (mut buf, mut bytes) = (Vec::new(), 0);
    /// assert_eq!(items.next_into(&mut buf, &mut bytes).unwrap(), Some(1));
    /// assert_eq!(buf, b"{\"cut\": \n");
    /// ```
    pub fn damaged_first_line_is_jsonl(mut self) -> Self {
        self.damaged_first_line = true;
        self
    }

    /// Appends the next item to `buf` (bytes read are counted in `bytes`)
    /// and returns the line it starts on; `None` at the end of the input.
    ///
    /// # Errors
    ///
    /// The error reading `input` gives.
    pub fn next_into(&mut self, buf: &mut Vec<u8>, bytes: &mut u64) -> io::Result<Option<usize>> {
        let mut first = None;
        let mut depth = Nesting::default();
        // The last byte of the item so far that is not whitespace.
        let mut last = None;
        loop {
            let before = buf.len();
            if let Some(mut line) = self.ahead.take() {
                buf.append(&mut line);
                self.lines += 1;
            } else if self.rest.is_empty() {
                let n = self.input.read_until(b'\n', buf)?;
                if n == 0 {
                    // The end: a value left open is still an item (its
                    // error is the core's to name).
                    return Ok(first);
                }
                *bytes += n as u64;
                self.lines += 1;
                let line = buf.get(before..).unwrap_or_default();
                if let Some(at) = first.filter(|_| starts_another(line, last)) {
                    // The value left open is broken: it ends before this
                    // line, which starts the next item (issue 22: it
                    // swallowed every value after it).
                    self.rest = line.to_vec();
                    buf.truncate(before);
                    return Ok(Some(at));
                }
            } else {
                // The rest of the line a value closed in: same line.
                buf.append(&mut self.rest);
            }
            let line = buf.get(before..).unwrap_or_default();
            if let Some(b) = line.iter().rev().find(|b| !b.is_ascii_whitespace()) {
                last = Some(*b);
            }
            if first.is_none() && line.iter().all(u8::is_ascii_whitespace) {
                buf.truncate(before);
                continue;
            }
            let at = *first.get_or_insert(self.lines);
            // Where a value closes on this line, if one does.
            let closes = depth.feed_until_closed(line);
            if let Some(end) = closes {
                let after = line.get(end..).unwrap_or_default();
                if !after.iter().all(u8::is_ascii_whitespace) {
                    // More on the line: the next item starts there.
                    self.rest = after.to_vec();
                    buf.truncate(before + end);
                    self.settle(at);
                    return Ok(Some(at));
                }
            }
            if self.mode == Mode::Lines {
                return Ok(Some(at));
            }
            if closes.is_some() || depth.closed() {
                self.settle(at);
                return Ok(Some(at));
            }
            if self.damaged_first_line && self.mode == Mode::Unknown && at == self.lines {
                // Asked once: the first line left a value open.
                self.damaged_first_line = false;
                if self.next_line_is_value(buf, bytes)? {
                    // The first line alone is the first item.
                    self.mode = Mode::Lines;
                    return Ok(Some(at));
                }
            }
        }
    }

    /// Reads ahead to the next line that is not blank (blank lines go to
    /// `buf`, the first item's) and keeps it in [`Items::ahead`]: whether
    /// it is a complete JSON value on its own.
    fn next_line_is_value(&mut self, buf: &mut Vec<u8>, bytes: &mut u64) -> io::Result<bool> {
        loop {
            let mut line = Vec::new();
            let n = self.input.read_until(b'\n', &mut line)?;
            *bytes += n as u64;
            if n == 0 {
                return Ok(false);
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                self.lines += 1;
                buf.append(&mut line);
                continue;
            }
            let value = serde_json::from_slice::<serde_json::Value>(&line).is_ok();
            self.ahead = Some(line);
            return Ok(value);
        }
    }
}

/// Does `line`, read while a value is open whose last byte that is not
/// whitespace is `last`, start another value? In JSON an object or an array
/// on a line of its own follows `[`, `,` or `:`; after anything else the
/// open value is broken (a bracket left open, a comma missing), and the
/// line that starts with `{` or `[` is the next value.
fn starts_another(line: &[u8], last: Option<u8>) -> bool {
    let first = line.iter().find(|b| !b.is_ascii_whitespace());
    matches!(first, Some(b'{' | b'[')) && !matches!(last, Some(b'[' | b',' | b':') | None)
}

impl<R: BufRead> Items<R> {
    /// The first item, starting on line `at`, has ended on the current
    /// line: the file is JSON Lines if that is its first line.
    fn settle(&mut self, at: usize) {
        if self.mode == Mode::Unknown {
            self.mode = if at == self.lines {
                Mode::Lines
            } else {
                Mode::Values
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(text: &str) -> Vec<(usize, String)> {
        let mut items = Items::new(text.as_bytes());
        let mut out = Vec::new();
        let mut bytes = 0;
        loop {
            let mut buf = Vec::new();
            match items.next_into(&mut buf, &mut bytes).unwrap() {
                Some(line) => out.push((line, String::from_utf8(buf).unwrap())),
                None => break,
            }
        }
        assert_eq!(bytes, text.len() as u64);
        out
    }

    #[test]
    fn json_lines_are_one_item_a_line_even_when_broken() {
        let got = items("{\"offer\": {}}\n\n{\"offer\": {\n{\"id\": \"1\"}\r\n");
        assert_eq!(
            got,
            [
                (1, "{\"offer\": {}}\n".to_owned()),
                (3, "{\"offer\": {\n".to_owned()),
                (4, "{\"id\": \"1\"}\r\n".to_owned()),
            ]
        );
    }

    #[test]
    fn pretty_values_end_where_their_brackets_close() {
        let text = "\n{\n  \"offers\": [\n    {\"id\": \"}\\\"{\"}\n  ]\n}\n{\n  \"id\": \"2\"\n}\n\n[1,\n";
        let got = items(text);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[0].0, 2);
        assert!(got[0].1.ends_with("  ]\n}\n"));
        assert_eq!(
            (got[1].0, got[1].1.as_str()),
            (7, "{\n  \"id\": \"2\"\n}\n")
        );
        // Left open at the end: still an item.
        assert_eq!((got[2].0, got[2].1.as_str()), (11, "[1,\n"));
    }

    /// `cat page-*.json` of responses as Allegro sends them: one line each,
    /// no final newline, so the pages follow one another on one line.
    #[test]
    fn minified_pages_without_a_final_newline_are_one_item_each() {
        let got = items(
            "{\"offers\": [{\"id\": \"1\"}]}{\"offers\": []} {\"id\": \"}{\"}\n{\"id\": \"3\"}",
        );
        assert_eq!(
            got,
            [
                (1, "{\"offers\": [{\"id\": \"1\"}]}".to_owned()),
                (1, "{\"offers\": []}".to_owned()),
                (1, " {\"id\": \"}{\"}\n".to_owned()),
                (2, "{\"id\": \"3\"}".to_owned()),
            ]
        );
    }

    /// Pretty pages without a final newline: the next page's `{` follows the
    /// last `}` on its line.
    #[test]
    fn pretty_pages_without_a_final_newline_are_one_item_each() {
        let page = |id: &str| format!("{{\n  \"offers\": [\n    {{\"id\": \"{id}\"}}\n  ]\n}}");
        let text = format!("{}{}{}", page("1"), page("2"), page("3"));
        let got = items(&text);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(
            got.iter().map(|(line, _)| *line).collect::<Vec<_>>(),
            [1, 5, 9]
        );
        assert_eq!(got[0].1, page("1"));
        assert_eq!(got[1].1, page("2"));
        assert_eq!(got[2].1, page("3"));
    }

    /// Issue 22: a value left open (a bracket not closed) swallowed every
    /// value after it into one item, one error. It ends where a line starts
    /// another value, and the values after it are items of their own.
    #[test]
    fn a_value_left_open_ends_where_the_next_value_starts() {
        let got = items("{\"id\": \"1\", \"x\": {\n{\"id\": \"2\"}\n{\"id\": \"3\"}\n");
        assert_eq!(
            got,
            [
                (1, "{\"id\": \"1\", \"x\": {\n".to_owned()),
                (2, "{\"id\": \"2\"}\n".to_owned()),
                (3, "{\"id\": \"3\"}\n".to_owned()),
            ]
        );
        // Pretty pages: a page whose offer misses its closing brace ends
        // where the next page starts; the next is whole.
        let broken = "{\n  \"offers\": [\n    {\"id\": \"1\", \"x\": [1, 2\n  ]\n}\n";
        let whole = "{\n  \"offers\": [\n    {\"id\": \"2\"},\n    {\"id\": \"3\"}\n  ]\n}\n";
        let got = items(&format!("{broken}{whole}"));
        assert_eq!(got, [(1, broken.to_owned()), (6, whole.to_owned())]);
        // Nested objects and arrays on lines of their own, after `[`, `,`
        // and `:`, do not end a value (any indentation, none too).
        let flat =
            "{\n\"offers\": [\n{\n\"id\": \"1\",\n\"tags\":\n[\n1\n]\n},\n{\"id\": \"2\"}\n]\n}\n";
        assert_eq!(items(flat), [(1, flat.to_owned())]);
    }
}

#[cfg(test)]
mod damaged_first_line {
    use super::*;

    fn items(text: &str) -> Vec<(usize, String)> {
        let mut items = Items::new(text.as_bytes()).damaged_first_line_is_jsonl();
        let mut out = Vec::new();
        let mut bytes = 0;
        loop {
            let mut buf = Vec::new();
            match items.next_into(&mut buf, &mut bytes).unwrap() {
                Some(line) => out.push((line, String::from_utf8(buf).unwrap())),
                None => break,
            }
        }
        assert_eq!(bytes, text.len() as u64);
        out
    }

    /// `ledger record`'s rule: a cut first line followed by a line that is
    /// a value is JSON Lines; followed by more of a value, one value.
    #[test]
    fn a_damaged_first_line_before_a_value_line_is_json_lines() {
        let got = items("{\"fetchedAt\": \"2026-11-0\n\n{\"a\": 1}\n{\"b\": \n");
        assert_eq!(
            got,
            [
                (1, "{\"fetchedAt\": \"2026-11-0\n\n".to_owned()),
                (3, "{\"a\": 1}\n".to_owned()),
                (4, "{\"b\": \n".to_owned()),
            ]
        );
        let pretty = "{\n  \"offers\": []\n}{\"x\": 1}";
        assert_eq!(
            items(pretty),
            [
                (1, "{\n  \"offers\": []\n}".to_owned()),
                (3, "{\"x\": 1}".to_owned())
            ]
        );
        // Without the option, a value left open also ends before a line
        // that starts another value (plan's rule for a value left open).
        let mut plain = Items::new("{\"a\": \"x\n{\"a\": 1}\n".as_bytes());
        let (mut buf, mut bytes) = (Vec::new(), 0);
        assert_eq!(plain.next_into(&mut buf, &mut bytes).unwrap(), Some(1));
        assert_eq!(buf, b"{\"a\": \"x\n");
    }
}
