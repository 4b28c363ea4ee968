//! `badge-rules serve` as the binary runs: every example answered as `check`
//! answers it, the token never in any output, SIGTERM stopping it, and an
//! address other than loopback refused without a token.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::BIN;

/// A `serve` process and the address it said it listens on.
struct Serve {
    child: Child,
    addr: SocketAddr,
    /// Every line of its stderr, read on another thread.
    stderr: std::sync::mpsc::Receiver<String>,
}

#[expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a test helper: a failure is the test failing"
)]
fn serve(args: &[&str], env: &[(&str, &str)]) -> Serve {
    let mut command = Command::new(BIN);
    command
        .arg("serve")
        .arg("--addr")
        .arg("127.0.0.1:0")
        .args(args);
    command.env_remove("BADGE_RULES_TOKEN");
    for (k, v) in env {
        command.env(k, v);
    }
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let said: serde_json::Value = serde_json::from_str(&first).unwrap();
    let addr = said["addr"].as_str().unwrap().parse().unwrap();
    let (send, stderr) = std::sync::mpsc::channel();
    send.send(first).unwrap();
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            let _ = send.send(line);
        }
    });
    Serve {
        child,
        addr,
        stderr,
    }
}

/// One request; the whole raw answer (head and body).
#[expect(
    clippy::unwrap_used,
    reason = "a test helper: a failure is the test failing"
)]
fn raw(addr: SocketAddr, head: &str, body: &[u8]) -> Vec<u8> {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    stream
        .write_all(
            format!(
                "{head}Host: t\r\nConnection: close\r\nContent-Length: {}\r\n\r\n",
                body.len()
            )
            .as_bytes(),
        )
        .unwrap();
    stream.write_all(body).unwrap();
    let mut out = Vec::new();
    stream.read_to_end(&mut out).unwrap();
    out
}

/// The status and body of an answer with a Content-Length.
#[expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a test helper: a failure is the test failing"
)]
fn split(raw: &[u8]) -> (u16, Vec<u8>) {
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let status = std::str::from_utf8(&raw[9..12]).unwrap().parse().unwrap();
    (status, raw[end + 4..].to_vec())
}

/// SIGTERM, then the exit status and stdout, within `deadline`.
#[expect(
    clippy::unwrap_used,
    reason = "a test helper: a failure is the test failing"
)]
fn terminate(mut serve: Serve, deadline: Duration) -> (Option<i32>, Vec<u8>, Vec<String>) {
    let status = Command::new("kill")
        .arg("-TERM")
        .arg(serve.child.id().to_string())
        .status()
        .unwrap();
    assert!(status.success());
    let started = Instant::now();
    let exit = loop {
        if let Some(exit) = serve.child.try_wait().unwrap() {
            break exit;
        }
        assert!(
            started.elapsed() < deadline,
            "serve did not stop within {deadline:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stdout = Vec::new();
    serve
        .child
        .stdout
        .take()
        .unwrap()
        .read_to_end(&mut stdout)
        .unwrap();
    std::thread::sleep(Duration::from_millis(100));
    let stderr: Vec<String> = serve.stderr.try_iter().collect();
    (exit.code(), stdout, stderr)
}

#[test]
fn every_example_is_answered_as_check_answers_it() {
    let server = serve(&[], &[]);
    let mut files: Vec<_> = std::fs::read_dir("../../examples")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "json"));
    files.sort();
    assert!(files.len() >= 10);
    for file in &files {
        let bytes = std::fs::read(file).unwrap();
        for format in ["json", "allegro"] {
            let cli = Command::new(BIN)
                .args(["check", "--format", format])
                .arg(file)
                .output()
                .unwrap();
            let (status, body) = split(&raw(
                server.addr,
                &format!("POST /v1/check?format={format} HTTP/1.1\r\n"),
                &bytes,
            ));
            assert_eq!(
                String::from_utf8_lossy(&body),
                String::from_utf8_lossy(&cli.stdout),
                "{} {format}",
                file.display()
            );
            // An input error (exit 2) is 400; any verdict is 200.
            assert_eq!(
                status == 400,
                cli.status.code() == Some(2),
                "{} {format}",
                file.display()
            );
        }
    }
    let (code, _, stderr) = terminate(server, Duration::from_secs(15));
    assert_eq!(code, Some(0));
    assert!(stderr.iter().any(|l| l.contains("\"route\":\"/v1/check\"")));
}

#[test]
fn the_token_is_asked_for_and_never_written_anywhere() {
    let token = "t0ken-8c1e44b2a9f0d7e3";
    let dir = common::fresh_dir("serve-token");
    let file = dir.join("token");
    std::fs::write(&file, format!("{token}\n")).unwrap();
    let doc = br#"{"kind": "accountConsent", "request": {"status": "ALLOWED"}}"#;
    let file_arg = file.to_string_lossy().into_owned();
    for (args, env) in [
        (vec!["--token-file", file_arg.as_str()], vec![]),
        (vec![], vec![("BADGE_RULES_TOKEN", token)]),
    ] {
        let server = serve(&args, &env);
        let mut answers = Vec::new();
        for auth in [
            "",
            "Authorization: Bearer wrong\r\n",
            &format!("Authorization: Bearer {token}x\r\n"),
            &format!("Authorization: {token}\r\n"),
        ] {
            let answer = raw(
                server.addr,
                &format!("POST /v1/check HTTP/1.1\r\n{auth}"),
                doc,
            );
            assert_eq!(split(&answer).0, 401, "{auth}");
            answers.push(answer);
        }
        let answer = raw(
            server.addr,
            &format!("POST /v1/check HTTP/1.1\r\nAuthorization: Bearer {token}\r\n"),
            doc,
        );
        assert_eq!(split(&answer).0, 200);
        answers.push(answer);
        answers.push(raw(
            server.addr,
            &format!("GET /metrics HTTP/1.1\r\nAuthorization: Bearer {token}\r\n"),
            b"",
        ));
        answers.push(raw(server.addr, "GET /healthz HTTP/1.1\r\n", b""));
        let (code, stdout, stderr) = terminate(server, Duration::from_secs(15));
        assert_eq!(code, Some(0));
        assert!(stderr.len() >= 7, "{stderr:?}");
        let mut everything = stdout;
        for line in &stderr {
            everything.extend_from_slice(line.as_bytes());
        }
        for answer in &answers {
            everything.extend_from_slice(answer);
        }
        assert!(
            !String::from_utf8_lossy(&everything).contains(token),
            "the token was written"
        );
    }
}

#[test]
fn another_address_than_loopback_is_refused_without_a_token() {
    let out = Command::new(BIN)
        .args(["serve", "--addr", "0.0.0.0:0"])
        .env_remove("BADGE_RULES_TOKEN")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("not a loopback address") && stderr.contains("--insecure"),
        "{stderr}"
    );
}
