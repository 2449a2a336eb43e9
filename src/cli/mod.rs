//! The command line: the only place that reads and writes files, prints, and picks exit codes.

mod load;
mod report;
mod write;

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use clap::{CommandFactory, Parser, Subcommand};

use crate::diag;
use crate::emit::MessageFormat;
use crate::model::Bulletin;
use crate::new::{self, Next};
use crate::render::{self, Format};
use crate::series::{self, Member};
use load::{Loaded, Loader, Outcome};
use report::Reporter;

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
    /// Render an issue as Markdown, plain text, HTML or a Word document (to stdout unless -o)
    Build {
        /// The issue's YAML file, or `-` for standard input
        file: String,
        /// Output format
        #[arg(short, long, value_enum, default_value = "md")]
        format: Output,
        /// Write to this file instead of stdout; it is replaced only if the build succeeds
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// A folder of templates: a file named like a built-in one (bulletin.md,
        /// bulletin.txt, bulletin.html) replaces it
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
        /// With `--format text`: wrap lines to N columns (a Chinese character takes two)
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(20..))]
        width: Option<u16>,
        #[command(flatten)]
        findings: FindingsArgs,
    },
    /// Check issues without rendering them; silent when there is nothing to report
    Check {
        /// Issue files, folders (every *.yaml below them, each folder also checked as a
        /// series), or `-` for standard input
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<String>,
        #[command(flatten)]
        findings: FindingsArgs,
    },
    /// Begin next week's issue from this week's: numbers and dates moved on, content emptied
    New {
        /// This week's issue
        previous: PathBuf,
        /// The new file (default: named after the previous one, e.g. 2023-40.yaml), or `-`
        /// for stdout
        #[arg(short, long, value_name = "NEXT")]
        output: Option<PathBuf>,
        /// Publication date of the new issue (default: a week after the previous one)
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = date)]
        date: Option<NaiveDate>,
        /// Replace the new file if it exists
        #[arg(long)]
        force: bool,
    },
    /// Work with the built-in templates
    Templates {
        #[command(subcommand)]
        action: TemplatesAction,
    },
    /// Print the JSON Schema of the input format, for completion and hover in editors
    Schema,
    /// Print a shell completion script
    Completions {
        /// The shell
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `weekly man > weekly.1`
    Man,
}

#[derive(Subcommand)]
enum TemplatesAction {
    /// Write the built-in templates into DIR, to edit and use with `build --templates DIR`
    Export {
        /// The folder to write into (made if missing)
        dir: PathBuf,
        /// Replace templates already there
        #[arg(long)]
        force: bool,
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
    /// Language of findings (default: Chinese when LC_ALL, LC_MESSAGES or LANG begins with zh)
    #[arg(long, value_enum, value_name = "LANG")]
    lang: Option<crate::diag::Lang>,
}

fn warning_code(s: &str) -> Result<&'static str, String> {
    diag::CODES
        .iter()
        .map(|(code, _)| *code)
        .find(|code| code.starts_with('W') && code.eq_ignore_ascii_case(s.trim()))
        .ok_or_else(|| format!("`{s}` is not a warning code (W001, W010, …; see the README)"))
}

fn date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date written YYYY-MM-DD"))
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
            width,
            findings,
        } => {
            if width.is_some() && format != Output::Text {
                let _ = Cli::command()
                    .error(
                        clap::error::ErrorKind::ArgumentConflict,
                        "--width applies to --format text",
                    )
                    .print();
                return Status::Error;
            }
            let mut out = Reporter::new(&findings, false);
            let options = BuildOptions {
                format,
                output: output.as_deref(),
                templates: templates.as_deref(),
                width: width.map(usize::from),
            };
            let status = build(&mut out, &file, &options);
            out.finish().max(status)
        }
        Command::Check { paths, findings } => {
            let mut out = Reporter::new(&findings, true);
            let status = check(&mut out, &paths);
            out.finish().max(status)
        }
        Command::Templates {
            action: TemplatesAction::Export { dir, force },
        } => export_templates(&dir, force),
        Command::Completions { shell } => {
            let mut command = Cli::command();
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut command, "weekly", &mut script);
            print_or_fail(&script)
        }
        Command::Schema => {
            let schema = crate::format::json_schema();
            let text = serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n";
            print_or_fail(text.as_bytes())
        }
        Command::Man => {
            let mut page = Vec::new();
            match clap_mangen::Man::new(Cli::command()).render(&mut page) {
                Ok(()) => print_or_fail(&page),
                Err(e) => {
                    eprintln!("error: cannot write the manual page: {e}");
                    Status::Error
                }
            }
        }
        Command::New {
            previous,
            output,
            date,
            force,
        } => {
            let findings = FindingsArgs {
                message_format: MessageFormat::Human,
                deny_warnings: false,
                allow: Vec::new(),
                lang: None,
            };
            let mut out = Reporter::new(&findings, false);
            let status = begin_next(&mut out, &previous, output.as_deref(), date, force);
            out.finish().max(status)
        }
    }
}

