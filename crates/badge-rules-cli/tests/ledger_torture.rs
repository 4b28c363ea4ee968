//! The ledger under abuse, through the real binary (issue 22, point 3):
//! `kill -9` of `ledger record` and `ledger prune` at many seeded random
//! moments (the open and the schema's creation among them), four recorders
//! at once on overlapping offers in shuffled orders, prune racing record and
//! lowest, a full disk and a read-only file system (a small tmpfs, where
//! this machine lets the tests mount one), damaged files. After each: the
//! database is sound (`PRAGMA integrity_check`), every response is there
//! whole or not at all, and recording everything again answers as a clean
//! recording does. Sized to run in well under a minute; the counts are
//! printed (`cargo test -p badge-rules-cli --test ledger_torture --
//! --nocapture`).

#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a test: a failure is the test failing"
)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

mod common;
use common::{arg as s, lossy as text, run, BIN};

use badge_rules_testkit::ledger::{offer, offers_line};
use serde_json::{json, Value};

/// A small seeded generator (xorshift64*): the same moments every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = usize::try_from(self.below(i as u64 + 1)).unwrap();
            items.swap(i, j);
        }
    }
}

const PAGES: usize = 80;
const PER_PAGE: usize = 20;
/// When the answers are asked for: after every page.
const AT: &str = "2026-12-20T00:00:00Z";

/// The fetch time of page `p`: one every 12 hours from 1 October.
fn fetched(p: usize) -> String {
    let day = 1 + p / 2;
    let (month, day) = if day > 31 { (11, day - 31) } else { (10, day) };
    format!("2026-{month:02}-{day:02}T{:02}:00:00Z", (p % 2) * 12)
}

/// Page `p`: offers `p*100 .. p*100+PER_PAGE` (each page its own offers,
/// so a page is whole or absent by counting them), and the offers 1..=5
/// every page sees (overlapping), on allegro-pl with an allegro-cz price.
fn page(p: usize) -> String {
    let mut offers: Vec<Value> = (0..PER_PAGE)
        .map(|i| {
            let mut o = offer(
                &(p * 100 + 1000 + i).to_string(),
                &format!("{}.00", 10 + (p + i) % 50),
                "PLN",
                "allegro-pl",
                "ACTIVE",
            );
            o["additionalMarketplaces"] = json!({"allegro-cz": {"publication": {"state": "APPROVED"},
                "sellingMode": {"price": {"amount": format!("{}.00", 250 + i), "currency": "CZK"}}}});
            o
        })
        .collect();
    for shared in 1..=5 {
        offers.push(offer(
            &shared.to_string(),
            &format!("{}.00", 100 + (p * 7 + shared) % 30),
            "PLN",
            "allegro-pl",
            "ACTIVE",
        ));
    }
    offers_line(&fetched(p), offers)
}

fn pages() -> Vec<String> {
    (0..PAGES).map(page).collect()
}

fn write_lines(path: &Path, lines: &[String]) {
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
}

fn record(db: &Path, file: &Path) -> std::process::Output {
    run(&["ledger", "record", "--db", s(db), s(file)], b"")
}

