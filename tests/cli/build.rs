//! `weekly build`: the example against the reference issue, every example against its golden,
//! output files, pipes, templates, completions and wrapped text.

#[cfg(unix)]
use crate::util::{TestCommand, TestOutput};
use crate::util::{
    assert_golden, assert_same_bytes, assert_same_text, bulletin_examples, example, examples,
    files_in, in_ci, notice, root, scratch, series_copy, weekly,
};
use std::fs;
#[cfg(unix)]
use std::path::Path;

// ---- the example against the reference issue ----------------------------------------------

#[test]
fn example_builds_to_the_reference_markdown() {
    let out = weekly().arg("build").arg(example()).run();
    out.success();
    assert_eq!(out.stderr_text(), "");
    assert_golden(&root().join("tests/golden/2023-39.md"), &out.stdout_text());
}

#[test]
fn example_builds_to_the_reference_text() {
    let out = weekly()
        .args(["build", "--format", "text"])
        .arg(example())
        .run();
    out.success();
    assert_golden(&root().join("tests/golden/2023-39.txt"), &out.stdout_text());
}

/// The goldens are copies of the shared reference issue, the one bulletin nobody generated:
/// they must agree. Without `../shared/reference` the comparison is skipped with a notice,
/// and in CI its absence fails.
#[test]
fn goldens_equal_the_shared_reference() {
    let reference = root().join("../shared/reference");
    if !reference.is_dir() {
        assert!(!in_ci(), "no {} in CI", reference.display());
        notice(&format!(
            "no {}: the goldens are not compared with the reference issue",
            reference.display()
        ));
        return;
    }
    for name in ["2023-39.md", "2023-39.txt"] {
        let ours = fs::read(root().join("tests/golden").join(name)).unwrap();
        let theirs = fs::read(reference.join(name)).unwrap();
        assert_same_bytes(
            format_args!("tests/golden/{name}, against the reference,"),
            &theirs,
            &ours,
        );
    }
}

#[test]
fn every_example_checks_clean() {
    let all = examples();
    assert!(all.len() >= 5, "{all:?}");
    for path in all.iter().map(|p| root().join("examples").join(p)) {
        let out = weekly().arg("check").arg(&path).run();
        out.success();
        assert_eq!(out.stderr_text(), "", "{}", path.display());
        assert_eq!(out.stdout_text(), "", "{}", path.display());
    }
    let folder = weekly().arg("check").arg(root().join("examples")).run();
    folder.success();
    assert_eq!(folder.stderr_text(), "");
}

/// Each example bulletin builds to its golden in tests/golden, in every text format.
#[test]
fn every_example_builds_to_its_golden() {
    for example in bulletin_examples() {
        for (format, ext) in [("md", "md"), ("text", "txt"), ("html", "html")] {
            let out = weekly()
                .args(["build", "--format", format])
                .arg(root().join("examples").join(&example))
                .run();
            out.success();
            let golden = root()
                .join("tests/golden")
                .join(&example)
                .with_extension(ext);
            assert_golden(&golden, &out.stdout_text());
        }
    }
}

// ---- output files ---------------------------------------------------------------------------

