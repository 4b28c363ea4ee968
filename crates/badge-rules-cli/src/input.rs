//! The input named on the command line: a file, or standard input for `-`
//! or nothing.

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};

use crate::exit::Fatal;

/// The input and the name to give it in messages.
pub(crate) fn open(file: Option<&PathBuf>) -> Result<(Box<dyn BufRead>, String), Fatal> {
    match file.filter(|path| path.as_os_str() != "-") {
        None => Ok((Box::new(io::stdin().lock()), "standard input".into())),
        Some(path) => {
            let name = path.display().to_string();
            let file =
                File::open(path).map_err(|e| Fatal::Io(format!("cannot read {name}: {e}")))?;
            Ok((Box::new(BufReader::with_capacity(1 << 16, file)), name))
        }
    }
}

/// The size of the input when it is a regular file (for the progress bar's
/// percentage); standard input redirected from a file counts too.
pub(crate) fn size(file: Option<&PathBuf>) -> Option<u64> {
    let path = file
        .filter(|path| path.as_os_str() != "-")
        .map_or(Path::new("/dev/stdin"), PathBuf::as_path);
    std::fs::metadata(path)
        .ok()
        .filter(std::fs::Metadata::is_file)
        .map(|m| m.len())
}
