//! The figures behind a message: a violation's, a warning's or an input
//! error's params, by name (`{"bargain": "120.01", "market": "200.00"}`).
//!
//! A [`ParamMap`] holds two or three entries, kept in a vector sorted by
//! name. It reads and serializes as a B-tree map would (the same JSON object,
//! its keys in order), without a B-tree's code in the `.wasm` (BENCHMARKS.md:
//! −4.6 KB gzip, every answer byte-identical).
//!
//! ```
//! use badge_rules::params::ParamMap;
//! let mut params = ParamMap::new();
//! params.insert("market".into(), "200.00".to_owned());
//! params.insert("bargain".into(), "120.01".to_owned());
//! assert_eq!(params.get("market").map(String::as_str), Some("200.00"));
//! assert_eq!(serde_json::to_string(&params).unwrap(), r#"{"bargain":"120.01","market":"200.00"}"#);
//! ```

use std::borrow::{Borrow, Cow};
use std::cmp::Ordering;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Params by name, each name once, in the order of the names.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ParamMap(Vec<(Cow<'static, str>, String)>);

impl ParamMap {
    /// No params.
    ///
    /// ```
    /// assert!(badge_rules::params::ParamMap::new().is_empty());
    /// ```
    pub const fn new() -> Self {
        ParamMap(Vec::new())
    }

    /// Sets `name` to `value`; gives back the value it replaces.
    ///
    /// ```
    /// let mut params = badge_rules::params::ParamMap::new();
    /// assert_eq!(params.insert("a".into(), "1".into()), None);
    /// assert_eq!(params.insert("a".into(), "2".into()), Some("1".to_owned()));
    /// ```
    pub fn insert(&mut self, name: Cow<'static, str>, value: String) -> Option<String> {
        let mut at = self.0.len();
        for (i, (k, v)) in self.0.iter_mut().enumerate() {
            match (**k).cmp(&*name) {
                Ordering::Less => {}
                Ordering::Equal => return Some(std::mem::replace(v, value)),
                Ordering::Greater => {
                    at = i;
                    break;
                }
            }
        }
        self.0.insert(at, (name, value));
        None
    }

    /// The value of `name`.
    ///
    /// ```
    /// let params: badge_rules::params::ParamMap = [("a".into(), "1".to_owned())].into_iter().collect();
    /// assert_eq!(params.get("a").map(String::as_str), Some("1"));
    /// assert_eq!(params.get("b"), None);
    /// ```
    pub fn get<Q: ?Sized + Ord>(&self, name: &Q) -> Option<&String>
    where
        str: Borrow<Q>,
    {
        self.0
            .iter()
            .find(|(k, _)| (**k).borrow() == name)
            .map(|(_, v)| v)
    }

    /// Is there a value for `name`?
    ///
    /// ```
    /// let params: badge_rules::params::ParamMap = [("a".into(), "1".to_owned())].into_iter().collect();
    /// assert!(params.contains_key("a") && !params.contains_key("b"));
    /// ```
    pub fn contains_key<Q: ?Sized + Ord>(&self, name: &Q) -> bool
    where
        str: Borrow<Q>,
    {
        self.get(name).is_some()
    }

    /// The params in the order of their names.
    ///
    /// ```
    /// let params: badge_rules::params::ParamMap = [("b".into(), "2".to_owned()), ("a".into(), "1".to_owned())].into_iter().collect();
    /// let names: Vec<&str> = params.iter().map(|(k, _)| &**k).collect();
    /// assert_eq!(names, ["a", "b"]);
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = (&Cow<'static, str>, &String)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// The names, in order.
    ///
    /// ```
    /// let params: badge_rules::params::ParamMap = [("b".into(), "2".to_owned())].into_iter().collect();
    /// assert_eq!(params.keys().map(|k| &**k).collect::<Vec<_>>(), ["b"]);
    /// ```
    pub fn keys(&self) -> impl Iterator<Item = &Cow<'static, str>> {
        self.0.iter().map(|(k, _)| k)
    }

    /// The values, in the order of their names.
    ///
    /// ```
    /// let params: badge_rules::params::ParamMap = [("b".into(), "2".to_owned())].into_iter().collect();
    /// assert_eq!(params.values().collect::<Vec<_>>(), ["2"]);
    /// ```
    pub fn values(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(_, v)| v)
    }

    /// How many params.
    ///
    /// ```
    /// assert_eq!(badge_rules::params::ParamMap::new().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// No params?
    ///
    /// ```
    /// assert!(badge_rules::params::ParamMap::new().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<(Cow<'static, str>, String)> for ParamMap {
    fn from_iter<I: IntoIterator<Item = (Cow<'static, str>, String)>>(iter: I) -> Self {
        let mut map = ParamMap::new();
        for (k, v) in iter {
            map.insert(k, v);
        }
        map
    }
}

impl<'a> IntoIterator for &'a ParamMap {
    type Item = (&'a Cow<'static, str>, &'a String);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (Cow<'static, str>, String)>,
        fn(&'a (Cow<'static, str>, String)) -> (&'a Cow<'static, str>, &'a String),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl Serialize for ParamMap {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for ParamMap {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries;
        impl<'de> Visitor<'de> for Entries {
            type Value = ParamMap;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object of strings")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<ParamMap, A::Error> {
                let mut map = ParamMap::new();
                while let Some((k, v)) = access.next_entry::<String, String>()? {
                    map.insert(Cow::Owned(k), v);
                }
                Ok(map)
            }
        }
        deserializer.deserialize_map(Entries)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_stay_sorted_and_unique_and_serialize_as_a_btree_map_does() {
        let mut map = ParamMap::new();
        let mut tree = std::collections::BTreeMap::new();
        for (k, v) in [("m", "1"), ("a", "2"), ("z", "3"), ("m", "4"), ("b", "5")] {
            assert_eq!(
                map.insert(Cow::Borrowed(k), v.to_owned()),
                tree.insert(Cow::Borrowed(k), v.to_owned())
            );
        }
        assert_eq!(
            serde_json::to_string(&map).unwrap(),
            serde_json::to_string(&tree).unwrap()
        );
        let back: ParamMap = serde_json::from_str(&serde_json::to_string(&map).unwrap()).unwrap();
        assert_eq!(back, map);
        assert_eq!(map.len(), 4);
    }
}
