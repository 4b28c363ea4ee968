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

use std::fmt;

use serde::{Deserialize, Serialize};

/// Why a check document cannot be checked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
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
            InputError::Syntax(e) => &e.path,
            InputError::Shape(e) => &e.path,
            InputError::Context(e) => &e.path,
        }
    }

    /// The message without the path.
    ///
    /// ```
    /// use badge_rules::{check_json, Options};
    /// let err = check_json(r#"{"kind": "nope"}"#, &Options::default()).unwrap_err();
    /// assert!(err.message().contains("unknown variant"));
    /// ```
    pub fn message(&self) -> &str {
        match self {
            InputError::Syntax(e) => &e.message,
            InputError::Shape(e) => &e.message,
            InputError::Context(e) => &e.message,
        }
    }

    pub(crate) fn context(path: impl Into<String>, message: impl Into<String>) -> Self {
        InputError::Context(ContextError {
            path: path.into(),
            message: message.into(),
        })
    }
}

/// The text is not JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyntaxError {
    /// Always `""`: the document as a whole.
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
}

/// A field of the wrong shape.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShapeError {
    /// The JSON path (`campaigns[0].publication.to`).
    pub path: String,
    /// What is wrong.
    pub message: String,
}

/// Context that cannot be true.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContextError {
    /// The JSON path.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

fn at(path: &str) -> &str {
    if path.is_empty() {
        "the document"
    } else {
        path
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "not valid JSON at line {}, column {}: {}",
            self.line, self.column, self.message
        )
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
