//! Runs the real `weekly` binary: fixture folders, goldens of the example, and file handling.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn weekly() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_weekly"));
    // Findings are in English unless the locale says Chinese: the goldens are English.
    cmd.env_remove("NO_COLOR")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C");
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

/// Every `*.yaml` below examples/, as a path relative to it.
fn examples() -> Vec<PathBuf> {
    fn walk(dir: &Path, base: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, base, out);
            } else if path.extension().is_some_and(|e| e == "yaml") {
                out.push(path.strip_prefix(base).unwrap().to_path_buf());
            }
        }
    }
    let base = root().join("examples");
    let mut out = Vec::new();
    walk(&base, &base, &mut out);
    out.sort();
    out
}

#[test]
fn every_example_checks_clean() {
    let all = examples();
    assert!(all.len() >= 5, "{all:?}");
    for path in all.iter().map(|p| root().join("examples").join(p)) {
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
    let folder = run(weekly().arg("check").arg(root().join("examples")));
    assert_eq!(folder.status.code(), Some(0), "{}", text(&folder.stderr));
    assert_eq!(text(&folder.stderr), "");
}

/// Each example builds to its golden in tests/golden, in both formats.
#[test]
fn every_example_builds_to_its_golden() {
    for example in examples() {
        for (format, ext) in [("md", "md"), ("text", "txt"), ("html", "html")] {
            let out = run(weekly()
                .args(["build", "--format", format])
                .arg(root().join("examples").join(&example)));
            assert_eq!(
                out.status.code(),
                Some(0),
                "{}: {}",
                example.display(),
                text(&out.stderr)
            );
            let golden = root()
                .join("tests/golden")
                .join(&example)
                .with_extension(ext);
            if blessing() {
                fs::create_dir_all(golden.parent().unwrap()).unwrap();
            }
            assert_golden(&golden, &text(&out.stdout));
        }
    }
}

// ---- weekly new --------------------------------------------------------------------------

/// A scratch folder holding copies of the example series.
fn series_copy() -> tempfile::TempDir {
    let tmp = scratch();
    for name in ["2023-38.yaml", "2023-39.yaml"] {
        fs::copy(root().join("examples").join(name), tmp.path().join(name)).unwrap();
    }
    tmp
}

#[test]
fn new_then_fill_in_gives_the_next_issue() {
    let tmp = series_copy();
    let dir = tmp.path();
    let out = run(weekly()
        .arg("new")
        .arg(dir.join("2023-39.yaml"))
        .arg("-o")
        .arg(dir.join("x.yaml")));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("2023 年第 40 期（总第 460 期）"));
    let draft = fs::read_to_string(dir.join("x.yaml")).unwrap();

    // The draft checks clean but for what waits to be filled in.
    let check = run(weekly()
        .args(["check", "--message-format", "short"])
        .arg(dir.join("x.yaml")));
    assert_eq!(check.status.code(), Some(1));
    for line in text(&check.stderr).lines().filter(|l| l.contains("]: ")) {
        assert!(line.contains("fill in"), "{line}");
    }

    let weeks = ["2750", "512", "13880", "15102"];
    let mut filled = draft.clone();
    for week in weeks {
        filled = filled.replacen("week:            # fill in", &format!("week: {week}  #"), 1);
    }
    filled = filled
        .replacen("week:              # fill in", "week: 20  #", 1)
        .replacen("done:              # fill in", "done: 1039  #", 1)
        .replacen("items:\n", "items:\n          - 本周，完成系统升级。\n", 1);
    fs::write(dir.join("x.yaml"), filled).unwrap();
    let build = run(weekly()
        .args(["build", "--format", "text"])
        .arg(dir.join("x.yaml")));
    assert_eq!(build.status.code(), Some(0), "{}", text(&build.stderr));
    let bulletin = text(&build.stdout);
    assert!(
        bulletin.starts_with("2023 年第 40 期（总第 460 期）\n"),
        "{bulletin}"
    );
    assert!(bulletin.contains("（10 月 14 日—10 月 20 日）"));
    assert!(bulletin.contains(
        "今年以来，累计咨询 61779 人次、受理 15800 件、颁发 158327 件、流转 262232 件。"
    ));
    assert!(bulletin.contains("本周，完成系统升级。"));
}

#[test]
fn new_names_the_file_after_the_previous_and_never_overwrites() {
    let tmp = series_copy();
    let dir = tmp.path();
    let first = run(weekly().arg("new").arg(dir.join("2023-39.yaml")));
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    let made = dir.join("2023-40.yaml");
    let draft = fs::read_to_string(&made).unwrap();
    assert!(draft.contains("previous: 2023-39.yaml\n"));
    fs::write(&made, "edited by the clerk\n").unwrap();

    let again = run(weekly().arg("new").arg(dir.join("2023-39.yaml")));
    assert_eq!(again.status.code(), Some(2));
    assert!(
        text(&again.stderr).contains("exists; give --force"),
        "{}",
        text(&again.stderr)
    );
    assert_eq!(fs::read_to_string(&made).unwrap(), "edited by the clerk\n");

    let forced = run(weekly()
        .arg("new")
        .arg(dir.join("2023-39.yaml"))
        .arg("--force"));
    assert_eq!(forced.status.code(), Some(0));
    assert_eq!(fs::read_to_string(&made).unwrap(), draft);
    let mut names = files_in(dir);
    names.sort();
    assert_eq!(names, ["2023-38.yaml", "2023-39.yaml", "2023-40.yaml"]);
}

