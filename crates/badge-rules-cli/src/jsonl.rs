//! The `--jsonl` pipeline: input lines read in chunks, checked on several
//! threads and answered one line each, in input order, with bounded memory.

use std::io::{BufRead, Write};
use std::path::Path;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::Mutex;

use badge_rules::Options;

use crate::exit::{write_err, Fatal};
use crate::progress::Progress;

/// A chunk of a `--jsonl` run ends at the first line end after this many bytes.
const CHUNK_BYTES: usize = 256 * 1024;

/// Chunks read but not yet written, per checking thread: bounds the memory of
/// a run whatever the length of the input.
const IN_FLIGHT_PER_JOB: usize = 2;

/// The answers to one chunk of lines.
#[derive(Debug)]
struct Answers {
    /// One line per input line, each with its newline.
    text: Vec<u8>,
    /// How many documents (lines) the chunk held.
    documents: u64,
    /// How many input bytes the chunk held.
    bytes: u64,
}

/// What answers one line: [`badge_rules::api::answer_line`] (the report)
/// or [`badge_rules::api::allegro_line`] (Allegro's answer predicted). A plain function, so
/// the default path costs one indirect call per line and nothing more.
pub(crate) type Answer = fn(&[u8], &Options) -> String;

/// A chunk of input lines and where its answers go.
type Job = (Vec<u8>, SyncSender<Answers>);

/// Reads `input` in chunks of whole lines, checks them on `jobs` threads and
/// writes one line per input line to `out`, in input order, then flushes it.
///
/// The reader (this thread) hands each chunk to the checking threads and, in
/// the same order, the receiver of its answers to the writing thread, through
/// bounded channels. Every chunk in memory is queued for the writer, being
/// written or being read, so at most `IN_FLIGHT_PER_JOB * jobs + 2` are.
#[expect(
    clippy::too_many_arguments,
    reason = "the pipeline's input, output and settings, each used once; a struct would only rename them"
)]
pub(crate) fn check_lines(
    input: &mut dyn BufRead,
    out: &mut (dyn Write + Send),
    options: &Options,
    answer: Answer,
    name: &str,
    jobs: usize,
    progress: Option<Progress>,
    ledger: Option<&Path>,
) -> Result<(), Fatal> {
    let jobs = jobs.max(1);
    let (work_tx, work_rx) = sync_channel::<Job>(jobs);
    let work_rx = Mutex::new(work_rx);
    let (order_tx, order_rx) = sync_channel::<Receiver<Answers>>(IN_FLIGHT_PER_JOB * jobs);
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            scope.spawn(|| check_chunks(&work_rx, options, answer, ledger));
        }
        let writer = scope.spawn(move || write_in_order(&order_rx, out, progress));
        let read = read_chunks(input, name, |chunk| {
            let (answer_tx, answer_rx) = sync_channel(1);
            // A send fails only when the writer stopped (its error is below).
            order_tx.send(answer_rx).is_ok() && work_tx.send((chunk, answer_tx)).is_ok()
        });
        drop(order_tx);
        drop(work_tx);
        let written = writer
            .join()
            .unwrap_or_else(|_| Err(Fatal::Io("the writing thread stopped".into())));
        read.and(written)
    })
}

/// Reads whole lines into chunks of about [`CHUNK_BYTES`] and hands each to
/// `send`, until the input ends or `send` answers `false`. On a read error,
/// the lines read whole before it are still handed on.
fn read_chunks(
    input: &mut dyn BufRead,
    name: &str,
    mut send: impl FnMut(Vec<u8>) -> bool,
) -> Result<(), Fatal> {
    loop {
        let mut chunk = Vec::with_capacity(CHUNK_BYTES + 16 * 1024);
        let mut result = Ok(true);
        while chunk.len() < CHUNK_BYTES {
            let before = chunk.len();
            match input.read_until(b'\n', &mut chunk) {
                Ok(0) => {
                    result = Ok(false);
                    break;
                }
                Ok(_) => {}
                Err(e) => {
                    chunk.truncate(before);
                    result = Err(Fatal::Io(format!("cannot read {name}: {e}")));
                    break;
                }
            }
        }
        if !chunk.is_empty() && !send(chunk) {
            return Ok(());
        }
        match result {
            Ok(true) => {}
            Ok(false) => return Ok(()),
            Err(fatal) => return Err(fatal),
        }
    }
}

/// A checking thread: answers chunks from `queue` until it is closed; with
/// `--ledger`, through its own connection to the ledger.
fn check_chunks(
    queue: &Mutex<Receiver<Job>>,
    options: &Options,
    answer_line: Answer,
    ledger: Option<&Path>,
) {
    let ledger = ledger.map(crate::fill::open_here);
    loop {
        let job = match queue.lock() {
            Ok(queue) => queue.recv(),
            Err(_) => return,
        };
        let Ok((chunk, answer)) = job else {
            return;
        };
        let answers = match &ledger {
            None => check_chunk(&chunk, options, answer_line),
            Some(ledger) => crate::fill::in_one_read(ledger, || {
                answer_chunk(&chunk, |line| {
                    crate::fill::answer_line(strip_newline(line), options, answer_line, ledger)
                })
            }),
        };
        // The writer may have stopped on an error: nobody is waiting then.
        let _ = answer.send(answers);
    }
}

/// The answers to every line of `chunk` (each line with its newline, the
/// last one possibly without).
fn check_chunk(chunk: &[u8], options: &Options, answer: Answer) -> Answers {
    answer_chunk(chunk, |line| check_line(line, options, answer))
}

