//! `weekly new`: the next issue begun from this one.

use std::fs;

use crate::util::{files_in, series_copy, weekly};

/// The draft of 2023 年第 40 期 with its blanks filled in: the counters' weeks, the progress
/// figures and one item.
fn fill(draft: &str) -> String {
    let mut filled = draft.to_owned();
    for week in ["2750", "512", "13880", "15102"] {
        filled = filled.replacen("week:            # fill in", &format!("week: {week}  #"), 1);
    }
    let filled = filled
        .replacen("week:              # fill in", "week: 20  #", 1)
        .replacen("done:              # fill in", "done: 1039  #", 1)
        .replacen("items:\n", "items:\n          - 本周，完成系统升级。\n", 1);
    // Every other section has nothing this week.
    let lines: Vec<&str> = filled.lines().collect();
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        let key = line.trim_start();
        let content = ["items:", "visits:", "directives:"].contains(&key);
        let next = lines[i + 1..]
            .iter()
            .find(|l| !l.trim_start().starts_with('#'));
        let indent = |l: &str| l.len() - l.trim_start().len();
        let filled_in =
            next.is_some_and(|n| indent(n) > indent(line) && n.trim_start().starts_with("- "));
        out.push_str(line);
        if content && !filled_in {
            out.push_str(" []");
        }
        out.push('\n');
    }
    out
}

#[test]
fn new_then_fill_in_gives_the_next_issue() {
    let tmp = series_copy();
    let dir = tmp.path();
    let out = weekly()
        .arg("new")
        .arg(dir.join("2023-39.yaml"))
        .arg("-o")
        .arg(dir.join("x.yaml"))
        .run();
    out.success();
    assert!(out.stderr_text().contains("2023 年第 40 期（总第 460 期）"));
    let draft = fs::read_to_string(dir.join("x.yaml")).unwrap();

    // The draft checks clean but for what waits to be filled in.
    let check = weekly()
        .args(["check", "--message-format", "short"])
        .arg(dir.join("x.yaml"))
        .run();
    check.code(1);
    for line in check.stderr_text().lines().filter(|l| l.contains("]: ")) {
        assert!(line.contains("fill in"), "{line}");
    }

    fs::write(dir.join("x.yaml"), fill(&draft)).unwrap();
    let build = weekly()
        .args(["build", "--format", "text"])
        .arg(dir.join("x.yaml"))
        .run();
    build.success();
    let bulletin = build.stdout_text();
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
    let first = weekly().arg("new").arg(dir.join("2023-39.yaml")).run();
    first.success();
    let made = dir.join("2023-40.yaml");
    let draft = fs::read_to_string(&made).unwrap();
    assert!(draft.contains("previous: 2023-39.yaml\n"));
    fs::write(&made, "edited by the clerk\n").unwrap();

    let again = weekly().arg("new").arg(dir.join("2023-39.yaml")).run();
    again.code(2);
    assert!(
        again.stderr_text().contains("exists; give --force"),
        "{}",
        again.stderr_text()
    );
    assert_eq!(fs::read_to_string(&made).unwrap(), "edited by the clerk\n");

    let forced = weekly()
        .arg("new")
        .arg(dir.join("2023-39.yaml"))
        .arg("--force")
        .run();
    forced.success();
    assert_eq!(fs::read_to_string(&made).unwrap(), draft);
    let mut names = files_in(dir);
    names.sort();
    assert_eq!(names, ["2023-38.yaml", "2023-39.yaml", "2023-40.yaml"]);
}

/// A draft written into another folder names its previous issue by a path relative to
/// itself, which `check` follows: filled in, it checks clean with its year-to-date figures
/// computed from the previous issue.
#[test]
fn new_links_back_across_folders() {
    let tmp = series_copy();
    let dir = tmp.path();
    fs::create_dir(dir.join("next")).unwrap();
    let draft_path = dir.join("next/40.yaml");
    let out = weekly()
        .arg("new")
        .arg(dir.join("2023-39.yaml"))
        .arg("-o")
        .arg(&draft_path)
        .run();
    out.success();
    let draft = fs::read_to_string(&draft_path).unwrap();
    assert!(draft.contains("previous: ../2023-39.yaml\n"), "{draft}");
    fs::write(&draft_path, fill(&draft)).unwrap();
    let check = weekly()
        .args(["check", "--message-format", "short"])
        .arg(&draft_path)
        .run();
    check.success();
    assert_eq!(check.stderr_text(), "");
    let build = weekly()
        .args(["build", "--format", "text"])
        .arg(&draft_path)
        .run();
    assert!(
        build
            .stdout_text()
            .contains("今年以来，累计咨询 61779 人次")
    );
}

/// A draft written to stdout names the previous issue as seen from beside it, where the
/// clerk saves it: run from the parent folder, it still builds once filled in, and a note says
/// which folder it belongs in.
#[test]
fn a_draft_on_stdout_names_the_previous_issue_from_beside_it() {
    let tmp = series_copy();
    let issues = tmp.path().join("issues");
    fs::create_dir(&issues).unwrap();
    for name in ["2023-38.yaml", "2023-39.yaml"] {
        fs::rename(tmp.path().join(name), issues.join(name)).unwrap();
    }
    let out = weekly()
        .current_dir(tmp.path())
        .args(["new", "issues/2023-39.yaml", "-o", "-"])
        .run();
    out.success();
    let draft = out.stdout_text();
    assert!(draft.contains("\nprevious: 2023-39.yaml\n"), "{draft}");
    assert_eq!(
        out.stderr_text(),
        "the draft names `2023-39.yaml` as its previous issue, as seen from `issues`: save it in that folder\n"
    );
    fs::write(issues.join("2023-40.yaml"), fill(&draft)).unwrap();
    weekly()
        .current_dir(tmp.path())
        .args(["build", "issues/2023-40.yaml"])
        .run()
        .success();
}
