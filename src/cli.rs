//! The command line: the only place that reads and writes files, prints, and picks exit codes.

use std::fs;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};

use crate::diag::{self, Diagnostic};
use crate::emit::{self, Finding, Location, MessageFormat};
use crate::issue::Issue;
use crate::model::Bulletin;
use crate::render::{self, Format};
use crate::{validate, yaml};

/// Files larger than this are refused: a bulletin is a few kilobytes, 100 times that is
/// still well under it, and a cap keeps a wrong path (a log, `/dev/zero`) from being read whole.
pub const MAX_INPUT_BYTES: u64 = 4 * 1024 * 1024;

#[derive(Parser)]
#[command(
    name = "weekly",
    version,
    about = "Typeset the 窗口工作周报 weekly bulletin from one YAML file"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Render an issue as Markdown or plain text (to stdout unless -o is given)
    Build {
        /// The issue's YAML file, or `-` for standard input
        file: String,
        /// Output format
        #[arg(short, long, value_enum, default_value = "md")]
        format: Format,
        /// Write to this file instead of stdout; it is replaced only if the build succeeds
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// A folder of templates: a file named like a built-in one (bulletin.md,
        /// bulletin.txt) replaces it
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
        #[command(flatten)]
        findings: FindingsArgs,
    },
    /// Check issues without rendering them; silent when there is nothing to report
    Check {
        /// Issue files, folders (every *.yaml below them), or `-` for standard input
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<String>,
        #[command(flatten)]
        findings: FindingsArgs,
    },
}

#[derive(clap::Args)]
struct FindingsArgs {
    /// How findings are printed; json, github and sarif go to stdout with `check`
    #[arg(long, value_enum, default_value = "human", value_name = "FORMAT")]
    message_format: MessageFormat,
    /// Fail (exit 1) on warnings too
    #[arg(long)]
    deny_warnings: bool,
    /// Switch a warning off, e.g. `--allow W012,W018` (may be repeated)
    #[arg(long, value_name = "CODE", value_delimiter = ',', value_parser = warning_code)]
    allow: Vec<&'static str>,
}

fn warning_code(s: &str) -> Result<&'static str, String> {
    diag::CODES
        .iter()
        .map(|(code, _)| *code)
        .find(|code| code.starts_with('W') && code.eq_ignore_ascii_case(s.trim()))
        .ok_or_else(|| format!("`{s}` is not a warning code (W001, W010, …; see the README)"))
}

/// How a run ended; the exit code says which.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Everything worked: exit 0.
    Success,
    /// An input file is invalid: exit 1.
    Invalid,
    /// Usage, I/O or template error: exit 2.
    Error,
}

impl From<Status> for ExitCode {
    fn from(s: Status) -> ExitCode {
        ExitCode::from(match s {
            Status::Success => 0,
            Status::Invalid => 1,
            Status::Error => 2,
        })
    }
}

/// Runs the command line and returns how it ended.
pub fn main() -> Status {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                Status::Error
            } else {
                Status::Success
            };
        }
    };
    match cli.command {
        Command::Build {
            file,
            format,
            output,
            templates,
            findings,
        } => {
            let mut out = Reporter::new(&findings, false);
            let status = build(
                &mut out,
                &file,
                format,
                output.as_deref(),
                templates.as_deref(),
            );
            out.finish().max(status)
        }
        Command::Check { paths, findings } => {
            let mut out = Reporter::new(&findings, true);
            let mut status = Status::Success;
            for path in &paths {
                let files = match issue_files(path) {
                    Ok(files) => files,
                    Err(e) => {
                        out.error(&format!("{e:#}"));
                        status = Status::Error;
                        continue;
                    }
                };
                for file in files {
                    let file_status = match load(&mut out, &file) {
                        Ok(Some(_)) => Status::Success,
                        Ok(None) => Status::Invalid,
                        Err(status) => status,
                    };
                    status = status.max(file_status);
                }
            }
            out.finish().max(status)
        }
    }
}

/// The issue files a `check` argument names: itself, or every `*.yaml` below a folder, in
/// name order. A folder without any is an error, so that a mistyped path fails loudly.
fn issue_files(path: &str) -> anyhow::Result<Vec<String>> {
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
        let kind = entry.file_type()?;
        if kind.is_dir() {
            collect_yaml(&path, files)?;
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            files.push(path);
        }
    }
    Ok(())
}

