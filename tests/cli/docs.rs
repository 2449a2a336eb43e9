//! The README tells the truth: its table of codes is the code table, its quick start is what
//! CI runs, and every code is produced by some test's expected output.

use std::collections::BTreeSet;
use std::fs;

use weekly::diag::Code;

use crate::util::root;

fn readme() -> String {
    fs::read_to_string(root().join("README.md")).unwrap()
}

/// The README's table of codes, row by row, is the code table: each code once, in order,
/// with the meaning the code itself gives.
#[test]
fn readme_lists_every_code_with_its_meaning() {
    let readme = readme();
    let rows: Vec<(String, String)> = readme
        .lines()
        .filter(|l| l.starts_with("| E0") || l.starts_with("| W0"))
        .map(|l| {
            let cells: Vec<&str> = l.split(" | ").collect();
            (
                cells[0].trim_start_matches("| ").to_owned(),
                cells[1].to_owned(),
            )
        })
        .collect();
    let codes: Vec<(String, String)> = Code::ALL
        .iter()
        .map(|c| (c.as_str().to_owned(), c.meaning().to_owned()))
        .collect();
    assert_eq!(rows, codes);
}

/// The two commands of the quick start: the first builds the example that exists, the
/// second is the test command, and `.ci/run` runs it as a command of its own.
#[test]
fn readme_quick_start_is_what_ci_runs() {
    let readme = readme();
    let start = readme.find("## Quick start").expect("a quick start");
    let block = readme[start..]
        .split("```sh\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("a shell block in the quick start");
    let commands: Vec<&str> = block
        .lines()
        .map(|l| l.split(" #").next().unwrap().trim())
        .collect();
    assert_eq!(
        commands,
        [
            "cargo run --release -- build examples/2023-39.yaml",
            "cargo test"
        ]
    );
    assert!(root().join("examples/2023-39.yaml").is_file());
    let ci = fs::read_to_string(root().join(".ci/run")).unwrap();
    assert!(
        ci.lines()
            .map(str::trim)
            .any(|l| l == "cargo test" || l.starts_with("cargo test --")),
        ".ci/run does not run `cargo test`:\n{ci}"
    );
}

/// The codes a finding line names: `error[E001]`, `"code":"E001"` (JSON), `title=E001::`
/// (GitHub) and `"ruleId": "E001"` (SARIF).
fn codes_in(output: &str) -> BTreeSet<Code> {
    let mut found = BTreeSet::new();
    for code in Code::ALL {
        let c = code.as_str();
        if output.contains(&format!("[{c}]"))
            || output.contains(&format!("\"code\":\"{c}\""))
            || output.contains(&format!("title={c}::"))
            || output.contains(&format!("\"ruleId\": \"{c}\""))
        {
            found.insert(*code);
        }
    }
    found
}

/// Every code is produced by some test's expected output: a fixture's `stdout` or `stderr`,
/// the expected first finding of a file of the hostile corpus, or of the file over the size
/// cap that the hostile tests make.
#[test]
fn every_code_is_exercised_by_a_test() {
    let mut found = BTreeSet::new();
    for case in fs::read_dir(root().join("tests/fixtures")).unwrap() {
        let case = case.unwrap().path();
        for file in ["stdout", "stderr"] {
            found.extend(codes_in(
                &fs::read_to_string(case.join(file)).unwrap_or_default(),
            ));
        }
    }
    for (name, _, first) in crate::hostile::EXPECTED {
        if let Some(code) = first {
            found.insert(code.parse().unwrap_or_else(|()| panic!("{name}: {code}")));
        }
    }
    found.insert(crate::hostile::OVER_THE_CAP.parse().unwrap());
    let missing: Vec<&Code> = Code::ALL.iter().filter(|c| !found.contains(c)).collect();
    assert!(missing.is_empty(), "no test expects {missing:?}");
}
