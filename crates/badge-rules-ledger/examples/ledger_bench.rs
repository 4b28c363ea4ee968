//! The inputs of the price ledger's benchmarks (`make bench-ledger`,
//! scripts/bench.py), made fast and the same every time:
//!
//! ```text
//! ledger_bench pages OFFERS PER_PAGE        GET /sale/offers recording lines on stdout
//! ledger_bench db FILE OFFERS SNAPSHOTS     a ledger of OFFERS offers, SNAPSHOTS prices each (12 h apart,
//!                                           the last at 2026-11-30T00:00Z), the feed watched throughout
//! ledger_bench scan FILE                    the baseline of `lowest --all`: read every row the way it does
//! ledger_bench docs OFFERS COUNT            check documents (no metrics) for offers of such a ledger
//! ledger_bench filled FILE < DOCS            the same documents with the ledger's history in them
//! ```

use std::io::{self, BufWriter, Write};
use std::path::Path;

use badge_rules_ledger::Ledger;
use rusqlite::{params, Connection};
use serde_json::json;

/// 2026-11-30T00:00:00Z in milliseconds.
const END: i64 = 1_795_996_800_000;
const HALF_DAY: i64 = 43_200_000;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number = |i: usize| -> Result<usize, Box<dyn std::error::Error>> {
        Ok(args.get(i).ok_or("missing argument")?.parse()?)
    };
    match args.first().map(String::as_str) {
        Some("pages") => pages(number(1)?, number(2)?),
        Some("db") => db(
            Path::new(args.get(1).ok_or("missing FILE")?),
            number(2)?,
            number(3)?,
        ),
        Some("scan") => scan(Path::new(args.get(1).ok_or("missing FILE")?)),
        Some("docs") => docs(number(1)?, number(2)?),
        Some("filled") => filled(Path::new(args.get(1).ok_or("missing FILE")?)),
        _ => Err("usage: ledger_bench pages|db|scan|docs ...".into()),
    }
}

/// A price for offer `o` at snapshot `s`: 100.00 to 299.99, moving now and then.
fn price(o: usize, s: usize) -> i64 {
    let base = 10_000 + (o as i64 * 7_919) % 20_000;
    base - ((s as i64 / 10 + o as i64) % 4) * 500
}

fn amount(grosze: i64) -> String {
    format!("{}.{:02}", grosze / 100, grosze % 100)
}

