//! The rule reference, `docs/RULES-REFERENCE.md`: every rule of the registry,
//! kind by kind, with its codes and Allegro's texts, the section of
//! docs/RULES.md it implements, its function, and what the conformance corpus
//! shows of it (what it reads, what it blames, when it is skipped, which
//! vectors pin it).
//!
//! The file is generated ([`render`]) and never edited by hand: run
//! [`COMMAND`] after changing a rule, the catalogue, the English texts,
//! docs/RULES.md's headings or the corpus. `tests/rule_reference.rs` fails
//! when the committed file is not what [`render`] writes now.
//!
//! What the corpus shows ([`observe`]), rule by rule through
//! [`registry::trace`] (a report names codes, the trace names the rule that
//! made each finding: an application's BB1 is the account rule's or a refusal
//! Allegro relays):
//!
//! - **blames**: the paths of the rule's violations, over every vector;
//! - **skipped without**: the inputs it was skipped for want of;
//! - **reads**: the context inputs whose removal from some vector changes what
//!   the rule finds: each key of the document but `kind`, the request and its
//!   path parameters (`offerId`, ...), at every depth, removed one at a time
//!   (for a `partnerLevel`, whose request is the agency's own figures, the
//!   request's keys too); a removal the engine refuses as an input error
//!   shows nothing, and an input is listed by its deepest key that shows
//!   (`offer.stock.available`, not `offer.stock`);
//! - **vectors**: the vectors whose expectation names a code (in `codes`,
//!   `violations` or `skipped`) that the rule made in that vector.
//!
//! ```
//! let observed = badge_rules_testkit::reference::observe(&badge_rules_testkit::corpus::load());
//! let ba17 = observed.of(badge_rules::Kind::Application, "offer::ba17", badge_rules::Code::BA17);
//! assert!(ba17.blames.contains("offer.id"));
//! assert!(ba17.skipped_without.contains("offer.stock.available"));
//! assert!(ba17.reads.contains("offer.stock.available"));
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use badge_rules::catalogue::{self, Check};
use badge_rules::registry::{self, RuleInfo};
use badge_rules::{parse_document, Code, Kind, Lang};
use serde_json::Value;

use crate::corpus::Vector;

/// The command that regenerates the reference.
pub const COMMAND: &str = "cargo run -p badge-rules-testkit --bin rule-reference -- --write";

/// The repository's root.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Where the reference is committed: `docs/RULES-REFERENCE.md`.
pub fn path() -> PathBuf {
    root().join("docs/RULES-REFERENCE.md")
}

/// What the corpus shows of one rule's code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Seen {
    /// The context inputs whose removal changes what the rule finds.
    pub reads: BTreeSet<String>,
    /// The paths of its violations.
    pub blames: BTreeSet<String>,
    /// The inputs it was skipped for want of.
    pub skipped_without: BTreeSet<String>,
    /// The vectors whose expectation names the code where the rule made it,
    /// in corpus order.
    pub vectors: Vec<String>,
}

impl Seen {
    fn extend(&mut self, other: Seen) {
        self.reads.extend(other.reads);
        self.blames.extend(other.blames);
        self.skipped_without.extend(other.skipped_without);
        for id in other.vectors {
            if !self.vectors.contains(&id) {
                self.vectors.push(id);
            }
        }
    }
}

/// A finding's owner: the kind of check, the rule (its registry name), the code.
type Key = (&'static str, &'static str, Code);

/// What the corpus shows, by kind of check, rule and code.
#[derive(Debug, Clone, Default)]
pub struct Observed {
    by: BTreeMap<Key, Seen>,
}

impl Observed {
    /// What the corpus shows of `code` made by the rule `rule` in checks of
    /// `kind` (empty if nothing).
    pub fn of(&self, kind: Kind, rule: &str, code: Code) -> Seen {
        self.by
            .iter()
            .find(|((k, r, c), _)| *k == kind.as_str() && *r == rule && *c == code)
            .map(|(_, seen)| seen.clone())
            .unwrap_or_default()
    }

    /// The codes the rule `rule` of `kind` made, in catalogue order.
    pub fn codes(&self, kind: Kind, rule: &str) -> Vec<Code> {
        self.by
            .keys()
            .filter(|(k, r, _)| *k == kind.as_str() && *r == rule)
            .map(|(_, _, code)| *code)
            .collect()
    }
}

