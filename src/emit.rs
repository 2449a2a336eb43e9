//! Findings as text for people (human, short) and for tools (JSON lines, GitHub, SARIF).

use std::borrow::Cow;

use serde_json::json;

use crate::diag::{self, Diagnostic, Lang, Severity};

/// How findings are printed (`--message-format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum MessageFormat {
    /// rustc-style: message, location, source line and caret
    Human,
    /// One line per finding: `file:line:col: error[E012]: message`
    Short,
    /// One JSON object per line
    Json,
    /// GitHub Actions workflow commands, shown as annotations on the pull request
    Github,
    /// One SARIF 2.1.0 log for code-scanning tools
    Sarif,
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

/// Where a finding is, as editors count: 1-based lines and character columns; the end is
/// the position just after the span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl Location {
    pub fn of(d: &Diagnostic, lines: &diag::Lines) -> Location {
        let span = diag::visible_span(lines.text, &d.span);
        let (line, column) = lines.line_col(span.start);
        let (end_line, end_column) = lines.line_col(span.end);
        Location {
            line,
            column,
            end_line,
            end_column,
        }
    }
}

/// One finding with the file it is in.
pub struct Finding<'a> {
    pub path: &'a str,
    pub at: Location,
    pub d: &'a Diagnostic,
    pub lang: Lang,
}

