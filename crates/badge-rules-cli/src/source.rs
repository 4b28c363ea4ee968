//! Where a command's input comes from: a file named on the command line, or
//! standard input for `-` or nothing. One opener for `check`, `plan` and
//! `ledger record`, and the name each input has in messages.

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::Path;

use crate::exit::Fatal;

/// The file `file` names, or `None` for standard input (`-` or nothing).
fn file(file: Option<&Path>) -> Option<&Path> {
    file.filter(|path| path.as_os_str() != "-")
}

/// The name of the input in messages: its path, or `standard input`.
pub(crate) fn name(file: Option<&Path>) -> String {
    self::file(file).map_or("standard input".into(), |path| path.display().to_string())
}

/// The input and the name to give it in messages.
pub(crate) fn open(file: Option<&Path>) -> Result<(Box<dyn BufRead>, String), Fatal> {
    let name = name(file);
    match self::file(file) {
        None => Ok((Box::new(io::stdin().lock()), name)),
        Some(path) => {
            let file =
                File::open(path).map_err(|e| Fatal::Io(format!("cannot read {name}: {e}")))?;
            Ok((Box::new(BufReader::with_capacity(1 << 16, file)), name))
        }
    }
}

/// The size of the input when it is a regular file (for the progress bar's
/// percentage); standard input redirected from a file counts too.
pub(crate) fn size(file: Option<&Path>) -> Option<u64> {
    let path = self::file(file).unwrap_or(Path::new("/dev/stdin"));
    std::fs::metadata(path)
        .ok()
        .filter(std::fs::Metadata::is_file)
        .map(|m| m.len())
}
