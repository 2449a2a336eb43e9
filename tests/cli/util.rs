//! What the test modules share: the binary, the repository's folders, scratch folders, and
//! goldens.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The real `weekly` binary, with findings in English (the goldens are English) unless a
/// test sets the locale.
pub fn weekly() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_weekly"));
    cmd.env_remove("NO_COLOR")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C");
    cmd
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The real issue, 2023 年第 39 期.
pub fn example() -> PathBuf {
    root().join("examples/2023-39.yaml")
}

pub fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("weekly runs")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// Every `*.yaml` below `dir`, sorted.
pub fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "yaml") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, &mut out);
    out.sort();
    out
}

/// Every `*.yaml` below examples/, as a path relative to it.
pub fn examples() -> Vec<PathBuf> {
    let base = root().join("examples");
    yaml_files(&base)
        .into_iter()
        .map(|p| p.strip_prefix(&base).unwrap().to_path_buf())
        .collect()
}

/// The examples that show a bulletin, each with its goldens: all but the archive that
/// `weekly stats` reports on (examples/archive), whose issues are figures more than text.
pub fn bulletin_examples() -> Vec<PathBuf> {
    examples()
        .into_iter()
        .filter(|p| !p.starts_with("archive"))
        .collect()
}

/// A fresh folder, removed when the test ends.
pub fn scratch() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// A scratch folder holding copies of the example series.
pub fn series_copy() -> tempfile::TempDir {
    let tmp = scratch();
    for name in ["2023-38.yaml", "2023-39.yaml"] {
        fs::copy(root().join("examples").join(name), tmp.path().join(name)).unwrap();
    }
    tmp
}

pub fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Whether expected files are rewritten from the current output: only when `WEEKLY_BLESS` is
/// `1`, and never in CI (`CI=true`), where a bless variable set at all fails the run.
pub fn blessing() -> bool {
    let var = |name| std::env::var(name).ok();
    bless(var("WEEKLY_BLESS").as_deref(), var("CI").as_deref()).unwrap_or_else(|e| panic!("{e}"))
}

fn bless(bless: Option<&str>, ci: Option<&str>) -> Result<bool, String> {
    match (bless, ci) {
        (Some(value), Some("true")) => Err(format!(
            "WEEKLY_BLESS={value} in CI: CI compares goldens and never rewrites them"
        )),
        (value, _) => Ok(value == Some("1")),
    }
}

/// Whether the tests run in CI, where what is skipped locally must be there.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// A notice that shows on the terminal with `cargo test` (the test harness captures only
/// `print!` and `eprint!`), for a check that could not run here.
pub fn notice(message: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "note: {message}");
}

#[test]
fn blessing_takes_an_explicit_one_and_never_runs_in_ci() {
    assert_eq!(bless(None, None), Ok(false));
    assert_eq!(bless(Some("1"), None), Ok(true));
    assert_eq!(bless(Some("0"), None), Ok(false));
    assert_eq!(bless(Some(""), None), Ok(false));
    assert_eq!(bless(Some("yes"), Some("false")), Ok(false));
    assert_eq!(bless(None, Some("true")), Ok(false));
    assert!(bless(Some("1"), Some("true")).is_err());
    assert!(bless(Some("0"), Some("true")).is_err());
}

/// `actual` must equal the golden file at `path` (or, when blessing, becomes it).
pub fn assert_golden(path: &Path, actual: &str) {
    if blessing() {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
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
