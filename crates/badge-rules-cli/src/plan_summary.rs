//! What a `plan` run planned, for the summary on stderr: pairs by verdict,
//! input errors, pairs by violation code, the ledger's first failure; the
//! [`Tally`] of the plan's pipeline.

use std::collections::BTreeMap;

use badge_rules::plan::Outcome;
use badge_rules::Verdict;

use crate::pipeline::Tally;
use crate::progress::grouped;

/// What a run planned, for the summary on stderr.
#[derive(Debug, Default)]
pub(crate) struct Summary {
    pairs: u64,
    accept: u64,
    reject: u64,
    incomplete: u64,
    /// INCOMPLETE pairs whose only unchecked rule is BA24 for want of
    /// `allegroPrices`: their bodies are written (docs/PLAN.md).
    allegro_prices_unseen: u64,
    pair_errors: u64,
    item_errors: u64,
    /// Pairs with each violation code.
    codes: BTreeMap<&'static str, u64>,
    /// The first failure of the ledger.
    pub(crate) ledger_error: Option<String>,
}

impl Tally for Summary {
    /// The pairs: what the progress bar counts.
    fn documents(&self) -> u64 {
        self.pairs
    }

    fn merge(&mut self, other: Summary) {
        self.pairs += other.pairs;
        self.accept += other.accept;
        self.reject += other.reject;
        self.incomplete += other.incomplete;
        self.allegro_prices_unseen += other.allegro_prices_unseen;
        self.pair_errors += other.pair_errors;
        self.item_errors += other.item_errors;
        for (code, n) in other.codes {
            *self.codes.entry(code).or_default() += n;
        }
        if self.ledger_error.is_none() {
            self.ledger_error = other.ledger_error;
        }
    }
}

impl Summary {
    pub(crate) fn add(&mut self, outcome: &Outcome) {
        match outcome {
            Outcome::Pair(pair) => {
                self.pairs += 1;
                match pair.report.verdict {
                    Verdict::Accept => self.accept += 1,
                    Verdict::Reject => self.reject += 1,
                    _ => {
                        self.incomplete += 1;
                        if pair.body.is_some() {
                            self.allegro_prices_unseen += 1;
                        }
                    }
                }
                let mut seen: Vec<&'static str> = Vec::new();
                for v in &pair.report.violations {
                    let code = v.code.as_str();
                    if !seen.contains(&code) {
                        seen.push(code);
                        *self.codes.entry(code).or_default() += 1;
                    }
                }
            }
            Outcome::PairError { .. } => {
                self.pairs += 1;
                self.pair_errors += 1;
            }
            _ => self.item_errors += 1,
        }
    }

    /// The summary's lines.
    pub(crate) fn render(&self, campaigns: usize, seconds: f64) -> String {
        let per_second = if seconds > 0.0 {
            (self.pairs as f64 / seconds) as u64
        } else {
            self.pairs
        };
        let offers = self.pairs / campaigns.max(1) as u64;
        let mut s = format!(
            "badge-rules: {} offers x {} campaign{} = {} pairs in {seconds:.2} s, {} documents/s\n",
            grouped(offers),
            campaigns,
            if campaigns == 1 { "" } else { "s" },
            grouped(self.pairs),
            grouped(per_second),
        );
        s.push_str(&format!(
            "badge-rules: ACCEPT {}, REJECT {}, INCOMPLETE {}, input errors {} ({} pairs, {} items)\n",
            grouped(self.accept),
            grouped(self.reject),
            grouped(self.incomplete),
            grouped(self.pair_errors + self.item_errors),
            grouped(self.pair_errors),
            grouped(self.item_errors),
        ));
        if self.allegro_prices_unseen > 0 {
            s.push_str(&format!(
                "badge-rules: {} INCOMPLETE pairs only because the context has no allegroPrices: \
                 Allegro Prices could not be seen (BA24); their bodies are written; give the \
                 answer of POST /sale/allegro-prices/offers-queries as allegroPrices in --context \
                 (or {{\"offers\": []}} when no offer is in Allegro Prices)\n",
                grouped(self.allegro_prices_unseen),
            ));
        }
        if !self.codes.is_empty() {
            let mut codes: Vec<(&&str, &u64)> = self.codes.iter().collect();
            codes.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            let list: Vec<String> = codes
                .iter()
                .map(|(code, n)| format!("{code} {}", grouped(**n)))
                .collect();
            s.push_str(&format!(
                "badge-rules: pairs by code: {}\n",
                list.join(", ")
            ));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_counts_pairs_verdicts_and_codes() {
        let mut s = Summary {
            pairs: 1_200,
            accept: 700,
            reject: 400,
            incomplete: 90,
            allegro_prices_unseen: 40,
            pair_errors: 10,
            item_errors: 2,
            ..Summary::default()
        };
        s.codes.insert("BA49", 300);
        s.codes.insert("BA17", 300);
        s.codes.insert("BB12", 5);
        assert_eq!(
            s.render(2, 0.5),
            "badge-rules: 600 offers x 2 campaigns = 1,200 pairs in 0.50 s, 2,400 documents/s\n\
             badge-rules: ACCEPT 700, REJECT 400, INCOMPLETE 90, input errors 12 (10 pairs, 2 items)\n\
             badge-rules: 40 INCOMPLETE pairs only because the context has no allegroPrices: \
             Allegro Prices could not be seen (BA24); their bodies are written; give the answer of \
             POST /sale/allegro-prices/offers-queries as allegroPrices in --context \
             (or {\"offers\": []} when no offer is in Allegro Prices)\n\
             badge-rules: pairs by code: BA17 300, BA49 300, BB12 5\n"
        );
    }
}
