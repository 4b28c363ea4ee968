//! A scan of JSON text's structure, without reading its values: where a
//! value, a member or an element starts and ends, and which JSON path names
//! it. serde_json reads the values; this finds them again in the text, for
//! an input error's path, line and column.
//!
//! - [`Cursor`]: a position in a text, moved value by value (strings,
//!   containers and scalars skipped whole, nothing decoded but keys on
//!   request);
//! - [`Nesting`]: the brackets left open by bytes fed to it so far, for a
//!   stream read a line at a time;
//! - [`Step`]: one step of a JSON path (`offers[3].id`), written with
//!   [`render`] and read with [`parse_path`].
//!
//! The scan trusts the text to be JSON as far as it goes: it checks what it
//! must to move on (a string's closing quote, a member's colon, the commas
//! between elements), and says `None` where the text ends or breaks.
//!
//! ```
//! use badge_rules::json_scan::{parse_path, Cursor};
//!
//! let text = "{\"offers\": [\n  {\"id\": \"1\"},\n  {\"id\": \"2\"}\n]}";
//! let steps = parse_path("offers[1].id").unwrap();
//! let at = Cursor::new(text).find(&steps).unwrap();
//! assert_eq!(&text[at..at + 3], "\"2\"");
//! ```

use std::borrow::Cow;
use std::ops::Range;

/// One step of a JSON path: an object's key or an array's index.
///
/// ```
/// use badge_rules::json_scan::{render, Step};
/// let path = [Step::Key("offers".into()), Step::Index(3), Step::Key("id".into())];
/// assert_eq!(render(&path), "offers[3].id");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step<'a> {
    /// A member of an object, by its (decoded) key.
    Key(Cow<'a, str>),
    /// An element of an array, from 0.
    Index(usize),
}

/// A path written as the input errors name it: keys joined by `.`, indices
/// in brackets, `""` for the document itself.
///
/// ```
/// use badge_rules::json_scan::{render, Step};
/// assert_eq!(render(&[Step::Index(0), Step::Key("a".into())]), "[0].a");
/// assert_eq!(render(&[]), "");
/// ```
pub fn render(steps: &[Step<'_>]) -> String {
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

/// A path as [`render`] writes it, read back into its steps (`None`: an
/// index that is not a number). A key holding `.` or `[` cannot be told
/// apart from the steps it would write.
///
/// ```
/// use badge_rules::json_scan::{parse_path, Step};
/// assert_eq!(
///     parse_path("a[1][2].b"),
///     Some(vec![Step::Key("a".into()), Step::Index(1), Step::Index(2), Step::Key("b".into())])
/// );
/// assert_eq!(parse_path(""), Some(vec![]));
/// assert_eq!(parse_path("a[x]"), None);
/// ```
pub fn parse_path(path: &str) -> Option<Vec<Step<'_>>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, mut rest) = part.split_once('[').unwrap_or((part, ""));
        if !key.is_empty() {
            out.push(Step::Key(Cow::Borrowed(key)));
        }
        while let Some((index, after)) = rest.split_once(']') {
            out.push(Step::Index(index.parse().ok()?));
            rest = after.strip_prefix('[').unwrap_or(after);
        }
    }
    Some(out)
}

/// JSON's whitespace.
const fn is_whitespace(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// A byte that ends a number, `true`, `false` or `null`.
const fn ends_scalar(b: u8) -> bool {
    matches!(b, b',' | b'}' | b']') || is_whitespace(b)
}

/// The brackets left open by the bytes fed so far, strings skipped (a
/// bracket inside a string, escaped quotes and all, is no bracket). A close
/// with nothing open is ignored.
///
/// ```
/// use badge_rules::json_scan::Nesting;
/// let mut nesting = Nesting::default();
/// nesting.feed(b"{\"a\": [\"]\\\"\",\n");
/// assert_eq!(nesting.depth(), 2);
/// nesting.feed(b"  1]}\n");
/// assert!(nesting.closed());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Nesting {
    open: usize,
    in_string: bool,
    escaped: bool,
}

impl Nesting {
    /// Feeds `bytes`.
    pub fn feed(&mut self, bytes: &[u8]) {
        self.run(bytes, false);
    }

    /// Feeds `bytes` up to the one that closes the last open bracket: the
    /// count of bytes fed, that one included (`None`: all of them were fed
    /// and something is still open, or nothing was ever opened).
    ///
    /// ```
    /// use badge_rules::json_scan::Nesting;
    /// assert_eq!(Nesting::default().feed_until_closed(b"[1, \"]\"] 2"), Some(8));
    /// assert_eq!(Nesting::default().feed_until_closed(b"[1, ["), None);
    /// ```
    pub fn feed_until_closed(&mut self, bytes: &[u8]) -> Option<usize> {
        self.run(bytes, true)
    }

    /// Brackets open.
    pub fn depth(&self) -> usize {
        self.open
    }

    /// Nothing open, and not inside a string.
    pub fn closed(&self) -> bool {
        self.open == 0 && !self.in_string
    }

    fn run(&mut self, bytes: &[u8], stop: bool) -> Option<usize> {
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            i += 1;
            if self.in_string {
                if self.escaped {
                    self.escaped = false;
                } else if b == b'\\' {
                    self.escaped = true;
                } else if b == b'"' {
                    self.in_string = false;
                } else {
                    // The rest of the string's plain bytes, at once.
                    let rest = bytes.get(i..).unwrap_or_default();
                    i += rest
                        .iter()
                        .position(|b| *b == b'"' || *b == b'\\')
                        .unwrap_or(rest.len());
                }
                continue;
            }
            match b {
                b'"' => self.in_string = true,
                b'{' | b'[' => self.open += 1,
                b'}' | b']' if self.open > 0 => {
                    self.open -= 1;
                    if stop && self.open == 0 {
                        return Some(i);
                    }
                }
                _ => {}
            }
        }
        None
    }
}

