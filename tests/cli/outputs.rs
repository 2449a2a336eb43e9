//! Where `weekly build -o` writes and what it never replaces: devices, FIFOs, symbolic links,
//! folders; the format from the file name; several outputs in one run; stdout that cannot be
//! written; killed builds; byte-identical rebuilds.

use std::fs;
use std::io::Read;
use std::path::Path;
#[cfg(unix)]
use std::path::PathBuf;
#[cfg(unix)]
use std::process::Command;
use std::process::Stdio;
use std::time::Duration;

#[cfg(unix)]
use crate::util::{TestCommand, notice};
use crate::util::{TestOutput, assert_same_bytes, files_in, root, series_copy, weekly};

fn golden(name: &str) -> Vec<u8> {
    fs::read(root().join("tests/golden").join(name)).unwrap()
}

/// Asserts that `actual` is the golden `name`, byte for byte, and shows their diff if not.
#[track_caller]
fn assert_golden_bytes(actual: &[u8], name: &str) {
    assert_same_bytes(
        format_args!("the output, against tests/golden/{name},"),
        &golden(name),
        actual,
    );
}

/// `weekly build` on the example series' 2023-39 in `dir`, with `args` after it.
fn build(dir: &Path, args: &[&str]) -> TestOutput {
    weekly()
        .current_dir(dir)
        .args(["build", "2023-39.yaml"])
        .args(args)
        .env("LANG", "C")
        .run()
}

#[cfg(unix)]
fn is_char_device(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_char_device())
}

/// A device node in a scratch folder with the numbers of `/dev/null` (1, 3) or `/dev/full`
/// (1, 7); `None`, with a notice, where this user may not make one.
#[cfg(unix)]
fn device(dir: &Path, name: &str, minor: u32) -> Option<PathBuf> {
    let path = dir.join(name);
    let made = Command::new("mknod")
        .arg(&path)
        .args(["c", "1", &minor.to_string()])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if made {
        Some(path)
    } else {
        notice("cannot make a device node here (mknod needs root): device cases skipped");
        None
    }
}

#[cfg(unix)]
#[test]
fn a_device_is_written_into_and_stays_a_device() {
    let tmp = series_copy();
    let dir = tmp.path();
    let Some(null) = device(dir, "null", 3) else {
        return;
    };
    let out = build(dir, &["-o", "null"]);
    out.success();
    assert!(is_char_device(&null), "the device was replaced");

    let full = device(dir, "full", 7).unwrap();
    let out = build(dir, &["-o", "full"]);
    out.code(2);
    assert_eq!(
        out.stderr_text(),
        "error: cannot write `full`: No space left on device (os error 28)\n"
    );
    assert!(is_char_device(&full), "the device was replaced");
    assert_eq!(
        files_in(dir),
        ["2023-38.yaml", "2023-39.yaml", "full", "null"]
    );
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success());
}

