//! Input errors: faults in what the integrator handed in, each naming its
//! JSON path.
//!
//! A fault in what the *seller* would send is a violation with Allegro's code
//! (see [`Report`](crate::Report)). A fault in the *context* (JSON of the
//! wrong shape, a `WITHIN` period without `to`, an offer whose id differs from
//! the request's) is an [`InputError`]: the check cannot be answered.
//!
//! ```
//! use badge_rules::{check_json, InputError, Options};
//!
//! let err = check_json(r#"{"kind": "application", "offer": {"stock": {"available": "many"}}}"#,
//!                      &Options::default()).unwrap_err();
//! assert!(matches!(err, InputError::Shape(_)));
//! assert_eq!(err.path(), "offer.stock.available");
//! ```

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::locale::Lang;

pub use crate::keys::ErrorCode;

/// The figures of an input error's message, by name.
pub use crate::params::ParamMap;

/// The message of `code` in `lang`, its params filled in.
fn render(code: ErrorCode, lang: Lang, params: &ParamMap) -> String {
    let locale = lang.locale();
    // serde's words in the params, in the language of the message.
    let words: Vec<(&str, Cow<'_, str>)> = params
        .iter()
        .map(|(name, value)| {
            let value = match &**name {
                "expected" | "found" | "detail" | "allowed" => locale
                    .serde_words(value)
                    .unwrap_or(Cow::Borrowed(value.as_str())),
                _ => Cow::Borrowed(value.as_str()),
            };
            (&**name, value)
        })
        .collect();
    crate::locale::render(locale.input_error(code), |name| {
        words.iter().find(|(k, _)| *k == name).map(|(_, v)| &**v)
    })
    .into_owned()
}

/// Why a check document cannot be checked.
///
/// ```
/// use badge_rules::{check_json, parse_document, InputError, Options};
/// assert!(matches!(parse_document(r#"{"kind": "application""#), Err(InputError::Syntax(_))));
/// assert!(matches!(parse_document(r#"{"kind": 1}"#), Err(InputError::Shape(_))));
/// let doc = r#"{"kind": "application", "request": {"offer": {"id": "1"}}, "offer": {"id": "2"}}"#;
/// let err = check_json(doc, &Options::default()).unwrap_err();
/// assert!(matches!(err, InputError::Context(_)));
/// assert_eq!(serde_json::to_value(&err).unwrap()["kind"], "context");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[non_exhaustive]
pub enum InputError {
    /// The text is not JSON.
    #[error("{0}")]
    Syntax(SyntaxError),
    /// A field has the wrong JSON type, an unknown value, or a required key is
    /// missing.
    #[error("{0}")]
    Shape(ShapeError),
    /// Well-typed context that cannot be true.
    #[error("{0}")]
    Context(ContextError),
}

impl InputError {
    /// The JSON path of the fault (`""` for the whole document).
    ///
    /// ```
    /// use badge_rules::{check_json, Options};
    /// let err = check_json("{", &Options::default()).unwrap_err();
    /// assert_eq!(err.path(), "");
    /// ```
    pub fn path(&self) -> &str {
        match self {
            InputError::Syntax(e) => e.path(),
            InputError::Shape(e) => e.path(),
            InputError::Context(e) => e.path(),
        }
    }

    /// The kind, as the `{"error": {"kind"}}` line writes it: `syntax`,
    /// `shape` or `context`.
    ///
    /// ```
    /// use badge_rules::{check_json, Options};
    /// assert_eq!(check_json("[", &Options::default()).unwrap_err().kind(), "syntax");
    /// ```
    pub const fn kind(&self) -> &'static str {
        match self {
            InputError::Syntax(_) => "syntax",
            InputError::Shape(_) => "shape",
            InputError::Context(_) => "context",
        }
    }

    /// The message without the path.
    ///
    /// ```
    /// use badge_rules::{check_json, Options};
    /// let err = check_json(r#"{"kind": "nope"}"#, &Options::default()).unwrap_err();
    /// assert!(err.message().starts_with("nope is not one of the allowed values"));
    /// ```
    pub fn message(&self) -> &str {
        match self {
            InputError::Syntax(e) => e.message(),
            InputError::Shape(e) => e.message(),
            InputError::Context(e) => e.message(),
        }
    }

    pub(crate) fn context(path: impl Into<String>, code: ErrorCode, params: ParamMap) -> Self {
        InputError::Context(ContextError {
            message: render(code, Lang::En, &params),
            code,
            path: path.into(),
            params,
        })
    }

    /// The stable code of the fault, for a form to show its own text.
    ///
    /// ```
    /// use badge_rules::{check_json, error::ErrorCode, Options};
    /// let err = check_json(r#"{"kind": "application", "campaigns": [{"name": "x"}]}"#, &Options::default()).unwrap_err();
    /// assert_eq!(err.code(), ErrorCode::MissingField);
    /// assert_eq!(err.params().get("field").unwrap(), "id");
    /// ```
    pub fn code(&self) -> ErrorCode {
        match self {
            InputError::Syntax(e) => e.code,
            InputError::Shape(e) => e.code,
            InputError::Context(e) => e.code,
        }
    }

    /// The figures of the message, by name.
    pub fn params(&self) -> &ParamMap {
        match self {
            InputError::Syntax(e) => &e.params,
            InputError::Shape(e) => &e.params,
            InputError::Context(e) => &e.params,
        }
    }

    /// The same error with its message in `lang`.
    ///
    /// ```
    /// use badge_rules::{check_json, Lang, Options};
    /// let err = check_json(r#"{"kind": "application", "campaigns": [{"name": "x"}]}"#, &Options::default()).unwrap_err();
    /// assert_eq!(err.message(), "the field id is required");
    /// assert_eq!(err.localized(Lang::Pl).message(), "brak wymaganego pola id");
    /// ```
    #[must_use]
    pub fn localized(&self, lang: Lang) -> InputError {
        let mut out = self.clone();
        let message = render(self.code(), lang, self.params());
        match &mut out {
            InputError::Syntax(e) => e.message = message,
            InputError::Shape(e) => e.message = message,
            InputError::Context(e) => e.message = message,
        }
        out
    }

    /// The same error at `path`: a plan names a fault of a pair's document
    /// by its path in the plan's context file ([`crate::plan`]).
    #[must_use]
    pub(crate) fn at_path(mut self, path: String) -> InputError {
        match &mut self {
            InputError::Syntax(e) => e.path = path,
            InputError::Shape(e) => e.path = path,
            InputError::Context(e) => e.path = path,
        }
        self
    }
}

