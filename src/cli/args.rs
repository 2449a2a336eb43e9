//! The command line as clap reads it, and the settings it comes to once its arguments are
//! checked against each other: nothing after this module sees an unchecked argument.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{CommandFactory, Parser, Subcommand};

use super::outputs::{Output, outputs, stats_format};
use super::report::{MessageFormat, ReportOptions};
use crate::diag::{Code, Severity};
use crate::formats::Choice;
use crate::i18n::{Lang, Msg};
use crate::import;
use crate::msg;
use crate::render::Format;
use crate::stats::{self, Selection};

/// What separates the folders of a list in an environment variable, as in `PATH`: a
/// Windows path holds `:` after its drive letter.
const PATH_LIST_SEPARATOR: char = if cfg!(windows) { ';' } else { ':' };

#[derive(Parser)]
#[command(
    name = "weekly",
    bin_name = "weekly",
    version,
    about = "Typeset the 窗口工作周报 weekly bulletin from one YAML file"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Language of messages, notes and `weekly new`'s comments (default: Chinese when
    /// LC_ALL, LC_MESSAGES or LANG begins with zh, or, where none is set, as on Windows, when
    /// the system's language is Chinese); clap's own usage errors stay English
    #[arg(long, global = true, value_name = "LANG", value_parser = lang_parser())]
    lang: Option<Lang>,
}