#[test]
fn output_file_is_written_and_stdout_stays_empty() {
    let tmp = scratch();
    let dir = tmp.path();
    let out_path = dir.join("out.md");
    let out = weekly()
        .arg("build")
        .arg(example())
        .arg("-o")
        .arg(&out_path)
        .run();
    out.success();
    assert_eq!(out.stdout_text(), "");
    let written = fs::read_to_string(&out_path).unwrap();
    assert_same_text(
        "the output file, against tests/golden/2023-39.md,",
        &fs::read_to_string(root().join("tests/golden/2023-39.md")).unwrap(),
        &written,
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
    let out = weekly()
        .arg("build")
        .arg(&input)
        .arg("-o")
        .arg(&out_path)
        .run();
    out.code(1);
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
    let out = weekly()
        .arg("build")
        .arg(example())
        .arg("--templates")
        .arg(&templates)
        .arg("-o")
        .arg(&out_path)
        .run();
    out.code(2);
    assert!(
        out.stderr_text().contains("bulletin.md:2:"),
        "{}",
        out.stderr_text()
    );
    assert_eq!(fs::read_to_string(&out_path).unwrap(), "old\n");
    assert_eq!(files_in(dir), ["out.md", "templates"]);
}

/// Runs `weekly build` on the example into `out` under a file-size limit of 1 KiB, smaller
/// than the document: the write stops part-way, as on a full disk. With `killed`, the limit
/// kills the build (SIGXFSZ) in the middle of the write; without, the write fails (EFBIG).
#[cfg(unix)]
fn build_past_a_size_limit(dir: &Path, out: &Path, killed: bool) -> TestOutput {
    let script = if killed {
        r#"ulimit -f 2; exec "$@""#
    } else {
        r#"trap '' XFSZ; ulimit -f 2; exec "$@""#
    };
    TestCommand::new("sh")
        .args(["-c", script, "sh", env!("CARGO_BIN_EXE_weekly"), "build"])
        .arg(dir.join("2023-39.yaml"))
        .arg("-o")
        .arg(out)
        .env("LANG", "C")
        .run()
}

/// The document is written to a temporary file and renamed over the output only when whole:
/// a write that fails part-way leaves last week's output as it was, and nothing beside it.
#[cfg(unix)]
#[test]
fn a_write_that_fails_part_way_leaves_the_old_output_whole() {
    let tmp = series_copy();
    let dir = tmp.path();
    let out_path = dir.join("out.md");
    let old = "last week's bulletin\n".repeat(200);
    fs::write(&out_path, &old).unwrap();
    let out = build_past_a_size_limit(dir, &out_path, false);
    out.code(2);
    assert!(
        out.stderr_text().starts_with("error: cannot write"),
        "{}",
        out.stderr_text()
    );
    assert!(
        fs::read_to_string(&out_path).unwrap() == old,
        "the output was clobbered"
    );
    assert_eq!(files_in(dir), ["2023-38.yaml", "2023-39.yaml", "out.md"]);
}

/// A build killed in the middle of writing leaves last week's output whole.
#[cfg(unix)]
#[test]
fn a_build_killed_while_writing_leaves_the_old_output_whole() {
    let tmp = series_copy();
    let dir = tmp.path();
    let out_path = dir.join("out.md");
    let old = "last week's bulletin\n".repeat(200);
    fs::write(&out_path, &old).unwrap();
    let out = build_past_a_size_limit(dir, &out_path, true);
    assert_eq!(out.status.code(), None, "killed by SIGXFSZ");
    assert!(
        fs::read_to_string(&out_path).unwrap() == old,
        "the output was clobbered"
    );
    assert_eq!(
        files_in(dir),
        ["2023-38.yaml", "2023-39.yaml", "out.md"],
        "the killed build left its temporary file"
    );
}

#[test]
fn output_naming_the_input_is_refused() {
    let tmp = scratch();
    let dir = tmp.path();
    let input = dir.join("issue.yaml");
    fs::copy(example(), &input).unwrap();
    let before = fs::read(&input).unwrap();
    let out = weekly()
        .arg("build")
        .arg(&input)
        .args(["--format", "md", "-o"])
        .arg(dir.join("./issue.yaml"))
        .run();
    out.code(2);
    assert!(
        out.stderr_text().contains("this run reads it"),
        "{}",
        out.stderr_text()
    );
    assert_eq!(fs::read(&input).unwrap(), before);
}

#[test]
fn output_into_a_missing_folder_is_an_io_error() {
    let tmp = scratch();
    let dir = tmp.path();
    let out = weekly()
        .arg("build")
        .arg(example())
        .arg("-o")
        .arg(dir.join("no/such/out.md"))
        .run();
    out.code(2);
    assert!(
        out.stderr_text().starts_with("error: the folder `")
            && out
                .stderr_text()
                .ends_with("no/such` does not exist; make it first\n"),
        "{}",
        out.stderr_text()
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
    let mut build = weekly();
    build.arg("build").arg(&input);
    let mut child = build.spawn();
    drop(child.stdout.take());
    let out = build.wait(child);
    out.success();
    assert_eq!(out.stderr_text(), "");
}

// ---- templates, completions, manual ---------------------------------------------------

/// Exported templates, edited, change the output as the README shows: here the closing line.
#[test]
fn exported_and_edited_templates_change_the_output() {
    let tmp = series_copy();
    let dir = tmp.path();
    let templates = dir.join("mine");
    let export = weekly().args(["templates", "export"]).arg(&templates).run();
    export.success();
    let builtin = fs::read_to_string(templates.join("bulletin.md")).unwrap();
    assert_same_text(
        "the exported bulletin.md, against templates/bulletin.md,",
        &fs::read_to_string(root().join("templates/bulletin.md")).unwrap(),
        &builtin,
    );
    fs::write(
        templates.join("bulletin.md"),
        builtin.replace(
            "{{ footer.copies_line }}",
            "（本期共印{{ footer.copies }}份，请妥善保管）",
        ),
    )
    .unwrap();
    let out = weekly()
        .arg("build")
        .arg(dir.join("2023-39.yaml"))
        .arg("--templates")
        .arg(&templates)
        .run();
    out.success();
    let reference = fs::read_to_string(root().join("tests/golden/2023-39.md")).unwrap();
    assert_same_text(
        "the build with the edited template, against tests/golden/2023-39.md edited,",
        &reference.replace("（共印91份）", "（本期共印91份，请妥善保管）"),
        &out.stdout_text(),
    );
    // A second export keeps the edited file.
    let again = weekly().args(["templates", "export"]).arg(&templates).run();
    again.code(2);
    assert!(
        fs::read_to_string(templates.join("bulletin.md"))
            .unwrap()
            .contains("请妥善保管")
    );
}

#[test]
fn completions_for_every_shell_and_a_manual_page() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = weekly().args(["completions", shell]).run();
        out.success();
        let script = out.stdout_text();
        assert!(
            script.contains("weekly") && script.contains("build"),
            "{shell}: {script}"
        );
    }
    let man = weekly().arg("man").run();
    man.success();
    let page = man.stdout_text();
    assert!(
        page.starts_with(".ie") && page.contains(".TH weekly 1"),
        "{page}"
    );
    assert!(page.contains("check") && page.contains("templates"));
}

// ---- text wrapped for print tooling ----------------------------------------------------

/// Every example bulletin wrapped to 56 columns keeps to the width and to the Chinese
/// line-breaking rules; the reference issue's wrapped text has a golden.
#[test]
fn wrapped_text_keeps_the_width_and_the_rules() {
    let width = |s: &str| weekly::text::display_width(s);
    for example in bulletin_examples() {
        let out = weekly()
            .args(["build", "--format", "text", "--width", "56"])
            .arg(root().join("examples").join(&example))
            .run();
        out.success();
        let doc = out.stdout_text();
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
        let plain = weekly()
            .args(["build", "--format", "text"])
            .arg(root().join("examples").join(&example))
            .run();
        let squeeze = |s: &str| s.split_whitespace().collect::<String>();
        assert_eq!(
            squeeze(&doc),
            squeeze(&plain.stdout_text()),
            "{}",
            example.display()
        );
    }
    let out = weekly()
        .args(["build", "--format", "text", "--width", "56"])
        .arg(example())
        .run();
    assert_golden(
        &root().join("tests/golden/2023-39.w56.txt"),
        &out.stdout_text(),
    );
}