/// `answer`'s line for every line of `chunk`.
fn answer_chunk(chunk: &[u8], mut answer: impl FnMut(&[u8]) -> String) -> Answers {
    let mut text = Vec::with_capacity(chunk.len() / 2);
    let mut documents = 0;
    for line in chunk.split_inclusive(|b| *b == b'\n') {
        text.extend_from_slice(answer(line).as_bytes());
        text.push(b'\n');
        documents += 1;
    }
    Answers {
        text,
        documents,
        bytes: chunk.len() as u64,
    }
}

/// The answer to one line (with or without its `\n` or `\r\n`), without a
/// newline: `answer`'s line (the report, Allegro's answer) or the
/// `{"error": ...}` line.
fn check_line(line: &[u8], options: &Options, answer: Answer) -> String {
    answer(strip_newline(line), options)
}

/// `line` without its `\n` or `\r\n`.
fn strip_newline(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// The writing thread: writes the answers of each chunk in the order the
/// chunks were read, then flushes `out`.
fn write_in_order(
    order: &Receiver<Receiver<Answers>>,
    out: &mut (dyn Write + Send),
    mut progress: Option<Progress>,
) -> Result<(), Fatal> {
    for answers in order {
        let answers = answers
            .recv()
            .map_err(|_| Fatal::Io("a checking thread stopped".into()))?;
        out.write_all(&answers.text).map_err(|e| write_err(&e))?;
        if let Some(progress) = progress.as_mut() {
            progress.advance(answers.documents, answers.bytes);
        }
    }
    out.flush().map_err(|e| write_err(&e))?;
    if let Some(progress) = progress {
        progress.finish();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use badge_rules::api;
    use std::io::{self, BufReader, Read};

    /// Yields `data`, then fails.
    struct FailingRead {
        data: io::Cursor<Vec<u8>>,
    }

    impl Read for FailingRead {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match self.data.read(buf)? {
                0 => Err(io::Error::other("disk on fire")),
                n => Ok(n),
            }
        }
    }

    /// Accepts `room` bytes, then fails.
    struct FailingWrite {
        room: usize,
    }

    impl Write for FailingWrite {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if buf.len() > self.room {
                return Err(io::Error::other("pipe closed"));
            }
            self.room -= buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    fn lines(count: usize) -> Vec<u8> {
        let doc = r#"{"kind": "badgesQuery", "request": {"marketplace.id": "allegro-pl", "limit": 5000}}"#;
        format!("{doc}\n").repeat(count).into_bytes()
    }

    #[test]
    fn a_read_error_keeps_the_whole_lines_read_before_it() {
        let mut data = lines(5000);
        data.extend_from_slice(b"{\"kind\": \"badgesQu"); // cut by the error
        let mut input = BufReader::new(FailingRead {
            data: io::Cursor::new(data),
        });
        let mut out = Vec::new();
        let result = check_lines(
            &mut input,
            &mut out,
            &Options::default(),
            api::answer_line,
            "x",
            3,
            None,
            None,
        );
        match result {
            Err(Fatal::Io(message)) => assert!(message.contains("cannot read x"), "{message}"),
            other => panic!("{other:?}"),
        }
        assert_eq!(out.iter().filter(|b| **b == b'\n').count(), 5000);
    }

    #[test]
    fn a_write_error_stops_the_run_without_hanging() {
        let mut input = io::Cursor::new(lines(50_000));
        let mut out = FailingWrite { room: 100_000 };
        let result = check_lines(
            &mut input,
            &mut out,
            &Options::default(),
            api::answer_line,
            "x",
            2,
            None,
            None,
        );
        assert!(
            matches!(&result, Err(Fatal::Io(m)) if m.contains("cannot write")),
            "{result:?}"
        );
    }

    /// A pipe whose reader has gone.
    struct ClosedPipe;

    impl Write for ClosedPipe {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_pipe_ends_the_run_quietly() {
        let mut input = io::Cursor::new(lines(50_000));
        let result = check_lines(
            &mut input,
            &mut ClosedPipe,
            &Options::default(),
            api::answer_line,
            "x",
            2,
            None,
            None,
        );
        assert!(matches!(result, Err(Fatal::Closed)), "{result:?}");
    }

    #[test]
    fn chunks_answer_each_line_once_in_order() {
        let input = b"{}\n\n{\"kind\": \"accountConsent\"}\r\nnot json";
        let answers = check_chunk(input, &Options::default(), api::answer_line);
        assert_eq!(answers.documents, 4);
        assert_eq!(answers.bytes, input.len() as u64);
        let text = String::from_utf8(answers.text).unwrap();
        let got: Vec<&str> = text.lines().collect();
        assert_eq!(got.len(), 4);
        for (line, answer) in input.split(|b| *b == b'\n').zip(&got) {
            assert_eq!(
                &check_line(line, &Options::default(), api::answer_line),
                answer
            );
        }
    }

    #[test]
    fn the_allegro_format_answers_each_line_with_allegros_response() {
        let input = b"{\"kind\": \"accountConsent\", \"request\": {\"status\": \"MAYBE\"}}\n{\n";
        let answers = check_chunk(input, &Options::default(), api::allegro_line);
        let text = String::from_utf8(answers.text).unwrap();
        let got: Vec<&str> = text.lines().collect();
        assert_eq!(got.len(), 2);
        assert!(
            got[0].starts_with(r#"{"verdict":"REJECT","outcome":"error","request":"PUT /sale/allegro-prices-account-consent","status":422,"#),
            "{}",
            got[0]
        );
        assert_eq!(got[1], api::answer_line(b"{", &Options::default()));
    }
}
