//! Runs the real `weekly` binary: fixture folders, goldens of the example, and file handling.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn weekly() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_weekly"));
    cmd.env_remove("NO_COLOR");
    cmd
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn example() -> PathBuf {
    root().join("examples/2023-39.yaml")
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("weekly runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// Set WEEKLY_BLESS=1 to rewrite expected files from the current output; review the diff.
fn blessing() -> bool {
    std::env::var_os("WEEKLY_BLESS").is_some()
}

fn assert_golden(path: &Path, actual: &str) {
    if blessing() {
        fs::write(path, actual).unwrap();
        return;
    }
    let expected = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        expected == actual,
        "{} differs\n--- expected\n{expected}\n--- actual\n{actual}",
        path.display()
    );
}

// ---- the example against the reference issue ----------------------------------------------

#[test]
fn example_builds_to_the_reference_markdown() {
    let out = run(weekly().arg("build").arg(example()));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "");
    assert_golden(&root().join("tests/golden/2023-39.md"), &text(&out.stdout));
}

#[test]
fn example_builds_to_the_reference_text() {
    let out = run(weekly().args(["build", "--format", "text"]).arg(example()));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_golden(&root().join("tests/golden/2023-39.txt"), &text(&out.stdout));
}

/// The goldens are copies of the shared reference issue; when it is present they must agree.
#[test]
fn goldens_equal_the_shared_reference() {
    let reference = root().join("../shared/reference");
    if !reference.is_dir() {
        eprintln!("no {}: nothing to compare", reference.display());
        return;
    }
    for name in ["2023-39.md", "2023-39.txt"] {
        let ours = fs::read(root().join("tests/golden").join(name)).unwrap();
        let theirs = fs::read(reference.join(name)).unwrap();
        assert!(
            ours == theirs,
            "tests/golden/{name} differs from the reference"
        );
    }
}

#[test]
fn every_example_checks_clean() {
    for entry in fs::read_dir(root().join("examples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let out = run(weekly().arg("check").arg(&path));
            assert_eq!(
                out.status.code(),
                Some(0),
                "{}: {}",
                path.display(),
                text(&out.stderr)
            );
            assert_eq!(text(&out.stderr), "", "{}", path.display());
            assert_eq!(text(&out.stdout), "", "{}", path.display());
        }
    }
}

// ---- fixture folders ------------------------------------------------------------------------

