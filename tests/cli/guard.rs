//! Nothing lost: no command writes over a file the run reads (the issue, its previous issues,
//! the issues of a folder, a bulletin being imported, a template), `--force` or not; a batch
//! is planned whole before anything is written; `weekly new` writes into the previous issue
//! only once the new one is in place, and never into a file its user may not write.

use std::fs;
use std::path::Path;

use crate::util::{files_in, root, scratch, weekly};

/// 2023 年第 38, 39 and 40 期, each naming the one before; 40 leaves its running figures to be
/// computed, so `weekly new` from it writes them into it.
fn three_weeks() -> tempfile::TempDir {
    let tmp = scratch();
    for name in ["2023-38.yaml", "2023-39.yaml", "2023-40.yaml"] {
        fs::copy(root().join("examples").join(name), tmp.path().join(name)).unwrap();
    }
    tmp
}

fn bytes(dir: &Path, name: &str) -> Vec<u8> {
    fs::read(dir.join(name)).unwrap()
}

/// `weekly new` from 2023 年第 40 期 reads it and 第 39 期, from which 40's running figures
/// are computed.
#[test]
fn new_never_writes_over_the_issue_it_begins_from_or_the_one_before() {
    let tmp = three_weeks();
    let dir = tmp.path();
    for name in ["2023-40.yaml", "2023-39.yaml", "./2023-40.yaml"] {
        let (b38, b39, b40) = (
            bytes(dir, "2023-38.yaml"),
            bytes(dir, "2023-39.yaml"),
            bytes(dir, "2023-40.yaml"),
        );
        let out = weekly()
            .current_dir(dir)
            .args(["new", "2023-40.yaml", "-o", name, "--force"])
            .run();
        out.code(2);
        assert!(
            out.stderr_text().contains("this run reads it"),
            "{}",
            out.stderr_text()
        );
        assert_eq!(bytes(dir, "2023-38.yaml"), b38);
        assert_eq!(bytes(dir, "2023-39.yaml"), b39);
        assert_eq!(bytes(dir, "2023-40.yaml"), b40, "-o {name}");
    }
}

/// The draft goes out first: when it cannot be written, the previous issue is as it was.
#[cfg(unix)]
#[test]
fn new_writes_into_the_previous_issue_only_after_the_draft() {
    let tmp = three_weeks();
    let dir = tmp.path();
    let before = bytes(dir, "2023-40.yaml");
    weekly()
        .current_dir(dir)
        .args(["new", "2023-40.yaml", "-o", "-"])
        .stdout(fs::File::create("/dev/full").unwrap())
        .run()
        .code(2);
    assert_eq!(bytes(dir, "2023-40.yaml"), before);
    // With the draft in place, the figures go in.
    let out = weekly()
        .current_dir(dir)
        .args(["new", "2023-40.yaml"])
        .run();
    out.success();
    assert!(dir.join("2023-41.yaml").exists());
    assert_ne!(bytes(dir, "2023-40.yaml"), before);
}

/// A previous issue its user may not write is left as it is; the figures to write by hand
/// are named, and the draft is made all the same.
#[test]
fn new_leaves_a_read_only_previous_issue_alone() {
    let tmp = three_weeks();
    let dir = tmp.path();
    let before = bytes(dir, "2023-40.yaml");
    let mut read_only = fs::metadata(dir.join("2023-40.yaml"))
        .unwrap()
        .permissions();
    read_only.set_readonly(true);
    fs::set_permissions(dir.join("2023-40.yaml"), read_only).unwrap();
    let out = weekly()
        .current_dir(dir)
        .args(["new", "2023-40.yaml"])
        .run();
    out.success();
    let said = out.stderr_text();
    assert!(
        said.contains("read-only") && said.contains("write them by hand"),
        "{said}"
    );
    assert_eq!(bytes(dir, "2023-40.yaml"), before);
    assert!(dir.join("2023-41.yaml").exists());
}

#[test]
fn build_never_writes_over_a_previous_issue() {
    let tmp = three_weeks();
    let dir = tmp.path();
    let before = bytes(dir, "2023-39.yaml");
    let out = weekly()
        .current_dir(dir)
        .args([
            "build",
            "2023-40.yaml",
            "--format",
            "md",
            "-o",
            "2023-39.yaml",
        ])
        .run();
    out.code(2);
    assert!(
        out.stderr_text().contains("this run reads it"),
        "{}",
        out.stderr_text()
    );
    assert_eq!(bytes(dir, "2023-39.yaml"), before);
}