/// `ledger lowest --all` at `at`, sorted (the order is that of first
/// recording, which the recording order decides).
fn answers(db: &Path, at: &str) -> Vec<String> {
    let out = run(
        &["ledger", "lowest", "--db", s(db), "--at", at, "--all"],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let mut lines: Vec<String> = text(&out.stdout).lines().map(str::to_owned).collect();
    lines.sort();
    lines
}

fn integrity(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

/// How many of page `p`'s own offers have its price (base and additional
/// marketplace): 0 or all of them.
fn page_counts(db: &Path) -> Vec<(i64, i64)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut base = conn
        .prepare(
            "SELECT count(*) FROM snapshots s JOIN offers o ON o.key = s.offer WHERE o.id = ?1",
        )
        .unwrap();
    let mut market = conn
        .prepare("SELECT count(*) FROM market_snapshots s JOIN offers o ON o.key = s.offer WHERE o.id = ?1")
        .unwrap();
    (0..PAGES)
        .map(|p| {
            let (mut b, mut m) = (0, 0);
            for i in 0..PER_PAGE {
                let id = (p * 100 + 1000 + i).to_string();
                b += base.query_row([&id], |r| r.get::<_, i64>(0)).unwrap();
                m += market.query_row([&id], |r| r.get::<_, i64>(0)).unwrap();
            }
            (b, m)
        })
        .collect()
}

/// The pages recorded (0 for a database without the ledger's schema yet).
fn page_counts_if_ledger(db: &Path, schema: i64) -> usize {
    if schema == 0 {
        return 0;
    }
    page_counts(db).iter().filter(|c| c.0 > 0).count()
}

fn assert_whole_or_absent(db: &Path, label: &str) {
    let whole = PER_PAGE as i64;
    for (p, (b, m)) in page_counts(db).into_iter().enumerate() {
        assert!(
            (b, m) == (0, 0) || (b, m) == (whole, whole),
            "{label}: page {p} is partly recorded: {b} base and {m} allegro-cz prices of {whole}"
        );
    }
}

fn spawn(args: &[&str]) -> Child {
    Command::new(BIN)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

fn kill_after(mut child: Child, micros: u64) {
    std::thread::sleep(Duration::from_micros(micros));
    let _ = child.kill(); // SIGKILL; it may have ended already
    child.wait().unwrap();
}

fn dir(name: &str) -> PathBuf {
    common::fresh_dir(&format!("torture-{name}"))
}

/// A clean recording of every page, and its answers.
fn clean(dir: &Path, file: &Path) -> (PathBuf, Vec<String>) {
    let db = dir.join("clean.db");
    let out = record(&db, file);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let want = answers(&db, AT);
    assert_eq!(want.len(), PAGES * PER_PAGE * 2 + 5);
    (db, want)
}

#[test]
fn kill_9_of_record_and_prune_at_random_moments_loses_nothing() {
    let started = Instant::now();
    let dir = dir("kill");
    let file = dir.join("pages.jsonl");
    write_lines(&file, &pages());
    let (clean_db, want) = clean(&dir, &file);
    // How long a whole recording takes here: the kills fall within it.
    let t = Instant::now();
    let out = record(&dir.join("timed.db"), &file);
    assert_eq!(out.status.code(), Some(0));
    let span = u64::try_from(t.elapsed().as_micros()).unwrap().max(2_000);
    let mut rng = Rng(0x5EED_1ED6_E700_0022);
    let (mut kills, mut cut_short, mut in_open) = (0, 0, 0);
    let db = dir.join("killed.db");
    for round in 0..40 {
        // A new file each round; every other round killed in its open, its
        // schema's creation or its first pages (the first 5 ms).
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
        }
        let child = spawn(&["ledger", "record", "--db", s(&db), s(&file)]);
        let wait = if round % 2 == 0 {
            // In its open or its schema's creation: from the moment the
            // file appears, within 3 ms.
            let start = Instant::now();
            while !db.exists() && start.elapsed() < Duration::from_secs(5) {
                std::thread::sleep(Duration::from_micros(50));
            }
            rng.below(3_000)
        } else {
            rng.below(span)
        };
        kill_after(child, wait);
        kills += 1;
        if !db.exists() {
            continue;
        }
        assert_eq!(
            integrity(&db),
            "ok",
            "round {round}, killed after {wait} µs"
        );
        let schema: i64 = rusqlite::Connection::open(&db)
            .unwrap()
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        let before_pages = page_counts_if_ledger(&db, schema) == 0;
        in_open += usize::from(before_pages);
        if schema == 0 {
            // Killed before the schema committed: an empty database, which
            // the next record makes a ledger of.
            continue;
        }
        assert_whole_or_absent(&db, &format!("round {round}, killed after {wait} µs"));
        let partial = page_counts(&db).iter().filter(|c| c.0 > 0).count();
        cut_short += usize::from(partial > 0 && partial < PAGES);
        // Recording it all again answers as clean.
        {
            let out = record(&db, &file);
            assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
            assert_eq!(answers(&db, AT), want, "round {round}");
        }
    }
    // prune, killed: whole or not at all, the answers of the windows it
    // keeps unchanged either way.
    let before = "2026-10-25T00:00:00Z";
    let late = "2026-11-30T00:00:00Z";
    let want_late = answers(&clean_db, late);
    let mut prune_kills = 0;
    for round in 0..12 {
        std::fs::copy(&clean_db, &db).unwrap();
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
        }
        let wait = rng.below(span);
        kill_after(
            spawn(&["ledger", "prune", "--db", s(&db), "--before", before]),
            wait,
        );
        prune_kills += 1;
        assert_eq!(integrity(&db), "ok", "prune round {round}");
        assert_eq!(answers(&db, late), want_late, "prune round {round}");
        assert_whole_or_absent(&db, &format!("prune round {round}"));
    }
    // Timing on a shared machine varies: at least one kill fell in the
    // middle of the pages (the counts are printed).
    assert!(cut_short >= 1, "no kill cut a recording short");
    println!(
        "torture: {kills} kills of record ({in_open} before any page: in the open or the schema's creation; {cut_short} in the middle of the pages), {prune_kills} of prune, {} pages of {PER_PAGE}+5 offers, in {:.1} s",
        PAGES,
        started.elapsed().as_secs_f64()
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn four_recorders_on_overlapping_offers_answer_as_one() {
    let started = Instant::now();
    let dir = dir("four");
    let all = pages();
    let file = dir.join("pages.jsonl");
    write_lines(&file, &all);
    let (_, want) = clean(&dir, &file);
    let mut rng = Rng(0xF00E_C0DE);
    let rounds = 3;
    for round in 0..rounds {
        // Each page goes to two of the four, each file shuffled.
        let mut files: Vec<Vec<String>> = vec![Vec::new(); 4];
        for (p, line) in all.iter().enumerate() {
            let first = usize::try_from(rng.below(4)).unwrap();
            files[first].push(line.clone());
            files[(first + 1 + p % 3) % 4].push(line.clone());
        }
        let db = dir.join(format!("four-{round}.db"));
        let children: Vec<Child> = files
            .iter_mut()
            .enumerate()
            .map(|(i, lines)| {
                rng.shuffle(lines);
                let path = dir.join(format!("four-{round}-{i}.jsonl"));
                write_lines(&path, lines);
                Command::new(BIN)
                    .args(["ledger", "record", "--db", s(&db), s(&path)])
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        }
        assert_eq!(integrity(&db), "ok");
        assert_eq!(answers(&db, AT), want, "round {round}");
        // Left as one plain file by the last recorder out.
        assert!(!Path::new(&format!("{}-wal", db.display())).exists());
    }
    // prune racing record and lowest: each succeeds, and the windows prune
    // keeps answer as a clean recording's.
    let db = dir.join("race.db");
    let (half, rest) = all.split_at(PAGES / 2);
    let first = dir.join("first.jsonl");
    write_lines(&first, half);
    assert_eq!(record(&db, &first).status.code(), Some(0));
    let second = dir.join("second.jsonl");
    write_lines(&second, rest);
    let recorder = Command::new(BIN)
        .args(["ledger", "record", "--db", s(&db), s(&second)])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let late = "2026-11-30T00:00:00Z";
    let mut races = 0;
    for _ in 0..6 {
        let prune = run(
            &[
                "ledger",
                "prune",
                "--db",
                s(&db),
                "--before",
                "2026-10-25T00:00:00Z",
            ],
            b"",
        );
        assert_eq!(prune.status.code(), Some(0), "{}", text(&prune.stderr));
        let lowest = run(
            &["ledger", "lowest", "--db", s(&db), "--at", late, "--all"],
            b"",
        );
        assert_eq!(lowest.status.code(), Some(0), "{}", text(&lowest.stderr));
        races += 1;
    }
    let out = recorder.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(integrity(&db), "ok");
    let clean_db = dir.join("clean.db");
    assert_eq!(answers(&db, late), answers(&clean_db, late));
    println!(
        "torture: {rounds} rounds of 4 recorders, {races} prunes and lowests racing a recording, in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A tmpfs mounted for the test, unmounted when dropped.
struct Mounted(PathBuf);

impl Mounted {
    fn new(at: &Path, size: &str) -> Option<Mounted> {
        std::fs::create_dir_all(at).unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs", s(at)])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| Mounted(at.to_owned()))
    }

    fn remount_read_only(&self) -> bool {
        Command::new("mount")
            .args(["-o", "remount,ro", s(&self.0)])
            .status()
            .is_ok_and(|s| s.success())
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_full_disk_and_a_read_only_file_system_fail_cleanly() {
    let dir = dir("disk");
    let Some(disk) = Mounted::new(&dir.join("mnt"), "160k") else {
        println!("torture: skipped the full disk: this machine does not let the test mount a tmpfs (mount -t tmpfs needs root)");
        return;
    };
    let db = disk.0.join("l.db");
    let file = dir.join("pages.jsonl");
    write_lines(&file, &pages());
    let out = record(&db, &file);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("full"), "{err}");
    assert_eq!(integrity(&db), "ok");
    assert_whole_or_absent(&db, "full disk");
    let some = page_counts(&db).iter().filter(|c| c.0 > 0).count();
    assert!(some > 0 && some < PAGES, "{some} pages recorded");
    // Readers still answer what was committed.
    let lowest = run(&["ledger", "lowest", "--db", s(&db), "--at", AT, "1"], b"");
    assert_eq!(lowest.status.code(), Some(0), "{}", text(&lowest.stderr));
    // Read-only: readers answer and create nothing; record and prune fail
    // with a message and leave the file as it was.
    assert!(disk.remount_read_only(), "remount read-only");
    let bytes = std::fs::read(&db).unwrap();
    let files = listing(&disk.0);
    let lowest = run(&["ledger", "lowest", "--db", s(&db), "--at", AT, "1"], b"");
    assert_eq!(lowest.status.code(), Some(0), "{}", text(&lowest.stderr));
    for args in [
        &["ledger", "record", "--db", s(&db), s(&file)][..],
        &[
            "ledger",
            "prune",
            "--db",
            s(&db),
            "--before",
            "2026-10-25T00:00:00Z",
        ],
    ] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!text(&out.stderr).trim().is_empty(), "{args:?}: no message");
        assert!(std::fs::read(&db).unwrap() == bytes, "{args:?} wrote");
        assert_eq!(listing(&disk.0), files, "{args:?}");
    }
    println!("torture: a full 160 KiB tmpfs and the same read-only");
    drop(disk);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Damaged copies of a ledger (truncated at seeded lengths, seeded runs of
/// random bytes over page headers in the middle): every command refuses
/// each with a message and leaves it byte for byte (foreign and newer
/// files: tests/ledger_open.rs).
#[test]
fn damaged_files_are_refused_and_never_written() {
    let dir = dir("damaged");
    let file = dir.join("pages.jsonl");
    write_lines(&file, &pages());
    let (clean_db, _) = clean(&dir, &file);
    let good = std::fs::read(&clean_db).unwrap();
    let page = 4096;
    assert!(good.len() > 20 * page, "{}", good.len());
    let mut rng = Rng(0xDA3A_6ED0);
    let mut damaged: Vec<(String, Vec<u8>)> = Vec::new();
    for _ in 0..6 {
        let cut = 1 + usize::try_from(rng.below(good.len() as u64 - 2)).unwrap();
        damaged.push((format!("truncated to {cut} bytes"), good[..cut].to_vec()));
    }
    for _ in 0..6 {
        let mut bytes = good.clone();
        let p = 2 + usize::try_from(rng.below((good.len() / page - 3) as u64)).unwrap();
        for b in &mut bytes[p * page..p * page + 64] {
            *b = u8::try_from(rng.below(256)).unwrap();
        }
        damaged.push((format!("64 random bytes over page {p}"), bytes));
    }
    let db = dir.join("damaged.db");
    let mut refusals = 0;
    for (what, bytes) in &damaged {
        for args in [
            &["ledger", "record", "--db", s(&db), s(&file)][..],
            &["ledger", "lowest", "--db", s(&db), "--at", AT, "1"],
            &[
                "ledger",
                "prune",
                "--db",
                s(&db),
                "--before",
                "2026-10-25T00:00:00Z",
            ],
        ] {
            std::fs::write(&db, bytes).unwrap();
            let before = listing(&dir);
            let out = run(args, b"");
            let err = text(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{what}: {args:?}: {err}");
            assert!(
                err.contains("damaged")
                    || err.contains("not an SQLite database")
                    || err.contains("malformed"),
                "{what}: {args:?}: {err}"
            );
            assert!(
                std::fs::read(&db).unwrap() == *bytes,
                "{what}: {args:?} wrote"
            );
            assert_eq!(listing(&dir), before, "{what}: {args:?}");
            refusals += 1;
        }
    }
    println!(
        "torture: {} damaged files, {refusals} refusals",
        damaged.len()
    );
    let _ = std::fs::remove_dir_all(&dir);
}