/// Each folder under tests/fixtures holds `cmd` (the arguments, run inside the folder), an
/// optional `stdin`, and the expected `code`, `stdout` and `stderr` (a missing one means empty).
#[test]
fn fixtures() {
    let dir = root().join("tests/fixtures");
    let mut cases: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 10, "fixtures are missing");
    let mut failures = Vec::new();
    for case in &cases {
        if let Err(message) = run_fixture(case) {
            failures.push(message);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn run_fixture(case: &Path) -> Result<(), String> {
    let name = case.file_name().unwrap().to_string_lossy().into_owned();
    let args = fs::read_to_string(case.join("cmd")).map_err(|e| format!("{name}: cmd: {e}"))?;
    let mut cmd = weekly();
    cmd.args(args.split_whitespace())
        .current_dir(case)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .stdin(Stdio::piped());
    let mut child = cmd.spawn().map_err(|e| format!("{name}: {e}"))?;
    let input = fs::read(case.join("stdin")).unwrap_or_default();
    child.stdin.take().unwrap().write_all(&input).unwrap();
    let out = child.wait_with_output().unwrap();
    let actual = [
        ("code", format!("{}\n", out.status.code().unwrap_or(-1))),
        ("stdout", text(&out.stdout)),
        ("stderr", text(&out.stderr)),
    ];
    let mut problems = Vec::new();
    for (file, actual) in actual {
        let path = case.join(file);
        if blessing() {
            if actual.is_empty() {
                let _ = fs::remove_file(&path);
            } else {
                fs::write(&path, &actual).unwrap();
            }
            continue;
        }
        let expected = fs::read_to_string(&path).unwrap_or_default();
        if expected != actual {
            problems.push(format!(
                "{file}:\n--- expected\n{expected}--- actual\n{actual}"
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("fixture {name}:\n{}", problems.join("\n")))
    }
}

// ---- output files ---------------------------------------------------------------------------

/// A fresh folder, removed when the test ends.
fn scratch() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn output_file_is_written_and_stdout_stays_empty() {
    let tmp = scratch();
    let dir = tmp.path();
    let out_path = dir.join("out.md");
    let out = run(weekly()
        .arg("build")
        .arg(example())
        .arg("-o")
        .arg(&out_path));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "");
    let written = fs::read_to_string(&out_path).unwrap();
    assert_eq!(
        written,
        fs::read_to_string(root().join("tests/golden/2023-39.md")).unwrap()
    );
    assert_eq!(files_in(dir), ["out.md"]);
}

#[test]
fn failed_build_leaves_the_old_output_untouched() {
    let tmp = scratch();
    let dir = tmp.path();
    let input = dir.join("issue.yaml");
    let broken = fs::read_to_string(example())
        .unwrap()
        .replace("week: 2881", "week: '2881'");
    fs::write(&input, broken).unwrap();
    let out_path = dir.join("out.md");
    fs::write(&out_path, "last week's bulletin\n").unwrap();
    let out = run(weekly().arg("build").arg(&input).arg("-o").arg(&out_path));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        fs::read_to_string(&out_path).unwrap(),
        "last week's bulletin\n"
    );
    assert_eq!(
        files_in(dir),
        ["issue.yaml", "out.md"],
        "no temporary file is left"
    );
}

#[test]
fn template_error_leaves_the_old_output_untouched() {
    let tmp = scratch();
    let dir = tmp.path();
    let templates = dir.join("templates");
    fs::create_dir(&templates).unwrap();
    fs::write(
        templates.join("bulletin.md"),
        "{{ title }}\n{{ no_such_value }}\n",
    )
    .unwrap();
    let out_path = dir.join("out.md");
    fs::write(&out_path, "old\n").unwrap();
    let out = run(weekly()
        .arg("build")
        .arg(example())
        .arg("--templates")
        .arg(&templates)
        .arg("-o")
        .arg(&out_path));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("bulletin.md:2:"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(fs::read_to_string(&out_path).unwrap(), "old\n");
    assert_eq!(files_in(dir), ["out.md", "templates"]);
}

#[test]
fn output_naming_the_input_is_refused() {
    let tmp = scratch();
    let dir = tmp.path();
    let input = dir.join("issue.yaml");
    fs::copy(example(), &input).unwrap();
    let before = fs::read(&input).unwrap();
    let out = run(weekly()
        .arg("build")
        .arg(&input)
        .arg("-o")
        .arg(dir.join("./issue.yaml")));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("is the input file"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(fs::read(&input).unwrap(), before);
}

#[test]
fn output_into_a_missing_folder_is_an_io_error() {
    let tmp = scratch();
    let dir = tmp.path();
    let out = run(weekly()
        .arg("build")
        .arg(example())
        .arg("-o")
        .arg(dir.join("no/such/out.md")));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).starts_with("error: cannot write"),
        "{}",
        text(&out.stderr)
    );
}

/// An output far larger than a pipe's buffer, read by nobody: the write fails with EPIPE,
/// which is how `weekly build … | head` ends, and is not an error.
#[test]
fn closed_stdout_is_not_an_error() {
    let tmp = scratch();
    let dir = tmp.path();
    let source = fs::read_to_string(example()).unwrap();
    let items = "          - 本周，我省首批50个省级“省内通办”事项实现预期工作目标。\n".repeat(2000);
    let big = source.replacen("        items:\n", &format!("        items:\n{items}"), 1);
    let input = dir.join("big.yaml");
    fs::write(&input, big).unwrap();
    let mut child = weekly()
        .arg("build")
        .arg(&input)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "");
}