#[derive(Subcommand)]
enum Command {
    /// Render an issue as Markdown, plain text, HTML, a Word document, a PDF or the PDF's
    /// Typst source (to stdout unless -o)
    Build {
        /// The issue's YAML file, or `-` for standard input
        file: PathBuf,
        /// Output format [default: md, or what the -o file's extension says]
        #[arg(short, long, value_parser = choice::<Format>())]
        format: Option<Format>,
        /// Write to this file instead of stdout; its extension (.md or .markdown, .txt,
        /// .html or .htm, .docx, .pdf, .typ for the Typst source, in any case) gives the
        /// format. May be repeated: every output is prepared before any is
        /// replaced, and a file is replaced only whole
        #[arg(short, long, value_name = "OUT")]
        output: Vec<PathBuf>,
        /// A folder of templates: a file named like a built-in one (bulletin.md,
        /// bulletin.txt, bulletin.html, and bulletin.typ for a PDF and its Typst source)
        /// replaces it. A Word document has no template, so
        /// --templates with only Word outputs is refused
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
        /// With text output: wrap lines to N columns (a Chinese character takes two)
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(20..))]
        width: Option<u16>,
        /// With PDF output: a folder of fonts to use before the system's (may be repeated;
        /// the environment variable holds folders separated by `:`, on Windows by `;`)
        #[arg(
            long,
            value_name = "DIR",
            env = "WEEKLY_FONT_PATH",
            value_delimiter = PATH_LIST_SEPARATOR
        )]
        font_path: Vec<PathBuf>,
        /// With PDF output: use only the fonts of --font-path, not the system's
        #[arg(long)]
        ignore_system_fonts: bool,
        /// With PDF output: read every font file, neither reading nor writing the index of
        /// fonts kept in the user's cache folder
        #[arg(long)]
        no_font_cache: bool,
        /// Say what was done: for a PDF, the fonts it was set in and the font files read
        #[arg(short, long)]
        verbose: bool,
        /// Build, then build again on every save of the issue or of the issues beside it
        /// (needs -o), until stopped with Ctrl-C
        #[arg(long)]
        watch: bool,
        #[command(flatten)]
        findings: FindingsArgs,
    },
    /// Show the issue as its HTML print in the browser, on this computer only, again on every
    /// save; the findings of an issue with errors above the last page built
    Preview {
        /// The issue's YAML file
        file: PathBuf,
        /// The port to serve on [default: a free one, printed]
        #[arg(long)]
        port: Option<u16>,
        /// The address to serve on (0.0.0.0 lets other computers of the network see it)
        #[arg(long, value_name = "IP", default_value = "127.0.0.1")]
        address: std::net::IpAddr,
        /// Open the preview in the default browser
        #[arg(long)]
        open: bool,
        /// Build the PDF too, at /bulletin.pdf and linked from the page
        #[arg(long)]
        pdf: bool,
        /// A folder of templates, as for build
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
        /// With --pdf: a folder of fonts to use before the system's, as for build
        #[arg(long, value_name = "DIR", env = "WEEKLY_FONT_PATH", value_delimiter = PATH_LIST_SEPARATOR)]
        font_path: Vec<PathBuf>,
        #[command(flatten)]
        findings: FindingsArgs,
    },
    /// Check issues without rendering them; silent when there is nothing to report
    Check {
        /// Issue files, folders (every *.yaml below them, each folder also checked as a
        /// series), or `-` for standard input
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Mend in each file what has a safe fix (blanks around a text, spaces in Chinese
        /// text, characters of no width) before checking it; an issue that a later one
        /// follows is left as printed
        #[arg(long)]
        fix: bool,
        #[command(flatten)]
        findings: FindingsArgs,
    },
    /// Each counter's figures over an archive of issues: week by week against the week
    /// before and the same week a year before, and by year
    Stats {
        /// Issue files or folders (every *.yaml below them); the issues of each folder are
        /// one series, checked as `weekly check` checks a folder
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Output format [default: table, or what the -o file's extension says]
        #[arg(short, long, value_parser = choice::<stats::format::Format>())]
        format: Option<stats::format::Format>,
        /// Write to this file instead of stdout; its extension (.txt, .csv, .json, .svg,
        /// .html, .xlsx) gives the format. Replaced only whole
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Only the issues whose week starts on or after this day
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = date)]
        from: Option<NaiveDate>,
        /// Only the issues whose week ends on or before this day
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = date)]
        to: Option<NaiveDate>,
        /// Only the issues of this year (2023 年第 N 期)
        #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1..=9999))]
        year: Option<i32>,
        /// Only this counter, or this progress item's work (may be repeated)
        #[arg(long, value_name = "NAME")]
        counter: Vec<String>,
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
    /// Read past bulletins (Word, Markdown, text, or text taken out of a PDF) back into
    /// issue files
    Import {
        /// The bulletins: .docx, .md, or .txt (from `weekly build`, or `pdftotext` of a PDF)
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Write the issue file here (one bulletin only) instead of stdout
        #[arg(short, long, value_name = "OUT", conflicts_with = "dir")]
        output: Option<PathBuf>,
        /// Write each issue into this folder as YEAR-NN.yaml, each naming last week's with
        /// `previous:` when it is imported too or is already in the folder
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
        /// What the files are [default: from their content and extension]
        #[arg(long, value_name = "KIND", value_parser = choice::<import::From>())]
        from: Option<import::From>,
        /// Replace issue files that exist
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        findings: FindingsArgs,
    },
    /// Work with the built-in templates
    Templates {
        #[command(subcommand)]
        action: TemplatesAction,
    },
    /// Explain a finding code (E001…, W001…): what it means, an example, how to fix it;
    /// without a code, list them all
    Explain {
        /// The code, e.g. W013
        #[arg(value_parser = any_code)]
        code: Option<Code>,
    },
    /// Print the JSON Schema of the input format, for completion and hover in editors
    Schema,
    /// Run the language server on stdin and stdout, for editors: the findings of `weekly
    /// check` as you type, their fixes, completion of keys, hovers, and the way to the
    /// previous issue
    Lsp,
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
    /// Write the built-in templates (bulletin.md, bulletin.txt, bulletin.html, bulletin.typ)
    /// into DIR, to edit and use with `build --templates DIR`
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
    #[arg(long, default_value = "human", value_name = "FORMAT", value_parser = choice::<MessageFormat>())]
    message_format: MessageFormat,
    /// Fail (exit 1) on warnings too
    #[arg(long)]
    deny_warnings: bool,
    /// Switch a warning off, e.g. `--allow W012,W018` (may be repeated)
    #[arg(long, value_name = "CODE", value_delimiter = ',', value_parser = warning_code)]
    allow: Vec<Code>,
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

/// The value parser of any [`Choice`]: its names and aliases, each with its help line.
fn choice<T: Choice + Send + Sync>() -> impl TypedValueParser<Value = T> {
    parser(T::all().iter().map(|&f| {
        let value = PossibleValue::new(f.name())
            .help(f.description())
            .aliases(f.aliases().iter().copied());
        (f, value)
    }))
}

fn lang_parser() -> impl TypedValueParser<Value = Lang> {
    parser(Lang::ALL.map(|l| (l, PossibleValue::new(l.name()))))
}

