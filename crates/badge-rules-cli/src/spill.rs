//! An external sort for `audit`: records are sorted in runs of a bounded
//! size, each run written to a temporary file as JSON lines, and the runs
//! merged back in order, so that memory holds one run (while sorting) or
//! one record per run (while merging), whatever the number of records.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::PathBuf;

use serde::de::DeserializeOwned;
use serde::Serialize;

/// Records kept in memory before a run is written out (`audit`'s hidden
/// `--spill-run` lowers it, so that a test takes the spilling path).
pub(crate) const RUN: usize = 100_000;

/// Records being sorted.
#[derive(Debug)]
pub(crate) struct Spill<T> {
    run: Vec<T>,
    size: usize,
    files: Vec<PathBuf>,
    dir: PathBuf,
    name: &'static str,
}

impl<T: Ord + Serialize + DeserializeOwned> Spill<T> {
    /// An empty sort whose runs of `size` records go to the system's
    /// temporary folder.
    pub(crate) fn new(name: &'static str, size: usize) -> Self {
        Spill {
            run: Vec::new(),
            size: size.max(1),
            files: Vec::new(),
            dir: std::env::temp_dir(),
            name,
        }
    }

    /// Adds a record.
    pub(crate) fn push(&mut self, item: T) -> Result<(), String> {
        self.run.push(item);
        if self.run.len() >= self.size {
            self.write_run()?;
        }
        Ok(())
    }

    fn write_run(&mut self) -> Result<(), String> {
        self.run.sort();
        let path = self.dir.join(format!(
            "badge-rules-audit-{}-{}-{}.jsonl",
            std::process::id(),
            self.name,
            self.files.len()
        ));
        let file =
            File::create(&path).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        self.files.push(path.clone());
        let mut out = BufWriter::new(file);
        for item in self.run.drain(..) {
            serde_json::to_writer(&mut out, &item).map_err(|e| e.to_string())?;
            out.write_all(b"\n")
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
        out.flush()
            .map_err(|e| format!("cannot write {}: {e}", path.display()))
    }

    /// The records in order.
    pub(crate) fn sorted(mut self) -> Result<Sorted<T>, String> {
        if self.files.is_empty() {
            self.run.sort();
            let run = std::mem::take(&mut self.run);
            return Ok(Sorted {
                memory: Some(run.into_iter()),
                readers: Vec::new(),
                heap: BinaryHeap::new(),
                files: Vec::new(),
            });
        }
        if !self.run.is_empty() {
            self.write_run()?;
        }
        let mut readers = Vec::new();
        for path in &self.files {
            let file =
                File::open(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            readers.push(BufReader::new(file).lines());
        }
        let mut sorted = Sorted {
            memory: None,
            readers,
            heap: BinaryHeap::new(),
            files: std::mem::take(&mut self.files),
        };
        for i in 0..sorted.readers.len() {
            sorted.refill(i);
        }
        Ok(sorted)
    }
}

/// The records of a [`Spill`], in order; its files are removed when dropped.
#[derive(Debug)]
pub(crate) struct Sorted<T> {
    memory: Option<std::vec::IntoIter<T>>,
    readers: Vec<std::io::Lines<BufReader<File>>>,
    heap: BinaryHeap<Reverse<(T, usize)>>,
    files: Vec<PathBuf>,
}

impl<T: Ord + DeserializeOwned> Sorted<T> {
    fn refill(&mut self, i: usize) {
        let next = self
            .readers
            .get_mut(i)
            .and_then(Iterator::next)
            .and_then(Result::ok)
            .and_then(|line| serde_json::from_str::<T>(&line).ok());
        if let Some(item) = next {
            self.heap.push(Reverse((item, i)));
        }
    }
}

impl<T: Ord + DeserializeOwned> Iterator for Sorted<T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        if let Some(memory) = &mut self.memory {
            return memory.next();
        }
        let Reverse((item, i)) = self.heap.pop()?;
        self.refill(i);
        Some(item)
    }
}

impl<T> Drop for Sorted<T> {
    fn drop(&mut self) {
        for path in &self.files {
            let _ = std::fs::remove_file(path);
        }
    }
}
