//! Running the `badge-rules` binary as a user runs it, for every test file
//! of the CLI (`mod common;`).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// The binary cargo built for these tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_badge-rules");

/// Runs the binary with `args`, `stdin` on its standard input.
#[allow(dead_code, reason = "the plan tests run it in the repository's root")]
pub fn run(args: &[&str], stdin: &[u8]) -> Output {
    run_with(Command::new(BIN), args, stdin)
}

/// [`run`] in the directory `dir`.
#[allow(dead_code, reason = "not every test file runs the binary elsewhere")]
pub fn run_in(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    let mut command = Command::new(BIN);
    command.current_dir(dir);
    run_with(command, args, stdin)
}

#[expect(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test helper: a failure is the test failing"
)]
fn run_with(mut command: Command, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = command
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    // Written from another thread, so that a large output cannot block the child.
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

/// A fresh, empty directory `badge-rules-cli-{name}-{pid}` in the system's
/// temporary folder, for one test.
#[allow(dead_code, reason = "the ledger tests make their databases there")]
#[expect(
    clippy::unwrap_used,
    reason = "a test helper: a failure is the test failing"
)]
pub fn fresh_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("badge-rules-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A path as the text of an argument.
#[allow(dead_code, reason = "the ledger tests pass paths as arguments")]
pub fn arg(path: &Path) -> &str {
    path.to_str().unwrap_or_default()
}

/// Output bytes as text (invalid UTF-8 replaced).
#[allow(dead_code, reason = "not every test file reads output as text")]
pub fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
