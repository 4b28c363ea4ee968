//! Keys whose `null` says something other than their absence, and lists
//! whose `null` is empty.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A field that distinguishes absent from `null`.
///
/// ```
/// use badge_rules::document::{Metrics, Nullable};
/// let m: Metrics = serde_json::from_str(r#"{"averageSellingPrice": null}"#).unwrap();
/// assert_eq!(m.average_selling_price, Nullable::Null);
/// let m: Metrics = serde_json::from_str("{}").unwrap();
/// assert_eq!(m.average_selling_price, Nullable::Absent);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Nullable<T> {
    /// The key is absent.
    #[default]
    Absent,
    /// The key is `null`.
    Null,
    /// A value.
    Value(T),
}

impl<T> Nullable<T> {
    /// Is the key absent?
    ///
    /// ```
    /// assert!(badge_rules::document::Nullable::<u8>::Absent.is_absent());
    /// ```
    pub fn is_absent(&self) -> bool {
        matches!(self, Nullable::Absent)
    }
}

impl<T: Serialize> Serialize for Nullable<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Nullable::Value(v) => v.serialize(s),
            _ => s.serialize_none(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Nullable<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match Option::<T>::deserialize(d)? {
            Some(v) => Nullable::Value(v),
            None => Nullable::Null,
        })
    }
}

/// `null` reads as the type's default (an empty list).
pub(super) fn null_as_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}