/// What each rule found in one document: per (rule, code), the paths of its
/// violations and the inputs it was skipped for want of.
type Outcome = BTreeMap<(&'static str, Code), (BTreeSet<String>, BTreeSet<String>)>;

fn run(document: &Value) -> Option<(Kind, Outcome)> {
    let doc = parse_document(&document.to_string()).ok()?;
    let traced = registry::trace(&doc).ok()?;
    let mut out = Outcome::new();
    for t in traced {
        let entry = out.entry((t.rule, t.code)).or_default();
        if t.skipped {
            entry.1.insert(t.at.into_owned());
        } else {
            entry.0.insert(t.at.into_owned());
        }
    }
    Some((doc.kind, out))
}

/// Every key of `value` at every depth, and every element of its arrays, as
/// paths from the root (`["offer", "stock", "available"]`, `["badges", 0]`).
fn nodes(value: &Value, here: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                here.push(Step::Key(key.clone()));
                out.push(here.clone());
                nodes(child, here, out);
                here.pop();
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                here.push(Step::Index(i));
                out.push(here.clone());
                nodes(child, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

/// `value` without the node at `path`.
fn without(value: &Value, path: &[Step]) -> Value {
    let mut out = value.clone();
    let Some((last, parents)) = path.split_last() else {
        return out;
    };
    let mut at = &mut out;
    for step in parents {
        at = match step {
            Step::Key(k) => &mut at[k.as_str()],
            Step::Index(i) => &mut at[*i],
        };
    }
    match (last, at) {
        (Step::Key(k), Value::Object(map)) => {
            map.remove(k);
        }
        (Step::Index(i), Value::Array(items)) => {
            items.remove(*i);
        }
        _ => {}
    }
    out
}

/// A path as the reference writes it: `campaigns[].visibility.to`.
fn show_path(path: &[Step]) -> String {
    let mut s = String::new();
    for step in path {
        match step {
            Step::Key(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(k);
            }
            Step::Index(_) => s.push_str("[]"),
        }
    }
    s
}

/// Keeps the deepest paths: drops a path another one lies under.
fn deepest(paths: &BTreeSet<String>) -> BTreeSet<String> {
    paths
        .iter()
        .filter(|p| {
            !paths.iter().any(|q| {
                q.len() > p.len()
                    && q.starts_with(p.as_str())
                    && matches!(q.as_bytes()[p.len()], b'.' | b'[')
            })
        })
        .cloned()
        .collect()
}

/// Does the document's top-level `key` belong to the request (the body and
/// the path parameters), which the reads of a rule leave out?
fn is_request(kind: Kind, key: &str) -> bool {
    match key {
        "kind" => true,
        // A partner level's request is the agency's own figures: context.
        "request" => kind != Kind::PartnerLevel,
        "offerId" | "campaignId" | "applicationId" | "operationId" => true,
        _ => false,
    }
}

/// Runs every vector (and every vector with one input removed) through
/// [`registry::trace`] and records what each rule found.
pub fn observe(vectors: &[Vector]) -> Observed {
    let mut observed = Observed::default();
    let mut reads: BTreeMap<Key, BTreeSet<String>> = BTreeMap::new();
    for vector in vectors {
        let Some((kind, base)) = run(&vector.document) else {
            continue;
        };
        let k = kind.as_str();
        let expect = &vector.expect;
        let named: BTreeSet<Code> = expect
            .codes
            .iter()
            .chain(expect.violations.iter().flatten().map(|v| &v.code))
            .chain(expect.skipped.iter().flatten())
            .filter_map(|c| c.parse().ok())
            .collect();
        for (&(rule, code), (paths, missing)) in &base {
            let seen = observed.by.entry((k, rule, code)).or_default();
            seen.blames.extend(paths.iter().cloned());
            seen.skipped_without.extend(missing.iter().cloned());
            if named.contains(&code) {
                seen.vectors.push(vector.id.clone());
            }
        }
        let mut all = Vec::new();
        nodes(&vector.document, &mut Vec::new(), &mut all);
        for node in all {
            let top = match node.first() {
                Some(Step::Key(key)) => key.as_str(),
                _ => continue,
            };
            if is_request(kind, top) {
                continue;
            }
            let Some((_, changed)) = run(&without(&vector.document, &node)) else {
                continue;
            };
            let owners: BTreeSet<(&'static str, Code)> =
                base.keys().chain(changed.keys()).copied().collect();
            for owner in owners {
                if base.get(&owner) != changed.get(&owner) {
                    reads
                        .entry((k, owner.0, owner.1))
                        .or_default()
                        .insert(show_path(&node));
                }
            }
        }
    }
    for (key, paths) in reads {
        observed.by.entry(key).or_default().reads = paths;
    }
    observed
}

/// A section of docs/RULES.md: its number, title and anchor.
#[derive(Debug, Clone)]
struct Section {
    title: String,
    anchor: String,
}

/// The numbered headings of docs/RULES.md (`## 4. Rules`, `### 4.3 Prices
/// ...`), by number.
fn sections(rules_md: &str) -> BTreeMap<String, Section> {
    let mut out = BTreeMap::new();
    for line in rules_md.lines() {
        let Some(heading) = line
            .strip_prefix("### ")
            .or_else(|| line.strip_prefix("## "))
        else {
            continue;
        };
        let Some((number, title)) = heading.split_once(' ') else {
            continue;
        };
        let number = number.trim_end_matches('.');
        if number.is_empty() || !number.chars().all(|c| c.is_ascii_digit() || c == '.') {
            continue;
        }
        out.insert(
            number.to_owned(),
            Section {
                title: title.to_owned(),
                anchor: slug(heading),
            },
        );
    }
    out
}

/// GitHub's anchor of a heading: lower case, punctuation dropped, spaces as
/// hyphens.
fn slug(heading: &str) -> String {
    heading
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// A rule's source file, from its registry name (`prices::ba12` is in
/// `rules/prices.rs`; an unqualified name is in its kind's registry file).
fn source(rule: &RuleInfo) -> (String, &str) {
    let (module, function) = match rule.name.rsplit_once("::") {
        Some((module, function)) => (module.to_owned(), function),
        None => {
            let module = match rule.kind {
                Kind::BadgeUpdate => "update",
                _ => "queries",
            };
            (module.to_owned(), rule.name)
        }
    };
    (
        format!("crates/badge-rules/src/rules/{module}.rs"),
        function,
    )
}

/// What a kind of check is, in Allegro's terms.
fn endpoint(kind: Kind) -> &'static str {
    match kind {
        Kind::Application => "POST /sale/badges: an application for a badge",
        Kind::BadgeUpdate => {
            "PATCH /sale/badges/offers/{offerId}/campaigns/{campaignId}: a price change or a finish"
        }
        Kind::CampaignsQuery => "GET /sale/badge-campaigns",
        Kind::ApplicationsQuery => "GET /sale/badge-applications",
        Kind::BadgesQuery => "GET /sale/badges",
        Kind::ApplicationLookup => "GET /sale/badge-applications/{applicationId}",
        Kind::OperationLookup => "GET /sale/badge-operations/{operationId}",
        Kind::OfferConsent => "PUT /sale/allegro-prices-offer-consents/{offerId}",
        Kind::AccountConsent => "PUT /sale/allegro-prices-account-consent",
        Kind::AllegroPricesParticipation => "the Allegro Prices participation body",
        Kind::AllegroPricesOfferCommand => "the Allegro Prices offer command body",
        Kind::PartnerLevel => {
            "an agency's Allegro Ads Partner level (the engine's own ADS_* codes)"
        }
        _ => "",
    }
}

/// Text for a table cell: pipes escaped, nothing on a second line.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn code_list<'a>(items: impl IntoIterator<Item = &'a String>) -> String {
    items
        .into_iter()
        .map(|s| {
            if s.is_empty() {
                "`\"\"`".to_owned()
            } else {
                format!("`{s}`")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The reference, as docs/RULES-REFERENCE.md holds it. Panics when the
/// registry names a section docs/RULES.md lacks or a function its file lacks
/// (the links would be wrong).
pub fn render() -> String {
    let rules_md = std::fs::read_to_string(root().join("docs/RULES.md")).expect("docs/RULES.md");
    let sections = sections(&rules_md);
    let vectors = crate::corpus::load();
    let observed = observe(&vectors);
    let rules = registry::rules();
    let mut kinds: Vec<Kind> = Vec::new();
    for rule in &rules {
        if !kinds.contains(&rule.kind) {
            kinds.push(rule.kind);
        }
    }
    let server_only: Vec<_> = catalogue::ALL
        .iter()
        .filter(|row| !row.check.is_offline())
        .collect();
    let allegros = catalogue::ALL
        .iter()
        .filter(|r| r.code.is_allegros())
        .count();

    let mut s = String::new();
    let w = &mut s;
    // Writing to a String cannot fail.
    let _ = writeln!(w, "# Rule reference\n");
    let _ = writeln!(
        w,
        "<!-- Generated by `{COMMAND}` from the rule registry, the catalogue, the English texts, \
docs/RULES.md's headings and the conformance corpus. Do not edit: regenerate. -->\n"
    );
    let _ = writeln!(
        w,
        "Every rule the engine checks, kind of check by kind of check, in report order: \
the order of `badge_rules::registry::rules()`. [RULES.md](RULES.md) says what each rule \
means; this page says where each one lives and what the conformance corpus \
([tests/conformance](../tests/conformance)) shows of it. {} rules over {} kinds of check; \
the catalogue has {} codes ({} of Allegro's and {} of the engine's own `ADS_*` codes), \
{} decided offline and {} [server-only](#server-only-codes).\n",
        rules.len(),
        kinds.len(),
        catalogue::ALL.len(),
        allegros,
        catalogue::ALL.len().saturating_sub(allegros),
        catalogue::ALL.len().saturating_sub(server_only.len()),
        server_only.len(),
    );
    let _ = writeln!(w, "Each table has one row per rule:\n");
    for line in [
        "- **Codes**: the codes it reports, in report order, each with Allegro's English text \
(`{name}` stands for a param).",
        "- **Section**: the section of RULES.md it implements.",
        "- **Rule**: its function, as the registry names it, linked to its file.",
        "- **Reads**: the context inputs whose removal from some vector changes what the rule \
finds (each key of the document outside the request and its path parameters, removed one at a \
time; for `partnerLevel`, the request's own keys, the agency's figures).",
        "- **Blames**: the `path` of its violations over the corpus (`\"\"`: the account or the \
request as a whole).",
        "- **Skipped without**: the inputs it was skipped for want of over the corpus (a \
report's `missing`).",
        "- **Vectors**: the vectors whose expectation names one of its codes (`file#name`).",
    ] {
        let _ = writeln!(w, "{line}");
    }
    let _ = writeln!(
        w,
        "\nThe last four columns are what the corpus shows, no more: an empty cell means no \
vector shows it (a rule that is never skipped, or a gap in the corpus). They are observed \
through `badge_rules::registry::trace`, which names the rule behind each finding, so a code two \
rules report (an application's `BB1`: the account's, or a refusal Allegro relays) is shown \
under the rule that made it.\n"
    );
    let _ = writeln!(w, "## Contents\n");
    for kind in &kinds {
        let count = rules.iter().filter(|r| r.kind == *kind).count();
        let _ = writeln!(
            w,
            "- [{}](#{}): {}; {count} rule{}",
            kind.as_str(),
            slug(kind.as_str()),
            endpoint(*kind),
            if count == 1 { "" } else { "s" },
        );
    }
    let _ = writeln!(
        w,
        "- [Server-only codes](#server-only-codes): the {} codes only Allegro's servers decide",
        server_only.len()
    );

    for kind in &kinds {
        let _ = writeln!(w, "\n## {}\n", kind.as_str());
        let about = endpoint(*kind);
        let mut chars = about.chars();
        let about: String = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        let _ = writeln!(w, "{about}.\n");
        let _ = writeln!(
            w,
            "| Codes | Section | Rule | Reads | Blames | Skipped without | Vectors |"
        );
        let _ = writeln!(w, "| --- | --- | --- | --- | --- | --- | --- |");
        let of_kind: Vec<&RuleInfo> = rules.iter().filter(|r| r.kind == *kind).collect();
        for rule in &of_kind {
            let section = sections.get(rule.section).unwrap_or_else(|| {
                panic!(
                    "{} cites RULES.md §{}, which has no such heading",
                    rule.name, rule.section
                )
            });
            let (file, function) = source(rule);
            let text = std::fs::read_to_string(root().join(&file))
                .unwrap_or_else(|e| panic!("{}: {file}: {e}", rule.name));
            assert!(
                text.contains(&format!("fn {function}("))
                    || text.contains(&format!("fn {function}<")),
                "{}: no fn {function} in {file}",
                rule.name
            );
            let mut codes: Vec<String> = rule
                .codes
                .iter()
                .map(|code| format!("**{code}** {}", cell(code.info().text(Lang::En))))
                .collect();
            // A relaying rule's other codes: those Allegro named in the corpus.
            let relayed: Vec<Code> = if rule.relays {
                observed
                    .codes(*kind, rule.name)
                    .into_iter()
                    .filter(|code| !rule.codes.contains(code))
                    .collect()
            } else {
                Vec::new()
            };
            let mut seen = Seen::default();
            for code in rule.codes.iter().chain(&relayed) {
                seen.extend(observed.of(*kind, rule.name, *code));
            }
            seen.reads = deepest(&seen.reads);
            if rule.relays {
                let names: Vec<String> = relayed.iter().map(|c| format!("**{c}**")).collect();
                codes.push(format!(
                    "and any code Allegro names in the campaign's `eligibility.refusalReasons`{}",
                    if names.is_empty() {
                        String::new()
                    } else {
                        format!(" (the corpus relays {})", names.join(", "))
                    }
                ));
            }
            let vectors: Vec<&String> = vectors
                .iter()
                .map(|v| &v.id)
                .filter(|id| seen.vectors.contains(id))
                .collect();
            let _ = writeln!(
                w,
                "| {} | [§{} {}](RULES.md#{}) | [`{}`](../{file}) | {} | {} | {} | {} |",
                codes.join("<br>"),
                rule.section,
                cell(section.title.split(" (").next().unwrap_or_default()),
                section.anchor,
                rule.name,
                code_list(&seen.reads),
                code_list(&seen.blames),
                code_list(&seen.skipped_without),
                code_list(vectors),
            );
        }
    }

    let _ = writeln!(w, "\n## Server-only codes\n");
    let _ = writeln!(
        w,
        "Codes of Allegro's that only its servers can decide: the engine never reports one of \
its own accord, and relays one only when Allegro itself names it in a campaign's \
`eligibility.refusalReasons` (the `campaign::refusal` rule of an application). \
`badge-rules codes` lists them too, in either language.\n"
    );
    let _ = writeln!(w, "| Code | Allegro's text | Why only Allegro decides it |");
    let _ = writeln!(w, "| --- | --- | --- |");
    for row in server_only {
        let reason = match row.check {
            Check::ServerOnly(_) => row.check.reason(Lang::En).unwrap_or_default(),
            _ => "",
        };
        let _ = writeln!(
            w,
            "| **{}** | {} | {} |",
            row.code,
            cell(row.text(Lang::En)),
            cell(reason)
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_githubs() {
        assert_eq!(
            slug("4.2 Campaign (needs `campaigns`; periods need `now`)"),
            "42-campaign-needs-campaigns-periods-need-now"
        );
        assert_eq!(slug("7. Ads Partner program"), "7-ads-partner-program");
    }

    #[test]
    fn sections_by_number() {
        let s = sections("# Title\n## 4. Rules\n### 4.3 Prices (x)\n## Known differences\n");
        assert_eq!(s["4"].anchor, "4-rules");
        assert_eq!(s["4.3"].title, "Prices (x)");
        assert_eq!(s.len(), 2);
    }

    #[test]
    fn deepest_keeps_leaves() {
        let set: BTreeSet<String> = [
            "offer",
            "offer.stock",
            "offer.stock.available",
            "now",
            "badges",
            "badges[].x",
        ]
        .map(str::to_owned)
        .into();
        let kept: Vec<_> = deepest(&set).into_iter().collect();
        assert_eq!(kept, ["badges[].x", "now", "offer.stock.available"]);
    }

    #[test]
    fn removes_one_node() {
        let doc = serde_json::json!({"a": {"b": 1, "c": [1, 2]}});
        let path = [Step::Key("a".into()), Step::Key("c".into()), Step::Index(0)];
        assert_eq!(
            without(&doc, &path),
            serde_json::json!({"a": {"b": 1, "c": [2]}})
        );
        assert_eq!(show_path(&path), "a.c[]");
    }
}
