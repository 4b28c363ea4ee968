//! The one ordered parallel pipeline of the CLI, shared by `check --jsonl`
//! and `plan`: a reader (the calling thread) cuts the input into chunks,
//! `--jobs` worker threads answer them, each with its own state made by a
//! per-thread factory, and a writing thread writes the answers in input
//! order, with the progress bar and the run's summary counts.
//!
//! The reader hands each chunk to the workers and, in the same order, the
//! receiver of its answers to the writer, through bounded channels: every
//! chunk in memory is being read, queued for the writer or being written, so
//! at most `IN_FLIGHT_PER_JOB * jobs + 2` are, whatever the input's length.
//! When the writer stops (a closed standard output, [`Fatal::Closed`]), the
//! reader's next hand-over fails and the run ends with the writer's error.

use std::io::{self, BufRead, Write};
use std::num::NonZeroUsize;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::Mutex;

use crate::exit::{write_err, Fatal};
use crate::progress::{Ending, Progress};

/// A chunk ends at the first line (or item) end after this many bytes.
const CHUNK_BYTES: usize = 256 * 1024;

/// Chunks read but not yet written, per worker thread: bounds the memory of
/// a run whatever the length of the input.
const IN_FLIGHT_PER_JOB: usize = 2;

/// What the answers of a run add up to: the summary counts.
pub(crate) trait Tally: Default + Send {
    /// The documents answered, as the progress bar counts them.
    fn documents(&self) -> u64;
    /// Adds `other`'s counts to these.
    fn merge(&mut self, other: Self);
    /// Looks at a chunk's answers before they are written, in input order,
    /// with the counts of every chunk before it (`plan` drops an offer
    /// listed again); nothing by default.
    fn admit(&mut self, _answers: &mut Answers<Self>) {}
}

/// A count of documents: the tally of a run that counts nothing else.
impl Tally for u64 {
    fn documents(&self) -> u64 {
        *self
    }

    fn merge(&mut self, other: Self) {
        *self += other;
    }
}

/// A chunk handed to the workers, and where its answers go.
type Job<C, T> = (C, SyncSender<Answers<T>>);

/// The answers to one chunk.
#[derive(Debug, Default)]
pub(crate) struct Answers<T> {
    /// The output text, written as it is.
    pub(crate) text: Vec<u8>,
    /// How many input bytes the chunk took (for the progress bar).
    pub(crate) bytes: u64,
    /// The chunk's counts.
    pub(crate) tally: T,
}

/// How an input is cut into chunks: one piece (a line, an item) at a time.
pub(crate) trait Cut {
    /// What a chunk holds.
    type Chunk: Send;
    /// An empty chunk, with room for about `capacity` bytes.
    fn chunk(&self, capacity: usize) -> Self::Chunk;
    /// Appends the next piece to `chunk`; `false` at the end of the input.
    /// On an error, `chunk` still holds only whole pieces.
    fn next_into(&mut self, chunk: &mut Self::Chunk) -> io::Result<bool>;
    /// The bytes `chunk` holds: it is full at the pipeline's chunk size.
    fn size(chunk: &Self::Chunk) -> usize;
    /// Whether `chunk` is worth handing on (it holds pieces, or bytes to count).
    fn is_empty(chunk: &Self::Chunk) -> bool;
}

/// The whole lines of an input, each with its newline (the last one
/// possibly without): how `check --jsonl` cuts its input.
#[derive(Debug)]
pub(crate) struct Lines<R>(pub(crate) R);

impl<R: BufRead> Cut for Lines<R> {
    type Chunk = Vec<u8>;

    fn chunk(&self, capacity: usize) -> Vec<u8> {
        Vec::with_capacity(capacity)
    }

    fn next_into(&mut self, chunk: &mut Vec<u8>) -> io::Result<bool> {
        let before = chunk.len();
        match self.0.read_until(b'\n', chunk) {
            Ok(n) => Ok(n > 0),
            Err(e) => {
                chunk.truncate(before);
                Err(e)
            }
        }
    }

    fn size(chunk: &Vec<u8>) -> usize {
        chunk.len()
    }

    fn is_empty(chunk: &Vec<u8>) -> bool {
        chunk.is_empty()
    }
}