fn any_code(s: &str) -> Result<Code, String> {
    s.parse::<Code>()
        .map_err(|()| format!("`{s}` is not a code; `weekly explain` lists them"))
}

fn warning_code(s: &str) -> Result<Code, String> {
    s.parse::<Code>()
        .ok()
        .filter(|c| c.severity() == Severity::Warning)
        .ok_or_else(|| {
            format!("`{s}` is not a warning code (W001, W010, …; `weekly explain` lists them)")
        })
}

fn date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date written YYYY-MM-DD"))
}

/// A command with its arguments checked.
pub enum Settings {
    Build(Build),
    Preview(Preview),
    Check { paths: Vec<PathBuf>, fix: bool },
    New(New),
    Import(Import),
    Stats(Stats),
    ExportTemplates { dir: PathBuf, force: bool },
    Explain(Option<Code>),
    Schema,
    Lsp,
    Completions(clap_complete::Shell),
    Man,
}

/// `weekly build`.
pub struct Build {
    pub file: PathBuf,
    /// What to write and where, in the order given; at least one.
    pub outputs: Vec<Output>,
    pub templates: Option<PathBuf>,
    pub width: Option<usize>,
    pub font_path: Vec<PathBuf>,
    pub system_fonts: bool,
    pub font_cache: bool,
    pub verbose: bool,
    pub watch: bool,
}

/// `weekly preview`.
pub struct Preview {
    pub file: PathBuf,
    pub address: std::net::SocketAddr,
    pub open: bool,
    pub pdf: bool,
    pub templates: Option<PathBuf>,
    pub font_path: Vec<PathBuf>,
}

/// `weekly stats`.
pub struct Stats {
    pub paths: Vec<PathBuf>,
    pub format: stats::format::Format,
    /// The file, or `None` for stdout.
    pub output: Option<PathBuf>,
    pub selection: Selection,
}

