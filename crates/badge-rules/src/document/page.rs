//! The GET responses a context list can be given as: a check document's
//! `campaigns`, `badges` and `applications` (and a plan's context) take the
//! list alone or the whole response object, `{"badgeCampaigns": [...]}`,
//! `{"badges": [...]}`, `{"badgeApplications": [...]}`, as Allegro's
//! OpenAPI description names their keys.
//!
//! ```
//! use badge_rules::{check_json, Code, Options};
//! let doc = r#"{"kind": "application",
//!     "request": {"campaign": {"id": "HIT"}, "offer": {"id": "12345678"}},
//!     "campaigns": {"badgeCampaigns": [{"id": "OTHER"}]}}"#;
//! let report = check_json(doc, &Options::default()).unwrap();
//! assert!(report.violations.iter().any(|v| v.code == Code::BA10)); // HIT is not in the response
//! ```

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::{Application, Badge, Campaign};

/// A GET response holding one list.
pub(crate) trait Page {
    /// What the list holds.
    type Item;
    /// The list.
    fn items(self) -> Vec<Self::Item>;
}

/// GET /sale/badge-campaigns.
#[derive(Deserialize)]
pub(crate) struct CampaignsPage {
    #[serde(rename = "badgeCampaigns")]
    pub(crate) campaigns: Vec<Campaign>,
}

/// GET /sale/badges.
#[derive(Deserialize)]
pub(crate) struct BadgesPage {
    pub(crate) badges: Vec<Badge>,
}

/// GET /sale/badge-applications.
#[derive(Deserialize)]
pub(crate) struct ApplicationsPage {
    #[serde(rename = "badgeApplications")]
    pub(crate) applications: Vec<Application>,
}

impl Page for CampaignsPage {
    type Item = Campaign;
    fn items(self) -> Vec<Campaign> {
        self.campaigns
    }
}

impl Page for BadgesPage {
    type Item = Badge;
    fn items(self) -> Vec<Badge> {
        self.badges
    }
}

impl Page for ApplicationsPage {
    type Item = Application;
    fn items(self) -> Vec<Application> {
        self.applications
    }
}

/// Reads an optional list given alone (a JSON array) or as the GET response
/// `P` that holds it (a JSON object); `null` is absent.
pub(crate) fn list_or_page<'de, D, P>(deserializer: D) -> Result<Option<Vec<P::Item>>, D::Error>
where
    D: Deserializer<'de>,
    P: Page + Deserialize<'de>,
    P::Item: Deserialize<'de>,
{
    struct ListOrPage<P>(PhantomData<P>);

    impl<'de, P> Visitor<'de> for ListOrPage<P>
    where
        P: Page + Deserialize<'de>,
        P::Item: Deserialize<'de>,
    {
        type Value = Option<Vec<P::Item>>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a sequence, or the GET response object holding it")
        }

        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Self::Value, D2::Error> {
            d.deserialize_any(self)
        }

        fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
            Vec::<P::Item>::deserialize(SeqAccessDeserializer::new(seq)).map(Some)
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            P::deserialize(MapAccessDeserializer::new(map)).map(|page| Some(page.items()))
        }
    }

    deserializer.deserialize_option(ListOrPage::<P>(PhantomData))
}

#[cfg(test)]
mod tests {
    use crate::read::parse_document;

    #[test]
    fn each_list_reads_alone_or_as_its_response() {
        for (key, page, item) in [
            ("campaigns", "badgeCampaigns", r#"{"id": "X"}"#),
            (
                "badges",
                "badges",
                r#"{"offer": {"id": "1"}, "campaign": {"id": "X"}, "process": {"status": "ACTIVE"}}"#,
            ),
            (
                "applications",
                "badgeApplications",
                r#"{"id": "a", "createdAt": "2026-11-01T00:00:00Z", "offer": {"id": "1"}, "campaign": {"id": "X"}, "process": {"status": "REQUESTED"}}"#,
            ),
        ] {
            let alone = format!(r#"{{"kind": "application", "{key}": [{item}]}}"#);
            let whole = format!(
                r#"{{"kind": "application", "{key}": {{"{page}": [{item}], "count": 1}}}}"#
            );
            let none = format!(r#"{{"kind": "application", "{key}": null}}"#);
            assert_eq!(
                parse_document(&alone).unwrap(),
                parse_document(&whole).unwrap(),
                "{key}"
            );
            assert!(
                parse_document(&none).unwrap()
                    == parse_document(r#"{"kind": "application"}"#).unwrap()
            );
            let wrong = format!(r#"{{"kind": "application", "{key}": {{"{page}": [7]}}}}"#);
            let err = parse_document(&wrong).unwrap_err();
            assert_eq!(err.path(), format!("{key}.{page}[0]"), "{err}");
            let missing = format!(r#"{{"kind": "application", "{key}": {{"other": []}}}}"#);
            assert_eq!(
                parse_document(&missing).unwrap_err().kind(),
                "shape",
                "{key}"
            );
        }
    }
}
