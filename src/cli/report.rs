//! Printing findings in the chosen format, counting them, and what they mean for the exit code.

use std::io::{self, IsTerminal, Write};

use super::{FindingsArgs, Status};
use crate::diag::{self, Diagnostic, Lang};
use crate::emit::{self, Finding, Location, MessageFormat};

/// Prints findings in the chosen format, counts them, and decides what they mean.
pub struct Reporter {
    format: MessageFormat,
    lang: Lang,
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
    pub fn new(args: &FindingsArgs, check: bool) -> Reporter {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Reporter {
            format: args.message_format,
            lang: args
                .lang
                .unwrap_or_else(|| Lang::from_locale(|v| std::env::var(v).ok())),
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
    pub fn file(&mut self, path: &str, source: &str, diagnostics: &[Diagnostic]) -> bool {
        if diagnostics.is_empty() {
            return true;
        }
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
                lang: self.lang,
            };
            match self.format {
                MessageFormat::Human => {
                    let gap = if self.printed { "\n" } else { "" };
                    lines.push_str(gap);
                    lines.push_str(&diag::render_human(d, path, &index, self.color, self.lang));
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
    pub fn error(&mut self, message: &str) {
        let gap = if self.printed { "\n" } else { "" };
        let _ = writeln!(io::stderr().lock(), "{gap}error: {message}");
        self.printed = self.format == MessageFormat::Human;
    }

    /// A word on what was done, on stderr.
    pub fn note(&mut self, message: &str) {
        let _ = writeln!(io::stderr().lock(), "{message}");
    }

    /// Writes what is written once per run (the SARIF log, the summary line); `Invalid` when
    /// the findings make the run fail.
    pub fn finish(&mut self) -> Status {
        if self.format == MessageFormat::Sarif {
            let findings: Vec<Finding> = self
                .sarif
                .iter()
                .map(|(path, at, d)| Finding {
                    path,
                    at: *at,
                    d,
                    lang: self.lang,
                })
                .collect();
            self.write(&emit::sarif(&findings));
        }
        if let Some(summary) = emit::summary(self.errors, self.warnings, self.lang) {
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