fn build(
    out: &mut Reporter,
    file: &str,
    format: Format,
    output: Option<&Path>,
    templates: Option<&Path>,
) -> Status {
    if let Some(output) = output
        && file != "-"
        && same_file(Path::new(file), output)
    {
        out.error(&format!(
            "`{}` is the input file; choose another output",
            output.display()
        ));
        return Status::Error;
    }
    let issue = match load(out, file) {
        Ok(Some(issue)) => issue,
        Ok(None) => return Status::Invalid,
        Err(status) => return status,
    };
    let (name, source) = match template(format, templates) {
        Ok(t) => t,
        Err(e) => {
            out.error(&format!("{e:#}"));
            return Status::Error;
        }
    };
    let document = match render::render(&Bulletin::new(&issue), &name, &source) {
        Ok(d) => d,
        Err(e) => {
            // Tera's own report already reads `error: …` with the template's name and line.
            match e.0.strip_prefix("error: ") {
                Some(report) => out.error(report),
                None => out.error(&format!("template `{name}`: {}", e.0)),
            }
            return Status::Error;
        }
    };
    let written = match output {
        Some(path) => write_atomically(path, document.as_bytes())
            .with_context(|| format!("cannot write `{}`", path.display())),
        None => write_stdout(document.as_bytes()).context("cannot write to stdout"),
    };
    match written {
        Ok(()) => Status::Success,
        Err(e) => {
            out.error(&format!("{e:#}"));
            Status::Error
        }
    }
}

/// Reads, parses and checks one file and reports its findings: `Some` issue when it passes,
/// `None` when it is invalid, `Err` when it cannot be read.
fn load(out: &mut Reporter, file: &str) -> Result<Option<Issue>, Status> {
    let name = if file == "-" { "<stdin>" } else { file };
    let bytes = match read_input(file).with_context(|| format!("cannot read `{name}`")) {
        Ok(Input::Bytes(bytes)) => bytes,
        Ok(Input::TooLarge) => {
            let limit = MAX_INPUT_BYTES / 1024 / 1024;
            let d = Diagnostic::error("E017", 0..0, format!("the file is larger than {limit} MiB"))
                .with_help("a bulletin is a few kilobytes; check that this is the right file");
            out.file(name, "", &[d]);
            return Ok(None);
        }
        Err(e) => {
            out.error(&format!("{e:#}"));
            return Err(Status::Error);
        }
    };
    let text = match yaml::decode(&bytes) {
        Ok(text) => text,
        Err((shown, d)) => {
            out.file(name, shown, &[d]);
            return Ok(None);
        }
    };
    let root = match yaml::parse(text) {
        Ok(root) => root,
        Err(d) => {
            out.file(name, text, &[d]);
            return Ok(None);
        }
    };
    let report = validate::validate(&root, text);
    let passes = out.file(name, text, &report.diagnostics);
    Ok(report.issue.filter(|_| passes))
}

enum Input {
    Bytes(Vec<u8>),
    TooLarge,
}