/// A FIFO with a reader gets the document; one without a reader is an error at once, not a
/// wait; either way it stays a FIFO.
#[cfg(unix)]
#[test]
fn a_fifo_is_written_into_and_one_without_a_reader_is_an_error() {
    use std::os::unix::fs::FileTypeExt;
    let tmp = series_copy();
    let dir = tmp.path();
    let fifo = dir.join("pipe");
    mkfifo(&fifo);
    let (send, read) = std::sync::mpsc::channel();
    {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            fs::File::open(fifo)
                .unwrap()
                .read_to_end(&mut bytes)
                .unwrap();
            let _ = send.send(bytes);
        });
    }
    // The reader opens the FIFO first: a writer finding none fails instead of waiting.
    let mut attempts = 0;
    let out = loop {
        let out = build(dir, &["-o", "pipe"]);
        attempts += 1;
        if out.status.code() == Some(0) || attempts == 50 {
            break out;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    out.success();
    let got = read
        .recv_timeout(Duration::from_secs(20))
        .expect("nothing came down the FIFO");
    assert_golden_bytes(&got, "2023-39.md");

    let out = build(dir, &["-o", "pipe"]);
    out.code(2);
    assert_eq!(
        out.stderr_text(),
        "error: cannot write `pipe`: nothing is reading from the FIFO\n"
    );
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
}

/// A symbolic link is followed: its target is replaced, in the target's folder, and the link
/// stays a link; a link to a file not yet made makes it.
#[cfg(unix)]
#[test]
fn a_symbolic_link_is_followed_to_its_target() {
    let tmp = series_copy();
    let dir = tmp.path();
    fs::create_dir(dir.join("print")).unwrap();
    fs::write(dir.join("print/bulletin.md"), "old\n").unwrap();
    crate::util::symlink("print/bulletin.md", dir.join("latest.md")).unwrap();
    crate::util::symlink("print/new.html", dir.join("new.html")).unwrap();
    let out = build(dir, &["-o", "latest.md", "-o", "new.html"]);
    out.success();
    assert!(
        fs::symlink_metadata(dir.join("latest.md"))
            .unwrap()
            .is_symlink()
    );
    assert!(
        fs::symlink_metadata(dir.join("new.html"))
            .unwrap()
            .is_symlink()
    );
    assert_golden_bytes(
        &fs::read(dir.join("print/bulletin.md")).unwrap(),
        "2023-39.md",
    );
    assert_golden_bytes(
        &fs::read(dir.join("print/new.html")).unwrap(),
        "2023-39.html",
    );
    assert_eq!(files_in(&dir.join("print")), ["bulletin.md", "new.html"]);
}

#[cfg(unix)]
#[test]
fn dev_stdout_is_stdout() {
    let tmp = series_copy();
    let out = build(tmp.path(), &["-o", "/dev/stdout"]);
    out.success();
    assert_golden_bytes(&out.stdout, "2023-39.md");
}

/// Folders, a missing folder and a read-only one: exit 2, a message that says which, and
/// nothing written.
#[test]
fn folders_and_missing_folders_are_refused_with_what_they_are() {
    let tmp = series_copy();
    let dir = tmp.path();
    fs::create_dir(dir.join("out")).unwrap();
    let cases = [
        (
            vec!["-o", "out"],
            "error: `out` is a folder; give a file name inside it\n",
        ),
        (
            vec!["-o", "out/"],
            "error: `out/` is a folder; give a file name inside it\n",
        ),
        (
            vec!["-o", "new/"],
            "error: `new/` names a folder; give a file name\n",
        ),
        (
            vec!["-o", "no/such/x.md"],
            "error: the folder `no/such` does not exist; make it first\n",
        ),
    ];
    for (args, message) in cases {
        let out = build(dir, &args);
        out.code(2);
        assert_eq!(out.stderr_text(), message, "{args:?}");
    }
    assert_eq!(files_in(dir), ["2023-38.yaml", "2023-39.yaml", "out"]);
    assert!(files_in(&dir.join("out")).is_empty());
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_is_an_io_error_and_left_as_it_was() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = series_copy();
    let dir = tmp.path();
    let locked = dir.join("locked");
    fs::create_dir(&locked).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o555)).unwrap();
    if fs::write(locked.join("probe"), "").is_ok() {
        notice("this user writes into read-only folders (root): read-only case skipped");
        return;
    }
    let out = build(dir, &["-o", "locked/x.md"]);
    out.code(2);
    assert_eq!(
        out.stderr_text(),
        "error: cannot write `locked/x.md`; no output was written: Permission denied (os error 13)\n"
    );
    assert!(files_in(&locked).is_empty());
}

// ---- the format from the file name --------------------------------------------------------

#[test]
fn the_format_follows_the_extension_unless_given() {
    let tmp = series_copy();
    let dir = tmp.path();
    let out = build(
        dir,
        &["-o", "issue.docx", "-o", "issue.HTM", "-o", "issue.txt"],
    );
    out.success();
    assert!(
        fs::read(dir.join("issue.docx"))
            .unwrap()
            .starts_with(b"PK\x03\x04")
    );
    assert_golden_bytes(&fs::read(dir.join("issue.HTM")).unwrap(), "2023-39.html");
    assert_golden_bytes(&fs::read(dir.join("issue.txt")).unwrap(), "2023-39.txt");
    let out = build(dir, &["--format", "html", "-o", "for-print"]);
    out.success();
    assert_golden_bytes(&fs::read(dir.join("for-print")).unwrap(), "2023-39.html");
}

#[test]
fn an_extension_against_format_or_unknown_is_a_usage_error() {
    let tmp = series_copy();
    let dir = tmp.path();
    let out = build(dir, &["--format", "md", "-o", "issue.docx"]);
    out.code(2);
    assert!(
        out.stderr_text().starts_with(
            "error: `issue.docx` names a docx file but --format is md: change the name or leave --format out\n"
        ),
        "{}",
        out.stderr_text()
    );
    let out = build(dir, &["-o", "issue.odt"]);
    out.code(2);
    assert!(
        out.stderr_text().starts_with(
            "error: cannot tell the format of `issue.odt` from its name: end its name with one of .md, .markdown, .txt, .html, .htm, .docx, .typ, .pdf, or give --format\n"
        ),
        "{}",
        out.stderr_text()
    );
    assert_eq!(files_in(dir), ["2023-38.yaml", "2023-39.yaml"]);
}

