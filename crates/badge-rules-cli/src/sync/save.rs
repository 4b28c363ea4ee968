//! `--save DIR`: each response kept in a file of its own, as its recording
//! line (so `badge-rules ledger record DIR/*.json` and the audit read the
//! same responses), written whole or not at all. The names sort in the
//! order the responses were fetched:
//! `<fetchedAt ms>-<process>-<number>-<what>.json`.

use std::io::Write as _;
use std::path::PathBuf;

/// The directory and the count of the files written.
#[derive(Debug)]
pub(crate) struct Saver {
    dir: PathBuf,
    written: u64,
}

impl Saver {
    /// Saves into `dir`, made when absent.
    pub(crate) fn new(dir: PathBuf) -> Result<Self, String> {
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot make --save {}: {e}", dir.display()))?;
        Ok(Saver { dir, written: 0 })
    }

    /// Writes `line`, the response of `what` (a resource name such as
    /// `offers`) fetched at `at_ms`.
    pub(crate) fn save(&mut self, at_ms: i64, what: &str, line: &str) -> Result<(), String> {
        self.written += 1;
        let slug: String = what
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let name = format!(
            "{at_ms:013}-{}-{:05}-{slug}.json",
            std::process::id(),
            self.written
        );
        let path = self.dir.join(&name);
        let temp = self.dir.join(format!(".{name}.tmp"));
        let written = std::fs::File::create(&temp).and_then(|mut f| {
            f.write_all(line.as_bytes())?;
            f.write_all(b"\n")?;
            f.sync_all()
        });
        written
            .and_then(|()| std::fs::rename(&temp, &path))
            .map_err(|e| {
                let _ = std::fs::remove_file(&temp);
                format!("cannot write {}: {e}", path.display())
            })
    }
}
