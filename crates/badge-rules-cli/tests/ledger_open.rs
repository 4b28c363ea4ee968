//! How `badge-rules ledger` opens a ledger and behaves as a command
//! (docs/LEDGER.md, "The file"): only `record` creates one; readers write
//! nothing and leave no file; what is not a ledger, a newer ledger and a
//! damaged one are refused and left as they are; a ledger written by the
//! first schema (a committed fixture) is read as it is and migrated by
//! `record`; `prune` gives the space back; `record` tells new from known,
//! skips a byte-order mark, and goes on past a damaged line; a closed pipe
//! ends every command quietly.

#![expect(clippy::unwrap_used, reason = "tests fail loudly")]

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

mod common;
use common::{run, BIN};

use badge_rules_testkit::ledger::{expected, offer, offers_line, scenario, t};
use serde_json::{json, Value};

fn text(bytes: &[u8]) -> String {
    common::lossy(bytes)
}

/// A fresh directory for one test.
fn dir(name: &str) -> PathBuf {
    common::fresh_dir(&format!("ledger-open-{name}"))
}

fn s(path: &Path) -> &str {
    common::arg(path)
}

/// The names in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The scenario recorded through the binary into `dir/l.db`.
fn recorded(dir: &Path) -> PathBuf {
    let file = dir.join("scenario.jsonl");
    std::fs::write(&file, scenario().join("\n") + "\n").unwrap();
    let db = dir.join("l.db");
    let out = run(&["ledger", "record", "--db", s(&db), s(&file)], b"");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    db
}

/// `ledger lowest` of every offer of the scenario at 30 November.
fn lowest_all(db: &Path) -> (Option<i32>, String, String) {
    let mut args = vec![
        "ledger",
        "lowest",
        "--db",
        s(db),
        "--at",
        "2026-11-30T00:00:00Z",
    ];
    let ids: Vec<&str> = expected().iter().map(|e| e.0).collect();
    args.extend(ids);
    let out = run(&args, b"");
    (out.status.code(), text(&out.stdout), text(&out.stderr))
}