#[test]
fn templates_for_word_alone_is_a_usage_error() {
    let tmp = series_copy();
    let dir = tmp.path();
    fs::create_dir(dir.join("t")).unwrap();
    let out = build(dir, &["--templates", "t", "-o", "issue.docx"]);
    out.code(2);
    assert!(
        out.stderr_text().starts_with(
            "error: --templates does not apply to a Word document, which is laid out without a template\n"
        ),
        "{}",
        out.stderr_text()
    );
    // With another format beside it, the folder serves that one.
    fs::write(dir.join("t/bulletin.md"), "{{ title }}\n").unwrap();
    let out = build(dir, &["--templates", "t", "-o", "a.docx", "-o", "a.md"]);
    out.success();
    assert_eq!(
        fs::read_to_string(dir.join("a.md")).unwrap(),
        "窗口工作周报\n"
    );
}

/// On Windows a bulletin open in WPS or Word cannot be replaced: the build says so in the
/// user's language, exits 2, and leaves the file and its folder as they were; closed, the
/// file is replaced.
#[cfg(windows)]
#[test]
fn a_file_another_program_has_open_is_left_and_said_so() {
    use std::os::windows::fs::OpenOptionsExt;
    let tmp = series_copy();
    let dir = tmp.path();
    fs::write(dir.join("a.docx"), "old").unwrap();
    let before = files_in(dir);
    // As WPS and Word open a document: others may read it, not write or delete it.
    let open = fs::OpenOptions::new()
        .read(true)
        .share_mode(1)
        .open(dir.join("a.docx"))
        .unwrap();
    let out = build(dir, &["-o", "a.docx"]);
    out.code(2);
    assert!(
        out.stderr_text().contains("another program") && out.stderr_text().contains("a.docx"),
        "{}",
        out.stderr_text()
    );
    let zh = build(dir, &["-o", "a.docx", "--lang", "zh"]);
    zh.code(2);
    assert!(
        zh.stderr_text().contains("请先在那个程序中关闭它"),
        "{}",
        zh.stderr_text()
    );
    assert_eq!(fs::read(dir.join("a.docx")).unwrap(), b"old");
    assert_eq!(files_in(dir), before);
    drop(open);
    build(dir, &["-o", "a.docx"]).success();
    assert_ne!(fs::read(dir.join("a.docx")).unwrap(), b"old");
}

// ---- several outputs in one run -------------------------------------------------------

#[test]
fn several_outputs_equal_separate_builds() {
    let tmp = series_copy();
    let dir = tmp.path();
    let out = build(
        dir,
        &[
            "-o", "a.md", "-o", "a.html", "-o", "a.docx", "-o", "a.txt", "-o", "-",
        ],
    );
    out.success();
    assert_golden_bytes(&out.stdout, "2023-39.md");
    for ext in ["md", "html", "docx", "txt"] {
        let alone = build(dir, &["-o", &format!("b.{ext}")]);
        alone.success();
        assert!(
            fs::read(dir.join(format!("a.{ext}"))).unwrap()
                == fs::read(dir.join(format!("b.{ext}"))).unwrap(),
            "{ext}"
        );
    }
}

