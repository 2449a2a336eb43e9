//! Reading issue files: the size cap, folders, and the chain of previous issues.

use std::collections::HashMap;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use crate::diag::{Diagnostic, Msg};
use crate::issue::Issue;
use crate::msg;
use crate::series::Previous;
use crate::validate::{self, Link};
use crate::yaml;

/// Loads `files` on as many threads as there are cores (each with its own cache of previous
/// issues), and returns their outcomes in order.
pub fn load_all(files: &[String]) -> Vec<Outcome> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    // A thread pays for itself only over a handful of files.
    let workers = cores.min(files.len() / 8).max(1);
    if workers == 1 {
        let mut loader = Loader::default();
        return files.iter().map(|f| loader.load(f)).collect();
    }
    let chunk = files.len().div_ceil(workers);
    std::thread::scope(|scope| {
        let parts: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    let mut loader = Loader::default();
                    part.iter().map(|f| loader.load(f)).collect::<Vec<_>>()
                })
            })
            .collect();
        parts
            .into_iter()
            .flat_map(|part| part.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// Files larger than this are refused: a bulletin is a few kilobytes, 100 times that is
/// still well under it, and a cap keeps a wrong path (a log, `/dev/zero`) from being read whole.
pub const MAX_INPUT_BYTES: u64 = 4 * 1024 * 1024;

/// How far back previous issues are followed for year-to-date figures left out. The count
/// starts again every year, so a chain needs at most one year's issues.
const MAX_CHAIN: usize = 60;

/// A file that passed its checks.
pub struct Loaded {
    pub issue: Issue,
    pub text: String,
}

/// What reading and checking one file came to.
pub enum Outcome {
    /// The file was read: its name as shown, the text findings point into, the findings, and
    /// the issue when it has no errors.
    Read {
        name: String,
        text: String,
        diagnostics: Vec<Diagnostic>,
        issue: Option<Box<Issue>>,
    },
    /// The file could not be read at all.
    Unreadable(String),
}

/// Loads issues; each previous issue is read once however many issues name it.
#[derive(Default)]
pub struct Loader {
    previous: HashMap<PathBuf, Result<Previous, Msg>>,
}

impl Loader {
    /// Reads, parses and checks one file, following its `previous` link; prints nothing.
    pub fn load(&mut self, file: &str) -> Outcome {
        let name = if file == "-" { "<stdin>" } else { file }.to_owned();
        let read = |text: &str, diagnostics: Vec<Diagnostic>, issue: Option<Issue>| Outcome::Read {
            name: name.clone(),
            text: text.to_owned(),
            diagnostics,
            issue: issue.map(Box::new),
        };
        let bytes =
            match read_input(Path::new(file)).with_context(|| format!("cannot read `{name}`")) {
                Ok(Input::Bytes(bytes)) => bytes,
                Ok(Input::TooLarge) => return read("", vec![too_large()], None),
                Err(e) => return Outcome::Unreadable(format!("{e:#}")),
            };
        let text = match yaml::decode(&bytes) {
            Ok(text) => text,
            Err((shown, d)) => return read(shown, vec![d], None),
        };
        let root = match yaml::parse(text) {
            Ok(root) => root,
            Err(d) => return read(text, vec![d], None),
        };
        let (previous, link_error) = match validate::previous_link(&root) {
            None => (None, None),
            Some((link, span)) => match self.previous(&beside(file, &link), 0) {
                Ok(p) => (Some(p), None),
                Err(reason) => (
                    None,
                    Some(Diagnostic::error("E025", span, reason).with_help(msg!(
                        "the path is relative to this file; check the name",
                        "路径相对于本文件；请核对文件名"
                    ))),
                ),
            },
        };
        let link = match (&previous, &link_error) {
            (Some(p), _) => Link::Checked(p),
            (None, Some(_)) => Link::Skipped,
            (None, None) => Link::None,
        };
        let mut report = validate::validate(&root, text, link);
        if let Some(d) = link_error {
            report.diagnostics.push(d);
            report.diagnostics.sort_by_key(|d| d.span.start);
            report.issue = None;
        }
        read(text, report.diagnostics, report.issue)
    }

    /// What the issue in `path` passes on to the next, or why it cannot be used.
    fn previous(&mut self, path: &Path, depth: usize) -> Result<Previous, Msg> {
        let shown = path.display();
        let key = fs::canonicalize(path).map_err(|e| {
            msg!(
                "cannot read the previous issue `{shown}`: {e}",
                "无法读取上一期 `{shown}`：{e}"
            )
        })?;
        if let Some(known) = self.previous.get(&key) {
            return known.clone();
        }
        if depth >= MAX_CHAIN {
            return Err(msg!(
                "the previous issues are followed back {MAX_CHAIN} issues without finding written year-to-date figures",
                "向前追溯了 {MAX_CHAIN} 期，仍未找到写明的累计数"
            ));
        }
        // Until it is read, an issue that leads back to itself meets this answer.
        self.previous.insert(
            key.clone(),
            Err(msg!(
                "the previous issues lead back to `{shown}` in a circle",
                "上一期的链接绕回了 `{shown}`，形成循环"
            )),
        );
        let result = self.read_previous(path, depth);
        self.previous.insert(key, result.clone());
        result
    }

    fn read_previous(&mut self, path: &Path, depth: usize) -> Result<Previous, Msg> {
        let shown = path.display();
        let bytes = match read_input(path) {
            Ok(Input::Bytes(bytes)) => bytes,
            Ok(Input::TooLarge) => {
                let Msg { en, zh } = too_large().message;
                return Err(msg!(
                    "the previous issue `{shown}`: {en}",
                    "上一期 `{shown}`：{zh}"
                ));
            }
            Err(e) => {
                return Err(msg!(
                    "cannot read the previous issue `{shown}`: {e}",
                    "无法读取上一期 `{shown}`：{e}"
                ));
            }
        };
        let text = yaml::decode(&bytes).map_err(|(_, d)| {
            let Msg { en, zh } = d.message;
            msg!(
                "the previous issue `{shown}`: {en}",
                "上一期 `{shown}`：{zh}"
            )
        })?;
        let root = yaml::parse(text).map_err(|d| {
            let Msg { en, zh } = d.message;
            msg!(
                "the previous issue `{shown}` is not valid: {en}",
                "上一期 `{shown}` 有误：{zh}"
            )
        })?;
        // Its own previous issue is read only when it leaves year-to-date figures out.
        let needs = validate::needs_previous(&root);
        let before = match validate::previous_link(&root) {
            Some((link, _)) if needs => {
                Some(self.previous(&beside(&path.to_string_lossy(), &link), depth + 1)?)
            }
            _ => None,
        };
        let link = match &before {
            Some(p) => Link::Figures(p),
            None if needs => Link::None,
            None => Link::Skipped,
        };
        let report = validate::validate_as_previous(&root, text, link);
        let errors = report.diagnostics.iter().filter(|d| d.is_error()).count();
        match report.issue {
            Some(issue) => Ok(Previous::of(&issue)),
            None => {
                let plural = if errors == 1 { "" } else { "s" };
                Err(msg!(
                    "the previous issue `{shown}` has {errors} error{plural}; run `weekly check {shown}`",
                    "上一期 `{shown}` 有 {errors} 个错误；请运行 `weekly check {shown}`"
                ))
            }
        }
    }
}

fn too_large() -> Diagnostic {
    let limit = MAX_INPUT_BYTES / 1024 / 1024;
    Diagnostic::error(
        "E017",
        0..0,
        msg!(
            "the file is larger than {limit} MiB",
            "文件大于 {limit} MiB"
        ),
    )
    .with_help(msg!(
        "a bulletin is a few kilobytes; check that this is the right file",
        "一期周报只有几 KB；请确认文件是否正确"
    ))
}

/// `link` read relative to the folder of `file` (standard input: the working folder).
fn beside(file: &str, link: &str) -> PathBuf {
    match Path::new(file).parent() {
        Some(dir) if file != "-" && !dir.as_os_str().is_empty() => dir.join(link),
        _ => PathBuf::from(link),
    }
}

enum Input {
    Bytes(Vec<u8>),
    TooLarge,
}

/// Reads a regular file or standard input, up to the size cap. Anything else (a FIFO with no
/// writer, `/dev/zero`) is refused before it is opened, so a wrong path never blocks.
fn read_input(file: &Path) -> io::Result<Input> {
    let mut bytes = Vec::new();
    if file == Path::new("-") {
        io::stdin()
            .lock()
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)?;
    } else {
        let meta = fs::metadata(file)?;
        if meta.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "it is a folder",
            ));
        }
        if !meta.is_file() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "it is not a regular file (to read a pipe, give `-` and redirect it)",
            ));
        }
        if meta.len() > MAX_INPUT_BYTES {
            return Ok(Input::TooLarge);
        }
        fs::File::open(file)?
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)?;
    }
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Ok(Input::TooLarge);
    }
    Ok(Input::Bytes(bytes))
}

/// The issue files a `check` argument names: itself, or every `*.yaml` below a folder, in
/// name order. A folder without any is an error, so that a mistyped path fails loudly.
pub fn issue_files(path: &str) -> anyhow::Result<Vec<String>> {
    if path == "-" || !Path::new(path).is_dir() {
        return Ok(vec![path.to_owned()]);
    }
    let mut files = Vec::new();
    collect_yaml(Path::new(path), &mut files)
        .with_context(|| format!("cannot read the folder `{path}`"))?;
    if files.is_empty() {
        bail!("no issue files (*.yaml) in `{path}`");
    }
    files.sort();
    Ok(files.into_iter().map(|p| p.display().to_string()).collect())
}

/// Hidden entries (`.git`) are skipped, and symbolic links to folders are not followed, so
/// the walk cannot loop.
fn collect_yaml(dir: &Path, files: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            collect_yaml(&path, files)?;
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            files.push(path);
        }
    }
    Ok(())
}
