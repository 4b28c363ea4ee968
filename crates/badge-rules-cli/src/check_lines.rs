//! `check --jsonl`: each line of the input checked and answered with one
//! line, in input order. What this file gives the [`crate::pipeline`]: the
//! input cut into whole lines, and each worker thread's answerer of a chunk
//! of lines (with `--ledger`, through the thread's own ledger connection).

use std::io::{BufRead, Write};
use std::path::Path;

use badge_rules::Options;

use crate::exit::Fatal;
use crate::ledger_open;
use crate::pipeline::{Answers, Lines, Pipeline};

/// What answers one line, appending it to the chunk's output:
/// [`badge_rules::api::answer_line_into`] (the report) or
/// [`badge_rules::api::allegro_line_into`] (Allegro's answer predicted). A
/// plain function, so the default path costs one indirect call per line,
/// and the line is written where it is sent from (no `String` of its own).
pub(crate) type Answer = fn(&[u8], &Options, &mut Vec<u8>);

/// How the lines of a `--jsonl` run are answered.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Checker<'a> {
    /// The language and other options of the reports.
    pub(crate) options: &'a Options,
    /// The line that answers a document.
    pub(crate) answer: Answer,
    /// The price ledger that fills documents (`--ledger`).
    pub(crate) ledger: Option<&'a Path>,
}

impl<'a> Checker<'a> {
    /// Reads `input` (named `name` in messages) in chunks of whole lines,
    /// checks them through `pipeline` and writes one line per input line to
    /// `out`, in input order, then flushes it.
    pub(crate) fn check_lines(
        self,
        input: &mut dyn BufRead,
        name: &str,
        out: &mut (dyn Write + Send),
        pipeline: Pipeline,
    ) -> Result<(), Fatal> {
        pipeline
            .run(
                out,
                |feed| feed.cut(&mut Lines(input), name).map(|_| ()),
                || self.worker(),
            )
            .map(|_: u64| ())
    }

    /// A checking thread's answerer of a chunk of lines: with `--ledger`,
    /// through its own connection to the ledger.
    fn worker(self) -> impl FnMut(Vec<u8>) -> Answers<u64> + use<'a> {
        let ledger = self.ledger.map(ledger_open::connect);
        move |chunk| match &ledger {
            None => check_chunk(&chunk, self.options, self.answer),
            Some(ledger) => ledger_open::in_one_read(ledger, || {
                answer_chunk(&chunk, |line, out| {
                    crate::document_fill::answer_line(
                        strip_newline(line),
                        ledger,
                        out,
                        |doc, out| (self.answer)(doc, self.options, out),
                    )
                })
            }),
        }
    }
}

/// The answers to every line of `chunk` (each line with its newline, the
/// last one possibly without).
fn check_chunk(chunk: &[u8], options: &Options, answer: Answer) -> Answers<u64> {
    answer_chunk(chunk, |line, out| answer(strip_newline(line), options, out))
}

/// `answer`'s line for every line of `chunk`, each appended to the chunk's
/// text and ended there; the tally counts the lines.
fn answer_chunk(chunk: &[u8], mut answer: impl FnMut(&[u8], &mut Vec<u8>)) -> Answers<u64> {
    let mut text = Vec::with_capacity(chunk.len() / 2);
    let mut documents = 0;
    for line in chunk.split_inclusive(|b| *b == b'\n') {
        answer(line, &mut text);
        text.push(b'\n');
        documents += 1;
    }
    Answers {
        text,
        bytes: chunk.len() as u64,
        tally: documents,
    }
}

/// `line` without its `\n` or `\r\n`.
fn strip_newline(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::tests::ClosedPipe;
    use badge_rules::api;
    use std::io::{self, BufReader, Read};
    use std::num::NonZeroUsize;

    /// Reports, in the default language, without a ledger.
    fn checker() -> Checker<'static> {
        static OPTIONS: std::sync::LazyLock<Options> = std::sync::LazyLock::new(Options::default);
        Checker {
            options: &OPTIONS,
            answer: api::answer_line_into,
            ledger: None,
        }
    }

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
        let result = checker().check_lines(
            &mut input,
            "x",
            &mut out,
            Pipeline::new(NonZeroUsize::new(3), "checking"),
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
        let result = checker().check_lines(
            &mut input,
            "x",
            &mut out,
            Pipeline::new(NonZeroUsize::new(2), "checking"),
        );
        assert!(
            matches!(&result, Err(Fatal::Io(m)) if m.contains("cannot write")),
            "{result:?}"
        );
    }

    #[test]
    fn a_closed_pipe_ends_the_run_quietly() {
        let mut input = io::Cursor::new(lines(50_000));
        let result = checker().check_lines(
            &mut input,
            "x",
            &mut ClosedPipe,
            Pipeline::new(NonZeroUsize::new(2), "checking"),
        );
        assert!(matches!(result, Err(Fatal::Closed)), "{result:?}");
    }

    #[test]
    fn chunks_answer_each_line_once_in_order() {
        let input = b"{}\n\n{\"kind\": \"accountConsent\"}\r\nnot json";
        let answers = check_chunk(input, &Options::default(), api::answer_line_into);
        assert_eq!(answers.tally, 4);
        assert_eq!(answers.bytes, input.len() as u64);
        let text = String::from_utf8(answers.text).unwrap();
        let got: Vec<&str> = text.lines().collect();
        assert_eq!(got.len(), 4);
        for (line, answer) in input.split(|b| *b == b'\n').zip(&got) {
            assert_eq!(
                &api::answer_line(strip_newline(line), &Options::default()),
                answer
            );
        }
    }

    #[test]
    fn the_allegro_format_answers_each_line_with_allegros_response() {
        let input = b"{\"kind\": \"accountConsent\", \"request\": {\"status\": \"MAYBE\"}}\n{\n";
        let answers = check_chunk(input, &Options::default(), api::allegro_line_into);
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
