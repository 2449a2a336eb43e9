//! The command line: the only place that reads and writes files, prints, and picks exit codes.

use std::fs;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};

use crate::diag::{self, Diagnostic};
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
    },
    /// Check issues for errors without rendering them; silent when all is well
    Check {
        /// The issues' YAML files, or `-` for standard input
        #[arg(required = true)]
        files: Vec<String>,
    },
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
    let mut out = Reporter::new();
    match cli.command {
        Command::Build {
            file,
            format,
            output,
            templates,
        } => build(
            &mut out,
            &file,
            format,
            output.as_deref(),
            templates.as_deref(),
        ),
        Command::Check { files } => files
            .iter()
            .map(|f| match load(&mut out, f) {
                Ok(_) => Status::Success,
                Err(status) => status,
            })
            .max()
            .unwrap_or(Status::Success),
    }
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
        Ok(issue) => issue,
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

/// Reads, parses and checks one file, printing its findings; the issue if it has no errors.
fn load(out: &mut Reporter, file: &str) -> Result<Issue, Status> {
    let name = if file == "-" { "<stdin>" } else { file };
    let bytes = read_input(file)
        .with_context(|| format!("cannot read `{name}`"))
        .map_err(|e| {
            out.error(&format!("{e:#}"));
            Status::Error
        })?;
    let text = match decode(&bytes) {
        Ok(text) => text,
        Err((prefix, d)) => {
            out.diagnostic(&d, name, prefix);
            return Err(Status::Invalid);
        }
    };
    let root = yaml::parse(text).map_err(|d| {
        out.diagnostic(&d, name, text);
        Status::Invalid
    })?;
    let report = validate::validate(&root, text);
    for d in &report.diagnostics {
        out.diagnostic(d, name, text);
    }
    report.issue.ok_or(Status::Invalid)
}

fn read_input(file: &str) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let reader: Box<dyn Read> = if file == "-" {
        Box::new(io::stdin().lock())
    } else {
        let f = fs::File::open(file)?;
        if f.metadata()?.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "it is a folder",
            ));
        }
        Box::new(f)
    };
    reader.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        let limit = MAX_INPUT_BYTES / 1024 / 1024;
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("it is larger than {limit} MiB, far more than a bulletin"),
        ));
    }
    Ok(bytes)
}

/// The file as UTF-8 text without its byte-order mark; otherwise the valid text before the
/// first bad byte and a finding that points there.
fn decode(bytes: &[u8]) -> Result<&str, (&str, Diagnostic)> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let d = Diagnostic::error("E014", 0..0, "the file is UTF-16 text, not UTF-8")
            .with_help("save the file with the encoding UTF-8");
        return Err(("", d));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.strip_prefix('\u{feff}').unwrap_or(text)),
        Err(e) => {
            let at = e.valid_up_to();
            let prefix = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
            let d = Diagnostic::error(
                "E014",
                at..at,
                format!(
                    "the file is not UTF-8 text: byte 0x{:02X} cannot start a character here",
                    bytes[at]
                ),
            )
            .with_help("save the file with the encoding UTF-8 (GBK and GB2312 are not read)");
            Err((prefix, d))
        }
    }
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

/// Prints findings and errors on stderr.
struct Reporter {
    color: bool,
    printed: bool,
}

impl Reporter {
    fn new() -> Reporter {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Reporter {
            color: io::stderr().is_terminal() && !no_color,
            printed: false,
        }
    }

    fn print(&mut self, text: &str) {
        let mut stderr = io::stderr().lock();
        let gap = if self.printed { "\n" } else { "" };
        let _ = writeln!(stderr, "{gap}{text}");
        self.printed = true;
    }

    fn diagnostic(&mut self, d: &Diagnostic, path: &str, source: &str) {
        let text = diag::render_human(d, path, source, self.color);
        self.print(&text);
    }

    fn error(&mut self, message: &str) {
        self.print(&format!("error: {message}"));
    }
}
