//! The report as one self-contained HTML page: no script, no stylesheet,
//! font or image from elsewhere; the pictures are inline SVG.

use std::fmt::Write as _;

use crate::report::AuditReport;

/// `<`, `>`, `&`, `"` and `'` escaped.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222;max-width:70em}\
table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}\
th{background:#f3f3f3}.n{text-align:right}svg{background:#fafafa;border:1px solid #ddd;margin:.3em 0}\
.ok{fill:#2a7f3f}.no{stroke:#c0392b;stroke-width:1.5}.band{fill:#f6c343;opacity:.35}.axis{stroke:#999}\
.contra{color:#c0392b;font-weight:bold}";

/// One campaign's discounts on one axis, 0 to 100 %, with the learnt
/// minimum's interval (band) and maximum's interval drawn.
fn strip(report: &AuditReport, campaign: &str, out: &mut String) {
    let w = 640.0;
    let x = |bp: i64| 20.0 + (bp.clamp(0, 10_000) as f64) / 10_000.0 * (w - 40.0);
    let _ = write!(out, "<svg role=\"img\" aria-label=\"discounts of {c}\" width=\"{w}\" height=\"90\" viewBox=\"0 0 {w} 90\">", c = esc(campaign));
    if let Some(l) = report.learnt.iter().find(|l| l.campaign == campaign) {
        for (i, y) in [(&l.learnt.min_percent, 10.0), (&l.learnt.max_percent, 10.0)] {
            if let (Some(lo), Some(hi)) = (i.low.or(Some(0)), i.high.or(Some(10_000))) {
                let (a, b) = (x(lo.min(hi)), x(hi.max(lo)));
                let _ = write!(
                    out,
                    "<rect class=\"band\" x=\"{a:.1}\" y=\"{y}\" width=\"{:.1}\" height=\"50\"/>",
                    (b - a).max(1.5)
                );
            }
        }
    }
    let _ = write!(
        out,
        "<line class=\"axis\" x1=\"20\" y1=\"65\" x2=\"{:.1}\" y2=\"65\"/>",
        w - 20.0
    );
    for p in [0, 2500, 5000, 7500, 10_000] {
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"82\" font-size=\"10\" text-anchor=\"middle\">{}%</text>",
            x(p),
            p / 100
        );
    }
    if let Some(points) = report.points.get(campaign) {
        for (i, p) in points.iter().enumerate() {
            let y = 20.0 + (i % 8) as f64 * 5.0;
            let cx = x(p.bp);
            if p.accepted {
                let _ = write!(
                    out,
                    "<circle class=\"ok\" cx=\"{cx:.1}\" cy=\"{y:.1}\" r=\"2.5\"/>"
                );
            } else {
                let _ = write!(
                    out,
                    "<path class=\"no\" d=\"M{:.1} {:.1}l5 5m0 -5l-5 5\"/>",
                    cx - 2.5,
                    y - 2.5
                );
            }
        }
    }
    out.push_str("</svg>");
}

/// Allegro's M (x) against each reading's M (y); the diagonal is agreement.
fn scatter(report: &AuditReport, out: &mut String) {
    let Some(m) = &report.market else { return };
    let max = m
        .points
        .iter()
        .flat_map(|(a, rs)| std::iter::once(*a).chain(rs.iter().flatten().copied()))
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let s = 300.0;
    let f = |v: i64| 20.0 + v as f64 / max * (s - 40.0);
    let colours = ["#2a7f3f", "#c0392b", "#2e6fb7", "#8e44ad"];
    for (ri, r) in m.readings.iter().enumerate() {
        let colour = colours.get(ri % colours.len()).copied().unwrap_or("#000");
        let _ = write!(out, "<figure><figcaption>{} ({} equal of {})</figcaption><svg role=\"img\" aria-label=\"M of {}\" width=\"{s}\" height=\"{s}\" viewBox=\"0 0 {s} {s}\">", esc(&r.name), r.equal, r.compared, esc(&r.name));
        let _ = write!(
            out,
            "<line class=\"axis\" x1=\"20\" y1=\"{a:.1}\" x2=\"{b:.1}\" y2=\"20\"/>",
            a = s - 20.0,
            b = s - 20.0
        );
        for (allegro, readings) in &m.points {
            if let Some(Some(v)) = readings.get(ri) {
                let _ = write!(
                    out,
                    "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"2\" fill=\"{colour}\"/>",
                    f(*allegro),
                    s - f(*v)
                );
            }
        }
        out.push_str("</svg></figure>");
    }
}

impl AuditReport {
    /// The report as a self-contained HTML page.
    ///
    /// ```
    /// let html = badge_rules_audit::Audit::default().finish(None).html(&[]);
    /// assert!(html.starts_with("<!DOCTYPE html>"));
    /// assert!(!html.contains("http"));
    /// ```
    pub fn html(&self, files: &[String]) -> String {
        let mut o = String::new();
        let file = |i: u32| {
            files
                .get(i as usize)
                .cloned()
                .unwrap_or_else(|| format!("#{i}"))
        };
        let _ = write!(o, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>badge-rules audit</title><style>{STYLE}</style></head><body><h1>badge-rules audit</h1>");
        let a = &self.agreement;
        let rate = a
            .rate
            .map_or("n/a".to_owned(), |r| format!("{:.2} %", r * 100.0));
        let _ = write!(o, "<p id=\"rate\">Agreement: <strong>{rate}</strong> ({} of {} decided pairs). INCOMPLETE with a final outcome: {}; pending: {}; declined for server-only reasons (counted apart): {}.</p>", a.agreed, a.decided, a.incomplete, a.pending, a.server_only.pairs);
        let _ = write!(
            o,
            "<p>{} checks, {} outcomes, {} paired.</p><ul>",
            self.predictions.read, self.outcomes.read, self.predictions.paired
        );
        for (side, s) in [("checks", &self.predictions), ("outcomes", &self.outcomes)] {
            for (reason, n) in &s.unpartnered {
                let _ = write!(o, "<li>{side} without a partner, {}: {n}</li>", esc(reason));
            }
        }
        o.push_str("</ul><h2>Predicted against Allegro</h2><table id=\"confusion\"><tr><th>predicted</th><th>Allegro</th><th>pairs</th></tr>");
        for c in &self.confusion {
            let _ = write!(
                o,
                "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td></tr>",
                esc(&c.predicted),
                esc(&c.outcome),
                c.count
            );
        }
        o.push_str("</table><h2>Per campaign</h2><table><tr><th>campaign</th><th>pairs</th><th>agreed</th><th>disagreed</th><th>incomplete</th><th>pending</th><th>server-only</th></tr>");
        for c in &self.campaigns {
            let _ = write!(o, "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>", esc(&c.campaign), c.pairs, c.agreed, c.disagreed, c.incomplete, c.pending, c.server_only);
        }
        o.push_str("</table><h2>Discounts and the terms learnt</h2><p>Green dots: discounts Allegro accepted; red crosses: declined with BA49 or BA50; yellow bands: where the minimum and the maximum discount can lie.</p>");
        for l in &self.learnt {
            let _ = write!(o, "<h3>{}</h3>", esc(&l.campaign));
            strip(self, &l.campaign, &mut o);
            for c in &l.learnt.contradictions {
                let _ = write!(o, "<p class=\"contra\">Contradiction: {}</p>", esc(c));
            }
        }
        if let Ok(terms) = serde_json::to_string_pretty(&self.terms) {
            let _ = write!(o, "<h3>campaignTerms</h3><pre>{}</pre>", esc(&terms));
        }
        if self.market.is_some() {
            o.push_str("<h2>The ledger's M against Allegro's</h2>");
            scatter(self, &mut o);
        }
        let _ = write!(o, "<h2>Disagreements ({})</h2><table id=\"disagreements\"><tr><th>offer</th><th>campaign</th><th>predicted</th><th>Allegro</th><th>bargain</th><th>M</th><th>Allegro's M</th><th>discount</th></tr>", self.disagreements.len() as u64 + self.disagreements_omitted);
        for d in self.disagreements.iter().take(2000) {
            let f = &d.figures;
            let _ = write!(o, "<tr><td>{}</td><td>{}</td><td>{} {} <small>{}:{}</small></td><td>{} {} <small>{}:{}</small></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&d.offer_id), esc(&d.campaign_id), d.predicted.verdict.as_str(), esc(&d.predicted.codes.join(" ")), esc(&file(d.predicted.place.file)), d.predicted.place.line,
                d.outcome.status.as_str(), esc(&d.outcome.codes.join(" ")), esc(&file(d.outcome.place.file)), d.outcome.place.line,
                esc(f.bargain.as_deref().unwrap_or("")), esc(f.market.as_deref().unwrap_or("")), esc(f.allegro_market.as_deref().unwrap_or("")), esc(f.discount_percent.as_deref().unwrap_or("")));
        }
        o.push_str("</table></body></html>\n");
        o
    }
}
