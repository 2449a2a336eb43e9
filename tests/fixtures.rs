//! The fixture folders of tests/fixtures, each a test of its own, named after its folder and
//! run in parallel with the others:
//!
//! ```sh
//! cargo test --test fixtures                             # every fixture
//! cargo test --test fixtures -- number-slips             # those whose name holds number-slips
//! cargo test --test fixtures -- --exact number-slips     # that one alone
//! WEEKLY_BLESS=1 cargo test --test fixtures -- --exact number-slips   # rewrite what it expects
//! WEEKLY_TEST_BIN=path/to/weekly cargo test --test fixtures              # test another build
//! ```
//!
//! A fixture folder holds:
//!
//! - `args`: the arguments of `weekly`, one a line, as written: an argument may hold spaces;
//!   no line is empty, and the last one ends with a newline;
//! - `stdin` (if any): the bytes `weekly` reads on stdin;
//! - `shared` (if any): inputs that several fixtures share, kept once in
//!   `tests/fixtures/_shared/`, a line each: `COPY <- ../_shared/SOURCE`, both paths relative
//!   to the fixture's folder. The file or folder SOURCE is copied to COPY, which names a place
//!   in the fixture's folder, or beside it (`../other/archive`) where the expected output
//!   names such a path;
//! - `unix-only` (if any): why the fixture runs on Unix alone (symbolic links, say); elsewhere
//!   it is listed as ignored;
//! - `code`, `stdout` and `stderr`: the exit code and what `weekly` must print; a missing
//!   file means empty (blessing removes the file of an empty output);
//! - the inputs: every other file and folder.
//!
//! Each fixture runs in a fresh temporary folder named after it, holding a copy of its inputs
//! and its shared ones, never in tests/fixtures: a command that writes leaves the repository
//! alone. A fixture that fails shows, for each expected file that differs, a unified diff of
//! the expected and the actual output. `WEEKLY_BLESS=1` writes the actual output into the
//! fixture's folder instead (never in CI: see `blessing` in tests/cli/util.rs).

// Shared with the test modules of tests/cli, which use more of them than this target does.
#[allow(dead_code)]
#[path = "cli/util.rs"]
mod util;

#[allow(dead_code)]
#[path = "cli/fixture.rs"]
mod fixture;

use std::fs;
use std::io::ErrorKind;

use libtest_mimic::{Arguments, Failed, Trial};

use fixture::Fixture;
use util::{blessing, diff, unix_paths, weekly};

fn main() {
    let arguments = Arguments::from_args();
    let fixtures = Fixture::all();
    assert!(fixtures.len() >= 10, "fixtures are missing");
    let trials = fixtures
        .into_iter()
        .map(|f| {
            // A fixture of what only Unix has (symbolic links) says why in `unix-only`.
            let ignored = cfg!(not(unix)) && f.dir.join("unix-only").exists();
            Trial::test(f.name.clone(), move || run(&f).map_err(Failed::from))
                .with_ignored_flag(ignored)
        })
        .collect();
    libtest_mimic::run(&arguments, trials).exit();
}

/// Runs the fixture's command in a copy of its inputs and compares what it prints with the
/// expected files, or, when blessing, writes it into them.
fn run(fixture: &Fixture) -> Result<(), String> {
    let args = fixture.args()?;
    let work = fixture.prepare()?;
    let out = weekly()
        .args(&args)
        .current_dir(&work.dir)
        .stdin(fixture.stdin().unwrap_or_default())
        .run();
    let utf8 = |bytes: Vec<u8>, name: &str| {
        String::from_utf8(bytes).map_err(|_| format!("what weekly wrote to {name} is not UTF-8"))
    };
    let actual = [
        ("code", format!("{}\n", out.status.code().unwrap_or(-1))),
        ("stdout", unix_paths(utf8(out.stdout, "stdout")?)),
        ("stderr", unix_paths(utf8(out.stderr, "stderr")?)),
    ];
    if blessing() {
        for (file, actual) in &actual {
            let path = fixture.dir.join(file);
            if actual.is_empty() {
                let _ = fs::remove_file(&path);
            } else {
                fs::write(&path, actual).map_err(|e| format!("{}: {e}", path.display()))?;
            }
        }
        return Ok(());
    }
    let mut problems = Vec::new();
    for (file, actual) in &actual {
        let path = fixture.dir.join(file);
        let expected = match fs::read_to_string(&path) {
            Ok(expected) => expected,
            Err(e) if e.kind() == ErrorKind::NotFound => String::new(),
            Err(e) => return Err(format!("{}: {e}", path.display())),
        };
        if expected != *actual {
            problems.push(format!("{file} differs:\n{}", diff(&expected, actual)));
        }
    }
    if problems.is_empty() {
        return Ok(());
    }
    let shown: Vec<String> = args
        .iter()
        .map(|a| match a.contains(char::is_whitespace) {
            true => format!("'{a}'"),
            false => a.clone(),
        })
        .collect();
    Err(format!(
        "`weekly {}`, run in a copy of tests/fixtures/{}:\n{}\
         (WEEKLY_BLESS=1 rewrites the expected files from what weekly prints now)",
        shown.join(" "),
        fixture.name,
        problems.join("")
    ))
}
