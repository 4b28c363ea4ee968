//! A request's options: its query parameters (`lang`, `format`, ...) and
//! `Accept-Language`, read into the core's option types.

use axum::http::{header, HeaderMap, Uri};
use axum::response::Response;
use badge_rules::api::{AnswerFormat, CheckOptions};
use badge_rules::{Lang, Options};

use crate::envelope;

/// The query parameters, in order (a name may repeat).
#[derive(Debug, Default)]
pub(crate) struct Query(Vec<(String, String)>);

impl Query {
    /// The parameters of `uri`.
    pub(crate) fn of(uri: &Uri) -> Query {
        Query(
            form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
                .into_owned()
                .collect(),
        )
    }

    /// The last value of `name`.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of `name`, in order; a value with commas is several.
    pub(crate) fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(n, _)| n == name)
            .flat_map(|(_, v)| v.split(','))
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
            .collect()
    }
}

/// The messages' options: `lang` when given (a tag the engine does not know
/// is a 400), else the first tag of `Accept-Language` the engine knows,
/// else English.
pub(crate) fn options(query: &Query, headers: &HeaderMap) -> Result<Options, Response> {
    if let Some(tag) = query.get("lang") {
        return Options::from_tag(tag)
            .map_err(|e| envelope::usage("lang", "UNKNOWN_VALUE", &format!("lang: {e}")));
    }
    let accepted = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    Ok(accepted
        .split(',')
        .filter_map(|part| part.split(';').next())
        .map(str::trim)
        .find_map(|tag| Options::from_tag(tag).ok())
        .unwrap_or_default())
}

/// The messages' language alone.
pub(crate) fn lang(query: &Query, headers: &HeaderMap) -> Result<Lang, Response> {
    options(query, headers).map(|o| o.lang)
}

/// `lang` and `format` (`json`, the report, by default; or `allegro`).
pub(crate) fn check_options(query: &Query, headers: &HeaderMap) -> Result<CheckOptions, Response> {
    let messages = options(query, headers)?;
    let format = match query.get("format") {
        None | Some("json") => AnswerFormat::Report,
        Some("allegro") => AnswerFormat::Allegro,
        Some(other) => {
            return Err(envelope::usage(
                "format",
                "UNKNOWN_VALUE",
                &format!("format must be \"json\" (the default) or \"allegro\", not {other:?}"),
            ))
        }
    };
    Ok(CheckOptions { messages, format })
}

/// An RFC 3339 time parameter, or `None` when absent.
pub(crate) fn instant(
    query: &Query,
    name: &str,
) -> Result<Option<badge_rules::period::Instant>, Response> {
    query
        .get(name)
        .map(|text| {
            text.parse().map_err(|_| {
                envelope::usage(
                    name,
                    "INVALID_VALUE",
                    &format!(
                        "{name}: {text:?} is not an RFC 3339 time with an offset, such as 2026-11-23T12:00:00Z"
                    ),
                )
            })
        })
        .transpose()
}