/// A position in JSON text, moved over it value by value. Every move
/// returns `None` when the text ends or is not what the move expects (the
/// position is then somewhere past the start of the move).
///
/// ```
/// use badge_rules::json_scan::Cursor;
/// let text = r#"{"a": [1, "x"], "b\"": null}"#;
/// let mut cursor = Cursor::new(text);
/// assert!(cursor.eat(b'{'));
/// assert_eq!(cursor.key().as_deref(), Some("a"));
/// cursor.whitespace();
/// assert!(cursor.eat(b':'));
/// cursor.whitespace();
/// let spans = cursor.elements().unwrap();
/// assert_eq!(spans.iter().map(|s| &text[s.clone()]).collect::<Vec<_>>(), ["1", "\"x\""]);
/// assert_eq!(cursor.separator(b'}'), Some(false));
/// assert_eq!(cursor.key().as_deref(), Some("b\""));
/// ```
#[derive(Debug, Clone)]
pub struct Cursor<'t> {
    text: &'t str,
    pos: usize,
}

impl<'t> Cursor<'t> {
    /// A cursor at the start of `text`.
    pub fn new(text: &'t str) -> Self {
        Cursor { text, pos: 0 }
    }

    /// The byte offset of the cursor.
    ///
    /// ```
    /// let mut cursor = badge_rules::json_scan::Cursor::new("  7");
    /// cursor.whitespace();
    /// assert_eq!(cursor.pos(), 2);
    /// ```
    pub fn pos(&self) -> usize {
        self.pos
    }