/// What `weekly build` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Output {
    /// Markdown, department names in bold
    #[value(name = "md", alias = "markdown")]
    Markdown,
    /// Plain text
    #[value(name = "text", alias = "txt")]
    Text,
    /// One self-contained HTML page laid out for print (A4, GB/T 9704 margins)
    Html,
    /// A Word document laid out for print (binary: give -o or redirect stdout)
    Docx,
}

impl Output {
    /// The template that renders it; a Word document is built without one.
    fn template(self) -> Option<Format> {
        match self {
            Output::Markdown => Some(Format::Markdown),
            Output::Text => Some(Format::Text),
            Output::Html => Some(Format::Html),
            Output::Docx => None,
        }
    }
}

/// What `weekly build` was asked for.
struct BuildOptions<'a> {
    format: Output,
    output: Option<&'a Path>,
    templates: Option<&'a Path>,
    width: Option<usize>,
}

fn build(out: &mut Reporter, file: &str, options: &BuildOptions) -> Status {
    let BuildOptions {
        format,
        output,
        templates,
        width,
    } = *options;
    if let Some(output) = output
        && file != "-"
        && write::same_file(Path::new(file), output)
    {
        out.error(&format!(
            "`{}` is the input file; choose another output",
            output.display()
        ));
        return Status::Error;
    }
    let issue = match report(out, Loader::default().load(file)) {
        Ok(Some(loaded)) => loaded.issue,
        Ok(None) => return Status::Invalid,
        Err(status) => return status,
    };
    if format == Output::Docx && output.is_none() && std::io::stdout().is_terminal() {
        out.error("a Word document is binary: give -o FILE.docx, or redirect stdout to a file");
        return Status::Error;
    }
    let bulletin = Bulletin::new(&issue);
    let document: Vec<u8> = match format.template() {
        None => match crate::docx::write(&bulletin) {
            Ok(bytes) => bytes,
            Err(e) => {
                out.error(&format!("cannot build the Word document: {e}"));
                return Status::Error;
            }
        },
        Some(format) => {
            let (name, source) = match write::template(format, templates) {
                Ok(t) => t,
                Err(e) => {
                    out.error(&format!("{e:#}"));
                    return Status::Error;
                }
            };
            let text = match render::render(&bulletin, &name, &source) {
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
            match width {
                Some(width) => crate::text::wrap_document(&text, width).into_bytes(),
                None => text.into_bytes(),
            }
        }
    };
    let written = match output {
        Some(path) => write::atomically(path, &document, true)
            .with_context(|| format!("cannot write `{}`", path.display())),
        None => write::stdout(&document).context("cannot write to stdout"),
    };
    match written {
        Ok(()) => Status::Success,
        Err(e) => {
            out.error(&format!("{e:#}"));
            Status::Error
        }
    }
}

/// The valid issues of one folder: file names, texts and numbers.
#[derive(Default)]
struct Folder {
    names: Vec<String>,
    texts: Vec<String>,
    members: Vec<Member>,
}

/// Checks every file, and the issues of each folder named as a series.
fn check(out: &mut Reporter, paths: &[String]) -> Status {
    let mut status = Status::Success;
    for path in paths {
        let files = match load::issue_files(path) {
            Ok(files) => files,
            Err(e) => {
                out.error(&format!("{e:#}"));
                status = Status::Error;
                continue;
            }
        };
        let is_folder = Path::new(path).is_dir();
        let mut folders: BTreeMap<PathBuf, Folder> = BTreeMap::new();
        for (file, outcome) in files.iter().zip(load::load_all(&files)) {
            match report(out, outcome) {
                Ok(Some(loaded)) if is_folder => {
                    let folder = Path::new(file)
                        .parent()
                        .map(Path::to_path_buf)
                        .unwrap_or_default();
                    let series = folders.entry(folder).or_default();
                    let m = &loaded.issue.masthead;
                    series.members.push(Member {
                        file: series.names.len(),
                        year: m.year.value,
                        number: m.number.value,
                        number_span: m.number.span.clone(),
                        total: m.total.value,
                        total_span: m.total.span.clone(),
                    });
                    series.names.push(file.clone());
                    series.texts.push(loaded.text);
                }
                Ok(Some(_)) => {}
                Ok(None) => status = status.max(Status::Invalid),
                Err(s) => status = status.max(s),
            }
        }
        for f in folders.values() {
            for (i, d) in series::check_folder(&f.members, &f.names) {
                if !out.file(&f.names[i], &f.texts[i], &[d]) {
                    status = status.max(Status::Invalid);
                }
            }
        }
    }
    status
}

/// Writes generated text to stdout; a closed pipe is not an error.
fn print_or_fail(bytes: &[u8]) -> Status {
    match write::stdout(bytes) {
        Ok(()) => Status::Success,
        Err(e) => {
            eprintln!("error: cannot write to stdout: {e}");
            Status::Error
        }
    }
}

/// `weekly templates export DIR`: the built-in templates, each written atomically; one
/// already there is kept unless `force`.
fn export_templates(dir: &Path, force: bool) -> Status {
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("error: cannot make the folder `{}`: {e}", dir.display());
        return Status::Error;
    }
    let mut status = Status::Success;
    for format in Format::ALL {
        let path = dir.join(format.template_name());
        if path.exists() && !force {
            eprintln!(
                "error: `{}` exists; give --force to replace it",
                path.display()
            );
            status = Status::Error;
            continue;
        }
        match write::atomically(&path, format.builtin_template().as_bytes(), force) {
            Ok(()) => eprintln!("wrote `{}`", path.display()),
            Err(e) => {
                eprintln!("error: cannot write `{}`: {e}", path.display());
                status = Status::Error;
            }
        }
    }
    status
}