/// The text is not JSON.
///
/// ```
/// use badge_rules::{error::InputError, parse_document};
/// let text = "{\n  \"kind\": \"application\",\n}";
/// let Err(InputError::Syntax(e)) = parse_document(text) else { unreachable!() };
/// assert_eq!((e.path(), e.line(), e.column()), ("", 3, 1));
/// assert_eq!(e.to_string(), "not valid JSON at line 3, column 1: trailing comma");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyntaxError {
    /// What kind of fault.
    code: ErrorCode,
    /// Always `""`: the document as a whole.
    path: String,
    /// What is wrong, in the chosen language (English by default).
    message: String,
    /// The figures of the message.
    params: ParamMap,
    /// 1-based line.
    line: usize,
    /// 1-based column.
    column: usize,
}

/// A field of the wrong shape.
///
/// ```
/// use badge_rules::{error::InputError, parse_document};
/// let doc = r#"{"kind": "campaignsQuery",
///     "campaigns": [{"id": "BARGAIN", "publication": {"type": "SOMETIMES"}}]}"#;
/// let Err(InputError::Shape(e)) = parse_document(doc) else { unreachable!() };
/// assert_eq!(e.path(), "campaigns[0].publication.type");
/// assert!(e.message().starts_with("SOMETIMES is not one of the allowed values"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShapeError {
    /// What kind of fault.
    code: ErrorCode,
    /// The JSON path (`campaigns[0].publication.to`).
    path: String,
    /// What is wrong, in the chosen language (English by default).
    message: String,
    /// The figures of the message.
    params: ParamMap,
}

/// Context that cannot be true.
///
/// ```
/// use badge_rules::{check_json, error::InputError, Options};
/// let doc = r#"{"kind": "application",
///     "request": {"campaign": {"id": "BARGAIN"}, "offer": {"id": "12345678"}},
///     "campaigns": [{"id": "BARGAIN", "application": {"type": "WITHIN"}}]}"#;
/// let Err(InputError::Context(e)) = check_json(doc, &Options::default()) else { unreachable!() };
/// assert_eq!(e.to_string(), "campaigns[0].application.from: a WITHIN period needs `from`");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContextError {
    /// What kind of fault.
    code: ErrorCode,
    /// The JSON path.
    path: String,
    /// What is wrong, in the chosen language (English by default).
    message: String,
    /// The figures of the message.
    params: ParamMap,
}

impl ShapeError {
    /// The JSON path (`campaigns[0].publication.to`).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What is wrong.
    pub fn message(&self) -> &str {
        &self.message
    }

    pub(crate) fn new(path: String, code: ErrorCode, params: ParamMap) -> Self {
        ShapeError {
            message: render(code, Lang::En, &params),
            code,
            path,
            params,
        }
    }
}

impl ContextError {
    /// The JSON path.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What is wrong.
    pub fn message(&self) -> &str {
        &self.message
    }
}

fn at(path: &str) -> &str {
    if path.is_empty() {
        "the document"
    } else {
        path
    }
}

impl SyntaxError {
    /// The JSON path: always `""`, the document as a whole.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What is wrong.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The 1-based line of the fault.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The 1-based column of the fault.
    pub fn column(&self) -> usize {
        self.column
    }

    /// A syntax error of the part at `path` of the document, at `line` and
    /// `column` (1-based).
    pub(crate) fn at(
        path: &str,
        code: ErrorCode,
        mut params: ParamMap,
        line: usize,
        column: usize,
    ) -> Self {
        params.insert(Cow::Borrowed("line"), line.to_string());
        params.insert(Cow::Borrowed("column"), column.to_string());
        SyntaxError {
            message: render(code, Lang::En, &params),
            code,
            path: path.to_owned(),
            params,
            line,
            column,
        }
    }
}

impl SyntaxError {
    /// The same error, for text that starts at `line` and `column` (1-based)
    /// of a larger input: its line and column are the input's. No text is
    /// read again (issue 22: padding each item with the lines before it
    /// made a plan's reading quadratic in the number of lines).
    pub(crate) fn moved(self, line: usize, column: usize) -> Self {
        let at_column = if self.line <= 1 {
            column.saturating_add(self.column).saturating_sub(1)
        } else {
            self.column
        };
        let at_line = line.saturating_add(self.line).saturating_sub(1);
        SyntaxError::at(&self.path, self.code, self.params, at_line, at_column)
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for ShapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", at(&self.path), self.message)
    }
}

impl fmt::Display for ContextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", at(&self.path), self.message)
    }
}