#[test]
fn new_links_back_across_folders() {
    let tmp = series_copy();
    let dir = tmp.path();
    fs::create_dir(dir.join("next")).unwrap();
    let out = run(weekly()
        .arg("new")
        .arg(dir.join("2023-39.yaml"))
        .arg("-o")
        .arg(dir.join("next/40.yaml")));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let draft = fs::read_to_string(dir.join("next/40.yaml")).unwrap();
    assert!(
        draft.contains("previous: \"../2023-39.yaml\"\n")
            || draft.contains("previous: ../2023-39.yaml\n"),
        "{draft}"
    );
    let check = run(weekly()
        .args(["check", "--message-format", "short"])
        .arg(dir.join("next/40.yaml")));
    assert!(
        !text(&check.stderr).contains("E025"),
        "{}",
        text(&check.stderr)
    );
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
    let tmp = series_copy();
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

// ---- templates, completions, manual ---------------------------------------------------

/// Exported templates, edited, change the output as the README shows: here the closing line.
#[test]
fn exported_and_edited_templates_change_the_output() {
    let tmp = series_copy();
    let dir = tmp.path();
    let templates = dir.join("mine");
    let export = run(weekly().args(["templates", "export"]).arg(&templates));
    assert_eq!(export.status.code(), Some(0), "{}", text(&export.stderr));
    let builtin = fs::read_to_string(templates.join("bulletin.md")).unwrap();
    assert_eq!(
        builtin,
        fs::read_to_string(root().join("templates/bulletin.md")).unwrap()
    );
    fs::write(
        templates.join("bulletin.md"),
        builtin.replace(
            "（共印{{ footer.copies }}份）",
            "（本期共印{{ footer.copies }}份，请妥善保管）",
        ),
    )
    .unwrap();
    let out = run(weekly()
        .arg("build")
        .arg(dir.join("2023-39.yaml"))
        .arg("--templates")
        .arg(&templates));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let reference = fs::read_to_string(root().join("tests/golden/2023-39.md")).unwrap();
    assert_eq!(
        text(&out.stdout),
        reference.replace("（共印91份）", "（本期共印91份，请妥善保管）")
    );
    // A second export keeps the edited file.
    let again = run(weekly().args(["templates", "export"]).arg(&templates));
    assert_eq!(again.status.code(), Some(2));
    assert!(
        fs::read_to_string(templates.join("bulletin.md"))
            .unwrap()
            .contains("请妥善保管")
    );
}

#[test]
fn completions_for_every_shell_and_a_manual_page() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = run(weekly().args(["completions", shell]));
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = text(&out.stdout);
        assert!(
            script.contains("weekly") && script.contains("build"),
            "{shell}: {script}"
        );
    }
    let man = run(weekly().arg("man"));
    assert_eq!(man.status.code(), Some(0));
    let page = text(&man.stdout);
    assert!(
        page.starts_with(".ie") && page.contains(".TH weekly 1"),
        "{page}"
    );
    assert!(page.contains("check") && page.contains("templates"));
}

// ---- text wrapped for print tooling ----------------------------------------------------

/// Every example wrapped to 56 columns keeps to the width and to the Chinese line-breaking
/// rules; the reference issue's wrapped text has a golden.
#[test]
fn wrapped_text_keeps_the_width_and_the_rules() {
    let width = |s: &str| weekly::text::display_width(s);
    for example in examples() {
        let out = run(weekly()
            .args(["build", "--format", "text", "--width", "56"])
            .arg(root().join("examples").join(&example)));
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let doc = text(&out.stdout);
        let lines: Vec<&str> = doc.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let at = format!("{}:{}: {line}", example.display(), i + 1);
            assert!(width(line) <= 56, "too wide: {at}");
            let body = line.trim_start();
            assert!(
                !body.starts_with(|c| "，。、；：？！）》」』”".contains(c)),
                "starts with a closing mark: {at}"
            );
            assert!(
                !line.ends_with(|c| "（《「『“".contains(c)),
                "ends with an opening mark: {at}"
            );
            if let Some(next) = lines.get(i + 1) {
                let split =
                    |mark: char| line.ends_with(mark) && next.trim_start().starts_with(mark);
                assert!(!split('—') && !split('…'), "—— or …… split: {at}");
            }
        }
        // Wrapping only moves line breaks: the text is the same once they are taken out.
        let plain = run(weekly()
            .args(["build", "--format", "text"])
            .arg(root().join("examples").join(&example)));
        let squeeze = |s: &str| s.split_whitespace().collect::<String>();
        assert_eq!(
            squeeze(&doc),
            squeeze(&text(&plain.stdout)),
            "{}",
            example.display()
        );
    }
    let out = run(weekly()
        .args(["build", "--format", "text", "--width", "56"])
        .arg(example()));
    assert_golden(
        &root().join("tests/golden/2023-39.w56.txt"),
        &text(&out.stdout),
    );
}
