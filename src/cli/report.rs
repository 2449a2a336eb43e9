//! Printing findings in the chosen format, counting them, and what they mean for the exit
//! code; errors and notes on stderr, printed here and nowhere else.

use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

pub use super::said::{Said, Saying};
use crate::diag::allow::Allowed;
use crate::diag::finding::{Finding, Location};
use crate::diag::sarif;
use crate::diag::{self, Code, Diagnostic};
use crate::diag::{github, human, json, short};
use crate::i18n::{Lang, Localized, Msg};
use crate::import::docx::DocxError;
use crate::input::files::ReadError;
use crate::load::{Loaded, Unreadable};
use crate::render::RenderError;
use crate::stats::error::StatsError;

/// Lists every error type weekly returns, once: the reporter finds each link's words through
/// it, and a test holds the list to every error type in src/.
macro_rules! localized {
    ($($error:ty),* $(,)?) => {
        /// One link of an error's chain in both languages, if weekly made it.
        fn localized(link: &(dyn std::error::Error + 'static)) -> Option<Msg> {
            $(
                if let Some(e) = link.downcast_ref::<$error>() {
                    return Some(Localized::message(e));
                }
            )*
            None
        }

        #[cfg(test)]
        const LOCALIZED: &[&str] = &[$(stringify!($error)),*];
    };
}

localized!(
    Said,
    Msg,
    io::Error,
    ReadError,
    Unreadable,
    DocxError,
    RenderError,
    StatsError,
);

/// One link of an error's chain in `lang`; a library's own error as it reads.
fn link_in(link: &(dyn std::error::Error + 'static), lang: Lang) -> String {
    match localized(link) {
        Some(msg) => msg.get(lang).to_owned(),
        None => link.to_string(),
    }
}

/// An error with its causes, in `lang`: `cannot write `x`: No space left on device`.
pub fn error_text(error: &anyhow::Error, lang: Lang) -> String {
    let links: Vec<String> = error.chain().map(|l| link_in(l, lang)).collect();
    match lang {
        Lang::En => format!("error: {}", links.join(": ")),
        Lang::Zh => format!("错误：{}", links.join("：")),
    }
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

crate::choices! {
    /// How findings are printed (`--message-format`).
    pub enum MessageFormat {
        Human = "human": "rustc-style: message, location, source line and caret",
        Short = "short": "One line per finding: `file:line:col: error[E012]: message`",
        Json = "json": "One JSON object per line",
        Github = "github":
            "GitHub Actions workflow commands, shown as annotations on the pull request",
        Sarif = "sarif": "One SARIF 2.1.0 log for code-scanning tools",
    }
}

impl MessageFormat {
    /// Formats meant for a tool rather than a person.
    pub fn is_machine(self) -> bool {
        matches!(
            self,
            MessageFormat::Json | MessageFormat::Github | MessageFormat::Sarif
        )
    }
}

/// What the command line says about findings.
pub struct ReportOptions {
    pub format: MessageFormat,
    pub deny_warnings: bool,
    pub allow: Vec<Code>,
    pub lang: Lang,
}

/// Findings of one code that the formats meant for people show for one file; the rest are
/// counted in one line. A real issue draws a few findings of any one code, all shown; a file
/// that draws hundreds repeats one mistake, which fifty show well enough, and past them the
/// report would only grow with the file (a hostile one draws a million) and bury the other
/// codes. The formats meant for tools report every finding.
pub const SHOWN_PER_CODE: usize = 50;

/// Bytes of a report held before they are written.
const CHUNK: usize = 1 << 16;

/// The reporter as a place to write a report to, in chunks.
struct Sink<'r>(&'r mut Reporter);

impl Write for Sink<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Prints findings in the chosen format, counts them, and decides what they mean.
pub struct Reporter {
    format: MessageFormat,
    lang: Lang,
    color: bool,
    deny_warnings: bool,
    allow: Allowed,
    /// Machine formats go to stdout with `check`, where no document is written.
    machine_on_stdout: bool,
    errors: usize,
    warnings: usize,
    /// Human findings are separated by a blank line.
    printed: bool,
    /// SARIF is one log for the whole run, written at the end.
    sarif: Vec<(String, Location, Diagnostic)>,
    /// Why findings meant for stdout could not be written there (a full disk): the run
    /// then fails, so that a tool never reads an empty report as a clean one.
    lost: Option<io::Error>,
}

/// Whether the terminal behind stderr shows colors given as ANSI escapes. A Windows console
/// does once asked to (Windows 10 and later); an older one would print the escapes as text.
#[cfg(windows)]
fn console_takes_colors() -> bool {
    use windows_sys::Win32::System::Console::{
        ENABLE_VIRTUAL_TERMINAL_PROCESSING, GetConsoleMode, GetStdHandle, STD_ERROR_HANDLE,
        SetConsoleMode,
    };
    let mut mode = 0;
    // SAFETY: the handle is the process's own stderr, and `mode` outlives the calls.
    unsafe {
        let stderr = GetStdHandle(STD_ERROR_HANDLE);
        GetConsoleMode(stderr, &mut mode) != 0
            && SetConsoleMode(stderr, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING) != 0
    }
}

#[cfg(not(windows))]
fn console_takes_colors() -> bool {
    true
}

impl Reporter {
    /// `machine_on_stdout`: with `check`, where no document is written, the machine formats
    /// go to stdout.
    pub fn new(options: ReportOptions, machine_on_stdout: bool) -> Reporter {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Reporter {
            format: options.format,
            lang: options.lang,
            color: io::stderr().is_terminal() && !no_color && console_takes_colors(),
            deny_warnings: options.deny_warnings,
            allow: options.allow.into_iter().collect(),
            machine_on_stdout: machine_on_stdout && options.format.is_machine(),
            errors: 0,
            warnings: 0,
            printed: false,
            sarif: Vec::new(),
            lost: None,
        }
    }

    /// Reports what loading a file found: the issue and its text when the file passes,
    /// `None` when it is invalid.
    pub fn loaded(&mut self, loaded: Loaded) -> Option<Loaded> {
        let passes = self.file(&loaded.name, &loaded.text, &loaded.diagnostics);
        Some(loaded).filter(|l| passes && l.issue.is_some())
    }

    /// Reports one file's findings; whether the file passes.
    pub fn file(&mut self, path: &str, source: &str, diagnostics: &[Diagnostic]) -> bool {
        if diagnostics.is_empty() {
            return true;
        }
        let index = diag::Lines::new(source);
        let mut lines = String::new();
        let mut passes = true;
        // Findings of each code so far, for the cap of the formats meant for people.
        let mut of_code: BTreeMap<Code, usize> = BTreeMap::new();
        for d in diagnostics {
            if self.allow.allows(d.code, None) {
                continue;
            }
            if d.is_error() {
                self.errors += 1;
                passes = false;
            } else {
                self.warnings += 1;
                passes &= !self.deny_warnings;
            }
            if !self.format.is_machine() {
                let seen = of_code.entry(d.code).or_default();
                *seen += 1;
                if *seen > SHOWN_PER_CODE {
                    continue;
                }
            }
            let finding = Finding {
                path,
                at: Location::of(d, &index),
                d,
                lang: self.lang,
            };
            match self.format {
                MessageFormat::Human => {
                    let gap = if self.printed { "\n" } else { "" };
                    lines.push_str(gap);
                    lines.push_str(&human::human(d, path, &index, self.color, self.lang));
                    lines.push('\n');
                    self.printed = true;
                }
                MessageFormat::Short => lines.push_str(&(short::short(&finding) + "\n")),
                MessageFormat::Json => lines.push_str(&(json::json_line(&finding) + "\n")),
                MessageFormat::Github => lines.push_str(&(github::github(&finding) + "\n")),
                MessageFormat::Sarif => self.sarif.push((path.to_owned(), finding.at, d.clone())),
            }
            // Written as it grows: the report of a million findings is never held whole.
            if lines.len() >= CHUNK {
                self.write(lines.as_bytes());
                lines.clear();
            }
        }
        for (code, seen) in of_code {
            let hidden = seen.saturating_sub(SHOWN_PER_CODE);
            if hidden == 0 {
                continue;
            }
            let human = self.format == MessageFormat::Human;
            if human {
                lines.push('\n');
            }
            let color = self.color && human;
            lines.push_str(&human::not_shown(path, code, hidden, color, self.lang));
            lines.push('\n');
        }
        self.write(lines.as_bytes());
        passes
    }

    fn write(&mut self, text: &[u8]) {
        if text.is_empty() {
            return;
        }
        if self.machine_on_stdout {
            if self.lost.is_none()
                && let Err(e) = super::write::stdout(text)
            {
                self.lost = Some(e);
            }
        } else {
            // Nothing is left to tell a failure on stderr to; the exit code still tells.
            let _ = io::stderr().lock().write_all(text);
        }
    }

    /// An error that is not a finding in a file, with its causes: always plain text on
    /// stderr. Every such error of the command line is printed here.
    pub fn error(&mut self, error: &anyhow::Error) {
        let gap = if self.printed { "\n" } else { "" };
        let text = error_text(error, self.lang);
        let _ = writeln!(io::stderr().lock(), "{gap}{text}");
        self.printed = self.format == MessageFormat::Human;
    }

    /// The warnings switched off for the whole run (`--allow`).
    pub fn allowed(&self) -> &Allowed {
        &self.allow
    }

    /// The language messages are written in.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// A word on what was done, on stderr.
    pub fn note(&mut self, message: Msg) {
        let _ = writeln!(io::stderr().lock(), "{}", message.get(self.lang));
    }

    /// Writes what is written once per run (the SARIF log, the summary line); `Invalid` when
    /// the findings make the run fail.
    pub fn finish(&mut self) -> Status {
        if self.format == MessageFormat::Sarif {
            let stored = std::mem::take(&mut self.sarif);
            let lang = self.lang;
            let findings: Vec<Finding> = stored
                .iter()
                .map(|(path, at, d)| Finding {
                    path,
                    at: *at,
                    d,
                    lang,
                })
                .collect();
            // The sink never fails: a failure to write is kept in `lost`.
            let _ = sarif::write(&findings, Sink(self));
        }
        if let Some(summary) = human::summary(self.errors, self.warnings, self.lang) {
            let gap = if self.format == MessageFormat::Human {
                "\n"
            } else {
                ""
            };
            let _ = writeln!(io::stderr().lock(), "{gap}{summary}");
        }
        if let Some(e) = self.lost.take() {
            let lost = anyhow::Error::from(Said::because(
                crate::msg!(
                    "cannot write the findings to stdout",
                    "无法把检查结果写到标准输出"
                ),
                e,
            ));
            let _ = writeln!(io::stderr().lock(), "{}", error_text(&lost, self.lang));
            Status::Error
        } else if self.errors > 0 || (self.deny_warnings && self.warnings > 0) {
            Status::Invalid
        } else {
            Status::Success
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The error types declared in src/: every type that implements `Error` or `Localized`.
    fn error_types() -> Vec<String> {
        fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    for line in text.lines() {
                        let line = line.trim();
                        let Some(rest) = line.strip_prefix("impl ") else {
                            continue;
                        };
                        let Some((trait_, ty)) = rest.split_once(" for ") else {
                            continue;
                        };
                        let trait_ = trait_.rsplit("::").next().unwrap_or(trait_);
                        if matches!(trait_, "Error" | "Localized") {
                            out.push(ty.trim_end_matches(" {}").trim_end_matches(" {").to_owned());
                        }
                    }
                    // `in_english!(A, B)`: the Display of localized errors.
                    for (_, rest) in text.match_indices("in_english!(") {
                        let list = rest.split_once(')').map_or("", |(l, _)| l);
                        out.extend(list.split(',').map(|t| t.trim().to_owned()));
                    }
                }
            }
        }
        let mut out = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut out,
        );
        out.retain(|t| !t.is_empty() && t != "$error" && !t.starts_with("std::io::Error"));
        out.sort();
        out.dedup();
        out
    }

    /// A new error type is put in words of both languages, or this test fails: every type
    /// in src/ that is an error is in the reporter's list.
    #[test]
    fn every_error_type_is_localized() {
        let types = error_types();
        assert!(types.len() >= 7, "{types:?}");
        for t in &types {
            assert!(
                LOCALIZED.contains(&t.as_str()),
                "`{t}` is an error but not in the reporter's `localized!` list"
            );
        }
    }

    #[test]
    fn each_link_of_a_chain_in_the_users_language() {
        let full = io::Error::from_raw_os_error(crate::i18n::DISK_FULL);
        let error = anyhow::Error::from(Said::because(
            crate::msg!("cannot write `a.md`", "无法写入 `a.md`"),
            full,
        ));
        let code = crate::i18n::DISK_FULL;
        assert_eq!(
            error_text(&error, Lang::Zh),
            format!("错误：无法写入 `a.md`：磁盘空间已满（os error {code}）")
        );
        assert_eq!(
            error_text(&error, Lang::En),
            format!("error: cannot write `a.md`: No space left on device (os error {code})")
        );
        let stats = anyhow::Error::from(crate::stats::error::StatsError::Json(
            serde_json::from_str::<u8>("x").unwrap_err(),
        ));
        let zh = error_text(&stats, Lang::Zh);
        assert!(
            zh.starts_with("错误：无法生成 JSON：expected value"),
            "{zh}"
        );
    }
}