    /// The byte at the cursor.
    pub fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    /// The text of `span`, if it is one of the text's.
    ///
    /// ```
    /// let cursor = badge_rules::json_scan::Cursor::new("[true]");
    /// assert_eq!(cursor.slice(1..5), Some("true"));
    /// ```
    pub fn slice(&self, span: Range<usize>) -> Option<&'t str> {
        self.text.get(span)
    }

    /// Moves past JSON whitespace.
    pub fn whitespace(&mut self) {
        while self.peek().is_some_and(is_whitespace) {
            self.pos += 1;
        }
    }

    /// Moves past `byte` if it is at the cursor (`true`), else stays.
    pub fn eat(&mut self, byte: u8) -> bool {
        let here = self.peek() == Some(byte);
        if here {
            self.pos += 1;
        }
        here
    }

    /// At a `"`: moves past the string, and returns the span of its
    /// contents, undecoded.
    ///
    /// ```
    /// let mut cursor = badge_rules::json_scan::Cursor::new(r#""a\"b" "#);
    /// assert_eq!(cursor.string(), Some(1..5));
    /// assert_eq!(cursor.pos(), 6);
    /// assert_eq!(badge_rules::json_scan::Cursor::new(r#""cut\""#).string(), None);
    /// ```
    pub fn string(&mut self) -> Option<Range<usize>> {
        if self.peek()? != b'"' {
            return None;
        }
        self.pos += 1;
        let start = self.pos;
        loop {
            let rest = self.text.as_bytes().get(self.pos..)?;
            self.pos += rest.iter().position(|b| *b == b'"' || *b == b'\\')?;
            if self.peek()? == b'"' {
                let end = self.pos;
                self.pos += 1;
                return Some(start..end);
            }
            self.pos += 2;
        }
    }

    /// At a `"`: moves past the string and returns it decoded, as serde
    /// reads a key (its escapes resolved).
    ///
    /// ```
    /// let mut cursor = badge_rules::json_scan::Cursor::new(r#""k\u0065y""#);
    /// assert_eq!(cursor.key().as_deref(), Some("key"));
    /// ```
    pub fn key(&mut self) -> Option<Cow<'t, str>> {
        let span = self.string()?;
        let raw = self.text.get(span.start.checked_sub(1)?..span.end + 1)?;
        let contents = self.text.get(span)?;
        if !contents.contains('\\') {
            return Some(Cow::Borrowed(contents));
        }
        serde_json::from_str::<String>(raw).ok().map(Cow::Owned)
    }

    /// A number, `true`, `false` or `null` (or any run of bytes up to the
    /// next `,`, `}`, `]` or whitespace): moves past it; `None` if it is
    /// empty.
    ///
    /// ```
    /// let mut cursor = badge_rules::json_scan::Cursor::new("-1.5e3]");
    /// assert_eq!(cursor.scalar(), Some(()));
    /// assert_eq!(cursor.pos(), 6);
    /// assert_eq!(cursor.scalar(), None);
    /// ```
    pub fn scalar(&mut self) -> Option<()> {
        let start = self.pos;
        while self.peek().is_some_and(|b| !ends_scalar(b)) {
            self.pos += 1;
        }
        (self.pos > start).then_some(())
    }

    /// Moves past one value: a string, a container (to its matching
    /// bracket, strings skipped, what is inside unchecked) or a scalar.
    ///
    /// ```
    /// let mut cursor = badge_rules::json_scan::Cursor::new(r#"{"a": ["}"]} ,"#);
    /// assert_eq!(cursor.value(), Some(()));
    /// assert_eq!(cursor.pos(), 12);
    /// assert_eq!(badge_rules::json_scan::Cursor::new("[[1]").value(), None);
    /// ```
    pub fn value(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => self.string().map(drop),
            b'{' | b'[' => {
                let rest = self.text.as_bytes().get(self.pos..)?;
                self.pos += Nesting::default().feed_until_closed(rest)?;
                Some(())
            }
            _ => self.scalar(),
        }
    }

    /// After a member or an element (whitespace before it skipped): moves
    /// past `,` and the whitespace after it (`false`: more follow), or past
    /// `close` (`true`: the container ends).
    ///
    /// ```
    /// let mut cursor = badge_rules::json_scan::Cursor::new(" ,  1]");
    /// assert_eq!(cursor.separator(b']'), Some(false));
    /// assert_eq!(cursor.pos(), 4);
    /// ```
    pub fn separator(&mut self, close: u8) -> Option<bool> {
        self.whitespace();
        match self.peek()? {
            b',' => {
                self.pos += 1;
                self.whitespace();
                Some(false)
            }
            b if b == close => {
                self.pos += 1;
                Some(true)
            }
            _ => None,
        }
    }

    /// At a `[`: moves past the array, and returns the spans of its
    /// elements.
    ///
    /// ```
    /// let mut cursor = badge_rules::json_scan::Cursor::new("[ ]");
    /// assert_eq!(cursor.elements(), Some(vec![]));
    /// ```
    pub fn elements(&mut self) -> Option<Vec<Range<usize>>> {
        if !self.eat(b'[') {
            return None;
        }
        let mut spans = Vec::new();
        self.whitespace();
        if self.eat(b']') {
            return Some(spans);
        }
        loop {
            self.whitespace();
            let start = self.pos;
            self.value()?;
            spans.push(start..self.pos);
            if self.separator(b']')? {
                return Some(spans);
            }
        }
    }

    /// At a `{`: moves to the start of the value of its member `key` (the
    /// first one, keys compared undecoded).
    ///
    /// ```
    /// let text = r#"{"a": 1, "b": [2]}"#;
    /// let mut cursor = badge_rules::json_scan::Cursor::new(text);
    /// assert_eq!(cursor.member("b"), Some(()));
    /// assert_eq!(cursor.pos(), 14);
    /// assert_eq!(badge_rules::json_scan::Cursor::new(text).member("c"), None);
    /// ```
    pub fn member(&mut self, key: &str) -> Option<()> {
        if !self.eat(b'{') {
            return None;
        }
        self.whitespace();
        while self.peek() == Some(b'"') {
            let span = self.string()?;
            self.whitespace();
            if !self.eat(b':') {
                return None;
            }
            self.whitespace();
            if self.text.get(span) == Some(key) {
                return Some(());
            }
            self.value()?;
            self.whitespace();
            if self.eat(b',') {
                self.whitespace();
            }
        }
        None
    }

    /// At a `[`: moves to the start of its element `index`.
    ///
    /// ```
    /// let mut cursor = badge_rules::json_scan::Cursor::new("[1, [2], 3]");
    /// assert_eq!(cursor.element(1), Some(()));
    /// assert_eq!(cursor.pos(), 4);
    /// assert_eq!(badge_rules::json_scan::Cursor::new("[]").element(0), None);
    /// ```
    pub fn element(&mut self, index: usize) -> Option<()> {
        if !self.eat(b'[') {
            return None;
        }
        self.whitespace();
        for _ in 0..index {
            self.value()?;
            self.whitespace();
            if !self.eat(b',') {
                return None;
            }
            self.whitespace();
        }
        (self.peek() != Some(b']')).then_some(())
    }

    /// From the start of a value (whitespace before it skipped): the byte
    /// offset of the value at `steps` inside it, the cursor left there.
    ///
    /// ```
    /// use badge_rules::json_scan::{parse_path, Cursor};
    /// let text = r#" {"a": [{"b": true}]}"#;
    /// let steps = parse_path("a[0].b").unwrap();
    /// assert_eq!(Cursor::new(text).find(&steps), Some(14));
    /// assert_eq!(Cursor::new(text).find(&parse_path("a[1]").unwrap()), None);
    /// ```
    pub fn find(&mut self, steps: &[Step<'_>]) -> Option<usize> {
        self.whitespace();
        for step in steps {
            match step {
                Step::Key(key) => self.member(key)?,
                Step::Index(index) => self.element(*index)?,
            }
        }
        Some(self.pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_with_escapes_end_at_their_own_quote() {
        let text = r#""a\\" "b\"c\u0022" "\\\"""#;
        let mut cursor = Cursor::new(text);
        assert_eq!(cursor.string(), Some(1..4));
        cursor.whitespace();
        assert_eq!(cursor.key().as_deref(), Some("b\"c\""));
        cursor.whitespace();
        assert_eq!(cursor.key().as_deref(), Some("\\\""));
        assert_eq!(cursor.pos(), text.len());
        // An escape at the very end, or a string never closed.
        assert_eq!(Cursor::new(r#""ab\"#).string(), None);
        assert_eq!(Cursor::new(r#""ab"#).string(), None);
        assert_eq!(Cursor::new("x").string(), None);
    }

    #[test]
    fn nesting_counts_brackets_outside_strings() {
        let mut nesting = Nesting::default();
        nesting.feed(br#"[{"a": "[{\\", "b\"]": ["#);
        assert_eq!((nesting.depth(), nesting.closed()), (3, false));
        nesting.feed(b"]}");
        assert_eq!(nesting.depth(), 1);
        nesting.feed(b"] ]]");
        assert!(nesting.closed());
        // Left inside a string, across feeds.
        let mut nesting = Nesting::default();
        nesting.feed(b"\"{\\");
        nesting.feed(b"\"");
        assert!(!nesting.closed());
        nesting.feed(b"}\"");
        assert!(nesting.closed());
        // Deep.
        let deep = format!("{}{}", "[".repeat(500), "]".repeat(500));
        assert_eq!(
            Nesting::default().feed_until_closed(deep.as_bytes()),
            Some(1000)
        );
    }

    #[test]
    fn cut_input_is_none() {
        for cut in [r#"{"a": [1, 2"#, r#"{"a": "x"#, "[", "{\"a\": {}"] {
            assert_eq!(Cursor::new(cut).value(), None, "{cut}");
        }
        let mut cursor = Cursor::new("[1, 2");
        assert_eq!(cursor.elements(), None);
        assert_eq!(Cursor::new("").value(), None);
        assert_eq!(Cursor::new("{\"a\"").member("a"), None);
    }

    #[test]
    fn numbers_and_words_end_at_a_delimiter() {
        for (text, end) in [
            ("0", 1),
            ("-12.5e+3,", 8),
            ("true}", 4),
            ("null ]", 4),
            ("1\n", 1),
            ("false\t", 5),
            ("1\r", 1),
        ] {
            let mut cursor = Cursor::new(text);
            assert_eq!(cursor.value(), Some(()), "{text}");
            assert_eq!(cursor.pos(), end, "{text}");
        }
        assert_eq!(Cursor::new(",").value(), None);
    }

    #[test]
    fn whitespace_is_json_s() {
        let text = " \t\r\n [ \n1 ,\t2\r\n] ";
        let mut cursor = Cursor::new(text);
        cursor.whitespace();
        assert_eq!(cursor.pos(), 5);
        assert_eq!(cursor.elements(), Some(vec![8..9, 12..13]));
        // A form feed is not JSON's whitespace.
        let mut cursor = Cursor::new("\u{c}1");
        cursor.whitespace();
        assert_eq!(cursor.pos(), 0);
    }

    #[test]
    fn paths_are_followed_through_nested_containers() {
        let text = "{\n \"a\": {\"x\": \"}\"},\n \"offers\": [\n  {\"id\": \"1\"},\n  {\"id\": \"2\",\n   \"price\": {\"currency\": \"EUR\"}}\n ]\n}";
        let line = |path: &str| {
            let at = Cursor::new(text).find(&parse_path(path)?)?;
            Some(text.get(..at)?.matches('\n').count() + 1)
        };
        assert_eq!(line("offers[1].price.currency"), Some(6));
        assert_eq!(line("offers[0]"), Some(4));
        assert_eq!(line("offers"), Some(3));
        assert_eq!(line(""), Some(1));
        assert_eq!(line("offers[5]"), None);
        assert_eq!(line("nothing"), None);
        assert_eq!(line("a.x[0]"), None);
    }

    #[test]
    fn paths_are_written_and_read_back() {
        let steps = vec![
            Step::Key("offers".into()),
            Step::Index(12),
            Step::Index(0),
            Step::Key("id".into()),
        ];
        let text = render(&steps);
        assert_eq!(text, "offers[12][0].id");
        assert_eq!(parse_path(&text), Some(steps));
        assert_eq!(render(&[Step::Index(2)]), "[2]");
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;
        use serde_json::Value;

        fn json() -> impl Strategy<Value = Value> {
            let leaf = prop_oneof![
                Just(Value::Null),
                any::<bool>().prop_map(Value::from),
                any::<i64>().prop_map(Value::from),
                // Halves: written and read back exactly.
                (-100_000i32..100_000).prop_map(|n| Value::from(f64::from(n) + 0.5)),
                ".{0,8}".prop_map(Value::from),
                "[\\\\\"{}\\[\\]]{0,6}".prop_map(Value::from),
            ];
            leaf.prop_recursive(6, 64, 6, |inner| {
                prop_oneof![
                    prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                    prop::collection::btree_map(".{0,6}", inner, 0..6)
                        .prop_map(|m| Value::Object(m.into_iter().collect())),
                ]
            })
        }

        /// Every path to a value inside `value`, with the value.
        fn paths(
            value: &Value,
            path: Vec<Step<'static>>,
            out: &mut Vec<(Vec<Step<'static>>, Value)>,
        ) {
            out.push((path.clone(), value.clone()));
            match value {
                Value::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        let mut p = path.clone();
                        p.push(Step::Index(i));
                        paths(item, p, out);
                    }
                }
                Value::Object(members) => {
                    for (key, item) in members {
                        let mut p = path.clone();
                        p.push(Step::Key(Cow::Owned(key.clone())));
                        paths(item, p, out);
                    }
                }
                _ => {}
            }
        }

        proptest! {
            #[test]
            fn values_are_skipped_whole_and_found_by_path(value in json(), pretty in any::<bool>()) {
                let text = if pretty {
                    serde_json::to_string_pretty(&value).unwrap()
                } else {
                    serde_json::to_string(&value).unwrap()
                };
                let padded = format!(" {text}\n,");
                let mut cursor = Cursor::new(&padded);
                cursor.whitespace();
                prop_assert_eq!(cursor.value(), Some(()));
                prop_assert_eq!(cursor.pos(), 1 + text.len());
                let mut nesting = Nesting::default();
                nesting.feed(text.as_bytes());
                prop_assert!(nesting.closed());
                if let Value::Array(items) = &value {
                    let spans = Cursor::new(&text).elements().unwrap();
                    prop_assert_eq!(spans.len(), items.len());
                    for (span, item) in spans.into_iter().zip(items) {
                        let read: Value = serde_json::from_str(&text[span]).unwrap();
                        prop_assert_eq!(&read, item);
                    }
                }
                let mut all = Vec::new();
                paths(&value, Vec::new(), &mut all);
                for (path, want) in all {
                    // Keys with escapes are compared undecoded: skip them.
                    let plain = path.iter().all(|s| match s {
                        Step::Key(k) => serde_json::to_string(k).unwrap() == format!("\"{k}\""),
                        Step::Index(_) => true,
                    });
                    if !plain {
                        continue;
                    }
                    let mut cursor = Cursor::new(&text);
                    let at = cursor.find(&path).unwrap();
                    cursor.value().unwrap();
                    let read: Value = serde_json::from_str(&text[at..cursor.pos()]).unwrap();
                    prop_assert_eq!(read, want);
                }
            }
        }
    }
}
