//! The items of a `plan` input: JSON values one after another, each with
//! the line it starts on.
//!
//! A file whose first value ends on its first line is JSON Lines: every
//! line is an item (what it holds is the core's to judge). Otherwise values
//! follow one another over as many lines as they take (pretty-printed
//! GET /sale/offers pages, `cat page-*.json`): a value ends at the end of
//! the line where its brackets close, strings skipped. Blank lines are no
//! items. Only the item being read is held, however long the file.

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
#[derive(Debug)]
pub(crate) struct Items<R> {
    input: R,
    /// Lines read so far.
    lines: usize,
    mode: Mode,
}

impl<R: BufRead> Items<R> {
    pub(crate) fn new(input: R) -> Self {
        Items {
            input,
            lines: 0,
            mode: Mode::Unknown,
        }
    }

    /// Appends the next item to `buf` (bytes read are counted in `bytes`)
    /// and returns the line it starts on; `None` at the end of the input.
    pub(crate) fn next_into(
        &mut self,
        buf: &mut Vec<u8>,
        bytes: &mut u64,
    ) -> io::Result<Option<usize>> {
        let mut first = None;
        let mut depth = Nesting::default();
        loop {
            let before = buf.len();
            let n = self.input.read_until(b'\n', buf)?;
            if n == 0 {
                // The end: a value left open is still an item (its error is
                // the core's to name).
                return Ok(first);
            }
            *bytes += n as u64;
            self.lines += 1;
            let line = buf.get(before..).unwrap_or_default();
            if first.is_none() && line.iter().all(u8::is_ascii_whitespace) {
                buf.truncate(before);
                continue;
            }
            let at = *first.get_or_insert(self.lines);
            if self.mode == Mode::Lines {
                return Ok(Some(at));
            }
            depth.feed(line);
            if depth.closed() {
                if self.mode == Mode::Unknown {
                    self.mode = if at == self.lines {
                        Mode::Lines
                    } else {
                        Mode::Values
                    };
                }
                return Ok(Some(at));
            }
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
}