/// Reports what loading a file found: the issue and its text when the file passes, `None`
/// when it is invalid, `Err` when it could not be read.
fn report(out: &mut Reporter, outcome: Outcome) -> Result<Option<Loaded>, Status> {
    match outcome {
        Outcome::Unreadable(message) => {
            out.error(&message);
            Err(Status::Error)
        }
        Outcome::Read {
            name,
            text,
            diagnostics,
            issue,
        } => {
            let passes = out.file(&name, &text, &diagnostics);
            Ok(issue.filter(|_| passes).map(|issue| Loaded {
                issue: *issue,
                text,
            }))
        }
    }
}

/// `weekly new`: writes the next issue's file, never over an existing one unless forced.
fn begin_next(
    out: &mut Reporter,
    previous: &Path,
    output: Option<&Path>,
    date: Option<NaiveDate>,
    force: bool,
) -> Status {
    let shown = previous.display().to_string();
    let prev = match report(out, Loader::default().load(&shown)) {
        Ok(Some(loaded)) => loaded.issue,
        Ok(None) => return Status::Invalid,
        Err(status) => return status,
    };
    let next = Next::after(&prev, date);
    let Some(target) = output
        .map(Path::to_path_buf)
        .or_else(|| next.file_name(previous))
    else {
        out.error(&format!(
            "cannot name the next issue after `{shown}` (names like 2023-39.yaml are moved on); give -o"
        ));
        return Status::Error;
    };
    let to_stdout = target == Path::new("-");
    if !to_stdout && !force && target.exists() {
        out.error(&format!(
            "`{}` exists; give --force to replace it",
            target.display()
        ));
        return Status::Error;
    }
    let link = if to_stdout {
        shown.clone()
    } else {
        write::relative_link(previous, &target)
    };
    let text = new::next_issue(&prev, &link, &next);
    let written = if to_stdout {
        write::stdout(text.as_bytes()).context("cannot write to stdout")
    } else {
        write::atomically(&target, text.as_bytes(), force)
            .with_context(|| format!("cannot write `{}`", target.display()))
    };
    match written {
        Ok(()) if to_stdout => Status::Success,
        Ok(()) => {
            out.note(&format!(
                "created `{}`: {} 年第 {} 期（总第 {} 期）",
                target.display(),
                next.year,
                next.number,
                next.total
            ));
            Status::Success
        }
        Err(e) => {
            out.error(&format!("{e:#}"));
            Status::Error
        }
    }
}