/// `weekly import`.
pub struct Import {
    pub files: Vec<PathBuf>,
    /// One file, or `None` for stdout.
    pub output: Option<PathBuf>,
    pub dir: Option<PathBuf>,
    pub from: Option<import::From>,
    pub force: bool,
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
    /// `not_a_file` tells whether an output path names a device, FIFO or folder.
    pub fn settings(
        self,
        locale: impl Fn(&str) -> Option<String>,
        system_locale: impl FnOnce() -> Option<String>,
        not_a_file: impl Fn(&std::path::Path) -> bool,
    ) -> Result<(Settings, ReportOptions), clap::Error> {
        let lang = self
            .lang
            .unwrap_or_else(|| Lang::from_locale(&locale, system_locale));
        let report = |f: FindingsArgs| ReportOptions {
            format: f.message_format,
            deny_warnings: f.deny_warnings,
            allow: f.allow,
            lang,
        };
        let plain = || ReportOptions {
            format: MessageFormat::Human,
            deny_warnings: false,
            allow: Vec::new(),
            lang,
        };
        Ok(match self.command {
            Command::Build {
                file,
                format,
                output,
                templates,
                width,
                font_path,
                ignore_system_fonts,
                no_font_cache,
                verbose,
                watch,
                findings,
            } => {
                let usage = |kind, message: Msg| Cli::command().error(kind, message.get(lang));
                let outputs = outputs(format, output, &not_a_file)
                    .map_err(|m| usage(clap::error::ErrorKind::ValueValidation, m))?;
                let any = |f: fn(Format) -> bool| outputs.iter().any(|o| f(o.format));
                if width.is_some() && !any(|f| f == Format::Text) {
                    return Err(usage(
                        clap::error::ErrorKind::ArgumentConflict,
                        msg!(
                            "--width applies to text output (--format text, or -o FILE.txt)",
                            "--width 只用于纯文本输出（--format text，或 -o 文件名.txt）"
                        ),
                    ));
                }
                if templates.is_some() && !any(|f| f.template().is_some()) {
                    return Err(usage(
                        clap::error::ErrorKind::ArgumentConflict,
                        msg!(
                            "--templates does not apply to a Word document, which is laid out without a template",
                            "--templates 不适用于 Word 文档：Word 文档不用模板排版"
                        ),
                    ));
                }
                if watch && (file == Path::new("-") || outputs.iter().any(|o| o.path.is_none())) {
                    return Err(usage(
                        clap::error::ErrorKind::ArgumentConflict,
                        msg!(
                            "--watch builds a file into files: give the issue's path and -o FILE for each output",
                            "--watch 从文件生成文件：请给出周报文件的路径，并为每个输出用 -o 指定文件"
                        ),
                    ));
                }
                let build = Build {
                    file,
                    outputs,
                    templates,
                    width: width.map(usize::from),
                    font_path,
                    system_fonts: !ignore_system_fonts,
                    font_cache: !no_font_cache,
                    verbose,
                    watch,
                };
                (Settings::Build(build), report(findings))
            }
            Command::Preview {
                file,
                port,
                address,
                open,
                pdf,
                templates,
                font_path,
                findings,
            } => {
                let preview = Preview {
                    file,
                    address: std::net::SocketAddr::new(address, port.unwrap_or(0)),
                    open,
                    pdf,
                    templates,
                    font_path,
                };
                (Settings::Preview(preview), report(findings))
            }
            Command::Check {
                paths,
                fix,
                findings,
            } => (Settings::Check { paths, fix }, report(findings)),
            Command::Stats {
                paths,
                format,
                output,
                from,
                to,
                year,
                counter,
                findings,
            } => {
                let usage = |kind, message: Msg| Cli::command().error(kind, message.get(lang));
                let format = stats_format(format, output.as_deref(), &not_a_file)
                    .map_err(|m| usage(clap::error::ErrorKind::ValueValidation, m))?;
                if let (Some(from), Some(to)) = (from, to)
                    && from > to
                {
                    return Err(usage(
                        clap::error::ErrorKind::ArgumentConflict,
                        msg!(
                            "--from {from} is after --to {to}",
                            "--from {from} 晚于 --to {to}"
                        ),
                    ));
                }
                let selection = Selection {
                    from,
                    to,
                    year,
                    names: counter,
                };
                let output = output.filter(|p| p != std::path::Path::new("-"));
                let stats = Stats {
                    paths,
                    format,
                    output,
                    selection,
                };
                (Settings::Stats(stats), report(findings))
            }
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
            Command::Import {
                files,
                output,
                dir,
                from,
                force,
                findings,
            } => {
                if files.len() > 1 && dir.is_none() {
                    return Err(Cli::command().error(
                        clap::error::ErrorKind::MissingRequiredArgument,
                        msg!(
                            "several bulletins need --dir DIR: each becomes its own issue file",
                            "一次导入多份周报时，须用 --dir 指定输出文件夹：每份周报各生成一个周报文件"
                        )
                        .get(lang),
                    ));
                }
                let import = Import {
                    files,
                    output,
                    dir,
                    from,
                    force,
                };
                (Settings::Import(import), report(findings))
            }
            Command::Templates {
                action: TemplatesAction::Export { dir, force },
            } => (Settings::ExportTemplates { dir, force }, plain()),
            Command::Explain { code } => (Settings::Explain(code), plain()),
            Command::Schema => (Settings::Schema, plain()),
            Command::Lsp => (Settings::Lsp, plain()),
            Command::Completions { shell } => (Settings::Completions(shell), plain()),
            Command::Man => (Settings::Man, plain()),
        })
    }
}

/// The clap command, for completions and the manual page.
pub fn command() -> clap::Command {
    Cli::command()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The folders of `--font-path` and of `WEEKLY_FONT_PATH` are split as `PATH` is: a
    /// Windows folder keeps the `:` after its drive letter.
    #[test]
    fn font_folders_are_split_as_the_system_splits_a_path() {
        let folders = |arg: &str| {
            let cli = Cli::try_parse_from(["weekly", "build", "a.yaml", "--font-path", arg]);
            let settings = cli.unwrap().settings(|_| None, || None, |_| false);
            match settings.unwrap().0 {
                Settings::Build(build) => build.font_path,
                _ => unreachable!("a build"),
            }
        };
        let expected = |list: &[&str]| list.iter().map(PathBuf::from).collect::<Vec<_>>();
        if cfg!(windows) {
            assert_eq!(
                folders(r"C:\Windows\Fonts"),
                expected(&[r"C:\Windows\Fonts"])
            );
            assert_eq!(folders(r"C:\a;D:\b"), expected(&[r"C:\a", r"D:\b"]));
        } else {
            assert_eq!(folders("/a/b:/c"), expected(&["/a/b", "/c"]));
        }
    }
}
