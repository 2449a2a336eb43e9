//! What the test modules share: the binary, the repository's folders, scratch folders,
//! goldens and their diffs.

use std::ffi::OsStr;
use std::fmt::Display;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};

/// The real `weekly` binary, with findings in English (the goldens are English) unless a
/// test sets the locale. `WEEKLY_TEST_BIN` names another build of it to test instead (a
/// release artefact), run by `WEEKLY_TEST_RUNNER` where one is given (`qemu-aarch64`).
pub fn weekly() -> TestCommand {
    let bin =
        std::env::var_os("WEEKLY_TEST_BIN").unwrap_or_else(|| env!("CARGO_BIN_EXE_weekly").into());
    let mut cmd = match std::env::var_os("WEEKLY_TEST_RUNNER") {
        Some(runner) => {
            let mut cmd = TestCommand::new(runner);
            cmd.arg(bin);
            cmd
        }
        None => TestCommand::new(bin),
    };
    cmd.env_remove("NO_COLOR")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .env("XDG_CACHE_HOME", cache_home());
    cmd
}

/// The cache folder of the runs of the tests (the font index), not the user's.
pub fn cache_home() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("cache")
}

/// A program run by a test, built up like `std::process::Command`: arguments, folder,
/// environment, and the bytes for its stdin (without them stdin is empty). `run` captures
/// stdout and stderr; the output's `success` and `code` assert the exit code and show the
/// command and both streams when it is not the one expected.
pub struct TestCommand {
    command: Command,
    stdin: Option<Vec<u8>>,
    /// Whether stdin is a pipe left open for the test to write (`talk`).
    talking: bool,
    stdout_set: bool,
    stderr_set: bool,
}

impl TestCommand {
    pub fn new(program: impl AsRef<OsStr>) -> Self {
        TestCommand {
            command: Command::new(program),
            stdin: None,
            talking: false,
            stdout_set: false,
            stderr_set: false,
        }
    }

    pub fn arg(&mut self, arg: impl AsRef<OsStr>) -> &mut Self {
        self.command.arg(arg);
        self
    }

