//! The import corpus of tests/import-corpus, each case a test of its own: a bulletin typed by
//! hand in Word or WPS (`bulletin.docx`), or the text pdftotext takes out of its PDF
//! (`bulletin.txt`), made by scripts/gen-handmade.py from a real issue (`truth.md`, what the
//! bulletin printed).
//!
//! ```sh
//! cargo test --test corpus                                 # every case
//! cargo test --test corpus -- 12-2023-39-pdf               # those whose name holds it
//! WEEKLY_BLESS=1 cargo test --test corpus                  # rewrite what they expect
//! ```
//!
//! Each case imports its bulletin and builds the issue file as Markdown. What the import says
//! must be `findings`, and what the build prints `imported.md` (with `build-stderr` when it
//! says anything). A running total the bulletin did not print (W030) is written in by hand, as
//! the clerk would, from `truth.md`, and `hand-edits` says so. Wherever `imported.md` differs from `truth.md`, the import must have said
//! why: a bulletin that builds differently from what it printed, without a warning, fails.
//! scripts/measure-import.py counts what the corpus recovers.

#[allow(dead_code)]
#[path = "cli/util.rs"]
mod util;

use std::fs;
use std::path::{Path, PathBuf};

use libtest_mimic::{Arguments, Failed, Trial};

use util::{blessing, diff, root, unix_paths, weekly};

fn main() {
    let arguments = Arguments::from_args();
    let dir = root().join("tests/import-corpus");
    let mut cases: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("tests/import-corpus")
        .map(|e| e.expect("a case").path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 40, "the corpus has {} cases", cases.len());
    let trials = cases
        .into_iter()
        .map(|case| {
            let name = case.file_name().unwrap().to_string_lossy().into_owned();
            Trial::test(name, move || run(&case).map_err(Failed::from))
        })
        .collect();
    libtest_mimic::run(&arguments, trials).exit();
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_default()
}

/// A `total:` the import left blank, written as the printed issue's running total (the
/// clerk's one hand edit W030 asks for); what was written, or nothing.
fn fill_in_the_total(issue: &Path, truth: &str) -> Result<String, String> {
    let Ok(yaml) = fs::read_to_string(issue) else {
        return Ok(String::new());
    };
    let blank = |l: &str| {
        let value = l.split('#').next().unwrap_or_default();
        l.starts_with("  total:") && value.trim_end() == "  total:"
    };
    if !yaml.lines().any(blank) {
        return Ok(String::new());
    }
    let total: String = truth
        .split_once("总第 ")
        .and_then(|(_, rest)| rest.split_once(' '))
        .map(|(n, _)| n.to_owned())
        .ok_or("truth.md has no 总第")?;
    let filled: String = yaml
        .lines()
        .map(|l| {
            if blank(l) {
                format!("  total: {total}\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    fs::write(issue, filled).map_err(|e| e.to_string())?;
    Ok(format!(
        "total: {total}, which the bulletin did not print (W030)\n"
    ))
}

fn run(case: &Path) -> Result<(), String> {
    let bulletin = ["bulletin.docx", "bulletin.txt"]
        .into_iter()
        .find(|b| case.join(b).exists())
        .ok_or("no bulletin.docx or bulletin.txt")?;
    let work = tempfile::tempdir().map_err(|e| e.to_string())?;
    let issue = work.path().join("issue.yaml");
    let import = weekly()
        .args(["import", "--message-format", "short", "--lang", "en", "-o"])
        .arg(&issue)
        .arg(case.join(bulletin))
        .current_dir(case)
        .run();
    // The findings name the bulletin by the path given, which is the case's own.
    let findings = unix_paths(import.stderr_text()).replace(
        &unix_paths(format!("{}{}", case.display(), std::path::MAIN_SEPARATOR)),
        "",
    );
    let truth = read(&case.join("truth.md"));
    let hand_edits = fill_in_the_total(&issue, &truth)?;
    let (built, build_stderr) = if issue.exists() {
        let build = weekly()
            .args(["build", "--lang", "en", "issue.yaml"])
            .current_dir(work.path())
            .run();
        (build.stdout_text(), build.stderr_text())
    } else {
        (String::new(), String::new())
    };
    let actual = [
        ("findings", findings.clone()),
        ("imported.md", built.clone()),
        ("build-stderr", build_stderr),
        ("hand-edits", hand_edits),
    ];
    if blessing() {
        for (file, text) in &actual {
            let path = case.join(file);
            if text.is_empty() {
                let _ = fs::remove_file(path);
            } else {
                fs::write(path, text).map_err(|e| e.to_string())?;
            }
        }
    }
    let mut failures = String::new();
    for (file, text) in &actual {
        let expected = read(&case.join(file));
        if expected != *text {
            failures += &format!("{file} differs:\n{}\n", diff(&expected, text));
        }
    }
    let warned = findings.contains("warning[") || findings.contains("error[");
    if built != truth && !warned {
        failures += &format!(
            "builds other than it printed, and the import said nothing:\n{}\n",
            diff(&truth, &built)
        );
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures)
    }
}