/// An output that cannot be prepared (here: larger than the file-size limit) stops the run
/// before any old output is replaced.
#[cfg(unix)]
#[test]
fn one_output_that_cannot_be_written_leaves_every_old_output() {
    let tmp = series_copy();
    let dir = tmp.path();
    for name in ["a.md", "a.html", "a.docx"] {
        fs::write(dir.join(name), "last week\n").unwrap();
    }
    // 20 KiB: the Markdown and HTML fit, the Word document (43 KB) does not.
    let out = TestCommand::new("sh")
        .current_dir(dir)
        .args(["-c", r#"trap '' XFSZ; ulimit -f 40; exec "$@""#, "sh"])
        .arg(env!("CARGO_BIN_EXE_weekly"))
        .args([
            "build",
            "2023-39.yaml",
            "-o",
            "a.md",
            "-o",
            "a.html",
            "-o",
            "a.docx",
        ])
        .env("LANG", "C")
        .run();
    out.code(2);
    assert_eq!(
        out.stderr_text(),
        "error: cannot write `a.docx`; no output was written: File too large (os error 27)\n"
    );
    for name in ["a.md", "a.html", "a.docx"] {
        assert_eq!(fs::read_to_string(dir.join(name)).unwrap(), "last week\n");
    }
    assert_eq!(
        files_in(dir),
        ["2023-38.yaml", "2023-39.yaml", "a.docx", "a.html", "a.md"]
    );
}

/// An output that fails as it is put in place (here a FIFO nobody reads) is named, and the
/// exit code is 2; the others are written.
#[cfg(unix)]
#[test]
fn an_output_that_fails_last_is_named() {
    let tmp = series_copy();
    let dir = tmp.path();
    mkfifo(&dir.join("pipe"));
    let out = build(dir, &["-o", "a.md", "-o", "pipe"]);
    out.code(2);
    assert_eq!(
        out.stderr_text(),
        "error: cannot write `pipe`: nothing is reading from the FIFO\n"
    );
    assert_golden_bytes(&fs::read(dir.join("a.md")).unwrap(), "2023-39.md");
}

#[test]
fn one_output_named_twice_is_refused() {
    let tmp = series_copy();
    let dir = tmp.path();
    let out = build(dir, &["-o", "a.md", "-o", "./a.md"]);
    out.code(2);
    assert_eq!(
        out.stderr_text(),
        "error: two outputs name one file: `./a.md`\n"
    );
}

// ---- stdout that cannot be written ----------------------------------------------------

/// A full disk behind stdout fails every command that writes there, findings included, so
/// that CI never takes an empty report for a clean one.
#[cfg(unix)]
#[test]
fn a_full_stdout_is_an_error_for_every_command() {
    let tmp = series_copy();
    let dir = tmp.path();
    fs::write(dir.join("bad.yaml"), "masthead: 1\n").unwrap();
    let cases: [&[&str]; 9] = [
        &["build", "2023-39.yaml"],
        &["check", "2023-39.yaml", "--message-format", "sarif"],
        &["check", "bad.yaml", "--message-format", "sarif"],
        &["check", "bad.yaml", "--message-format", "json"],
        &["check", "bad.yaml", "--message-format", "github"],
        &["new", "2023-39.yaml", "-o", "-"],
        &["schema"],
        &["--help"],
        &["--version"],
    ];
    for args in cases {
        let out = weekly()
            .current_dir(dir)
            .args(args)
            .stdout(fs::File::create("/dev/full").unwrap())
            .run();
        out.code(2);
        assert!(
            out.stderr_text().contains("No space left on device"),
            "{args:?}: {}",
            out.stderr_text()
        );
    }
}

/// Whatever stdout and stderr are, no command panics: with both on a full disk, a run ends
/// with 0, 1 or 2 as it would have, never with a panic's 101.
#[cfg(unix)]
#[test]
fn no_command_panics_when_stdout_and_stderr_are_full() {
    let tmp = series_copy();
    let dir = tmp.path();
    fs::write(dir.join("bad.yaml"), "masthead: 1\n").unwrap();
    let cases: [(&[&str], i32); 12] = [
        (&["frobnicate"], 2),
        (&["--help"], 2),
        (&["--version"], 2),
        (&["build"], 2),
        (&["build", "2023-39.yaml"], 2),
        (&["build", "bad.yaml"], 1),
        (&["check", "bad.yaml"], 1),
        (&["check", "missing.yaml"], 2),
        (&["check", "2023-39.yaml"], 0),
        (&["explain", "W013"], 2),
        (&["explain", "W999"], 2),
        (&["new", "2023-39.yaml", "-o", "-"], 2),
    ];
    for (args, code) in cases {
        let full = || fs::File::create("/dev/full").unwrap();
        weekly()
            .current_dir(dir)
            .args(args)
            .stdout(full())
            .stderr(full())
            .run()
            .code(code);
    }
}

// ---- killed builds and rebuilds -------------------------------------------------------

/// Builds killed at moments spread over their run: the old output stays whole or the new one
/// is there whole, and once the next build has run no temporary file is left.
#[test]
fn killed_builds_leave_nothing_behind() {
    let tmp = series_copy();
    let dir = tmp.path();
    let old = b"last week\n".repeat(5000);
    fs::write(dir.join("a.docx"), &old).unwrap();
    let new = {
        let out = build(dir, &["-o", "b.docx"]);
        out.success();
        fs::read(dir.join("b.docx")).unwrap()
    };
    fs::remove_file(dir.join("b.docx")).unwrap();
    let mut killed = Vec::new();
    for i in 0..60u64 {
        let mut child = weekly()
            .current_dir(dir)
            .args(["build", "2023-39.yaml", "-o", "a.docx"])
            .stderr(Stdio::null())
            .spawn();
        killed.push(child.id());
        std::thread::sleep(Duration::from_micros(700 * i));
        let _ = child.kill();
        let _ = child.wait();
        let now = fs::read(dir.join("a.docx")).unwrap();
        assert!(now == old || now == new, "a.docx is neither old nor new");
    }
    // The new file is written unnamed (Linux) or marked for deletion (Windows) and given
    // its name at once; only a kill between the link or mark that names it and the rename
    // that puts it in place (microseconds) can leave a `.weekly-<process>-…` file, which no
    // later run removes: it cannot know weekly made it.
    let left: Vec<String> = files_in(dir)
        .into_iter()
        .filter(|n| n.starts_with(".weekly-"))
        .collect();
    let by_a_killed_run = |n: &String| {
        let pid = n[".weekly-".len()..].split('-').next().unwrap_or_default();
        killed.iter().any(|k| k.to_string() == pid)
    };
    assert!(left.iter().all(by_a_killed_run), "left behind: {left:?}");
    assert!(left.len() <= 1, "left behind: {left:?}");
    let out = build(dir, &["-o", "a.docx"]);
    out.success();
    let after: Vec<String> = files_in(dir)
        .into_iter()
        .filter(|n| n.starts_with(".weekly-"))
        .collect();
    assert_eq!(after, left, "a build removed or left a temporary file");
}

/// Two builds give the same bytes in every format; the Word document's properties come from
/// the issue.
#[test]
fn rebuilds_are_byte_identical() {
    let tmp = series_copy();
    let dir = tmp.path();
    for round in ["1", "2"] {
        let names: Vec<String> = ["md", "txt", "html", "docx"]
            .iter()
            .map(|ext| format!("{round}.{ext}"))
            .collect();
        let mut args = Vec::new();
        for n in &names {
            args.extend(["-o", n.as_str()]);
        }
        let out = build(dir, &args);
        out.success();
        std::thread::sleep(Duration::from_millis(1100));
    }
    for ext in ["md", "txt", "html", "docx"] {
        assert!(
            fs::read(dir.join(format!("1.{ext}"))).unwrap()
                == fs::read(dir.join(format!("2.{ext}"))).unwrap(),
            "{ext}"
        );
    }
    let mut zip = zip::ZipArchive::new(fs::File::open(dir.join("1.docx")).unwrap()).unwrap();
    let mut core = String::new();
    zip.by_name("docProps/core.xml")
        .unwrap()
        .read_to_string(&mut core)
        .unwrap();
    for part in [
        "<dc:title>窗口工作周报 2023 年第 39 期（总第 459 期）</dc:title>",
        "<dc:creator>四川省政府政务服务和公共资源交易服务中心</dc:creator>",
        "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2023-10-20T00:00:00Z</dcterms:created>",
    ] {
        assert!(core.contains(part), "{core}");
    }
}

// ---- names that are not UTF-8 -----------------------------------------------------------

/// A name saved in GBK (from a Windows zip) reads and writes like any other, and is shown
/// with the undecodable bytes replaced.
#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_are_taken_as_they_are() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let tmp = series_copy();
    let dir = tmp.path();
    // 周报 in GBK.
    let input = OsStr::from_bytes(b"\xd6\xdc\xb1\xa8-39.yaml");
    let output = OsStr::from_bytes(b"\xd6\xdc\xb1\xa8-39.md");
    fs::copy(dir.join("2023-39.yaml"), dir.join(input)).unwrap();
    let out = weekly()
        .current_dir(dir)
        .arg("build")
        .arg(input)
        .arg("-o")
        .arg(output)
        .run();
    out.success();
    assert_golden_bytes(&fs::read(dir.join(output)).unwrap(), "2023-39.md");
    let out = weekly()
        .current_dir(dir)
        .args(["check", "--message-format", "short"])
        .arg(input)
        .arg(dir.join("missing").join(input))
        .run();
    out.code(2);
    let shown = format!("missing/{}", input.to_string_lossy());
    assert!(shown.contains('\u{fffd}'));
    assert!(out.stderr_text().contains(&shown), "{}", out.stderr_text());
}

/// `--templates` names a folder: a file there is said to be one, in either language.
#[test]
fn templates_naming_a_file_says_it_is_a_file() {
    let tmp = series_copy();
    let dir = tmp.path();
    fs::write(dir.join("bulletin.md"), "{{ title }}\n").unwrap();
    let out = build(dir, &["--templates", "bulletin.md"]);
    out.code(2);
    assert_eq!(
        out.stderr_text(),
        "error: `bulletin.md` is a file, not a folder: --templates takes the folder that holds bulletin.md and the others\n"
    );
    let out = build(dir, &["--templates", "bulletin.md", "--lang", "zh"]);
    assert_eq!(
        out.stderr_text(),
        "错误：`bulletin.md` 是文件而不是文件夹：--templates 要指定存放 bulletin.md 等模板的文件夹\n"
    );
}
