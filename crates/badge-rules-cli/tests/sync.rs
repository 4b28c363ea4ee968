//! `badge-rules sync` against a fake Allegro (tests/fake_allegro): it fills
//! a ledger as `ledger record` of the same responses does, survives
//! Allegro's misbehaviours and `kill -9`, refuses a second run at once,
//! never shows a token, and fed the scenario of docs/LEDGER.md gives the
//! answers of recording it by hand.

#![expect(clippy::unwrap_used, reason = "tests: a failure is the test failing")]

mod common;
mod fake_allegro;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use common::{arg, fresh_dir, lossy, BIN};
use fake_allegro::{catalogue, events, ms, openapi_examples, Fake, Fault, World};

/// Every secret the fake hands out or takes: none may appear anywhere.
const SECRETS: [&str; 3] = ["tok-ACCESS", "tok-REFRESH", "tok-CLIENTSECRET"];

/// Fails when `text` (an output, a log, an error, a saved file) holds a
/// token.
fn no_secret(what: &str, text: &str) {
    for secret in SECRETS {
        assert!(!text.contains(secret), "{what} shows a token: {text}");
    }
}

/// The fake's clock in the tests: 30 November 2026, noon.
fn noon() -> i64 {
    ms("2026-11-30T12:00:00Z")
}

/// A world with a catalogue, events, badges (the OpenAPI examples and
/// generated ones) and applications.
fn world(offers: usize, n_events: usize) -> World {
    let now = noon();
    let mut w = World::new(now);
    w.offers = catalogue(offers);
    w.events = events(n_events, now - 60_000);
    let (examples, applications) = openapi_examples();
    let mut pl = examples;
    for i in 0..30 {
        pl.push(json!({"offer": {"id": format!("{}", 7_000_000 + i * 7)}, "campaign": {"id": "BARGAIN"},
            "publication": {"type": "WITHIN", "from": "2026-11-20T00:00:00Z", "to": "2026-11-25T00:00:00Z"},
            "prices": {"bargain": {"amount": "9.99", "currency": "PLN"}, "market": {"amount": "12.00", "currency": "PLN"}},
            "process": {"status": if i % 3 == 0 { "FINISHED" } else { "DECLINED" }, "rejectionReasons": []}}));
    }
    w.badges.insert("allegro-pl".into(), pl);
    w.badges.insert("allegro-cz".into(), vec![json!({"offer": {"id": "7000003"}, "campaign": {"id": "BARGAIN_CZ"},
        "publication": {"type": "WITHIN", "from": "2026-11-20T00:00:00Z", "to": "2026-11-29T00:00:00Z"},
        "prices": {"bargain": {"amount": "9.00", "currency": "CZK"}, "market": {"amount": "13.03", "currency": "CZK"}},
        "process": {"status": "ACTIVE", "rejectionReasons": []}})]);
    w.applications = applications;
    w.operations.insert(
        "op-1".into(),
        json!({"id": "op-1", "type": "UPDATE", "createdAt": "2026-11-29T10:00:00Z", "updatedAt": "2026-11-29T10:01:00Z",
               "process": {"status": "PROCESSED", "rejectionReasons": []}}),
    );
    w
}

/// A token file holding the fake's tokens (Allegro's token response).
fn token_file(dir: &Path, fake: &Fake) -> PathBuf {
    let file = dir.join("token.json");
    let (access, refresh) = fake.with(|w| (w.token.clone(), w.refresh.clone()));
    std::fs::write(
        &file,
        json!({"access_token": access, "refresh_token": refresh, "token_type": "bearer"})
            .to_string(),
    )
    .unwrap();
    file
}

/// `sync --ledger ledger` against `fake` with `extra` arguments and the
/// client's credentials in the environment; checks no output shows a
/// token.
fn sync(fake: &Fake, ledger: &Path, token: &Path, extra: &[&str]) -> Output {
    let out = sync_command(fake, ledger, token, extra).output().unwrap();
    no_secret("stdout", &lossy(&out.stdout));
    no_secret("stderr", &lossy(&out.stderr));
    out
}

