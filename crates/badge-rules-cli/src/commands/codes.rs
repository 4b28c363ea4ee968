//! `badge-rules codes`: the catalogue of codes ([`api::catalogue`]), for
//! people or programs, in the chosen language.

use std::fmt::Write as _;

use badge_rules::api::{self, CatalogueEntry, CheckKind, EvidenceKind, RouteEntry};
use badge_rules::channel::{Channel, TextSource};
use badge_rules::locale::{interpolate, Label};
use badge_rules::Lang;

use crate::args::{CodesArgs, Format};
use crate::exit::{print, Fatal};

pub(crate) fn run(args: &CodesArgs) -> Result<u8, Fatal> {
    let entries = api::catalogue(args.lang);
    let text = match args.format {
        Format::Json => serde_json::to_string_pretty(&entries)
            .map(|text| text + "\n")
            .map_err(|e| Fatal::Io(format!("cannot write the catalogue: {e}")))?,
        Format::Text => render(&entries, args.lang),
    };
    print(&text)
}

/// One line per code, then one with the reason for a server-only one and
/// one per route (endpoint: how Allegro answers, documented or inferred),
/// then a line counting them.
fn render(entries: &[CatalogueEntry], lang: Lang) -> String {
    let offline_word = lang.label(Label::Offline);
    let server_word = lang.label(Label::ServerOnly);
    let width = entries
        .iter()
        .map(|e| e.code.as_str().chars().count())
        .max()
        .unwrap_or(0);
    let check_width = offline_word
        .chars()
        .count()
        .max(server_word.chars().count());
    let mut s = String::new();
    // Writing to a String cannot fail.
    for entry in entries {
        let code = entry.code.as_str();
        let word = match entry.check {
            CheckKind::ServerOnly => server_word,
            _ => offline_word,
        };
        let _ = writeln!(s, "{code:<width$}  {word:<check_width$}  {}", entry.text);
        let mut more = Vec::new();
        if let Some(reason) = &entry.reason {
            more.push(
                interpolate(lang.label(Label::ServerOnlyBecause), &[("reason", reason)])
                    .into_owned(),
            );
        }
        if let Some(provenance) = provenance(entry, lang) {
            more.push(provenance);
        }
        if entry.retry.is_some() {
            more.push(lang.label(Label::RetryLater).to_owned());
        }
        for line in more {
            let _ = writeln!(s, "{:<width$}  {:<check_width$}  {line}", "", "");
        }
        for route in &entry.routes {
            let _ = writeln!(
                s,
                "{:<width$}  {:<check_width$}  {}",
                "",
                "",
                route_line(route, lang)
            );
        }
        for cause in &entry.also {
            let line = interpolate(
                lang.label(Label::AlsoCause),
                &[("endpoint", cause.endpoint), ("why", &cause.source)],
            );
            let _ = writeln!(s, "{:<width$}  {:<check_width$}  {line}", "", "");
        }
    }
    let offline = entries
        .iter()
        .filter(|e| e.check == CheckKind::Offline)
        .count();
    let total = entries.len();
    let (total, server_only, offline) = (
        total.to_string(),
        total.saturating_sub(offline).to_string(),
        offline.to_string(),
    );
    s.push_str(&interpolate(
        lang.label(Label::CodesSummary),
        &[
            ("total", &total),
            ("offline", &offline),
            ("serverOnly", &server_only),
        ],
    ));
    s.push('\n');
    s
}

/// Where a text that is not Allegro's guide's comes from: quoted from an
/// issue, an integrator's paraphrase, or the engine's translation of an
/// Allegro text (`None`: the guide's or the OpenAPI's own, or an `ADS_*`
/// code, which is the engine's by definition).
fn provenance(entry: &CatalogueEntry, lang: Lang) -> Option<String> {
    let reference = entry.text_ref.unwrap_or("");
    let label = match entry.text_source {
        TextSource::AllegroIssue => Label::TextQuoted,
        TextSource::Paraphrase => Label::TextParaphrased,
        TextSource::Engine if entry.code.is_allegros() => Label::TextTranslated,
        _ => return None,
    };
    Some(interpolate(lang.label(label), &[("ref", reference)]).into_owned())
}

/// `POST /sale/badges: at once, HTTP 422 (documented)`.
fn route_line(route: &RouteEntry, lang: Lang) -> String {
    let channel = match route.channel {
        Channel::Sync { status } => interpolate(
            lang.label(Label::RouteSync),
            &[("status", &status.to_string())],
        )
        .into_owned(),
        Channel::Declined => lang.label(Label::RouteDeclined).to_owned(),
        Channel::Eligibility => lang.label(Label::RouteEligibility).to_owned(),
        // The engine's own codes, and any channel a later engine adds.
        _ => lang.label(Label::RouteEngine).to_owned(),
    };
    let evidence = match route.evidence {
        EvidenceKind::Documented => lang.label(Label::Documented),
        _ => lang.label(Label::Inferred),
    };
    format!("{}: {channel} ({evidence})", route.endpoint)
}