    pub fn args<I, S>(&mut self, args: I) -> &mut Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.command.args(args);
        self
    }

    pub fn current_dir(&mut self, dir: impl AsRef<Path>) -> &mut Self {
        self.command.current_dir(dir);
        self
    }

    pub fn env(&mut self, key: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> &mut Self {
        self.command.env(key, value);
        self
    }

    pub fn env_remove(&mut self, key: impl AsRef<OsStr>) -> &mut Self {
        self.command.env_remove(key);
        self
    }

    /// The bytes the program reads on stdin.
    pub fn stdin(&mut self, bytes: impl Into<Vec<u8>>) -> &mut Self {
        self.stdin = Some(bytes.into());
        self
    }

    /// Stdout sent elsewhere (a file such as `/dev/full`) rather than captured.
    #[cfg(unix)]
    pub fn stdout(&mut self, to: impl Into<Stdio>) -> &mut Self {
        self.command.stdout(to);
        self.stdout_set = true;
        self
    }

    /// Stderr sent elsewhere rather than captured.
    pub fn stderr(&mut self, to: impl Into<Stdio>) -> &mut Self {
        self.command.stderr(to);
        self.stderr_set = true;
        self
    }

    /// Runs the program to its end.
    pub fn run(&mut self) -> TestOutput {
        let child = self.spawn();
        self.wait(child)
    }

    /// Starts the program, for a test that closes its pipes, kills it or times it: stdout
    /// and stderr are pipes unless sent elsewhere, and stdin gets its bytes (or is empty).
    pub fn spawn(&mut self) -> Child {
        let shown = self.shown();
        if !self.stdout_set {
            self.command.stdout(Stdio::piped());
        }
        if !self.stderr_set {
            self.command.stderr(Stdio::piped());
        }
        self.command.stdin(match self.stdin {
            Some(_) => Stdio::piped(),
            None if self.talking => Stdio::piped(),
            None => Stdio::null(),
        });
        let mut child =
            spawn(&mut self.command).unwrap_or_else(|e| panic!("cannot run `{shown}`: {e}"));
        if let Some(bytes) = self.stdin.clone() {
            let mut pipe = child.stdin.take().unwrap();
            // Written from a thread, so that a program that writes before it has read all
            // its input does not wait on a test that waits on it.
            std::thread::spawn(move || {
                let _ = pipe.write_all(&bytes);
            });
        }
        child
    }

    /// Starts the program with its stdin a pipe the test writes to as it goes, and its stdout
    /// a pipe: a conversation (`weekly lsp`).
    #[allow(dead_code, reason = "for tests/cli/lsp.rs")]
    pub fn talk(&mut self) -> Child {
        self.talking = true;
        self.spawn()
    }

    /// Waits for a program `spawn` started, and reads what it wrote to its pipes.
    pub fn wait(&self, child: Child) -> TestOutput {
        let out = child.wait_with_output().expect("the program runs");
        TestOutput {
            status: out.status,
            stdout: out.stdout,
            stderr: out.stderr,
            command: self.shown(),
        }
    }

    /// The command line as a shell would take it, and the folder it runs in.
    fn shown(&self) -> String {
        let program = Path::new(self.command.get_program());
        let mut shown = program
            .file_name()
            .unwrap_or(program.as_os_str())
            .to_string_lossy()
            .into_owned();
        for arg in self.command.get_args() {
            let arg = arg.to_string_lossy();
            shown.push(' ');
            if arg.is_empty() || arg.contains(|c: char| c.is_whitespace() || "'\"\\$`".contains(c))
            {
                shown.push_str(&format!("'{}'", arg.replace('\'', r"'\''")));
            } else {
                shown.push_str(&arg);
            }
        }
        if let Some(dir) = self.command.get_current_dir() {
            shown.push_str(&format!(" (in {})", dir.display()));
        }
        shown
    }
}

/// What a program wrote and how it ended.
pub struct TestOutput {
    pub status: ExitStatus,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    command: String,
}

impl TestOutput {
    /// Asserts that the program exited with 0.
    #[track_caller]
    pub fn success(&self) -> &Self {
        self.code(0)
    }

    /// Asserts that the program exited with `code`; if not, the message shows the command,
    /// how it ended, and its stderr and stdout.
    #[track_caller]
    pub fn code(&self, code: i32) -> &Self {
        if self.status.code() != Some(code) {
            panic!(
                "`{}` ended with {}, not exit code {code}\n--- stderr\n{}--- stdout\n{}",
                self.command,
                self.status,
                shown_stream(&self.stderr),
                shown_stream(&self.stdout)
            );
        }
        self
    }

    pub fn stdout_text(&self) -> String {
        text(&self.stdout)
    }

    pub fn stderr_text(&self) -> String {
        text(&self.stderr)
    }
}

/// Lines of a diff shown in a failure message, and of each stream of a program; the rest
/// are counted.
const DIFF_LINES: usize = 300;
const STREAM_LINES: usize = 100;

/// `text` cut after `lines` lines, with a note of how many more there were.
fn cut(text: &str, lines: usize) -> String {
    let total = text.lines().count();
    if total <= lines {
        return text.to_owned();
    }
    let mut shown: String = text.split_inclusive('\n').take(lines).collect();
    shown.push_str(&format!("[… {} more lines not shown]\n", total - lines));
    shown
}

/// A stream for a failure message: its text, cut, or its length when it is not text.
fn shown_stream(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok("") => "(empty)\n".to_owned(),
        Ok(s) if s.ends_with('\n') => cut(s, STREAM_LINES),
        Ok(s) => cut(&format!("{s}\n[no newline at the end]\n"), STREAM_LINES),
        Err(_) => format!("({} bytes, not UTF-8)\n", bytes.len()),
    }
}

