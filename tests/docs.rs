//! The README tells the truth: its codes table lists every code, and its quick start works.

use std::fs;

fn readme() -> String {
    fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap()
}

#[test]
fn readme_lists_every_code() {
    let readme = readme();
    for code in weekly::diag::Code::ALL {
        assert!(
            readme.contains(&format!("| {code} |")),
            "README lacks {code}"
        );
    }
    let listed = readme
        .lines()
        .filter(|l| l.starts_with("| E0") || l.starts_with("| W0"))
        .count();
    assert_eq!(
        listed,
        weekly::diag::Code::ALL.len(),
        "README lists a code that does not exist"
    );
}

#[test]
fn readme_quick_start_names_the_example_and_the_test_command() {
    let readme = readme();
    assert!(readme.contains("cargo run --release -- build examples/2023-39.yaml"));
    assert!(readme.contains("\ncargo test "));
    let ci = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/.ci/run")).unwrap();
    assert!(
        ci.contains("cargo test"),
        ".ci/run runs the README's test command"
    );
}

/// Every code is produced by some test's expected output: a fixture's `stdout` or `stderr`,
/// or the expectations of the hostile-input corpus.
#[test]
fn every_code_is_exercised_by_a_test() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut expected = fs::read_to_string(root.join("tests/hostile.rs")).unwrap();
    for case in fs::read_dir(root.join("tests/fixtures")).unwrap() {
        let case = case.unwrap().path();
        for file in ["stdout", "stderr"] {
            expected.push_str(&fs::read_to_string(case.join(file)).unwrap_or_default());
        }
    }
    for code in weekly::diag::Code::ALL {
        assert!(
            expected.contains(&format!("[{code}]"))
                || expected.contains(&format!("\"{code}\""))
                || expected.contains(&format!("title={code}::")),
            "no test expects {code}"
        );
    }
}