#[test]
fn only_record_creates_a_ledger() {
    let dir = dir("missing");
    let db = dir.join("nosuch.db");
    for args in [
        &["ledger", "lowest", "--db", s(&db), "1"][..],
        &["ledger", "lowest", "--db", s(&db), "--all"],
        &["ledger", "history", "--db", s(&db), "1"],
        &[
            "ledger",
            "prune",
            "--db",
            s(&db),
            "--before",
            "2026-01-01T00:00:00Z",
        ],
    ] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(
            text(&out.stderr),
            format!("badge-rules: no ledger at {}\n", db.display()),
            "{args:?}"
        );
        assert_eq!(listing(&dir), Vec::<String>::new(), "{args:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn readers_write_nothing_and_leave_no_file() {
    let dir = dir("readers");
    let db = recorded(&dir);
    // At rest a ledger is one plain file (no -wal, no -shm), which a
    // reader must not turn into anything else.
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        let mode: String = conn
            .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "delete");
    }
    let files = listing(&dir);
    assert_eq!(files, ["l.db", "scenario.jsonl"]);
    let bytes = std::fs::read(&db).unwrap();
    let (status, ..) = lowest_all(&db);
    assert_eq!(status, Some(0));
    for args in [
        &["ledger", "lowest", "--db", s(&db), "--all"][..],
        &[
            "ledger",
            "history",
            "--db",
            s(&db),
            "--at",
            "2026-11-30T00:00:00Z",
            "1001",
        ],
    ] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    }
    let doc = json!({"now": "2026-11-30T00:00:00Z", "offer": {"id": "1001"}});
    let out = run(
        &["check", "--ledger", s(&db), "--jsonl", "--jobs", "2", "-"],
        format!("{doc}\n").as_bytes(),
    );
    assert_eq!(text(&out.stderr), "");
    assert_eq!(listing(&dir), files);
    assert!(
        std::fs::read(&db).unwrap() == bytes,
        "a reader changed the ledger"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Runs `args` and says whether `path` is the same, byte for byte, after.
fn refused_untouched(path: &Path, args: &[&str]) -> String {
    let before = std::fs::read(path).unwrap();
    let out = run(args, b"");
    assert_eq!(
        out.status.code(),
        Some(2),
        "{args:?}: {}",
        text(&out.stdout)
    );
    assert_eq!(text(&out.stdout), "", "{args:?}");
    assert!(
        std::fs::read(path).unwrap() == before,
        "{args:?} wrote into {}",
        path.display()
    );
    text(&out.stderr)
}

#[test]
fn what_is_not_a_ledger_is_refused_and_left_as_it_is() {
    let dir = dir("foreign");
    let jsonl = dir.join("scenario.jsonl");
    std::fs::write(&jsonl, scenario().join("\n") + "\n").unwrap();
    let other = dir.join("other.db");
    {
        let conn = rusqlite::Connection::open(&other).unwrap();
        conn.execute_batch("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO users VALUES (1, 'a');")
            .unwrap();
    }
    let notes = dir.join("notes.txt");
    std::fs::write(&notes, "shopping list\n").unwrap();
    for (path, says) in [
        (&other, "is an SQLite database of another application (tables users; user_version 0), not a badge-rules ledger"),
        (&notes, "is not an SQLite database"),
    ] {
        for args in [
            &["ledger", "record", "--db", s(path), s(&jsonl)][..],
            &["ledger", "lowest", "--db", s(path), "1"],
            &["ledger", "prune", "--db", s(path), "--before", "2026-01-01T00:00:00Z"],
        ] {
            let err = refused_untouched(path, args);
            assert!(err.contains(says), "{args:?}: {err}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_newer_ledger_is_refused_not_misread() {
    let dir = dir("newer");
    let db = recorded(&dir);
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch("PRAGMA user_version = 99; PRAGMA journal_mode = DELETE;")
            .unwrap();
    }
    let jsonl = dir.join("scenario.jsonl");
    for args in [
        &["ledger", "record", "--db", s(&db), s(&jsonl)][..],
        &["ledger", "lowest", "--db", s(&db), "1001"],
        &["ledger", "history", "--db", s(&db), "1001"],
        &[
            "ledger",
            "prune",
            "--db",
            s(&db),
            "--before",
            "2026-01-01T00:00:00Z",
        ],
    ] {
        let err = refused_untouched(&db, args);
        assert!(
            err.contains("is a badge-rules ledger of schema 99, newer than this badge-rules reads"),
            "{args:?}: {err}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_damaged_ledger_is_refused_never_written_into() {
    let dir = dir("damaged");
    let db = recorded(&dir);
    let mut bytes = std::fs::read(&db).unwrap();
    assert!(bytes.len() > 4 * 4096, "{}", bytes.len());
    // The b-tree pages past the schema: garbage over their headers.
    for page in 2..bytes.len() / 4096 {
        for b in &mut bytes[page * 4096..page * 4096 + 16] {
            *b = 0xA5;
        }
    }
    std::fs::write(&db, &bytes).unwrap();
    let jsonl = dir.join("scenario.jsonl");
    for args in [
        &["ledger", "record", "--db", s(&db), s(&jsonl)][..],
        &["ledger", "lowest", "--db", s(&db), "1001"],
        &[
            "ledger",
            "prune",
            "--db",
            s(&db),
            "--before",
            "2026-01-01T00:00:00Z",
        ],
    ] {
        let err = refused_untouched(&db, args);
        assert!(
            err.contains("is a damaged database (PRAGMA quick_check: "),
            "{args:?}: {err}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The ledger the first schema's badge-rules wrote from the scenario
/// (crates/badge-rules-ledger/tests/fixtures/README.md), copied into `dir`.
fn first_schema(dir: &Path) -> PathBuf {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../badge-rules-ledger/tests/fixtures/ledger-v1.db");
    let db = dir.join("v1.db");
    std::fs::copy(fixture, &db).unwrap();
    db
}

#[test]
fn a_ledger_of_the_first_schema_is_read_as_it_is_and_migrated_by_record() {
    let dir = dir("v1");
    let want = lowest_all(&recorded(&dir));
    assert_eq!(want.0, Some(0));
    let db = first_schema(&dir);
    let before = std::fs::read(&db).unwrap();
    // The fixture holds the scenario as it was when it was written (offers
    // 1001 to 1010; the campaign and marketplace offers came later): read
    // as it is, those answer as a fresh ledger does.
    let first: Vec<String> = (1001..=1010)
        .map(|id| format!("{{\"offerId\":\"{id}\","))
        .collect();
    let of_first = |answers: &str| -> String {
        answers
            .lines()
            .filter(|l| first.iter().any(|f| l.starts_with(f.as_str())))
            .map(|l| format!("{l}\n"))
            .collect()
    };
    let read = lowest_all(&db);
    assert_eq!(read.0, Some(0), "{}", read.2);
    assert_eq!(of_first(&read.1), of_first(&want.1));
    assert_eq!(of_first(&want.1).lines().count(), 10);
    assert!(
        std::fs::read(&db).unwrap() == before,
        "a reader migrated the ledger"
    );
    let version = |db: &Path| -> (i64, i64) {
        let conn =
            rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
                .unwrap();
        (
            conn.query_row("PRAGMA user_version", [], |r| r.get(0))
                .unwrap(),
            conn.query_row("PRAGMA application_id", [], |r| r.get(0))
                .unwrap(),
        )
    };
    assert_eq!(version(&db), (0, 0));
    // Recording migrates it (and adds what the scenario gained since), and
    // the same pages again add nothing.
    let out = run(
        &[
            "ledger",
            "record",
            "--db",
            s(&db),
            s(&dir.join("scenario.jsonl")),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(version(&db), (4, 0x4252_4C47));
    let again = run(
        &[
            "ledger",
            "record",
            "--db",
            s(&db),
            s(&dir.join("scenario.jsonl")),
        ],
        b"",
    );
    let summary: Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(
        (&summary["newPrices"], &summary["newEvents"]),
        (&json!(0), &json!(0)),
        "{summary}"
    );
    assert_eq!(lowest_all(&db), want);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn record_tells_new_from_known() {
    let dir = dir("known");
    let db = recorded(&dir);
    let file = dir.join("scenario.jsonl");
    let again = run(&["ledger", "record", "--db", s(&db), s(&file)], b"");
    assert_eq!(again.status.code(), Some(0), "{}", text(&again.stderr));
    let summary: Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(
        summary,
        json!({"committed": 59, "refused": 0, "prices": 33, "newPrices": 0, "knownPrices": 33,
               "events": 12, "newEvents": 0, "knownEvents": 12})
    );
    let fresh = run(
        &[
            "ledger",
            "record",
            "--db",
            s(&dir.join("fresh.db")),
            s(&file),
        ],
        b"",
    );
    let summary: Value = serde_json::from_slice(&fresh.stdout).unwrap();
    assert_eq!(
        (&summary["newPrices"], &summary["knownPrices"]),
        (&json!(33), &json!(0)),
        "{summary}"
    );
    assert_eq!(
        (&summary["newEvents"], &summary["knownEvents"]),
        (&json!(12), &json!(0)),
        "{summary}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn prune_gives_the_space_back_and_says_how_much() {
    let dir = dir("vacuum");
    let db = dir.join("l.db");
    let file = dir.join("pages.jsonl");
    // 100 offers seen every hour for 60 hours: prune keeps the last hour.
    let mut lines = String::new();
    for h in 0..60 {
        let offers = (0..100)
            .map(|o| {
                offer(
                    &o.to_string(),
                    &format!("{}.00", 10 + h),
                    "PLN",
                    "allegro-pl",
                    "ACTIVE",
                )
            })
            .collect();
        lines.push_str(&offers_line(
            &format!("2026-11-{:02}T{:02}:00:00Z", 1 + h / 24, h % 24),
            offers,
        ));
        lines.push('\n');
    }
    std::fs::write(&file, lines).unwrap();
    let out = run(&["ledger", "record", "--db", s(&db), s(&file)], b"");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let before = std::fs::metadata(&db).unwrap().len();
    let out = run(
        &[
            "ledger",
            "prune",
            "--db",
            s(&db),
            "--before",
            "2026-12-01T00:00:00Z",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let after = std::fs::metadata(&db).unwrap().len();
    let said: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(said["snapshots"], 59 * 100, "{said}");
    assert!(after * 2 < before, "{before} -> {after} bytes");
    assert_eq!(said["bytesBefore"], before, "{said}");
    assert_eq!(said["bytesAfter"], after, "{said}");
    assert_eq!(said["bytesFreed"], before - after, "{said}");
    assert_eq!(listing(&dir), ["l.db", "pages.jsonl"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn record_skips_a_byte_order_mark_and_goes_on_past_a_damaged_line() {
    let dir = dir("lines");
    let pl = |id: &str| offer(id, "10.00", "PLN", "allegro-pl", "ACTIVE");
    let good = |id: &str, day: u32| offers_line(&t(11, day, 0), vec![pl(id)]);
    let summary =
        |out: &std::process::Output| -> Value { serde_json::from_slice(&out.stdout).unwrap() };
    // A byte-order mark before the first line: every line recorded.
    let file = dir.join("bom.jsonl");
    std::fs::write(
        &file,
        format!("\u{feff}{}\n{}\n", good("1", 1), good("2", 2)),
    )
    .unwrap();
    let out = run(
        &["ledger", "record", "--db", s(&dir.join("a.db")), s(&file)],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        (
            summary(&out)["committed"].clone(),
            summary(&out)["refused"].clone()
        ),
        (json!(2), json!(0))
    );
    // A damaged first line: named, and the rest recorded.
    let file = dir.join("damaged.jsonl");
    std::fs::write(
        &file,
        format!(
            "{{\"fetchedAt\": \"2026-11-0\n{}\n{}\n",
            good("1", 1),
            good("2", 2)
        ),
    )
    .unwrap();
    let out = run(
        &["ledger", "record", "--db", s(&dir.join("b.db")), s(&file)],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.starts_with(&format!("badge-rules: refused {}:1: ", file.display())),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(
        (
            summary(&out)["committed"].clone(),
            summary(&out)["refused"].clone()
        ),
        (json!(2), json!(1))
    );
    // A byte that is not UTF-8 on line 2: named with its line, the rest recorded.
    let file = dir.join("latin2.jsonl");
    let mut bytes = format!("{}\n", good("1", 1)).into_bytes();
    bytes.extend(b"{\"note\": \"\xB3\xF3d\xBC\"}\n");
    bytes.extend(format!("{}\n", good("3", 3)).into_bytes());
    std::fs::write(&file, bytes).unwrap();
    let out = run(
        &["ledger", "record", "--db", s(&dir.join("c.db")), s(&file)],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        format!("badge-rules: refused {}:2: not UTF-8 text: byte 11 of the line is not part of a UTF-8 character\n", file.display())
    );
    assert_eq!(
        (
            summary(&out)["committed"].clone(),
            summary(&out)["refused"].clone()
        ),
        (json!(2), json!(1))
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_ledger_command_stops_quietly_on_a_closed_pipe() {
    let dir = dir("pipe");
    let db = recorded(&dir);
    let file = dir.join("scenario.jsonl");
    // Far more answers than a pipe or an output buffer holds.
    let many = dir.join("many.jsonl");
    let offers = (0..3000)
        .map(|o| offer(&format!("9{o}"), "1.00", "PLN", "allegro-pl", "ACTIVE"))
        .collect();
    std::fs::write(&many, offers_line(&t(11, 1, 0), offers) + "\n").unwrap();
    let out = run(&["ledger", "record", "--db", s(&db), s(&many)], b"");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    for args in [
        &[
            "ledger",
            "lowest",
            "--db",
            s(&db),
            "--at",
            "2026-11-30T00:00:00Z",
            "--all",
        ][..],
        &["ledger", "lowest", "--db", s(&db), "1001", "1002"],
        &[
            "ledger",
            "history",
            "--db",
            s(&db),
            "--at",
            "2026-11-30T00:00:00Z",
            "1001",
        ],
        &["ledger", "record", "--db", s(&db), s(&file)],
        &[
            "ledger",
            "prune",
            "--db",
            s(&db),
            "--before",
            "2026-10-01T00:00:00Z",
        ],
    ] {
        let mut child = Command::new(BIN)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary starts");
        drop(child.stdout.take());
        let _ = child.stdin.take().unwrap().write_all(b"");
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            (out.status.code(), text(&out.stderr)),
            (Some(0), String::new()),
            "{args:?}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_reader_does_not_wait_for_a_recorder() {
    let dir = dir("wait");
    let db = recorded(&dir);
    let (_, want, _) = lowest_all(&db);
    // A recorder in the middle of a long transaction.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let _: String = conn
        .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
        .unwrap();
    conn.execute_batch("BEGIN IMMEDIATE; DELETE FROM snapshots;")
        .unwrap();
    let mut args = vec![
        "ledger",
        "lowest",
        "--db",
        s(&db),
        "--at",
        "2026-11-30T00:00:00Z",
    ];
    args.extend(expected().iter().map(|e| e.0));
    let mut child = Command::new(BIN)
        .args(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(10) {
            child.kill().unwrap();
            panic!("the reader waited for the recorder");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // It reads what was committed, not what the recorder is writing.
    assert_eq!(text(&out.stdout), want);
    conn.execute_batch("ROLLBACK").unwrap();
    drop(conn);
    let _ = std::fs::remove_dir_all(&dir);
}
