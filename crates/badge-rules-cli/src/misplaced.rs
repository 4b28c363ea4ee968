//! What an input given in the wrong place is, said in words: a GET
//! /sale/offers page given as `plan --context` or to `check`, campaigns named
//! with `--campaign` that the context does not list, and `check` waiting on
//! a terminal (issue 23: each said something true but unhelpful, or
//! nothing).

use std::io::{self, IsTerminal, Write};

use badge_rules::document::Campaign;
use badge_rules::json_scan::Cursor;

/// The keys of a JSON object's top level, by the core's structure scanner
/// (nothing parsed but the keys; `None`: not UTF-8, not an object).
fn top_keys(bytes: &[u8]) -> Option<Vec<String>> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut cursor = Cursor::new(std::str::from_utf8(bytes).ok()?);
    cursor.whitespace();
    if !cursor.eat(b'{') {
        return None;
    }
    let mut keys = Vec::new();
    cursor.whitespace();
    if cursor.eat(b'}') {
        return Some(keys);
    }
    loop {
        keys.push(cursor.key()?.into_owned());
        cursor.whitespace();
        if !cursor.eat(b':') {
            return None;
        }
        cursor.whitespace();
        cursor.value()?;
        if cursor.separator(b'}')? {
            return Some(keys);
        }
    }
}

/// What a plan context has: none of them in a file given as `--context`
/// says it is something else.
const CONTEXT_KEYS: [&str; 8] = [
    "now",
    "campaigns",
    "account",
    "terms",
    "campaignTerms",
    "badges",
    "applications",
    "allegroPrices",
];

/// Is it a GET /sale/offers page (`offers` at its top level, none of what
/// a context holds)?
pub(crate) fn offers_page_as_context(bytes: &[u8]) -> bool {
    top_keys(bytes).is_some_and(|keys| {
        keys.iter().any(|k| k == "offers")
            && !keys.iter().any(|k| CONTEXT_KEYS.contains(&k.as_str()))
    })
}

/// The message for `plan --context PAGE`.
pub(crate) fn context_is_an_offers_page(name: &str) -> String {
    format!(
        "{name} is a GET /sale/offers page (it has `offers`), not a plan context: --context \
         takes what every offer shares, a JSON object with `now`, `campaigns` (a GET \
         /sale/badge-campaigns response), `account`, `terms`, `campaignTerms`, `badges`, \
         `applications` and `allegroPrices` (docs/PLAN.md); give the page after the options: \
         badge-rules plan --context CONTEXT {name}"
    )
}

/// Is it a GET /sale/offers page or an offer given to `check` (no `kind`,
/// `offers` or `sellingMode` at its top level)?
pub(crate) fn offers_as_check_document(bytes: &[u8]) -> Option<&'static str> {
    let keys = top_keys(bytes)?;
    let has = |key: &str| keys.iter().any(|k| k == key);
    if has("kind") {
        return None;
    }
    if has("offers") {
        Some("a GET /sale/offers page")
    } else if has("sellingMode") {
        Some("an offer (GET /sale/product-offers/{offerId})")
    } else {
        None
    }
}

/// The line `check` adds when its input is offers, not a check document.
pub(crate) fn check_given_offers(name: &str, what: &str) -> String {
    format!(
        "{name} looks like {what}, not a check document (a JSON object with `kind`, \
         `request` and the context, README.md): to plan offers against campaigns use \
         badge-rules plan --context CONTEXT {name}"
    )
}

/// The campaigns of `named` the context does not list (when it lists any).
pub(crate) fn unknown_campaigns<'a>(named: &'a [String], listed: &[Campaign]) -> Vec<&'a str> {
    if listed.is_empty() {
        return Vec::new();
    }
    named
        .iter()
        .filter(|id| !listed.iter().any(|c| &c.id == *id))
        .map(String::as_str)
        .collect()
}

/// The message for `--campaign` ids the context does not list: a few of
/// those it does.
pub(crate) fn campaigns_not_in_context(
    name: &str,
    unknown: &[&str],
    listed: &[Campaign],
) -> String {
    const SHOWN: usize = 5;
    let mut ids: Vec<&str> = listed.iter().take(SHOWN).map(|c| c.id.as_str()).collect();
    if listed.len() > SHOWN {
        ids.push("...");
    }
    let (them, are) = if unknown.len() == 1 {
        ("campaign", "is")
    } else {
        ("campaigns", "are")
    };
    format!(
        "{them} {} {are} not in {name}'s campaigns ({} listed: {}): Allegro would answer BA10 \
         for every offer; name a listed campaign with --campaign, or add it to the context",
        unknown.join(", "),
        listed.len(),
        ids.join(", "),
    )
}

/// Says on stderr that `command` reads standard input, when that is a
/// terminal and no file was named (it would otherwise wait silently).
pub(crate) fn note_terminal_input(file: Option<&std::path::Path>, what: &str) {
    let from_stdin = file.is_none_or(|path| path.as_os_str() == "-");
    if from_stdin && io::stdin().is_terminal() {
        // Nothing more can be done if stderr is gone.
        let _ = io::stderr().lock().write_all(
            format!(
                "badge-rules: reading {what} from standard input (type or paste it, then \
                 Ctrl-D; or name a file: badge-rules check FILE)\n"
            )
            .as_bytes(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_and_offers_are_told_from_documents_and_contexts() {
        assert!(offers_page_as_context(br#"{"offers": [], "count": 0}"#));
        assert!(!offers_page_as_context(
            br#"{"offers": [], "campaigns": []}"#
        ));
        assert!(!offers_page_as_context(b"[1]"));
        assert_eq!(
            offers_as_check_document(br#"{"offers": []}"#),
            Some("a GET /sale/offers page")
        );
        assert!(offers_as_check_document(br#"{"id": "1", "sellingMode": {}}"#).is_some());
        assert_eq!(
            offers_as_check_document(br#"{"kind": "x", "offers": []}"#),
            None
        );
        assert_eq!(offers_as_check_document(b"{"), None);
    }
}