/// `offers` offers as GET /sale/offers items, `per_page` to a recording
/// line, every page fetched a second after the one before.
fn pages(offers: usize, per_page: usize) -> Result<(), Box<dyn std::error::Error>> {
    let mut out = BufWriter::with_capacity(1 << 20, io::stdout().lock());
    let per_page = per_page.max(1);
    for (p, first) in (0..offers).step_by(per_page).enumerate() {
        let items: Vec<_> = (first..(first + per_page).min(offers))
            .map(|o| {
                let id = 10_000_000_000u64 + o as u64;
                json!({
                    "id": id.to_string(),
                    "name": format!("Product number {o} with a name as long as most titles"),
                    "category": {"id": "257150"},
                    "primaryImage": {"url": format!("https://a.allegroimg.com/original/11ab3c/{o:08x}0d4f8e2b")},
                    "sellingMode": {"format": "BUY_NOW", "price": {"amount": amount(price(o, 59)), "currency": "PLN"},
                                    "priceAutomation": null},
                    "saleInfo": {"currentPrice": null, "biddersCount": 0},
                    "stats": {"watchersCount": o % 17, "visitsCount": o % 311},
                    "stock": {"available": 3 + o % 40, "sold": o % 9},
                    "publication": {"status": "ACTIVE", "startedAt": "2026-03-01T10:00:00.000Z",
                                    "endingAt": null, "endedAt": null,
                                    "marketplaces": {"base": {"id": "allegro-pl"}, "additional": [{"id": "allegro-cz"}]}},
                    "afterSalesServices": {"impliedWarranty": {"id": "0c5b8f2e-5f8d-4d2a-9b3c-1a2b3c4d5e6f"},
                                           "returnPolicy": {"id": "7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2910"},
                                           "warranty": null},
                    "additionalServices": null,
                    "external": {"id": format!("SKU-{o}")},
                    "delivery": {"shippingRates": {"id": "2991e29e-5fbc-46f5-963a-65c326ba65c2"}},
                    "b2b": {"buyableOnlyByBusiness": false},
                    "fundraisingCampaign": null,
                    "additionalMarketplaces": {"allegro-cz": {"sellingMode": {"price": {"amount": "1000.00", "currency": "CZK"}},
                                                               "publication": {"state": "APPROVED"}}}
                })
            })
            .collect();
        let count = items.len();
        let fetched = badge_rules_ledger::instant_of(END - 86_400_000 + p as i64 * 1000)
            .map(|t| t.to_string())
            .unwrap_or_default();
        let line = json!({"fetchedAt": fetched, "response": {"offers": items, "count": count, "totalCount": offers}});
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    Ok(())
}

/// A ledger of `offers` offers with `snapshots` prices each, loaded in
/// bulk (offer by offer, in key order), the event feed watched over all of
/// it (one page per day) with a price change before every tenth snapshot.
fn db(path: &Path, offers: usize, snapshots: usize) -> Result<(), Box<dyn std::error::Error>> {
    drop(Ledger::open(path)?); // the schema
    let mut conn = Connection::open(path)?;
    conn.pragma_update(None, "synchronous", "OFF")?;
    let first = END - (snapshots as i64 - 1) * HALF_DAY;
    for chunk in (0..offers).step_by(50_000) {
        let tx = conn.transaction()?;
        {
            let mut offer = tx.prepare("INSERT INTO offers (key, id, currency, marketplace) VALUES (?1, ?2, 'PLN', 'allegro-pl')")?;
            let mut snapshot = tx.prepare(
                "INSERT INTO snapshots (offer, at, price, on_sale) VALUES (?1, ?2, ?3, 1)",
            )?;
            let mut event = tx.prepare(
                "INSERT INTO events (offer, at, kind, id, markets) VALUES (?1, ?2, 0, ?3, NULL)",
            )?;
            for o in chunk..(chunk + 50_000).min(offers) {
                let key = o as i64 + 1;
                offer.execute(params![key, (10_000_000_000u64 + o as u64).to_string()])?;
                for s in 0..snapshots {
                    let at = first + s as i64 * HALF_DAY;
                    if s > 0 && s % 10 == 0 {
                        event.execute(params![key, at - 3_600_000, format!("E{o}-{s}")])?;
                    }
                    snapshot.execute(params![key, at, price(o, s)])?;
                }
            }
        }
        tx.commit()?;
    }
    // The feed, one page a day, each from the last event of the day before.
    let tx = conn.transaction()?;
    {
        let mut page = tx.prepare(
            "INSERT INTO pages (fetched_at, from_id, first_at, last_id, last_at, count, full, watches)
             VALUES (?1, ?2, ?3, ?4, ?5, 1, 0, 1)",
        )?;
        let days = (END - first) / (2 * HALF_DAY) + 2;
        for d in 0..=days {
            let fetched = first - 2 * HALF_DAY + d * 2 * HALF_DAY;
            let from = if d == 0 {
                String::new()
            } else {
                format!("P{}", d - 1)
            };
            page.execute(params![
                fetched,
                from,
                fetched - 1000,
                format!("P{d}"),
                fetched - 1000
            ])?;
        }
    }
    tx.commit()?;
    Ok(())
}

/// Every row `lowest --all` reads, read the same way and dropped.
fn scan(path: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let conn = Connection::open(path)?;
    let mut rows = 0u64;
    let mut sum = 0i64;
    for sql in [
        "SELECT key, id, currency, marketplace FROM offers ORDER BY key",
        "SELECT offer, at, price, on_sale FROM snapshots ORDER BY offer",
        "SELECT offer, at, kind, markets FROM events ORDER BY offer",
    ] {
        let mut statement = conn.prepare(sql)?;
        let mut r = statement.query([])?;
        while let Some(row) = r.next()? {
            let a: i64 = row.get(0)?;
            sum = sum.wrapping_add(a);
            rows += 1;
        }
    }
    println!("{{\"rows\": {rows}, \"sum\": {sum}}}");
    Ok(())
}

/// Each document of standard input with its offer's history from the
/// ledger at `path`, as `check --ledger` fills it.
fn filled(path: &Path) -> Result<(), Box<dyn std::error::Error>> {
    use std::io::BufRead;
    let ledger = Ledger::open(path)?;
    let mut out = BufWriter::with_capacity(1 << 20, io::stdout().lock());
    for line in io::stdin().lock().lines() {
        let line = line?;
        let doc = ledger
            .fill_bytes(line.as_bytes())?
            .unwrap_or_else(|| line.into_bytes());
        out.write_all(&doc)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}

/// `count` application documents for offers of a `db` ledger, without
/// metrics: `check --ledger` fills them.
fn docs(offers: usize, count: usize) -> Result<(), Box<dyn std::error::Error>> {
    let mut out = BufWriter::with_capacity(1 << 20, io::stdout().lock());
    for i in 0..count {
        let o = (i * 7_919) % offers.max(1);
        let id = (10_000_000_000u64 + o as u64).to_string();
        let p = price(o, 59);
        let doc = json!({
            "kind": "application",
            "now": "2026-11-30T06:00:00Z",
            "request": {"campaign": {"id": "SANDBOX_TEST_CAMPAIGN"}, "offer": {"id": id},
                        "prices": {"bargain": {"amount": amount(p / 2), "currency": "PLN"}}},
            "campaigns": [{"id": "SANDBOX_TEST_CAMPAIGN", "type": "DISCOUNT", "marketplace": {"id": "allegro-pl"},
                           "eligibility": {"eligible": true, "refusalReasons": []},
                           "application": {"type": "ALWAYS"}, "publication": {"type": "ALWAYS"},
                           "visibility": {"type": "ALWAYS"}}],
            "offer": {"id": id, "sellingMode": {"format": "BUY_NOW", "price": {"amount": amount(p), "currency": "PLN"}},
                      "stock": {"available": 5}, "publication": {"status": "ACTIVE"}},
            "account": {"id": "1", "company": true, "meetsQualityCriteria": true}
        });
        writeln!(out, "{doc}")?;
    }
    out.flush()?;
    Ok(())
}
