//! Hostile input: every file in tests/hostile gets a clear finding or a clean pass, never a
//! panic, a hang or a raw control character on the terminal.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
#[cfg(unix)]
use std::process::Command;
use std::time::{Duration, Instant};

use crate::util::{root, weekly};

/// Each file, the exit code and the code of the first finding (none for a clean pass).
pub const EXPECTED: &[(&str, i32, Option<&str>)] = &[
    ("alias-bomb.yaml", 1, Some("E015")),
    ("bidi-override.yaml", 1, Some("E016")),
    ("binary-junk.yaml", 1, Some("E014")),
    ("bom-and-crlf.yaml", 0, None),
    ("deep-block-nesting.yaml", 1, Some("E015")),
    ("deep-nesting.yaml", 1, Some("E015")),
    ("empty.yaml", 1, Some("E002")),
    ("escape-sequence.yaml", 1, Some("E016")),
    ("escaped-control-in-string.yaml", 1, Some("E016")),
    ("float-as-count.yaml", 1, Some("E002")),
    ("gbk.yaml", 1, Some("E014")),
    ("huge-number.yaml", 1, Some("E013")),
    ("key-is-a-list.yaml", 1, Some("E004")),
    ("long-line.yaml", 0, None),
    ("many-keys.yaml", 1, Some("E004")),
    ("merge-key.yaml", 1, Some("E015")),
    ("multi-document.yaml", 1, Some("E015")),
    ("nul-byte.yaml", 1, Some("E016")),
    ("number-keys.yaml", 1, Some("E004")),
    ("only-bom.yaml", 1, Some("E002")),
    ("only-comments.yaml", 1, Some("E002")),
    ("quoted-number.yaml", 1, Some("E002")),
    ("tabs-for-indent.yaml", 1, Some("E001")),
    ("tag-include.yaml", 1, Some("E015")),
    ("tag-python.yaml", 1, Some("E015")),
    ("utf16.yaml", 1, Some("E014")),
    ("yes-as-number.yaml", 1, Some("E002")),
];

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: Vec<u8>,
}

/// Runs weekly and fails the test if it has not finished in a minute: a hang, not a
/// measurement.
fn run(args: &[&str], path: &Path) -> Run {
    let mut child = weekly().args(args).arg(path).spawn();
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        stdout.read_to_string(&mut s).unwrap();
        s
    });
    let err = std::thread::spawn(move || {
        let mut b = Vec::new();
        stderr.read_to_end(&mut b).unwrap();
        b
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("weekly hung on {}", path.display());
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Run {
        code: status.code(),
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    }
}

fn corpus() -> PathBuf {
    root().join("tests/hostile")
}

#[test]
fn every_hostile_file_is_listed() {
    let mut on_disk: Vec<String> = fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let listed: Vec<&str> = EXPECTED.iter().map(|(name, _, _)| *name).collect();
    assert_eq!(on_disk, listed);
}

#[test]
fn hostile_files_get_clear_findings() {
    for (name, code, first) in EXPECTED {
        let path = corpus().join(name);
        let json = run(&["check", "--message-format", "json"], &path);
        assert_eq!(
            json.code,
            Some(*code),
            "{name}: {}",
            String::from_utf8_lossy(&json.stderr)
        );
        let found = json.stdout.lines().next().map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            v["code"].as_str().unwrap().to_owned()
        });
        assert_eq!(found.as_deref(), *first, "{name}");

        let human = run(&["check"], &path);
        let stderr = String::from_utf8(human.stderr).expect("UTF-8 on stderr");
        assert!(
            !stderr.chars().any(|c| c.is_control() && c != '\n'),
            "{name}: a raw control character reached stderr:\n{stderr:?}"
        );
        assert_eq!(stderr.is_empty(), first.is_none(), "{name}: {stderr}");
    }
}

/// The code of a file over the size cap, which is made by the test rather than kept.
pub const OVER_THE_CAP: &str = "E017";

#[test]
fn a_file_over_the_size_cap_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.yaml");
    let line = format!("# {}\n", "x".repeat(1022));
    fs::write(&path, line.repeat(4 * 1024 + 1)).unwrap();
    let r = run(&["check", "--message-format", "short"], &path);
    assert_eq!(r.code, Some(1));
    let stderr = String::from_utf8(r.stderr).unwrap();
    assert!(
        stderr.contains(&format!(
            "error[{OVER_THE_CAP}]: the file is larger than 4 MiB"
        )),
        "{stderr}"
    );
}

#[cfg(unix)]
#[cfg(unix)]
#[test]
fn devices_and_fifos_are_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("issue.yaml");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    for path in [fifo.as_path(), Path::new("/dev/zero")] {
        let r = run(&["check"], path);
        assert_eq!(r.code, Some(2), "{}", path.display());
        let stderr = String::from_utf8(r.stderr).unwrap();
        assert!(stderr.contains("is not a regular file"), "{stderr}");
    }
}

#[test]
fn a_folder_without_issues_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("notes.txt"), "no issues here").unwrap();
    let r = run(&["check"], dir.path());
    assert_eq!(r.code, Some(2));
    let stderr = String::from_utf8(r.stderr).unwrap();
    assert!(stderr.contains("no issue files (*.yaml) in"), "{stderr}");
}

