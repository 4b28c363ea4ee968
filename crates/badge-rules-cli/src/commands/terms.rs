//! `badge-rules terms`: the terms of a built-in campaign, or with `--list`
//! the built-in campaigns ([`api::built_in_campaigns`]). Any other id is an
//! error naming the built-in ids: its terms are not known (RULES.md §5).

use std::fmt::Write as _;

use badge_rules::api;
use badge_rules::campaigns;
use badge_rules::document::Campaign;
use badge_rules::locale::{interpolate, Label};
use badge_rules::Lang;
use serde_json::Value;

use crate::args::{Format, TermsArgs};
use crate::exit::{print, Fatal};

pub(crate) fn run(args: &TermsArgs) -> Result<u8, Fatal> {
    let text = match (&args.id, args.list) {
        (Some(id), false) => terms_of(id, args.format.unwrap_or(Format::Json), args.lang)?,
        _ => list(args.format.unwrap_or(Format::Text), args.lang)?,
    };
    print(&text)
}

/// The terms of the built-in campaign `id`: the JSON object, or a heading
/// and one field per line; another id is a usage error (exit 2).
fn terms_of(id: &str, format: Format, lang: Lang) -> Result<String, Fatal> {
    let Some(built_in) = campaigns::find(id) else {
        let ids: Vec<&str> = campaigns::BUILT_IN.iter().map(|c| c.id).collect();
        let ids = ids.join(", ");
        return Err(Fatal::Usage(
            interpolate(lang.label(Label::NotBuiltIn), &[("id", id), ("ids", &ids)]).into_owned(),
        ));
    };
    // Through a `Value`: its keys are sorted, as this command always wrote them.
    let value = serde_json::to_value(built_in.terms())
        .map_err(|e| Fatal::Io(format!("cannot write the terms: {e}")))?;
    if format == Format::Json {
        return pretty(serde_json::to_string_pretty(&value));
    }
    let mut s = String::new();
    // Writing to a String cannot fail.
    let _ = writeln!(
        s,
        "{}",
        interpolate(lang.label(Label::TermsOf), &[("id", id)])
    );
    flatten(&value, "", &mut s);
    Ok(s)
}

/// Every built-in campaign: the JSON array of {campaign, terms}, or a
/// heading and one `id  name  type` line per campaign.
fn list(format: Format, lang: Lang) -> Result<String, Fatal> {
    let entries = api::built_in_campaigns(lang);
    if format == Format::Json {
        return pretty(serde_json::to_string_pretty(&entries));
    }
    let rows: Vec<[String; 3]> = entries.iter().map(|entry| row(&entry.campaign)).collect();
    let width = |i: usize| {
        rows.iter()
            .filter_map(|r| r.get(i))
            .map(|c| c.chars().count())
            .max()
            .unwrap_or(0)
    };
    let (id_width, name_width) = (width(0), width(1));
    let mut s = String::new();
    let _ = writeln!(s, "{}", lang.label(Label::BuiltInCampaigns));
    for [id, name, kind] in &rows {
        let _ = writeln!(s, "  {id:<id_width$}  {name:<name_width$}  {kind}");
    }
    Ok(s)
}

/// A campaign's id, name and type.
fn row(campaign: &Campaign) -> [String; 3] {
    let kind = campaign
        .kind
        .and_then(|kind| serde_json::to_value(kind).ok())
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    [
        campaign.id.clone(),
        campaign.name.clone().unwrap_or_default(),
        kind,
    ]
}

/// Pretty JSON with a newline.
fn pretty(json: serde_json::Result<String>) -> Result<String, Fatal> {
    json.map(|text| text + "\n")
        .map_err(|e| Fatal::Io(format!("cannot write the terms: {e}")))
}

/// One `path: value` line per leaf of `value`.
fn flatten(value: &Value, prefix: &str, out: &mut String) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                flatten(inner, &path, out);
            }
        }
        Value::String(text) => {
            let _ = writeln!(out, "  {prefix}: {text}");
        }
        other => {
            let _ = writeln!(out, "  {prefix}: {other}");
        }
    }
}
