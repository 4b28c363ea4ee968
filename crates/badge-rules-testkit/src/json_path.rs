//! Whether an input error's JSON path exists in the input it names: the
//! fuzz targets' path invariant (docs/DESIGN.md, "Testing").
//!
//! A path is written as the input errors write it (keys joined by `.`,
//! indices in brackets, `""` for the whole input). It is resolved against
//! the input parsed as JSON, every member of an object kept (a key given
//! twice is two members, as the engine's scanner sees them), and:
//!
//! - it **names a value** ([`Found::Value`]) when each step is a member or
//!   an element of the value before it;
//! - it **names a missing key** ([`Found::MissingKey`]) when every step but
//!   the last names a value, that value is an object, the last step is a key
//!   (no `.` or `[` in it) and the object has no member by that key: the
//!   engine names a missing required key by its own path
//!   (`campaigns[0].id`), so its parent is what must exist;
//! - else it **does not exist** ([`Found::Nowhere`]).
//!
//! A key holding `.` or `[` is tried every way the text can be cut, so it
//! never makes a path that exists look absent.
//!
//! ```
//! use badge_rules_testkit::json_path::{find, Found};
//! let text = r#"{"offers": [{"id": 5}], "a.b": {"c": 1}}"#;
//! assert_eq!(find(text, "offers[0].id"), Some(Found::Value));
//! assert_eq!(find(text, "offers[0].price"), Some(Found::MissingKey));
//! assert_eq!(find(text, "offers[1].id"), Some(Found::Nowhere));
//! assert_eq!(find(text, "offers[0].id.x"), Some(Found::Nowhere));
//! assert_eq!(find(text, "a.b.c"), Some(Found::Value));
//! assert_eq!(find(text, ""), Some(Found::Value));
//! assert_eq!(find("{", ""), None); // not JSON: nothing to resolve against
//! ```

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// Where a path leads in an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Found {
    /// Nowhere: a step names no member or element.
    Nowhere,
    /// An object that lacks the last step's key (a missing required key).
    MissingKey,
    /// A value of the input.
    Value,
}

/// Deeper than this the input is not resolved (the tree is read
/// recursively): far past the 160 levels the engine's locator scans.
const MAX_DEPTH: usize = 500;

/// A JSON value with every member of its objects, duplicates included.
#[derive(Debug)]
enum Tree {
    Object(Vec<(String, Tree)>),
    Array(Vec<Tree>),
    Scalar,
}

/// Where `path` leads in `text` (a leading byte-order mark skipped), or
/// `None` when `text` is not one JSON value (or is nested deeper than
/// 500 levels): the invariant holds only for inputs that parse.
pub fn find(text: &str, path: &str) -> Option<Found> {
    let tree = parse(text)?;
    Some(resolve(&tree, path, true))
}

/// `text` as a [`Tree`].
fn parse(text: &str) -> Option<Tree> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if depth(text) > MAX_DEPTH {
        return None;
    }
    let mut de = serde_json::Deserializer::from_str(text);
    de.disable_recursion_limit();
    let tree = Tree::deserialize(&mut de).ok()?;
    de.end().ok()?;
    Some(tree)
}

/// The deepest nesting of brackets in `text`, strings skipped.
fn depth(text: &str) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0, false, false);
    for b in text.bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// Where `rest` (the part of a path not yet followed) leads from `node`;