/// The reader's side of a run: where its chunks go.
pub(crate) struct Feed<'a, C> {
    chunk_bytes: usize,
    send: &'a mut dyn FnMut(C) -> bool,
}

impl<C> Feed<'_, C> {
    /// Hands `chunk` to the workers; `false` when the writer has stopped
    /// (the run's error is the writer's), and reading should stop.
    pub(crate) fn send(&mut self, chunk: C) -> bool {
        (self.send)(chunk)
    }

    /// Cuts the input of `cut` (named `name` in messages) into chunks of
    /// about the chunk size and hands each on: `Ok(true)` at the end of the
    /// input, `Ok(false)` when the writer has stopped. On a read error, the
    /// pieces read whole before it are still handed on.
    pub(crate) fn cut<K: Cut<Chunk = C>>(
        &mut self,
        cut: &mut K,
        name: &str,
    ) -> Result<bool, Fatal> {
        loop {
            let mut chunk = cut.chunk(self.chunk_bytes + 16 * 1024);
            let mut result = Ok(true);
            while K::size(&chunk) < self.chunk_bytes {
                match cut.next_into(&mut chunk) {
                    Ok(true) => {}
                    Ok(false) => {
                        result = Ok(false);
                        break;
                    }
                    Err(e) => {
                        result = Err(Fatal::Io(format!("cannot read {name}: {e}")));
                        break;
                    }
                }
            }
            if !K::is_empty(&chunk) && !self.send(chunk) {
                return Ok(false);
            }
            match result {
                Ok(true) => {}
                Ok(false) => return Ok(true),
                Err(fatal) => return Err(fatal),
            }
        }
    }
}

/// A run's settings: the threads, the progress bar, the chunk size.
#[derive(Debug)]
pub(crate) struct Pipeline {
    jobs: usize,
    chunk_bytes: usize,
    progress: Option<Progress>,
    /// What the workers do ("checking"), for the message should one stop.
    work: &'static str,
}

impl Pipeline {
    /// A run on `jobs` threads (`--jobs`; without it one per core) whose
    /// workers do `work` ("checking", "planning").
    pub(crate) fn new(jobs: Option<NonZeroUsize>, work: &'static str) -> Self {
        let jobs = jobs.map_or_else(
            || std::thread::available_parallelism().map_or(1, NonZeroUsize::get),
            NonZeroUsize::get,
        );
        Pipeline {
            jobs,
            chunk_bytes: CHUNK_BYTES,
            progress: None,
            work,
        }
    }

    /// With a progress bar on stderr when it is a terminal: the share of
    /// `total_bytes` (the input's size, when known) read, ended as `ending`
    /// says.
    pub(crate) fn progress(
        mut self,
        total_bytes: impl FnOnce() -> Option<u64>,
        ending: Ending,
    ) -> Self {
        use std::io::IsTerminal as _;
        self.progress = io::stderr()
            .is_terminal()
            .then(|| Progress::new(total_bytes(), ending));
        self
    }

