//! `weekly check --fix`: what has a safe fix is mended in the file, whole, and the rest is
//! reported; an issue a later one follows, standard input, and a fix that would change how
//! YAML reads the file are left alone.

use std::fs;

use crate::util::*;

/// `weekly check --fix` with `extra` arguments on `2023-40.yaml` of `dir`, findings short.
fn fix_in(dir: &tempfile::TempDir, extra: &[&str]) -> TestOutput {
    weekly()
        .args(["check", "--fix"])
        .args(extra)
        .args(["--message-format", "short", "2023-40.yaml"])
        .current_dir(dir.path())
        .run()
}

/// The example series' 第 40 期 with `item` as the only item of its hall news.
fn issue_with(item: &str) -> String {
    let example = fs::read_to_string(root().join("examples/2023-40.yaml")).unwrap();
    example.replace(
        "  - title: 大厅工作动态\n    items: []",
        &format!("  - title: 大厅工作动态\n    items:\n      - {item}"),
    )
}

#[test]
fn blanks_spaces_and_characters_of_no_width_are_mended_and_the_rest_reported() {
    let dir = series_copy();
    let path = dir.path().join("2023-40.yaml");
    let typed = "\u{3000}\u{3000}本周，水利 厅完成\u{FEFF}轮训\t考核。\u{3000}";
    fs::write(
        &path,
        format!("\u{feff}{}", issue_with(typed).replace('\n', "\r\n")),
    )
    .unwrap();
    let check = fix_in(&dir, &[]);
    check.success();
    assert_eq!(
        check.stderr_text(),
        "fixed 4 findings in `2023-40.yaml` (W018, W026)\n\
         2023-40.yaml:47:19: warning[W026]: a tab (⇥) inside the text\n\
         1 warning\n"
    );
    // Byte-order mark and line ends as they were; the tab is the clerk's to decide.
    let expected = format!(
        "\u{feff}{}",
        issue_with("本周，水利厅完成轮训\t考核。").replace('\n', "\r\n")
    );
    assert_same_text(
        "the mended file",
        &expected,
        &fs::read_to_string(&path).unwrap(),
    );
    // Mended, the file has nothing more to mend: a second run leaves it as it is.
    let again = fix_in(&dir, &[]);
    again.success();
    assert!(
        !again.stderr_text().contains("fixed"),
        "{}",
        again.stderr_text()
    );
    assert_same_text("the file", &expected, &fs::read_to_string(&path).unwrap());
}

#[test]
fn an_issue_a_later_one_follows_is_left_as_it_printed() {
    let dir = series_copy();
    let printed = issue_with("\u{3000}\u{3000}本周，完成轮训。");
    fs::write(dir.path().join("2023-40.yaml"), &printed).unwrap();
    let next = fs::read_to_string(dir.path().join("2023-39.yaml"))
        .unwrap()
        .replace("previous: 2023-38.yaml", "previous: 2023-40.yaml");
    fs::write(dir.path().join("2023-41.yaml"), next).unwrap();
    let check = weekly()
        .args([
            "check",
            "--fix",
            "--lang",
            "zh",
            "--message-format",
            "short",
        ])
        .arg(dir.path().join("2023-40.yaml"))
        .run();
    let stderr = check.stderr_text();
    assert!(
        stderr.starts_with("`")
            && stderr.contains("2023-40.yaml` 保持印发时的原样：已有下一期接续它"),
        "{stderr}"
    );
    assert!(stderr.contains("warning[W026]"), "{stderr}");
    assert_eq!(
        fs::read_to_string(dir.path().join("2023-40.yaml")).unwrap(),
        printed
    );
}

#[test]
fn a_fix_that_would_change_how_yaml_reads_the_file_is_not_made() {
    let dir = series_copy();
    let path = dir.path().join("2023-40.yaml");
    let typed = issue_with("\u{3000}\u{3000}*重要*本周，完成轮训。");
    fs::write(&path, &typed).unwrap();
    let check = fix_in(&dir, &[]);
    check.success();
    assert!(
        check.stderr_text().starts_with(
            "`2023-40.yaml` is left as it is: its fixes would change how YAML reads it"
        ),
        "{}",
        check.stderr_text()
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), typed);
}

#[test]
fn allowed_warnings_are_not_mended_and_standard_input_is_refused() {
    let dir = series_copy();
    let path = dir.path().join("2023-40.yaml");
    fs::write(&path, issue_with("\u{3000}本周，水利 厅完成轮训。")).unwrap();
    let check = fix_in(&dir, &["--allow", "W026"]);
    check.success();
    assert_eq!(
        check.stderr_text(),
        "fixed 1 finding in `2023-40.yaml` (W018)\n"
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        issue_with("\u{3000}本周，水利厅完成轮训。")
    );
    let stdin = weekly()
        .args(["check", "--fix", "-"])
        .stdin(issue_with("本周，完成轮训。"))
        .run();
    stdin.code(2);
    assert!(
        stdin
            .stderr_text()
            .contains("--fix mends files, and standard input is not one"),
        "{}",
        stdin.stderr_text()
    );
}