/// A file's name is shown with its control characters written as escapes, whatever the
/// command and the message format: a name cannot drive the terminal or break a line.
#[cfg(unix)]
#[test]
fn file_names_with_control_characters_are_shown_escaped() {
    let tmp = crate::util::scratch();
    let dir = tmp.path();
    let name = "bad\u{1b}[31m\nname.yaml";
    fs::write(dir.join(name), "masthead: 1\n").unwrap();
    let runs: [&[&str]; 5] = [
        &["check", name],
        &["check", name, "--message-format", "short"],
        &["check", name, "--message-format", "github"],
        &["check", "."],
        &["build", name, "-o", "out\u{7}.md"],
    ];
    for args in runs {
        let out = weekly().current_dir(dir).args(args).run();
        out.code(1);
        let said = out.stderr_text() + &out.stdout_text();
        assert!(
            said.contains("bad\\u{1b}[31m\\u{a}name.yaml"),
            "{args:?}: {said}"
        );
        assert!(
            !said.chars().any(|c| c.is_control() && c != '\n'),
            "{args:?}: {said:?}"
        );
        assert!(!said.contains("[31m\nname"), "{args:?}: {said}");
    }
}

/// A folder's links are read only when they lead to a file inside it: a link to a secret
/// elsewhere, a device or nothing is a finding (W025), and what it points at is never read
/// or printed.
#[cfg(unix)]
#[test]
fn links_out_of_a_checked_folder_are_not_followed() {
    use std::os::unix::fs::symlink;
    let tmp = crate::util::scratch();
    let dir = tmp.path();
    fs::create_dir_all(dir.join("issues/sub")).unwrap();
    for name in ["2023-38.yaml", "2023-39.yaml"] {
        fs::copy(
            root().join("examples").join(name),
            dir.join("issues").join(name),
        )
        .unwrap();
    }
    fs::write(dir.join("secret.yaml"), "password: hunter2\n").unwrap();
    symlink(dir.join("secret.yaml"), dir.join("issues/secret.yaml")).unwrap();
    symlink("/dev/zero", dir.join("issues/zero.yaml")).unwrap();
    symlink("nowhere.yaml", dir.join("issues/dangling.yaml")).unwrap();
    symlink("../2023-39.yaml", dir.join("issues/sub/inside.yaml")).unwrap();
    for format in ["human", "short", "github", "json"] {
        let out = weekly()
            .current_dir(dir)
            .args(["check", "issues", "--message-format", format])
            .run();
        out.success();
        let said = out.stderr_text() + &out.stdout_text();
        assert!(
            !said.contains("hunter2") && !said.contains("password"),
            "{said}"
        );
        assert_eq!(said.matches("W025").count(), 3, "{format}: {said}");
        // The link inside the folder is read: it is 第 39 期 again.
        assert!(said.contains("sub/inside.yaml"), "{said}");
    }
    // Named on the command line, a link is read: the user asked for it.
    weekly()
        .current_dir(dir)
        .args(["check", "issues/secret.yaml"])
        .run()
        .code(1);
}

/// A folder tree deeper than weekly walks is cut short with an error for the folder too
/// deep, and every issue above it is still checked.
#[test]
fn a_tree_too_deep_is_cut_short_and_the_rest_checked() {
    let tmp = crate::util::scratch();
    let dir = tmp.path().join("issues");
    let mut deep = dir.clone();
    for _ in 0..40 {
        deep.push("d");
    }
    fs::create_dir_all(&deep).unwrap();
    fs::copy(
        root().join("examples/2023-38.yaml"),
        deep.join("2023-38.yaml"),
    )
    .unwrap();
    fs::write(dir.join("bad.yaml"), "masthead: 1\n").unwrap();
    let out = weekly().arg("check").arg(&dir).run();
    out.code(2);
    let said = out.stderr_text();
    assert!(said.contains("more than 32 folders deep"), "{said}");
    assert!(said.contains("bad.yaml") && said.contains("E004"), "{said}");
}

/// A template is read as an issue file is, a regular file under the cap, and filled in for
/// at most half a second: a FIFO, `/dev/zero` or a loop that runs away is an error, not a wait.
#[cfg(unix)]
#[test]
fn templates_that_block_or_run_away_are_stopped() {
    let tmp = crate::util::series_copy();
    let dir = tmp.path();
    let t = dir.join("t");
    fs::create_dir(&t).unwrap();
    let template = t.join("bulletin.md");
    let build = || {
        let started = Instant::now();
        let out = weekly()
            .current_dir(dir)
            .args(["build", "2023-39.yaml", "--templates", "t"])
            .run();
        (out, started.elapsed())
    };
    let fifo = Command::new("mkfifo").arg(&template).status().unwrap();
    assert!(fifo.success());
    let (out, took) = build();
    out.code(2);
    assert!(
        out.stderr_text().contains("not a regular file"),
        "{}",
        out.stderr_text()
    );
    assert!(took < Duration::from_secs(5));
    fs::remove_file(&template).unwrap();
    crate::util::symlink("/dev/zero", &template).unwrap();
    let (out, took) = build();
    out.code(2);
    assert!(took < Duration::from_secs(5));
    fs::remove_file(&template).unwrap();
    // Nothing written, and then 4 KiB an inner loop: the one runs out of time, the other of
    // room.
    for body in [String::new(), "x".repeat(4096)] {
        fs::write(
            &template,
            format!(
                "{{% for i in range(end=100000) %}}{{% for j in range(end=100000) %}}{body}\
                 {{% endfor %}}{{% endfor %}}"
            ),
        )
        .unwrap();
        let (out, took) = build();
        out.code(2);
        let said = out.stderr_text();
        let why = if body.is_empty() {
            "was not filled in after 0.5 s, and was stopped"
        } else {
            "wrote more than 64 MiB, and was stopped"
        };
        assert!(said.contains(why), "{said}");
        assert!(took < Duration::from_secs(10), "{took:?}");
    }
}