fn sync_command(fake: &Fake, ledger: &Path, token: &Path, extra: &[&str]) -> Command {
    let (id, secret) = fake.with(|w| (w.client_id.clone(), w.client_secret.clone()));
    let mut command = Command::new(BIN);
    command
        .args(["sync", "--ledger", arg(ledger), "--token-file", arg(token)])
        .args([
            "--base-url",
            &fake.url,
            "--retry-base-ms",
            "5",
            "--format",
            "json",
        ])
        .args(extra)
        .env("ALLEGRO_CLIENT_ID", id)
        .env("ALLEGRO_CLIENT_SECRET", secret)
        .env_remove("ALLEGRO_ACCESS_TOKEN")
        .stdin(Stdio::null());
    command
}

/// The summary line of a run that succeeded.
fn summary(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "sync failed: {}\n{}",
        lossy(&out.stderr),
        lossy(&out.stdout)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// `ledger lowest --all` at `at`, one line per offer, sorted.
fn lowest_all(ledger: &Path, at: &str) -> Vec<String> {
    let out = Command::new(BIN)
        .args(["ledger", "lowest", "--db", arg(ledger), "--at", at, "--all"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", lossy(&out.stderr));
    let mut lines: Vec<String> = lossy(&out.stdout).lines().map(str::to_owned).collect();
    lines.sort();
    lines
}

/// `ledger record --db ledger` of every file of `dir` that the ledger reads.
fn record_saved(dir: &Path, ledger: &Path) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            name.ends_with("-offers.json")
                || name.contains("-badges-allegro")
                || name.ends_with("-offer-events.json")
        })
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let mut args = vec![
        "ledger".to_owned(),
        "record".into(),
        "--db".into(),
        arg(ledger).to_owned(),
    ];
    args.extend(files.iter().map(|f| arg(f).to_owned()));
    let out = Command::new(BIN).args(&args).output().unwrap();
    assert!(out.status.success(), "{}", lossy(&out.stderr));
}

/// Every saved file's text, checked for tokens.
fn saved_texts(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .inspect(|t| no_secret("a saved response", t))
        .collect()
}

/// The offers the badges of the OpenAPI examples name.
const EXAMPLE_OFFERS: usize = 4;

const AT: &str = "2026-12-01T00:00:00Z";

#[test]
fn sync_fills_the_ledger_as_ledger_record_of_the_same_responses() {
    let dir = fresh_dir("sync-record");
    let fake = Fake::start(world(2_345, 250));
    let token = token_file(&dir, &fake);
    let ledger = dir.join("synced.db");
    let save = dir.join("saved");
    let operations = dir.join("ops.txt");
    std::fs::write(&operations, "op-1\n").unwrap();
    let out = sync(
        &fake,
        &ledger,
        &token,
        &[
            "--limit",
            "100",
            "--save",
            arg(&save),
            "--operations",
            arg(&operations),
        ],
    );
    let s = summary(&out);
    assert_eq!(s["offers"], 2_345);
    assert_eq!(s["events"], 250);
    let (examples, applications) = openapi_examples();
    assert_eq!(s["badges"], json!(examples.len() + 30 + 1));
    assert_eq!(s["applications"], json!(applications.len()));
    assert_eq!(s["operations"], 1);
    assert_eq!(s["retries"], 0);
    assert_eq!(s["resumed"], false);
    // 3 event pages, 24 offer pages, 1 badge page per marketplace (the
    // pl one has fewer than 100), 1 of applications, 1 operation.
    assert_eq!(s["pages"], json!(3 + 24 + 4 + 1 + 1));
    assert_eq!(s["saved"], s["pages"]);
    // The watch: from the first event to the page's fetch.
    assert_eq!(s["watched"]["from"], "2026-11-30T07:49:00Z");
    assert_eq!(s["watched"]["to"], "2026-11-30T12:00:00Z");
    // What the client sent.
    fake.with(|w| {
        for h in &w.headers {
            assert_eq!(h["accept"], fake_allegro::MEDIA_TYPE);
            assert_eq!(h["accept-language"], "pl-PL");
        }
        assert!(w
            .log
            .iter()
            .any(|l| l.contains("/sale/badges?marketplace.id=allegro-hu&offset=0&limit=100")));
        assert!(w
            .log
            .iter()
            .any(|l| l.contains("/sale/offer-events?from=EV000199&limit=100")));
        assert!(
            w.log.iter().all(|l| !l.contains("type=")),
            "every event type is asked for"
        );
    });
    let texts = saved_texts(&save);
    assert_eq!(texts.len(), 33);
    // The same responses recorded by hand give the same answers.
    let by_hand = dir.join("by-hand.db");
    record_saved(&save, &by_hand);
    let answers = lowest_all(&ledger, AT);
    // Every offer, and the 4 of the OpenAPI examples' badges.
    assert_eq!(answers.len(), 2_345 + EXAMPLE_OFFERS);
    assert_eq!(answers, lowest_all(&by_hand, AT));
    // A second run: nothing new in the feed, the same answers.
    let again = summary(&sync(&fake, &ledger, &token, &["--limit", "100"]));
    assert_eq!(again["events"], 0);
    assert_eq!(again["pages"], json!(1 + 24 + 4));
    assert_eq!(lowest_all(&ledger, AT), answers);
    fake.with(|w| assert!(w.log.iter().any(|l| l.contains("from=EV000249"))));
}

