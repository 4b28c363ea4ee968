//! A secret (an access or refresh token, a client secret): its text is
//! reachable only through [`Secret::expose`], which the client calls to
//! build a header or a form; `Debug` shows stars, and there is no `Display`,
//! so that no message, log or error can print it by mistake.

use std::fmt;

/// A secret's text, kept out of every formatted text.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Secret(String);

impl Secret {
    /// `text` as a secret (surrounding white space dropped), or `None` when
    /// it is empty.
    pub(crate) fn new(text: &str) -> Option<Self> {
        let text = text.trim();
        (!text.is_empty()).then(|| Secret(text.to_owned()))
    }

    /// The text itself: only for a header or a form sent to Allegro.
    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_never_formats_its_text() {
        let s = Secret::new("  abc.def  ").unwrap();
        assert_eq!(s.expose(), "abc.def");
        assert!(!format!("{s:?}").contains("abc"));
        assert_eq!(Secret::new(" \n"), None);
    }
}
