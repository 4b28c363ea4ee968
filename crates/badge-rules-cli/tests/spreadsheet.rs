//! The plan's CSV read back the way a spreadsheet reads it: LibreOffice
//! (headless, `make setup` installs it from Debian) opens the file with the
//! import settings of a Polish or an English spreadsheet and converts it to
//! flat OpenDocument, whose cells are checked: one value per column, the
//! amounts numbers in numeric cells. Skipped, with a message, where
//! `soffice` is not installed.

#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "a test: a failure is the test failing"
)]

use std::path::Path;
use std::process::Command;

mod common;
use common::{fresh_dir, run_in};

use badge_rules_testkit::catalogue;

/// LibreOffice's CSV import options: separator, quote (`"`), UTF-8, from
/// line 1, standard column types, the locale (1045 Polish, 1033 English US).
const POLISH_IMPORT: &str = "CSV:59,34,76,1,,1045";
const ENGLISH_IMPORT: &str = "CSV:44,34,76,1,,1033";

/// One cell: `float` or `string` (empty for an empty cell), its value and
/// its text.
#[derive(Debug, Clone, Default)]
struct Cell {
    kind: String,
    value: String,
    text: String,
}

fn soffice() -> Option<&'static str> {
    ["soffice", "libreoffice"].into_iter().find(|name| {
        Command::new(name)
            .arg("--version")
            .output()
            .is_ok_and(|out| out.status.success())
    })
}

/// `csv` converted by LibreOffice with `filter` into a flat ODS, its rows.
fn read_back(soffice: &str, dir: &Path, csv: &str, name: &str, filter: &str) -> Vec<Vec<Cell>> {
    let file = dir.join(format!("{name}.csv"));
    std::fs::write(&file, csv).unwrap();
    let profile = format!("file://{}", dir.join("profile").display());
    let out = Command::new(soffice)
        .arg(format!("-env:UserInstallation={profile}"))
        .args([
            "--headless",
            &format!("--infilter={filter}"),
            "--convert-to",
            "fods",
            "--outdir",
        ])
        .arg(dir)
        .arg(&file)
        .output()
        .unwrap();
    let fods = std::fs::read_to_string(dir.join(format!("{name}.fods"))).unwrap_or_else(|e| {
        panic!(
            "{soffice} made no {name}.fods ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    rows(&fods)
}

/// The rows of a flat ODS's first table: each cell as many times as it is
/// repeated, trailing empty cells dropped.
fn rows(fods: &str) -> Vec<Vec<Cell>> {
    let table = fods.split("<table:table-row").skip(1);
    table
        .map(|row| {
            let row = row.split("</table:table-row>").next().unwrap();
            let mut cells = Vec::new();
            for cell in row.split("<table:table-cell").skip(1) {
                let tag = &cell[..cell.find('>').unwrap()];
                let attr = |name: &str| {
                    tag.split(&format!(" {name}=\""))
                        .nth(1)
                        .and_then(|v| v.split('"').next())
                        .unwrap_or_default()
                        .to_owned()
                };
                let text = cell
                    .split("<text:p>")
                    .nth(1)
                    .and_then(|t| t.split("</text:p>").next())
                    .unwrap_or_default()
                    .replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">");
                let repeated: usize = attr("table:number-columns-repeated").parse().unwrap_or(1);
                let one = Cell {
                    kind: attr("office:value-type"),
                    value: attr("office:value"),
                    text,
                };
                cells.extend(std::iter::repeat_n(one, repeated.min(64)));
            }
            while cells.last().is_some_and(|c| c.kind.is_empty()) {
                cells.pop();
            }
            cells
        })
        .filter(|cells| !cells.is_empty())
        .collect()
}

fn plan_csv(extra: &[&str]) -> String {
    let args = [
        &[
            "plan",
            "--context",
            "examples/plan/context.json",
            "--campaign",
            "BARGAIN",
            "--format",
            "csv",
        ][..],
        extra,
        &["examples/plan/offers-metrics.jsonl"],
    ]
    .concat();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = run_in(&root, &args, b"");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_polish_spreadsheet_reads_the_polish_csv_as_columns_with_numbers_in_numeric_cells() {
    let Some(soffice) = soffice() else {
        eprintln!("skipped: soffice (LibreOffice) is not installed; `make setup` installs it");
        return;
    };
    let dir = fresh_dir("spreadsheet");
    let english = plan_csv(&[]);
    let polish = plan_csv(&["--lang", "pl"]);
    let pl_rows = read_back(soffice, &dir, &polish, "polish", POLISH_IMPORT);
    let en_rows = read_back(soffice, &dir, &english, "english", ENGLISH_IMPORT);
    assert_eq!(pl_rows.len(), 1 + catalogue::EXAMPLE_OFFERS, "{pl_rows:?}");
    assert_eq!(en_rows.len(), pl_rows.len());
    assert_eq!(pl_rows[0][0].text, "oferta");
    assert_eq!(pl_rows[0][3].text, "proponowana cena zniżkowa");
    let mut amounts = 0;
    for (pl, en) in pl_rows.iter().zip(&en_rows).skip(1) {
        assert_eq!(pl.len(), 13, "one value per column: {pl:?}");
        assert_eq!(en.len(), 13, "one value per column: {en:?}");
        assert!(
            ["PRZYJMIE", "ODRZUCI", "NIEPEŁNE"].contains(&pl[2].text.as_str()),
            "{:?}",
            pl[2]
        );
        assert_eq!(pl[7].text, en[7].text, "the codes");
        assert!(
            pl[12].text.ends_with(&en[12].text[en[12].text.len() - 4..]),
            "the input"
        );
        for column in [3, 5, 6] {
            let (pl_cell, en_cell) = (&pl[column], &en[column]);
            if en_cell.kind.is_empty() {
                assert!(pl_cell.kind.is_empty(), "{pl_cell:?}");
                continue;
            }
            assert_eq!(
                pl_cell.kind, "float",
                "an amount in a numeric cell: {pl_cell:?}"
            );
            assert_eq!(en_cell.kind, "float", "{en_cell:?}");
            let (a, b): (f64, f64) = (
                pl_cell.value.parse().unwrap(),
                en_cell.value.parse().unwrap(),
            );
            assert!((a - b).abs() < 1e-9, "{pl_cell:?} {en_cell:?}");
            amounts += 1;
        }
    }
    assert!(amounts > 0, "some amounts were compared");
    // What issue 23 saw: the English CSV in a Polish spreadsheet is one
    // column, amounts as text. The Polish dialect exists for this.
    let wrong = read_back(soffice, &dir, &english, "wrong", POLISH_IMPORT);
    assert!(
        wrong.iter().skip(1).all(|row| row.len() < 13),
        "{:?}",
        wrong.get(1)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