#[test]
fn allegro_misbehaving_is_retried_and_the_ledger_is_the_same() {
    let dir = fresh_dir("sync-misbehaving");
    let clean = Fake::start(world(450, 120));
    let token = token_file(&dir, &clean);
    let reference = dir.join("clean.db");
    summary(&sync(&clean, &reference, &token, &["--limit", "100"]));

    let fake = Fake::start(world(450, 120));
    fake.with(|w| {
        w.faults.extend([
            ("/sale/offer-events".to_owned(), Fault::ServerError),
            ("/sale/offers".to_owned(), Fault::TooMany(Some(1))),
            ("/sale/offers".to_owned(), Fault::TooMany(None)),
            ("/sale/offers".to_owned(), Fault::Truncated),
            ("/sale/offers".to_owned(), Fault::Unauthorized),
            (
                "/sale/badges".to_owned(),
                Fault::Stall(Duration::from_secs(3)),
            ),
        ]);
    });
    let token = token_file(&dir, &fake);
    let ledger = dir.join("misbehaving.db");
    let started = Instant::now();
    let s = summary(&sync(
        &fake,
        &ledger,
        &token,
        &["--limit", "100", "--timeout", "1"],
    ));
    // Retry-After: 1 was waited for.
    assert!(started.elapsed() >= Duration::from_secs(1));
    assert_eq!(s["retries"], 5, "{s}");
    assert_eq!(s["tokenRefreshed"], 1);
    assert_eq!(lowest_all(&ledger, AT), lowest_all(&reference, AT));
    // The refreshed token is in the file, owner-only, rewritten whole.
    let written: Value = serde_json::from_str(&std::fs::read_to_string(&token).unwrap()).unwrap();
    assert_eq!(written["access_token"], "tok-ACCESS-renewed-1");
    assert_eq!(written["refresh_token"], "tok-REFRESH-renewed-1");
    assert_eq!(written["token_type"], "bearer");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&token).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    // Bounded: a server that keeps failing stops the run, status 2.
    let broken = Fake::start(world(10, 0));
    broken.with(|w| {
        w.faults
            .extend((0..10).map(|_| ("/sale/offer-events".to_owned(), Fault::ServerError)));
    });
    let token = token_file(&dir, &broken);
    let out = sync(&broken, &dir.join("broken.db"), &token, &["--retries", "2"]);
    assert_eq!(out.status.code(), Some(2));
    let err = lossy(&out.stderr);
    assert!(err.contains("HTTP 500 (gave up after 3 tries)"), "{err}");
}

