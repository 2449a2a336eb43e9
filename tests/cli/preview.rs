//! `weekly preview` and `weekly build --watch` over the real binary: the page served on
//! 127.0.0.1 and built again on a save, its reload announced as an event, the findings of a
//! save with errors above the last page; outputs built again on a save.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::Child;
use std::time::{Duration, Instant};

use crate::util::*;

/// Long enough for a loaded machine; a change normally shows within a tenth of a second.
const PATIENCE: Duration = Duration::from_secs(20);

/// A program run by a test, killed when the test ends however it ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `weekly preview` on `file` in `dir`; the program and the address it serves on, read
/// from the line it prints on stderr.
fn preview(dir: &Path, file: &str, extra: &[&str]) -> (Running, String) {
    let mut child = weekly()
        .args(["preview", file])
        .args(extra)
        .current_dir(dir)
        .env("LANG", "zh_CN.UTF-8")
        .spawn();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    let start = line
        .find("http://")
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    let end = line[start..]
        .find('/')
        .map(|_| line[start + 7..].find('/').unwrap() + start + 7);
    let address = line[start + 7..end.unwrap()].to_owned();
    // The rest of stderr is read and dropped, so that the program never waits on it.
    std::thread::spawn(move || std::io::copy(&mut stderr, &mut std::io::sink()));
    (Running(child), address)
}

/// The head and body of `GET path` from `address`, asked in HTTP/1.0 so that the body comes
/// whole rather than in chunks.
fn get_bytes(address: &str, path: &str) -> (String, Vec<u8>) {
    let mut stream = TcpStream::connect(address).unwrap();
    write!(stream, "GET {path} HTTP/1.0\r\nHost: {address}\r\n\r\n").unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let end = response.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&response[..end]).into_owned();
    (head, response[end + 4..].to_vec())
}

fn get(address: &str, path: &str) -> (String, String) {
    let (head, body) = get_bytes(address, path);
    (head, String::from_utf8(body).unwrap())
}

/// Waits until `done` holds, or fails the test saying `what`.
fn until(what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < PATIENCE, "{what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn the_preview_follows_the_saves_and_shows_the_findings() {
    let dir = series_copy();
    let path = dir.path().join("2023-40.yaml");
    let issue = fs::read_to_string(root().join("examples/2023-40.yaml")).unwrap();
    fs::write(&path, &issue).unwrap();
    let (_running, address) = preview(dir.path(), "2023-40.yaml", &[]);
    assert!(address.starts_with("127.0.0.1:"), "{address}");
    let (head, page) = get(&address, "/");
    assert!(head.starts_with("HTTP/1.0 200"), "{head}");
    assert!(page.contains("受理 512 件"), "{page}");
    assert!(!page.contains("weekly-findings\">"));
    // The events say the build now shown, then each new one.
    let mut events = TcpStream::connect(&address).unwrap();
    write!(events, "GET /events HTTP/1.1\r\nHost: {address}\r\n\r\n").unwrap();
    let mut events = BufReader::new(events);
    let mut next_event = || loop {
        let mut line = String::new();
        events.read_line(&mut line).unwrap();
        if let Some(n) = line.strip_prefix("data: ") {
            return n.trim().to_owned();
        }
    };
    let first = next_event();
    // A save by rename, as editors make it.
    let saved = dir.path().join(".2023-40.yaml.swp");
    fs::write(&saved, issue.replace("week: 512", "week: 513")).unwrap();
    fs::rename(&saved, &path).unwrap();
    assert_ne!(next_event(), first);
    until("the page shows the save", || {
        get(&address, "/").1.contains("受理 513 件")
    });
    // A save with an error: its findings, in Chinese, above the last page built.
    fs::write(
        &path,
        issue
            .replace("week: 512", "week: 513")
            .replace("  publisher: ", "  publisher："),
    )
    .unwrap();
    next_event();
    let page = get(&address, "/").1;
    assert!(
        page.contains("<code>E001</code> 第 19 行第 12 列："),
        "{page}"
    );
    assert!(page.find("weekly-findings\">").unwrap() < page.find("受理 513 件").unwrap());
    let (head, _) = get(&address, "/elsewhere");
    assert!(head.starts_with("HTTP/1.0 404"), "{head}");
    let (head, _) = get(&address, "/bulletin.pdf");
    assert!(head.starts_with("HTTP/1.0 404"), "without --pdf: {head}");
}

#[test]
fn build_watch_builds_again_on_every_save() {
    let dir = series_copy();
    let path = dir.path().join("2023-40.yaml");
    let issue = fs::read_to_string(root().join("examples/2023-40.yaml")).unwrap();
    fs::write(&path, &issue).unwrap();
    let out = dir.path().join("out.md");
    let child = weekly()
        .args(["build", "--watch", "2023-40.yaml", "-o", "out.md"])
        .current_dir(dir.path())
        .spawn();
    let _running = Running(child);
    let read = || fs::read_to_string(&out).unwrap_or_default();
    until("the first build", || read().contains("受理 512 件"));
    fs::write(&path, issue.replace("week: 512", "week: 513")).unwrap();
    until("the build after the save", || {
        read().contains("受理 513 件")
    });
    // A save with an error leaves the output as it was.
    fs::write(&path, issue.replace("  publisher: ", "  publisher：")).unwrap();
    std::thread::sleep(Duration::from_millis(500));
    assert!(read().contains("受理 513 件"));
    // The issue before changes this week's figures.
    fs::write(&path, &issue).unwrap();
    until("the build after the mend", || {
        read().contains("受理 512 件")
    });
    let before = dir.path().join("2023-39.yaml");
    let last_week = fs::read_to_string(&before).unwrap();
    let (from, to) = (
        "受理, unit: 件, week: 540, year_to_date: 15288",
        "受理, unit: 件, week: 540, year_to_date: 15289",
    );
    assert!(last_week.contains(from), "the example's figure");
    fs::write(&before, last_week.replace(from, to)).unwrap();
    until("the build after last week's issue changed", || {
        read().contains("累计咨询 61779 人次、受理 15801 件")
    });
}

#[test]
fn watch_needs_files_to_build_into() {
    let dir = series_copy();
    let run = weekly()
        .args(["build", "--watch", "2023-39.yaml"])
        .current_dir(dir.path())
        .run();
    run.code(2);
    assert!(
        run.stderr_text()
            .contains("--watch builds a file into files"),
        "{}",
        run.stderr_text()
    );
}

#[cfg(feature = "pdf")]
#[test]
fn with_pdf_the_preview_serves_the_pdf_the_build_makes() {
    if !crate::pdf::chinese_fonts() {
        return;
    }
    let dir = series_copy();
    let issue = fs::read_to_string(root().join("examples/2023-40.yaml")).unwrap();
    fs::write(dir.path().join("2023-40.yaml"), &issue).unwrap();
    let (_running, address) = preview(dir.path(), "2023-40.yaml", &["--pdf"]);
    let (_, page) = get(&address, "/");
    assert!(
        page.contains("<a href=\"/bulletin.pdf\">PDF 版</a>"),
        "{page}"
    );
    let (head, served) = get_bytes(&address, "/bulletin.pdf");
    assert!(head.contains("application/pdf"), "{head}");
    weekly()
        .args(["build", "2023-40.yaml", "-o", "built.pdf"])
        .current_dir(dir.path())
        .run()
        .success();
    let built = fs::read(dir.path().join("built.pdf")).unwrap();
    assert!(
        served == built,
        "the PDF served is not the one weekly build makes"
    );
}
