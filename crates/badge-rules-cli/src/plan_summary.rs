//! What a `plan` run planned, for the summary on stderr: pairs by verdict,
//! input errors, pairs by violation code, the ledger's first failure, the
//! offers listed again; the [`Tally`] of the plan's pipeline, which drops
//! the answers of an offer already planned (issue 22: an offer listed twice
//! was planned twice, with two POST bodies).

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap};

use badge_rules::plan::Outcome;
use badge_rules::Verdict;

use crate::pipeline::{Answers, Tally};
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
    /// A chunk's answers, offer by offer, in its text's order (emptied when
    /// the chunk is admitted).
    pub(crate) segments: Vec<Segment>,
    /// Every offer id planned so far, with where it was (input, line).
    seen: HashMap<String, (usize, usize)>,
    /// The offers listed again, each with both places.
    duplicates: Vec<Duplicate>,
}

/// One offer's lines in a chunk's text (every campaign's), or an item
/// error's, with their counts.
#[derive(Debug, Default)]
pub(crate) struct Segment {
    /// The offer's id (`None`: an item that is no offer).
    pub(crate) offer_id: Option<String>,
    /// Where it is: the input's index and the line.
    pub(crate) input: usize,
    pub(crate) line: usize,
    /// Where its text ends in the chunk's (it starts where the one before
    /// it ends).
    pub(crate) end: usize,
    pub(crate) counts: Summary,
}

/// An offer listed again: planned once, at `first`.
#[derive(Debug)]
struct Duplicate {
    offer_id: String,
    first: (usize, usize),
    again: (usize, usize),
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
        self.duplicates.extend(other.duplicates);
    }

    /// Keeps the first answers of each offer: the lines of an offer already
    /// planned (in this chunk or one before) are dropped from the text and
    /// the counts, and named in the summary.
    fn admit(&mut self, answers: &mut Answers<Summary>) {
        let segments = std::mem::take(&mut answers.tally.segments);
        let text = std::mem::take(&mut answers.text);
        let mut kept = Vec::with_capacity(text.len());
        let mut start = 0;
        for segment in segments {
            let piece = text.get(start..segment.end).unwrap_or_default();
            start = segment.end;
            if let Some(id) = segment.offer_id {
                match self.seen.entry(id) {
                    Entry::Occupied(first) => {
                        self.duplicates.push(Duplicate {
                            offer_id: first.key().clone(),
                            first: *first.get(),
                            again: (segment.input, segment.line),
                        });
                        continue;
                    }
                    Entry::Vacant(place) => {
                        place.insert((segment.input, segment.line));
                    }
                }
            }
            kept.extend_from_slice(piece);
            answers.tally.merge(segment.counts);
        }
        kept.extend_from_slice(text.get(start..).unwrap_or_default());
        answers.text = kept;
    }
}

impl Summary {
    /// The pairs counted (each with its report or its input error).
    pub(crate) fn pairs(&self) -> u64 {
        self.pairs
    }

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

    /// The summary's lines; `names` the inputs' names.
    pub(crate) fn render(&self, campaigns: usize, seconds: f64, names: &[String]) -> String {
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
        let place = |(input, line): (usize, usize)| {
            let name = names.get(input).map_or("", String::as_str);
            format!("{name}:{line}")
        };
        const SHOWN: usize = 10;
        for d in self.duplicates.iter().take(SHOWN) {
            s.push_str(&format!(
                "badge-rules: warning: offer {} is listed twice ({} and {}): planned once, at the first\n",
                d.offer_id,
                place(d.first),
                place(d.again),
            ));
        }
        if self.duplicates.len() > SHOWN {
            s.push_str(&format!(
                "badge-rules: warning: {} more offers listed again, each planned once\n",
                grouped((self.duplicates.len() - SHOWN) as u64),
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
            s.render(2, 0.5, &[]),
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
