//! Filling a check document's bytes without parsing it whole: a probe reads
//! the few fields [`crate::Ledger::fill_bytes`] needs, and the history is
//! appended as the document's `metrics`.

use std::fmt;

use badge_rules::period::Instant;
use serde::de::{self, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use badge_rules::money::Marketplace;

use crate::answers::Question;

/// `{"id": ...}`.
#[derive(Deserialize)]
pub(crate) struct IdRef {
    id: Option<String>,
}

/// `request`: its `offer.id` and `campaign.id`.
#[derive(Deserialize)]
pub(crate) struct RequestProbe {
    offer: Option<IdRef>,
    campaign: Option<IdRef>,
}

/// `{"from": ...}` of a campaign's `publication`.
#[derive(Deserialize)]
pub(crate) struct PublicationProbe {
    from: Option<String>,
}

/// One of `campaigns[]`: its id, marketplace and publication start.
#[derive(Deserialize)]
pub(crate) struct CampaignProbe {
    id: Option<String>,
    marketplace: Option<IdRef>,
    publication: Option<PublicationProbe>,
}

/// What of a check document the ledger reads; anything else is skipped.
#[derive(Deserialize)]
pub(crate) struct Probe {
    now: Option<String>,
    offer: Option<IdRef>,
    request: Option<RequestProbe>,
    #[serde(rename = "offerId")]
    offer_id: Option<String>,
    campaigns: Option<Vec<CampaignProbe>>,
    #[serde(default)]
    pub(crate) metrics: MetricsProbe,
}

impl Probe {
    /// `offer.id`, else `request.offer.id`, else `offerId`.
    pub(crate) fn offer_id(&self) -> Option<&str> {
        fn id(r: Option<&IdRef>) -> Option<&str> {
            r.and_then(|r| r.id.as_deref())
        }
        id(self.offer.as_ref())
            .or_else(|| id(self.request.as_ref().and_then(|r| r.offer.as_ref())))
            .or(self.offer_id.as_deref())
    }

    pub(crate) fn now(&self) -> Option<Instant> {
        self.now.as_deref().and_then(|t| t.parse().ok())
    }

    /// What the document asks of the ledger: its offer at its `now`, on the
    /// marketplace of its request's campaign (`request.campaign.id` found
    /// in `campaigns[]`), whose publication start may lie after `now`.
    pub(crate) fn question(&self) -> Option<Question> {
        let mut q = Question::new(self.offer_id()?, self.now()?);
        let campaign = self
            .request
            .as_ref()
            .and_then(|r| r.campaign.as_ref())
            .and_then(|c| c.id.clone());
        let found = campaign.as_deref().and_then(|id| {
            self.campaigns
                .iter()
                .flatten()
                .find(|c| c.id.as_deref() == Some(id))
        });
        if let Some(c) = found {
            q.marketplace = c
                .marketplace
                .as_ref()
                .and_then(|m| m.id.as_deref())
                .and_then(Marketplace::from_id);
            q.starts = c
                .publication
                .as_ref()
                .and_then(|p| p.from.as_deref())
                .and_then(|t| t.parse().ok());
        }
        q.campaign = campaign;
        Some(q)
    }
}

/// What the document's `metrics` is.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MetricsProbe {
    /// No `metrics` key.
    #[default]
    Absent,
    /// `"metrics": null`.
    Null,
    /// An object; `given`: it has a non-null `lowestPrice30Days` or
    /// `priceHistory`.
    Object { given: bool },
    /// Anything else (the engine names the fault).
    Other,
}

impl<'de> Deserialize<'de> for MetricsProbe {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = MetricsProbe;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("anything")
            }
            fn visit_unit<E: de::Error>(self) -> Result<MetricsProbe, E> {
                Ok(MetricsProbe::Null)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<MetricsProbe, A::Error> {
                let mut given = false;
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    if key == "lowestPrice30Days" || key == "priceHistory" {
                        given |= map.next_value::<Option<IgnoredAny>>()?.is_some();
                    } else {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                Ok(MetricsProbe::Object { given })
            }
            fn visit_seq<A: de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<MetricsProbe, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(MetricsProbe::Other)
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<MetricsProbe, E> {
                Ok(MetricsProbe::Other)
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<MetricsProbe, E> {
                Ok(MetricsProbe::Other)
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<MetricsProbe, E> {
                Ok(MetricsProbe::Other)
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<MetricsProbe, E> {
                Ok(MetricsProbe::Other)
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<MetricsProbe, E> {
                Ok(MetricsProbe::Other)
            }
        }
        d.deserialize_any(V)
    }
}

/// `bytes` (a JSON object without `metrics`) with `"metrics": metrics`
/// appended before its closing brace.
pub(crate) fn append_metrics(bytes: &[u8], metrics: &[u8]) -> Option<Vec<u8>> {
    let end = bytes.iter().rposition(|b| !b.is_ascii_whitespace())?;
    if bytes.get(end) != Some(&b'}') {
        return None;
    }
    let body = bytes.get(..end)?;
    let empty = body
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .is_some_and(|i| body.get(i) == Some(&b'{'));
    let mut out = Vec::with_capacity(bytes.len() + metrics.len() + 16);
    out.extend_from_slice(body);
    out.extend_from_slice(if empty {
        b"\"metrics\":"
    } else {
        b",\"metrics\":"
    });
    out.extend_from_slice(metrics);
    out.push(b'}');
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_probe_tells_what_metrics_is() {
        let probe = |t: &str| serde_json::from_str::<Probe>(t).unwrap().metrics;
        assert_eq!(probe("{}"), MetricsProbe::Absent);
        assert_eq!(probe(r#"{"metrics": null}"#), MetricsProbe::Null);
        assert_eq!(
            probe(r#"{"metrics": {"soldLast30Days": 3}}"#),
            MetricsProbe::Object { given: false }
        );
        assert_eq!(
            probe(r#"{"metrics": {"priceHistory": null}}"#),
            MetricsProbe::Object { given: false }
        );
        assert_eq!(
            probe(r#"{"metrics": {"priceHistory": []}}"#),
            MetricsProbe::Object { given: true }
        );
        assert_eq!(probe(r#"{"metrics": [1]}"#), MetricsProbe::Other);
        let p: Probe =
            serde_json::from_str(r#"{"request": {"offer": {"id": "7"}}, "offerId": "8"}"#).unwrap();
        assert_eq!(p.offer_id(), Some("7"));
    }

    #[test]
    fn metrics_are_appended_to_the_bytes() {
        let h = br#"{"priceHistory":[],"priceHistoryExact":true}"#;
        let m = r#""metrics":{"priceHistory":[],"priceHistoryExact":true}"#;
        assert_eq!(
            append_metrics(b"{ }\n", h).unwrap(),
            format!("{{ {m}}}").into_bytes()
        );
        assert_eq!(
            append_metrics(br#"{"a": 1}"#, h).unwrap(),
            format!(r#"{{"a": 1,{m}}}"#).into_bytes()
        );
        assert_eq!(append_metrics(b"[]", h), None);
    }
}