/// `first` when no step was followed yet (no `.` before a key).
fn resolve(node: &Tree, rest: &str, first: bool) -> Found {
    if rest.is_empty() {
        return Found::Value;
    }
    match node {
        Tree::Scalar => Found::Nowhere,
        Tree::Array(items) => {
            let Some(after_bracket) = rest.strip_prefix('[') else {
                return Found::Nowhere;
            };
            let Some((index, after)) = after_bracket.split_once(']') else {
                return Found::Nowhere;
            };
            match index.parse::<usize>().ok().and_then(|i| items.get(i)) {
                Some(item) => resolve(item, after, false),
                None => Found::Nowhere,
            }
        }
        Tree::Object(members) => {
            let key_text = if first {
                rest
            } else {
                match rest.strip_prefix('.') {
                    Some(text) => text,
                    None => return Found::Nowhere,
                }
            };
            let mut best = Found::Nowhere;
            for (key, value) in members {
                let Some(after) = key_text.strip_prefix(key.as_str()) else {
                    continue;
                };
                if after.is_empty() || after.starts_with(['.', '[']) {
                    best = best.max(resolve(value, after, false));
                    if best == Found::Value {
                        return best;
                    }
                }
            }
            let single_key = !key_text.is_empty() && !key_text.contains(['.', '[']);
            if single_key && members.iter().all(|(key, _)| key != key_text) {
                best = best.max(Found::MissingKey);
            }
            best
        }
    }
}

impl<'de> Deserialize<'de> for Tree {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TreeVisitor)
    }
}

struct TreeVisitor;

impl<'de> Visitor<'de> for TreeVisitor {
    type Value = Tree;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Tree, E> {
        Ok(Tree::Scalar)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Tree, E> {
        Ok(Tree::Scalar)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Tree, E> {
        Ok(Tree::Scalar)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Tree, E> {
        Ok(Tree::Scalar)
    }
    fn visit_str<E>(self, _: &str) -> Result<Tree, E> {
        Ok(Tree::Scalar)
    }
    fn visit_unit<E>(self) -> Result<Tree, E> {
        Ok(Tree::Scalar)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Tree, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Tree::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Tree, A::Error> {
        let mut members = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, Tree>()? {
            members.push((key, value));
        }
        Ok(Tree::Object(members))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_keys_are_each_a_member() {
        let text = r#"{"a": {"b": 1}, "a": {}}"#;
        assert_eq!(find(text, "a.b"), Some(Found::Value));
        assert_eq!(find(text, "a.c"), Some(Found::MissingKey));
    }

    #[test]
    fn an_index_on_an_object_or_a_key_on_an_array_is_nowhere() {
        assert_eq!(find(r#"{"a": []}"#, "a.x"), Some(Found::Nowhere));
        assert_eq!(find(r#"{"a": {}}"#, "a[0]"), Some(Found::Nowhere));
        assert_eq!(find("[1, [2]]", "[1][0]"), Some(Found::Value));
        assert_eq!(find("[1, [2]]", "[1][1]"), Some(Found::Nowhere));
        assert_eq!(find("[1]", "x"), Some(Found::Nowhere));
    }

    #[test]
    fn a_missing_key_needs_its_parent_and_a_plain_name() {
        let text = r#"{"a": {"b": 1}}"#;
        assert_eq!(find(text, "a.c"), Some(Found::MissingKey));
        assert_eq!(find(text, "x"), Some(Found::MissingKey));
        // Two steps below a missing key: the parent does not exist.
        assert_eq!(find(text, "x.y"), Some(Found::Nowhere));
        assert_eq!(find(text, "a.b.c"), Some(Found::Nowhere));
        assert_eq!(find(text, "a.c[0]"), Some(Found::Nowhere));
    }

    #[test]
    fn deep_inputs_resolve_and_too_deep_ones_are_not_judged() {
        let deep = format!("{}{}", "[".repeat(300), "]".repeat(300));
        let path: String = "[0]".repeat(299);
        assert_eq!(find(&deep, &path), Some(Found::Value));
        assert_eq!(find(&deep, &"[0]".repeat(300)), Some(Found::Nowhere));
        let too_deep = format!("{}{}", "[".repeat(3_000), "]".repeat(3_000));
        assert_eq!(find(&too_deep, ""), None);
        // A bracket in a string is no nesting.
        assert_eq!(find(r#"{"a": "[[[\"[["}"#, "a"), Some(Found::Value));
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        assert_eq!(find("\u{feff}{\"a\": 1}", "a"), Some(Found::Value));
    }
}