    /// Runs the pipeline: `read` cuts the input into chunks and hands them
    /// to its [`Feed`]; `worker` makes, on each worker thread, that thread's
    /// answerer of chunks; their answers are written to `out` in the order
    /// the chunks were read, then `out` is flushed. The answers' counts,
    /// added up; a read error once the chunks before it are written.
    pub(crate) fn run<C, T, W>(
        self,
        out: &mut (dyn Write + Send),
        read: impl FnOnce(&mut Feed<'_, C>) -> Result<(), Fatal>,
        worker: impl Fn() -> W + Sync,
    ) -> Result<T, Fatal>
    where
        C: Send,
        T: Tally,
        W: FnMut(C) -> Answers<T>,
    {
        let Pipeline {
            jobs,
            chunk_bytes,
            progress,
            work,
        } = self;
        let jobs = jobs.max(1);
        let (work_tx, work_rx) = sync_channel::<Job<C, T>>(jobs);
        let work_rx = Mutex::new(work_rx);
        let (order_tx, order_rx) = sync_channel::<Receiver<Answers<T>>>(IN_FLIGHT_PER_JOB * jobs);
        std::thread::scope(|scope| {
            for _ in 0..jobs {
                let (work_rx, worker) = (&work_rx, &worker);
                scope.spawn(move || answer_chunks(work_rx, &mut worker()));
            }
            let writer = scope.spawn(move || write_in_order(&order_rx, out, progress, work));
            let mut send = move |chunk| {
                let (answer_tx, answer_rx) = sync_channel(1);
                // A send fails only when the writer stopped (its error is below).
                order_tx.send(answer_rx).is_ok() && work_tx.send((chunk, answer_tx)).is_ok()
            };
            let read = read(&mut Feed {
                chunk_bytes,
                send: &mut send,
            });
            // The channels close: the workers and the writer finish.
            drop(send);
            let written = writer
                .join()
                .unwrap_or_else(|_| Err(Fatal::Io("the writing thread stopped".into())));
            read.and(written)
        })
    }

    /// The same run with `jobs` threads and chunks of `chunk_bytes`.
    #[cfg(test)]
    fn sized(mut self, jobs: usize, chunk_bytes: usize) -> Self {
        self.jobs = jobs;
        self.chunk_bytes = chunk_bytes;
        self
    }
}

/// A worker thread: answers chunks from `queue` with `answer` until it is
/// closed.
fn answer_chunks<C, T>(
    queue: &Mutex<Receiver<Job<C, T>>>,
    answer: &mut impl FnMut(C) -> Answers<T>,
) {
    loop {
        let job = match queue.lock() {
            Ok(queue) => queue.recv(),
            Err(_) => return,
        };
        let Ok((chunk, answers)) = job else {
            return;
        };
        // The writer may have stopped on an error: nobody is waiting then.
        let _ = answers.send(answer(chunk));
    }
}

/// The writing thread: writes the answers of each chunk in the order the
/// chunks were read, then flushes `out` and ends the progress bar.
fn write_in_order<T: Tally>(
    order: &Receiver<Receiver<Answers<T>>>,
    out: &mut (dyn Write + Send),
    mut progress: Option<Progress>,
    work: &str,
) -> Result<T, Fatal> {
    let mut tally = T::default();
    for answers in order {
        let mut answers = answers
            .recv()
            .map_err(|_| Fatal::Io(format!("a {work} thread stopped")))?;
        tally.admit(&mut answers);
        out.write_all(&answers.text).map_err(|e| write_err(&e))?;
        if let Some(progress) = progress.as_mut() {
            progress.advance(answers.tally.documents(), answers.bytes);
        }
        tally.merge(answers.tally);
    }
    out.flush().map_err(|e| write_err(&e))?;
    if let Some(progress) = progress {
        progress.finish();
    }
    Ok(tally)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::{BufReader, Read};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    /// `count` numbered lines, `0\n1\n...`.
    fn numbered(count: usize) -> Vec<u8> {
        (0..count)
            .map(|i| format!("{i}\n"))
            .collect::<String>()
            .into_bytes()
    }

    /// A worker that answers a chunk of numbered lines with the numbers
    /// doubled, taking longer on some chunks than on others.
    fn doubling() -> impl FnMut(Vec<u8>) -> Answers<u64> {
        |chunk: Vec<u8>| {
            let text = String::from_utf8(chunk.clone()).unwrap();
            let numbers: Vec<u64> = text.lines().map(|l| l.parse().unwrap()).collect();
            // Later chunks often finish first.
            let first = numbers.first().copied().unwrap_or(0);
            std::thread::sleep(Duration::from_micros(((first * 7919) % 13) * 50));
            Answers {
                text: numbers
                    .iter()
                    .map(|n| format!("{}\n", n * 2))
                    .collect::<String>()
                    .into_bytes(),
                bytes: chunk.len() as u64,
                tally: numbers.len() as u64,
            }
        }
    }

    #[test]
    fn answers_come_in_input_order_with_many_jobs_and_tiny_chunks() {
        let input = numbered(3000);
        let mut out = Vec::new();
        let documents = Pipeline::new(None, "testing")
            .sized(8, 1)
            .run(
                &mut out,
                |feed| feed.cut(&mut Lines(&input[..]), "x").map(|_| ()),
                doubling,
            )
            .unwrap();
        assert_eq!(documents, 3000);
        let want: String = (0..3000).map(|i| format!("{}\n", i * 2)).collect();
        assert_eq!(String::from_utf8(out).unwrap(), want);
    }

    #[test]
    fn each_worker_thread_gets_its_own_state() {
        let made = AtomicUsize::new(0);
        let input = numbered(100);
        let mut out = Vec::new();
        Pipeline::new(None, "testing")
            .sized(4, 1)
            .run(
                &mut out,
                |feed| feed.cut(&mut Lines(&input[..]), "x").map(|_| ()),
                || {
                    made.fetch_add(1, Ordering::SeqCst);
                    doubling()
                },
            )
            .unwrap();
        assert_eq!(made.load(Ordering::SeqCst), 4);
    }

    /// Accepts everything, slowly, counting the chunks written.
    struct SlowWrite<'a> {
        written: &'a AtomicUsize,
    }

