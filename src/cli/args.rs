//! The command line as clap reads it, and the settings it comes to once its arguments are
//! checked against each other: nothing after this module sees an unchecked argument.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{CommandFactory, Parser, Subcommand};

use super::report::{MessageFormat, ReportOptions};
use crate::diag::{Code, Lang, Severity};
use crate::render::Format;

#[derive(Parser)]
#[command(
    name = "weekly",
    version,
    about = "Typeset the 窗口工作周报 weekly bulletin from one YAML file"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Render an issue as Markdown, plain text, HTML or a Word document (to stdout unless -o)
    Build {
        /// The YAML file, or `-` for standard input
        file: PathBuf,
        /// Output format
        #[arg(short, long, default_value = "md", value_parser = format_parser())]
        format: Format,
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
        paths: Vec<PathBuf>,
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
    #[arg(long, default_value = "human", value_name = "FORMAT", value_parser = message_format_parser())]
    message_format: MessageFormat,
    /// Fail (exit 1) on warnings too
    #[arg(long)]
    deny_warnings: bool,
    /// Switch a warning off, e.g. `--allow W012,W018` (may be repeated)
    #[arg(long, value_name = "CODE", value_delimiter = ',', value_parser = warning_code)]
    allow: Vec<Code>,
    /// Language of findings (default: Chinese when LC_ALL, LC_MESSAGES or LANG begins with zh)
    #[arg(long, value_name = "LANG", value_parser = lang_parser())]
    lang: Option<Lang>,
}

/// A value parser over the names of an enum's values, each with its help line.
fn parser<T: Clone + Send + Sync + 'static>(
    values: impl IntoIterator<Item = (T, PossibleValue)>,
) -> impl TypedValueParser<Value = T> {
    let values: Vec<(T, PossibleValue)> = values.into_iter().collect();
    let names = values.iter().map(|(_, v)| v.clone());
    PossibleValuesParser::new(names).try_map(move |name| {
        values
            .iter()
            .find(|(_, v)| v.matches(&name, false))
            .map(|(value, _)| value.clone())
            .ok_or_else(|| format!("`{name}` is not one of the values"))
    })
}

fn format_parser() -> impl TypedValueParser<Value = Format> {
    parser(Format::ALL.map(|f| {
        let value = PossibleValue::new(f.name())
            .help(f.description())
            .aliases(f.aliases().iter().copied());
        (f, value)
    }))
}

fn message_format_parser() -> impl TypedValueParser<Value = MessageFormat> {
    parser(MessageFormat::ALL.map(|f| (f, PossibleValue::new(f.name()).help(f.description()))))
}

fn lang_parser() -> impl TypedValueParser<Value = Lang> {
    parser(Lang::ALL.map(|l| (l, PossibleValue::new(l.name()))))
}

fn warning_code(s: &str) -> Result<Code, String> {
    s.parse::<Code>()
        .ok()
        .filter(|c| c.severity() == Severity::Warning)
        .ok_or_else(|| format!("`{s}` is not a warning code (W001, W010, …; see the README)"))
}

fn date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date written YYYY-MM-DD"))
}

/// A command with its arguments checked.
pub enum Settings {
    Build(Build),
    Check { paths: Vec<PathBuf> },
    New(New),
    ExportTemplates { dir: PathBuf, force: bool },
    Schema,
    Completions(clap_complete::Shell),
    Man,
}

/// `weekly build`.
pub struct Build {
    pub file: PathBuf,
    pub format: Format,
    pub output: Option<PathBuf>,
    pub templates: Option<PathBuf>,
    pub width: Option<usize>,
}

/// `weekly new`.
pub struct New {
    pub previous: PathBuf,
    pub output: Option<PathBuf>,
    pub date: Option<NaiveDate>,
    pub force: bool,
}

impl Cli {
    /// The settings of the command, and how its findings are reported; a usage error when
    /// arguments contradict each other.
    pub fn settings(
        self,
        locale: impl Fn(&str) -> Option<String>,
    ) -> Result<(Settings, ReportOptions), clap::Error> {
        let report = |f: FindingsArgs| ReportOptions {
            format: f.message_format,
            deny_warnings: f.deny_warnings,
            allow: f.allow,
            lang: f.lang.unwrap_or_else(|| Lang::from_locale(&locale)),
        };
        let plain = || ReportOptions {
            format: MessageFormat::Human,
            deny_warnings: false,
            allow: Vec::new(),
            lang: Lang::from_locale(&locale),
        };
        Ok(match self.command {
            Command::Build {
                file,
                format,
                output,
                templates,
                width,
                findings,
            } => {
                if width.is_some() && format != Format::Text {
                    return Err(Cli::command().error(
                        clap::error::ErrorKind::ArgumentConflict,
                        "--width applies to --format text",
                    ));
                }
                let build = Build {
                    file,
                    format,
                    output,
                    templates,
                    width: width.map(usize::from),
                };
                (Settings::Build(build), report(findings))
            }
            Command::Check { paths, findings } => (Settings::Check { paths }, report(findings)),
            Command::New {
                previous,
                output,
                date,
                force,
            } => {
                let new = New {
                    previous,
                    output,
                    date,
                    force,
                };
                (Settings::New(new), plain())
            }
            Command::Templates {
                action: TemplatesAction::Export { dir, force },
            } => (Settings::ExportTemplates { dir, force }, plain()),
            Command::Schema => (Settings::Schema, plain()),
            Command::Completions { shell } => (Settings::Completions(shell), plain()),
            Command::Man => (Settings::Man, plain()),
        })
    }
}

/// The clap command, for completions and the manual page.
pub fn command() -> clap::Command {
    Cli::command()
}