/// A unified diff from `expected` to `actual` with three lines of context, cut after a few
/// hundred lines.
pub fn diff(expected: &str, actual: &str) -> String {
    let diff = similar::TextDiff::from_lines(expected, actual)
        .unified_diff()
        .context_radius(3)
        .header("expected", "actual")
        .to_string();
    cut(&diff, DIFF_LINES)
}

/// Asserts that `actual` is `expected`, and shows their diff if not; `what` says what is
/// compared.
#[track_caller]
pub fn assert_same_text(what: impl Display, expected: &str, actual: &str) {
    if expected != actual {
        panic!("{what} differs:\n{}", diff(expected, actual));
    }
}

/// `assert_same_text` for bytes: the diff when both are UTF-8, else their lengths and the
/// first byte that differs.
#[track_caller]
pub fn assert_same_bytes(what: impl Display, expected: &[u8], actual: &[u8]) {
    if expected == actual {
        return;
    }
    match (std::str::from_utf8(expected), std::str::from_utf8(actual)) {
        (Ok(expected), Ok(actual)) => assert_same_text(what, expected, actual),
        _ => {
            let at = expected
                .iter()
                .zip(actual)
                .take_while(|(a, b)| a == b)
                .count();
            panic!(
                "{what} differs: {} bytes expected, {} actual, the first difference at byte {at}",
                expected.len(),
                actual.len()
            );
        }
    }
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The real issue, 2023 年第 39 期.
pub fn example() -> PathBuf {
    root().join("examples/2023-39.yaml")
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

/// Starts `command`. Wine 8, where the Windows build's tests run, now and then fails to start
/// a process under load with ERROR_INTERNAL_ERROR (1359), which Windows does not: that is
/// tried again.
fn spawn(command: &mut Command) -> std::io::Result<Child> {
    for _ in 0..10 {
        match command.spawn() {
            Err(e) if cfg!(windows) && e.raw_os_error() == Some(1359) => {
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            started => return started,
        }
    }
    command.spawn()
}

/// What weekly printed, its paths written with `/`: on Windows it shows them the Windows way
/// (`issues\2023-39.yaml`, in JSON `"issues\\2023-39.yaml"`), where the goldens, written
/// once for every system, have `/`. No golden holds a backslash of its own.
#[allow(
    dead_code,
    reason = "for the goldens of tests/fixtures.rs and tests/corpus.rs"
)]
pub fn unix_paths(text: String) -> String {
    if cfg!(windows) {
        text.replace("\\\\", "/").replace('\\', "/")
    } else {
        text
    }
}

/// A symbolic link at `link` to `to` (relative to the link's folder, as the system reads it).
/// Windows makes a link to a file and one to a folder differently.
pub fn symlink(to: impl AsRef<Path>, link: impl AsRef<Path>) -> std::io::Result<()> {
    #[cfg(unix)]
    return std::os::unix::fs::symlink(to, link);
    #[cfg(windows)]
    {
        let (to, link) = (to.as_ref(), link.as_ref());
        let folder = link.parent().unwrap_or(Path::new("."));
        if folder.join(to).is_dir() {
            std::os::windows::fs::symlink_dir(to, link)
        } else {
            std::os::windows::fs::symlink_file(to, link)
        }
    }
}

/// Copies what the folder `from` holds into `to`, made if missing: files and folders, all
/// the way down; a symbolic link stays a link.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_symlink() {
            crate::util::symlink(fs::read_link(entry.path()).unwrap(), &target).unwrap();
        } else if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else if entry.file_type().unwrap().is_file() {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
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
#[track_caller]
pub fn assert_golden(path: &Path, actual: &str) {
    if blessing() {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, actual).unwrap();
        return;
    }
    let expected = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_same_text(
        format_args!("{} (WEEKLY_BLESS=1 rewrites it)", path.display()),
        &expected,
        actual,
    );
}