/// Reads a regular file or standard input, up to the size cap. Anything else (a FIFO with no
/// writer, `/dev/zero`) is refused before it is opened, so a wrong path never blocks.
fn read_input(file: &str) -> io::Result<Input> {
    let mut bytes = Vec::new();
    if file == "-" {
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

/// The template for `format`: from `dir` when it has one of that name, else the built-in.
fn template(format: Format, dir: Option<&Path>) -> anyhow::Result<(String, String)> {
    let builtin = || {
        (
            format.template_name().to_owned(),
            format.builtin_template().to_owned(),
        )
    };
    let Some(dir) = dir else {
        return Ok(builtin());
    };
    if !dir.is_dir() {
        bail!("templates folder `{}` does not exist", dir.display());
    }
    let path = dir.join(format.template_name());
    match fs::read_to_string(&path) {
        Ok(source) => Ok((path.display().to_string(), source)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(builtin()),
        Err(e) => Err(e).with_context(|| format!("cannot read `{}`", path.display())),
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Writes to a temporary file beside `path`, then renames it over `path`: readers see the old
/// file or the new one, never a part, and a failure leaves the old one as it was.
fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".weekly-")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    // A temporary file is private; the output gets the old file's permissions or the usual ones.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(path).map_or(0o644, |m| m.permissions().mode());
        tmp.as_file()
            .set_permissions(fs::Permissions::from_mode(mode))?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// A reader that stops early (`weekly build … | head`) is not an error.
fn write_stdout(bytes: &[u8]) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Prints findings in the chosen format, counts them, and decides what they mean.
struct Reporter {
    format: MessageFormat,
    color: bool,
    deny_warnings: bool,
    allow: Vec<&'static str>,
    /// Machine formats go to stdout with `check`, where no document is written.
    machine_on_stdout: bool,
    errors: usize,
    warnings: usize,
    /// Human findings are separated by a blank line.
    printed: bool,
    /// SARIF is one log for the whole run, written at the end.
    sarif: Vec<(String, Location, Diagnostic)>,
}

impl Reporter {
    fn new(args: &FindingsArgs, check: bool) -> Reporter {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Reporter {
            format: args.message_format,
            color: io::stderr().is_terminal() && !no_color,
            deny_warnings: args.deny_warnings,
            allow: args.allow.clone(),
            machine_on_stdout: check && args.message_format.is_machine(),
            errors: 0,
            warnings: 0,
            printed: false,
            sarif: Vec::new(),
        }
    }

    /// Reports one file's findings; whether the file passes.
    fn file(&mut self, path: &str, source: &str, diagnostics: &[Diagnostic]) -> bool {
        let index = diag::Lines::new(source);
        let mut lines = String::new();
        let mut passes = true;
        for d in diagnostics {
            if !d.is_error() && self.allow.contains(&d.code) {
                continue;
            }
            if d.is_error() {
                self.errors += 1;
                passes = false;
            } else {
                self.warnings += 1;
                passes &= !self.deny_warnings;
            }
            let finding = Finding {
                path,
                at: Location::of(d, &index),
                d,
            };
            match self.format {
                MessageFormat::Human => {
                    let gap = if self.printed { "\n" } else { "" };
                    lines.push_str(gap);
                    lines.push_str(&diag::render_human(d, path, &index, self.color));
                    lines.push('\n');
                    self.printed = true;
                }
                MessageFormat::Short => lines.push_str(&(emit::short(&finding) + "\n")),
                MessageFormat::Json => lines.push_str(&(emit::json_line(&finding) + "\n")),
                MessageFormat::Github => lines.push_str(&(emit::github(&finding) + "\n")),
                MessageFormat::Sarif => self.sarif.push((path.to_owned(), finding.at, d.clone())),
            }
        }
        self.write(&lines);
        passes
    }

    fn write(&self, text: &str) {
        if text.is_empty() {
            return;
        }
        // A reader that went away is no reason to fail the check; the exit code still tells.
        if self.machine_on_stdout {
            let _ = io::stdout().lock().write_all(text.as_bytes());
        } else {
            let _ = io::stderr().lock().write_all(text.as_bytes());
        }
    }

    /// An error that is not a finding in a file: always plain text on stderr.
    fn error(&mut self, message: &str) {
        let gap = if self.printed { "\n" } else { "" };
        let _ = writeln!(io::stderr().lock(), "{gap}error: {message}");
        self.printed = self.format == MessageFormat::Human;
    }

    /// Writes what is written once per run (the SARIF log, the summary line); `Invalid` when
    /// the findings make the run fail.
    fn finish(&mut self) -> Status {
        if self.format == MessageFormat::Sarif {
            let findings: Vec<Finding> = self
                .sarif
                .iter()
                .map(|(path, at, d)| Finding { path, at: *at, d })
                .collect();
            self.write(&emit::sarif(&findings));
        }
        if let Some(summary) = emit::summary(self.errors, self.warnings) {
            let gap = if self.format == MessageFormat::Human {
                "\n"
            } else {
                ""
            };
            let _ = writeln!(io::stderr().lock(), "{gap}{summary}");
        }
        if self.errors > 0 || (self.deny_warnings && self.warnings > 0) {
            Status::Invalid
        } else {
            Status::Success
        }
    }
}
