//! The bearer token a server bound to another address than loopback asks
//! for: read from a file or the environment, compared in constant time,
//! and never written anywhere (its `Debug` says only that there is one).

use subtle::ConstantTimeEq as _;

/// A bearer token. Its `Debug` never shows it.
///
/// ```
/// use badge_rules_server::Token;
/// let token = Token::new("s3cret-value").unwrap();
/// assert!(token.matches(b"Bearer s3cret-value"));
/// assert!(!token.matches(b"Bearer s3cret-valuf"));
/// assert!(!token.matches(b"s3cret-value"));
/// assert_eq!(format!("{token:?}"), "Token(..)");
/// assert!(Token::new("  \n").is_none());
/// ```
#[derive(Clone)]
pub struct Token(Vec<u8>);

impl Token {
    /// The token in `text` (surrounding whitespace and a final newline, as a
    /// file holds it, trimmed); `None` when nothing is left.
    pub fn new(text: &str) -> Option<Token> {
        let text = text.trim();
        (!text.is_empty()).then(|| Token(text.as_bytes().to_vec()))
    }

    /// Whether an `Authorization` header's value is `Bearer <this token>`,
    /// compared in constant time (only the length of a wrong token can be
    /// told from the time taken).
    pub fn matches(&self, header: &[u8]) -> bool {
        let Some(given) = header.strip_prefix(b"Bearer ") else {
            return false;
        };
        given.ct_eq(&self.0).into()
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(..)")
    }
}