#[test]
fn build_never_writes_over_a_template() {
    let tmp = three_weeks();
    let dir = tmp.path();
    weekly()
        .current_dir(dir)
        .args(["templates", "export", "t"])
        .run()
        .success();
    let before = bytes(dir, "t/bulletin.md");
    let out = weekly()
        .current_dir(dir)
        .args(["build", "2023-39.yaml", "--templates", "t", "-o", "x.txt"])
        .args(["-o", "t/bulletin.md"])
        .run();
    out.code(2);
    assert_eq!(bytes(dir, "t/bulletin.md"), before);
    assert!(
        !dir.join("x.txt").exists(),
        "no output is written when one cannot be"
    );
}

#[test]
fn stats_never_writes_over_an_issue_it_counts() {
    let tmp = three_weeks();
    let dir = tmp.path();
    let before = bytes(dir, "2023-38.yaml");
    let out = weekly()
        .current_dir(dir)
        .args(["stats", ".", "--format", "csv", "-o", "2023-38.yaml"])
        .run();
    out.code(2);
    assert_eq!(bytes(dir, "2023-38.yaml"), before);
}

/// The example as printed Markdown, and a copy of it with another running total: two
/// bulletins that would both be `2023-39.yaml`.
fn two_of_one_name(dir: &Path) {
    let md = weekly()
        .args(["build"])
        .arg(root().join("examples/2023-39.yaml"))
        .run();
    md.success();
    let text = md.stdout_text();
    fs::write(dir.join("a.md"), &text).unwrap();
    fs::write(dir.join("b.md"), text.replace("总第 459 期", "总第 460 期")).unwrap();
}

#[test]
fn an_import_batch_of_two_bulletins_of_one_name_writes_nothing() {
    let tmp = scratch();
    let dir = tmp.path();
    two_of_one_name(dir);
    for force in [false, true] {
        let mut cmd = weekly();
        cmd.current_dir(dir)
            .args(["import", "a.md", "b.md", "--dir", "out"]);
        if force {
            cmd.arg("--force");
        }
        let out = cmd.run();
        out.code(2);
        assert!(
            out.stderr_text().contains("2023-39.yaml"),
            "{}",
            out.stderr_text()
        );
        assert!(
            !dir.join("out").exists() || files_in(&dir.join("out")).is_empty(),
            "--force {force}: a partial batch"
        );
    }
}

#[test]
fn import_never_writes_over_its_own_source() {
    let tmp = scratch();
    let dir = tmp.path();
    two_of_one_name(dir);
    fs::rename(dir.join("a.md"), dir.join("2023-39.yaml")).unwrap();
    let before = bytes(dir, "2023-39.yaml");
    let out = weekly()
        .current_dir(dir)
        .args([
            "import",
            "2023-39.yaml",
            "--from",
            "md",
            "--dir",
            ".",
            "--force",
        ])
        .run();
    out.code(2);
    assert_eq!(bytes(dir, "2023-39.yaml"), before);
}

/// A link in the folder a batch is written into is not written through, dangling or not.
#[cfg(unix)]
#[test]
fn import_never_writes_through_a_link_in_its_folder() {
    let tmp = scratch();
    let dir = tmp.path();
    two_of_one_name(dir);
    fs::create_dir(dir.join("out")).unwrap();
    let elsewhere = dir.join("elsewhere.yaml");
    crate::util::symlink(&elsewhere, dir.join("out/2023-39.yaml")).unwrap();
    let out = weekly()
        .current_dir(dir)
        .args(["import", "a.md", "--dir", "out", "--force"])
        .run();
    out.code(2);
    assert!(
        out.stderr_text().contains("symbolic link"),
        "{}",
        out.stderr_text()
    );
    assert!(!elsewhere.exists());
}

/// Files named like weekly's temporary files are the user's: a write into their folder
/// leaves them.
#[test]
fn files_named_like_temporaries_survive_a_build() {
    let tmp = three_weeks();
    let dir = tmp.path();
    for name in [".weekly-2023-39.yaml", ".weekly-4000000-notes.txt"] {
        fs::write(dir.join(name), "mine").unwrap();
    }
    weekly()
        .current_dir(dir)
        .args(["build", "2023-39.yaml", "-o", "a.md"])
        .run()
        .success();
    for name in [".weekly-2023-39.yaml", ".weekly-4000000-notes.txt"] {
        assert_eq!(bytes(dir, name), b"mine", "{name}");
    }
}