#[test]
fn a_page_that_changes_between_two_reads_is_recorded_as_read() {
    let dir = fresh_dir("sync-changing");
    let fake = Fake::start(world(250, 10));
    let newcomer = catalogue(1000).pop().unwrap();
    fake.with(|w| {
        w.faults.extend([
            // The event page is cut short once.
            ("/sale/offer-events".to_owned(), Fault::Truncated),
            // The first page of offers as it is; before the second, a new
            // offer is listed first (every offer moves one place down);
            // the third is cut short once and read again.
            ("/sale/offers".to_owned(), Fault::Pass),
            ("/sale/offers".to_owned(), Fault::NewOfferFirst(newcomer)),
            ("/sale/offers".to_owned(), Fault::Truncated),
        ]);
    });
    let token = token_file(&dir, &fake);
    let ledger = dir.join("changing.db");
    let save = dir.join("saved");
    let s = summary(&sync(
        &fake,
        &ledger,
        &token,
        &["--limit", "100", "--save", arg(&save)],
    ));
    assert_eq!(s["retries"], 2, "{s}");
    // 251 offers listed at the end: the pages read 100 + 100 + 51, the
    // offer pushed from the first page to the second read twice.
    assert_eq!(s["offers"], 251);
    let answers = lowest_all(&ledger, AT);
    // Every offer of the first catalogue once (and the examples' badges'):
    // the newcomer is for the next run.
    assert_eq!(answers.len(), 250 + EXAMPLE_OFFERS);
    assert!(!answers.iter().any(|l| l.contains("7000999")));
    let by_hand = dir.join("by-hand.db");
    record_saved(&save, &by_hand);
    assert_eq!(answers, lowest_all(&by_hand, AT));
    saved_texts(&save);
}

#[test]
fn an_expired_token_stops_the_run_and_no_token_is_ever_shown() {
    let dir = fresh_dir("sync-expired");
    let fake = Fake::start(world(20, 5));
    let mut outputs = Vec::new();
    // A token Allegro no longer takes, with no refresh token.
    let plain = dir.join("token.txt");
    std::fs::write(&plain, "tok-ACCESS-expired-1234\n").unwrap();
    let out = sync(&fake, &dir.join("a.db"), &plain, &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = lossy(&out.stderr);
    assert!(err.contains("token expired"), "{err}");
    assert!(err.contains("HTTP 401"), "{err}");
    outputs.push(out);
    // A refresh token, but the client's secret is wrong.
    let token = token_file(&dir, &fake);
    fake.with(|w| w.token = "tok-ACCESS-rotated".into());
    let out = sync_command(&fake, &dir.join("b.db"), &token, &[])
        .env("ALLEGRO_CLIENT_SECRET", "tok-CLIENTSECRET-wrong")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        lossy(&out.stderr).contains("could not be refreshed"),
        "{}",
        lossy(&out.stderr)
    );
    outputs.push(out);
    // From the environment, against nobody listening.
    let out = Command::new(BIN)
        .args([
            "sync",
            "--ledger",
            arg(&dir.join("c.db")),
            "--base-url",
            "http://127.0.0.1:9",
            "--retries",
            "1",
            "--retry-base-ms",
            "1",
        ])
        .env("ALLEGRO_ACCESS_TOKEN", "tok-ACCESS-from-env")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    outputs.push(out);
    // No token at all.
    let out = Command::new(BIN)
        .args(["sync", "--ledger", arg(&dir.join("d.db"))])
        .env_remove("ALLEGRO_ACCESS_TOKEN")
        .output()
        .unwrap();
    assert!(lossy(&out.stderr).contains("no access token"));
    outputs.push(out);
    for out in &outputs {
        no_secret("stdout", &lossy(&out.stdout));
        no_secret("stderr", &lossy(&out.stderr));
    }
    // Nor in the ledger or its lock.
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path
            .extension()
            .is_some_and(|e| e == "db" || e == "sync-lock")
        {
            no_secret(
                "a ledger",
                &String::from_utf8_lossy(&std::fs::read(&path).unwrap()),
            );
        }
    }
}

