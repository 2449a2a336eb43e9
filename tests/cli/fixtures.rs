//! Fixture folders: each holds `args` (the arguments, one a line, run inside the folder), an
//! optional `stdin`, and the expected `code`, `stdout` and `stderr` (a missing one means empty).

use std::fs;

use crate::fixture::Fixture;
use crate::util::{blessing, text, weekly};

/// Each folder under tests/fixtures holds `args` (the arguments, one a line, run inside the
/// folder), an optional `stdin`, and the expected `code`, `stdout` and `stderr` (a missing one
/// means empty).
#[test]
fn fixtures() {
    let cases = Fixture::all();
    assert!(cases.len() >= 10, "fixtures are missing");
    let mut failures = Vec::new();
    for case in &cases {
        if let Err(message) = run_fixture(case) {
            failures.push(message);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn run_fixture(fixture: &Fixture) -> Result<(), String> {
    let (name, case) = (&fixture.name, &fixture.dir);
    let args = fixture.args()?;
    let input = fs::read(case.join("stdin")).unwrap_or_default();
    let out = weekly().args(args).current_dir(case).stdin(input).run();
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