    impl Write for SlowWrite<'_> {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            std::thread::sleep(Duration::from_micros(300));
            self.written.fetch_add(1, Ordering::SeqCst);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn chunks_in_flight_are_bounded_by_the_jobs() {
        let jobs = 3;
        let written = AtomicUsize::new(0);
        let mut most = 0;
        let mut out = SlowWrite { written: &written };
        Pipeline::new(None, "testing")
            .sized(jobs, 1)
            .run(
                &mut out,
                |feed| {
                    for i in 0..400_usize {
                        // This chunk, and every one handed on but not written.
                        most = most.max(i + 1 - written.load(Ordering::SeqCst));
                        if !feed.send(format!("{i}\n").into_bytes()) {
                            break;
                        }
                    }
                    Ok(())
                },
                doubling,
            )
            .unwrap();
        assert_eq!(written.load(Ordering::SeqCst), 400);
        assert!(
            most <= IN_FLIGHT_PER_JOB * jobs + 2,
            "{most} chunks in flight"
        );
        // The reader did run ahead of the writer, as far as it may.
        assert!(most > jobs, "{most} chunks in flight");
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

    #[test]
    fn a_read_error_in_one_chunk_keeps_the_chunks_before_it_in_order() {
        let mut data = numbered(1000);
        data.extend_from_slice(b"10"); // a line cut by the error
        let mut input = BufReader::with_capacity(
            7,
            FailingRead {
                data: io::Cursor::new(data),
            },
        );
        let mut out = Vec::new();
        let result: Result<u64, Fatal> = Pipeline::new(None, "testing").sized(4, 10).run(
            &mut out,
            |feed| feed.cut(&mut Lines(&mut input), "x").map(|_| ()),
            doubling,
        );
        match result {
            Err(Fatal::Io(message)) => assert_eq!(message, "cannot read x: disk on fire"),
            other => panic!("{other:?}"),
        }
        let want: String = (0..1000).map(|i| format!("{}\n", i * 2)).collect();
        assert_eq!(String::from_utf8(out).unwrap(), want);
    }

    /// A pipe whose reader has gone (the check adapter's tests use it too).
    pub(crate) struct ClosedPipe;

    impl Write for ClosedPipe {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_writer_stops_an_endless_run() {
        let jobs = 2;
        let mut sent = 0_usize;
        let result: Result<u64, Fatal> = Pipeline::new(None, "testing").sized(jobs, 1).run(
            &mut ClosedPipe,
            |feed| {
                // An input without end: only the writer can stop it.
                while feed.send(format!("{sent}\n").into_bytes()) {
                    sent += 1;
                }
                Ok(())
            },
            doubling,
        );
        assert!(matches!(result, Err(Fatal::Closed)), "{result:?}");
        assert!(sent <= IN_FLIGHT_PER_JOB * jobs + 2, "{sent} chunks sent");
    }

    #[test]
    fn an_empty_input_writes_nothing() {
        let mut out = Vec::new();
        let documents = Pipeline::new(None, "testing")
            .run(
                &mut out,
                |feed| feed.cut(&mut Lines(&b""[..]), "x").map(|_| ()),
                doubling,
            )
            .unwrap();
        assert_eq!((documents, out.len()), (0, 0));
    }
}