#[test]
fn a_second_sync_on_the_same_ledger_refuses_while_the_first_runs() {
    let dir = fresh_dir("sync-two");
    let fake = Fake::start(world(300, 20));
    fake.with(|w| w.delay = Duration::from_millis(150));
    let token = token_file(&dir, &fake);
    let ledger = dir.join("two.db");
    let first = sync_command(&fake, &ledger, &token, &["--limit", "100"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait for the first to hold the ledger (its first request).
    let start = Instant::now();
    while fake.with(|w| w.log.is_empty()) {
        assert!(start.elapsed() < Duration::from_secs(20));
        std::thread::sleep(Duration::from_millis(10));
    }
    let second = sync(&fake, &ledger, &token, &["--limit", "100"]);
    assert_eq!(second.status.code(), Some(2));
    let err = lossy(&second.stderr);
    assert!(err.contains("another sync is running on"), "{err}");
    let first = first.wait_with_output().unwrap();
    let s = summary(&first);
    assert_eq!(s["offers"], 300);
    // Waiting (--wait) instead of refusing: it runs after the first.
    let third = summary(&sync(
        &fake,
        &ledger,
        &token,
        &["--limit", "100", "--wait", "30"],
    ));
    assert_eq!(third["offers"], 300);
}

/// xorshift64: the kill moments, the same each run.
fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[test]
fn kill_9_at_20_moments_then_a_plain_sync_gives_the_answers_of_one_run() {
    let dir = fresh_dir("sync-kill");
    let fake = Fake::start(world(1_000, 300));
    fake.with(|w| w.delay = Duration::from_millis(8));
    let token = token_file(&dir, &fake);
    let reference = dir.join("reference.db");
    let started = Instant::now();
    summary(&sync(&fake, &reference, &token, &["--limit", "100"]));
    let whole = started.elapsed();
    let expected = lowest_all(&reference, AT);
    let mut seed = 0x5EED_2026_u64;
    let mut killed_mid_run = 0;
    for i in 0..20 {
        let ledger = dir.join(format!("killed-{i}.db"));
        let wait =
            Duration::from_micros(next(&mut seed) % u64::try_from(whole.as_micros()).unwrap());
        let mut child = sync_command(&fake, &ledger, &token, &["--limit", "100"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(wait);
        // SIGKILL: no destructor, no rollback, no unlock but the kernel's.
        let _ = child.kill();
        let status = child.wait().unwrap();
        if !status.success() {
            killed_mid_run += 1;
        }
        let out = sync(&fake, &ledger, &token, &["--limit", "100"]);
        let s = summary(&out);
        assert_eq!(
            lowest_all(&ledger, AT),
            expected,
            "killed after {wait:?} ({s})"
        );
        let check = rusqlite::Connection::open(&ledger).unwrap();
        let ok: String = check
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok");
    }
    assert!(
        killed_mid_run >= 10,
        "most kills land mid-run ({killed_mid_run})"
    );
}

#[test]
fn a_missed_day_is_warned_of_and_left_unwatched() {
    let dir = fresh_dir("sync-missed");
    let mut w = world(30, 0);
    w.keep_events = Some(24 * 3_600_000);
    let day1 = ms("2026-11-28T12:00:00Z");
    w.now = day1;
    w.events = events(20, day1 - 60_000);
    let fake = Fake::start(w);
    let token = token_file(&dir, &fake);
    let ledger = dir.join("missed.db");
    let first = summary(&sync(
        &fake,
        &ledger,
        &token,
        &["--marketplace", "allegro-pl"],
    ));
    assert_eq!(first["warning"], Value::Null);
    assert_eq!(first["missedHours"], Value::Null);
    // 30 hours later, with events in between that Allegro no longer keeps.
    fake.with(|w| {
        w.now = day1 + 30 * 3_600_000;
        let later = events(40, w.now - 60_000);
        w.events = later
            .into_iter()
            .enumerate()
            .map(|(i, mut e)| {
                e["id"] = json!(format!("LATE{i:04}"));
                e
            })
            .collect();
        w.events.insert(0, json!({"id": "LOST", "occurredAt": "2026-11-28T14:00:00Z", "type": "OFFER_PRICE_CHANGED", "offer": {"id": "7000001"}}));
    });
    let out = sync(&fake, &ledger, &token, &["--marketplace", "allegro-pl"]);
    let second = summary(&out);
    assert_eq!(second["missedHours"], 30.0);
    assert!(second["warning"]
        .as_str()
        .unwrap()
        .contains("more than the 24 h Allegro keeps events"));
    assert!(lossy(&out.stderr).contains("warning"));
    // The run read the feed from its oldest kept event, not from the cursor:
    // the stretch it watched starts there.
    assert_eq!(second["watched"]["from"], "2026-11-29T17:19:00Z");
    fake.with(|w| {
        let last = w
            .log
            .iter()
            .rev()
            .find(|l| l.contains("offer-events"))
            .unwrap();
        assert!(!last.contains("from="), "{last}");
    });
    // The ledger leaves the missed stretch unwatched.
    let out = Command::new(BIN)
        .args([
            "ledger",
            "lowest",
            "--db",
            arg(&ledger),
            "--at",
            "2026-11-30T18:00:00Z",
            "7000001",
        ])
        .output()
        .unwrap();
    let answer: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(answer["exact"], false, "{answer}");
}

#[test]
fn the_scenario_fed_through_sync_answers_as_recorded_by_hand() {
    let dir = fresh_dir("sync-scenario");
    let lines = badge_rules_testkit::ledger::scenario();
    // What Allegro shows at each instant of the scenario, and its feed.
    let mut offers: BTreeMap<i64, Vec<Value>> = BTreeMap::new();
    let mut badges: BTreeMap<i64, Vec<Value>> = BTreeMap::new();
    let mut feed: Vec<Value> = Vec::new();
    let mut instants = std::collections::BTreeSet::new();
    for line in &lines {
        let v: Value = serde_json::from_str(line).unwrap();
        let at = ms(v["fetchedAt"].as_str().unwrap());
        instants.insert(at);
        let r = &v["response"];
        if let Some(list) = r["offers"].as_array() {
            offers.entry(at).or_default().extend(list.iter().cloned());
        } else if let Some(list) = r["badges"].as_array() {
            badges.entry(at).or_default().extend(list.iter().cloned());
        } else if let Some(list) = r["offerEvents"].as_array() {
            feed.extend(list.iter().cloned());
        } else {
            // GET /sale/product-offers/{id}: the offer as listed then.
            offers.entry(at).or_default().push(r.clone());
        }
    }
    let by_hand = dir.join("by-hand.db");
    let scenario = dir.join("scenario.jsonl");
    std::fs::write(&scenario, lines.join("\n")).unwrap();
    let out = Command::new(BIN)
        .args(["ledger", "record", "--db", arg(&by_hand), arg(&scenario)])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", lossy(&out.stderr));

    let mut world = World::new(0);
    world.events = feed;
    world.keep_events = Some(24 * 3_600_000);
    let fake = Fake::start(world);
    let token = token_file(&dir, &fake);
    let ledger = dir.join("synced.db");
    for at in instants {
        fake.with(|w| {
            w.now = at;
            w.offers = offers.get(&at).cloned().unwrap_or_default();
            w.badges.insert(
                "allegro-pl".into(),
                badges.get(&at).cloned().unwrap_or_default(),
            );
        });
        let s = summary(&sync(
            &fake,
            &ledger,
            &token,
            &["--marketplace", "allegro-pl"],
        ));
        assert_eq!(s["refused"], 0);
    }
    let at = "2026-11-30T00:00:00Z";
    let synced = lowest_all(&ledger, at);
    // One line per (offer, marketplace): the scenario's 14 offers, one of
    // them also priced on allegro-cz.
    assert_eq!(synced.len(), 15);
    assert_eq!(synced, lowest_all(&by_hand, at));
    // And the questions with a campaign or a marketplace.
    for (offer, market, campaign, starts, ..) in badge_rules_testkit::ledger::asked() {
        let mut args = vec![
            "ledger".to_owned(),
            "lowest".into(),
            "--at".into(),
            at.into(),
        ];
        if let Some(m) = market {
            args.extend(["--marketplace".into(), m.into()]);
        }
        if let Some(c) = campaign {
            args.extend(["--campaign".into(), c.into()]);
        }
        if let Some(s) = &starts {
            args.extend(["--starts".into(), s.clone()]);
        }
        args.push(offer.into());
        let ask = |db: &Path| {
            let mut a = args.clone();
            a.splice(2..2, ["--db".to_owned(), arg(db).to_owned()]);
            lossy(&Command::new(BIN).args(&a).output().unwrap().stdout)
        };
        assert_eq!(
            ask(&ledger),
            ask(&by_hand),
            "{offer} {market:?} {campaign:?}"
        );
    }
}