impl Finding<'_> {
    fn message(&self) -> &str {
        self.d.message.get(self.lang)
    }

    fn help(&self) -> Option<&str> {
        self.d.help.as_ref().map(|h| h.get(self.lang))
    }
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// Text with control characters written as escapes, so that printing it cannot drive the
/// terminal.
pub fn printable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unprintable) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| {
                if is_unprintable(c) {
                    c.escape_unicode().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

/// Control characters and the bidirectional overrides that can disguise text.
pub fn is_unprintable(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

pub fn short(f: &Finding) -> String {
    format!(
        "{}:{}:{}: {}[{}]: {}",
        f.path,
        f.at.line,
        f.at.column,
        severity(f.d.severity),
        f.d.code,
        printable(f.message())
    )
}

/// One JSON object, its keys in the order a reader expects them.
#[derive(serde::Serialize)]
struct JsonFinding<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    severity: &'static str,
    code: &'static str,
    message: &'a str,
    help: Option<&'a str>,
}

pub fn json_line(f: &Finding) -> String {
    let finding = JsonFinding {
        file: f.path,
        line: f.at.line,
        column: f.at.column,
        end_line: f.at.end_line,
        end_column: f.at.end_column,
        severity: severity(f.d.severity),
        code: f.d.code,
        message: f.message(),
        help: f.help(),
    };
    serde_json::to_string(&finding).unwrap_or_default()
}

/// A workflow command: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=E012::message`.
pub fn github(f: &Finding) -> String {
    let mut message = f.message().to_owned();
    if let Some(help) = f.help() {
        message.push_str(if f.lang == Lang::Zh {
            "\n帮助："
        } else {
            "\nhelp: "
        });
        message.push_str(help);
    }
    format!(
        "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
        severity(f.d.severity),
        github_property(f.path),
        f.at.line,
        f.at.column,
        f.at.end_line,
        f.at.end_column,
        f.d.code,
        github_data(&message)
    )
}

/// GitHub's escaping of a command's message.
fn github_data(s: &str) -> String {
    let s = s
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    printable(&s).into_owned()
}

/// GitHub's escaping of a command's property value.
fn github_property(s: &str) -> String {
    github_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// A SARIF 2.1.0 log of all findings, with every code as a rule.
pub fn sarif(findings: &[Finding]) -> String {
    let rules: Vec<_> = diag::CODES
        .iter()
        .map(|(code, description)| {
            let level = if code.starts_with('E') {
                "error"
            } else {
                "warning"
            };
            json!({
                "id": code,
                "shortDescription": { "text": description },
                "defaultConfiguration": { "level": level },
            })
        })
        .collect();
    let results: Vec<_> = findings
        .iter()
        .map(|f| {
            let mut text = f.message().to_owned();
            if let Some(help) = f.help() {
                text.push_str(&format!(" (help: {help})"));
            }
            json!({
                "ruleId": f.d.code,
                "ruleIndex": diag::CODES.iter().position(|(c, _)| *c == f.d.code),
                "level": severity(f.d.severity),
                "message": { "text": text },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(f.path) },
                        "region": {
                            "startLine": f.at.line,
                            "startColumn": f.at.column,
                            "endLine": f.at.end_line,
                            "endColumn": f.at.end_column,
                        }
                    }
                }]
            })
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "weekly",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    serde_json::to_string_pretty(&log).unwrap_or_default() + "\n"
}

/// A relative URI reference for a path as typed: separators as `/`, and characters that a
/// URI cannot hold percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `2 errors, 1 warning` (`2 个错误，1 个警告`), or nothing when there are no findings.
pub fn summary(errors: usize, warnings: usize, lang: Lang) -> Option<String> {
    let count = |n: usize, en: &str, zh: &str| {
        (n > 0).then(|| match lang {
            Lang::En => format!("{n} {en}{}", if n == 1 { "" } else { "s" }),
            Lang::Zh => format!("{n} 个{zh}"),
        })
    };
    let parts: Vec<String> = [
        count(errors, "error", "错误"),
        count(warnings, "warning", "警告"),
    ]
    .into_iter()
    .flatten()
    .collect();
    let separator = if lang == Lang::Zh { "，" } else { ", " };
    (!parts.is_empty()).then(|| parts.join(separator))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(d: &Diagnostic) -> Finding<'_> {
        Finding {
            path: "issues/a,b.yaml",
            at: Location {
                line: 3,
                column: 5,
                end_line: 3,
                end_column: 9,
            },
            d,
            lang: Lang::En,
        }
    }

    #[test]
    fn summary_counts_and_plurals() {
        assert_eq!(summary(0, 0, Lang::En), None);
        assert_eq!(summary(1, 0, Lang::En).as_deref(), Some("1 error"));
        assert_eq!(
            summary(2, 1, Lang::En).as_deref(),
            Some("2 errors, 1 warning")
        );
        assert_eq!(summary(0, 3, Lang::En).as_deref(), Some("3 warnings"));
        assert_eq!(
            summary(2, 1, Lang::Zh).as_deref(),
            Some("2 个错误，1 个警告")
        );
    }

    #[test]
    fn github_escapes_data_and_properties() {
        let d = Diagnostic::error("E002", 0..1, crate::msg!("100% wrong", "100% 错"))
            .with_help(crate::msg!("two\nlines", "两\n行"));
        assert_eq!(
            github(&finding(&d)),
            "::error file=issues/a%2Cb.yaml,line=3,col=5,endLine=3,endColumn=9,title=E002::100%25 wrong%0Ahelp: two%0Alines"
        );
    }

    #[test]
    fn control_characters_are_never_printed_raw() {
        let d = Diagnostic::error(
            "E016",
            0..1,
            crate::msg!("found `\u{1b}[31mred`", "发现 `\u{1b}[31mred`"),
        );
        assert_eq!(
            short(&finding(&d)),
            "issues/a,b.yaml:3:5: error[E016]: found `\\u{1b}[31mred`"
        );
        assert!(!github(&finding(&d)).contains('\u{1b}'));
        assert!(!json_line(&finding(&d)).contains('\u{1b}'));
    }

    #[test]
    fn json_lines_carry_every_field() {
        let d = Diagnostic::warning(
            "W012",
            0..1,
            crate::msg!("doubled punctuation `。。`", "标点重复 `。。`"),
        );
        let v: serde_json::Value = serde_json::from_str(&json_line(&finding(&d))).unwrap();
        assert_eq!(v["end_column"], 9);
        assert_eq!(v["severity"], "warning");
        assert_eq!(v["help"], serde_json::Value::Null);
    }

    #[test]
    fn sarif_uris_are_encoded() {
        assert_eq!(
            uri("issues/2023 年/第39期.yaml"),
            "issues/2023%20%E5%B9%B4/%E7%AC%AC39%E6%9C%9F.yaml"
        );
    }
}
