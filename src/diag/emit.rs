//! Findings as text for people (human, short) and for tools (JSON lines, GitHub); SARIF has
//! its own module.

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use crate::diag::{self, Code, Diagnostic, Lines, Severity};

use crate::i18n::Lang;

use crate::diag::window;
use crate::text::quote::printable;

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
        let span = diag::lines::visible_span(lines.text, &d.span);
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
    pub(crate) fn message(&self) -> &str {
        self.d.message.get(self.lang)
    }

    pub(crate) fn help(&self) -> Option<&str> {
        self.d.help.as_ref().map(|h| h.get(self.lang))
    }
}

pub(crate) fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

pub fn short(f: &Finding) -> String {
    format!(
        "{}:{}:{}: {}[{}]: {}",
        f.path,
        f.at.line,
        f.at.column,
        severity(f.d.severity()),
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
        severity: severity(f.d.severity()),
        code: f.d.code.as_str(),
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
        severity(f.d.severity()),
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

/// The line after a file's findings that tells how many of a code were not shown:
/// `note: 950 more W013 warnings in x.yaml not shown (…)`, styled when `color`.
pub fn not_shown(path: &str, code: Code, hidden: usize, color: bool, lang: Lang) -> String {
    let path = printable(path);
    let noun = match (code.severity(), hidden) {
        (Severity::Error, 1) => "error",
        (Severity::Error, _) => "errors",
        (Severity::Warning, 1) => "warning",
        (Severity::Warning, _) => "warnings",
    };
    let message = crate::msg!(
        "{hidden} more {code} {noun} in {path} not shown (`--message-format json` shows all)",
        "{path} 中另有 {hidden} 处 {code} 未显示（`--message-format json` 会全部列出）"
    );
    let level = match lang {
        Lang::En => Level::NOTE,
        Lang::Zh => Level::NOTE.with_name("注意"),
    };
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    renderer.render(&[Group::with_title(
        level.primary_title(message.get(lang).to_owned()),
    )])
}

/// rustc-style report of one finding: message, `path:line:col`, the source line and a caret.
pub fn human(d: &Diagnostic, path: &str, lines: &Lines, color: bool, lang: Lang) -> String {
    let source = lines.text;
    let zh = lang == Lang::Zh;
    let level = match (d.severity(), zh) {
        (Severity::Error, false) => Level::ERROR,
        (Severity::Warning, false) => Level::WARNING,
        (Severity::Error, true) => Level::ERROR.with_name("错误"),
        (Severity::Warning, true) => Level::WARNING.with_name("警告"),
    };
    let message = printable(d.message.get(lang));
    let title = level.primary_title(message).id(d.code.as_str());
    let mut column = None;
    let group = if source.is_empty() {
        title.element(Origin::path(path))
    } else {
        let span = diag::lines::visible_span(source, &d.span);
        let view = window::view(lines, span.clone());
        if view.cut_before {
            column = Some(lines.line_col(span.start).1);
        }
        let snippet = Snippet::source(view.text)
            .line_start(view.line_start)
            .path(path)
            .annotation(AnnotationKind::Primary.span(view.span));
        title.element(snippet)
    };
    let group = match &d.help {
        Some(help) => {
            let level = if zh {
                Level::HELP.with_name("帮助")
            } else {
                Level::HELP
            };
            group.element(level.message(printable(help.get(lang))))
        }
        None => group,
    };
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let out = renderer.render(&[group]);
    match column {
        Some(column) => with_column(out, column),
        None => out,
    }
}

/// The report with the column of its `--> path:line:column` line replaced: the renderer
/// counts it within the window it was given, which starts after the line does. That line is
/// the second (a message has no line break), and its column follows its last `:`.
fn with_column(mut out: String, column: usize) -> String {
    let Some(second) = out.find('\n').map(|i| i + 1) else {
        return out;
    };
    let end = out[second..].find('\n').map_or(out.len(), |i| second + i);
    let Some(colon) = out[second..end].rfind(':').map(|i| second + i + 1) else {
        return out;
    };
    let digits = out[colon..end]
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    out.replace_range(colon..colon + digits, &column.to_string());
    out
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
        let d = Diagnostic::new(Code::E002, 0..1, crate::msg!("100% wrong", "100% 错"))
            .with_help(crate::msg!("two\nlines", "两\n行"));
        assert_eq!(
            github(&finding(&d)),
            "::error file=issues/a%2Cb.yaml,line=3,col=5,endLine=3,endColumn=9,title=E002::100%25 wrong%0Ahelp: two%0Alines"
        );
    }

    #[test]
    fn control_characters_are_never_printed_raw() {
        let d = Diagnostic::new(
            Code::E016,
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
        let d = Diagnostic::new(
            Code::W012,
            0..1,
            crate::msg!("doubled punctuation `。。`", "标点重复 `。。`"),
        );
        let v: serde_json::Value = serde_json::from_str(&json_line(&finding(&d))).unwrap();
        assert_eq!(v["end_column"], 9);
        assert_eq!(v["severity"], "warning");
        assert_eq!(v["help"], serde_json::Value::Null);
    }

    #[test]
    fn human_report_has_location_source_and_caret() {
        let src = "masthead:\n  year: abc\n";
        let start = src.find("abc").unwrap();
        let d = Diagnostic::new(
            Code::E002,
            start..start + 3,
            crate::msg!("expected a whole number", "应为整数"),
        )
        .with_help(crate::msg!("write it without quotes", "去掉引号"));
        let out = human(&d, "x.yaml", &Lines::new(src), false, Lang::En);
        assert_eq!(
            out,
            "error[E002]: expected a whole number\n \
             --> x.yaml:2:9\n  \
             |\n\
             2 |   year: abc\n  \
             |         ^^^\n  \
             |\n  \
             = help: write it without quotes"
        );
    }

    #[test]
    fn a_long_line_is_shown_around_the_span_at_the_files_column() {
        let src = format!("text: {}等等...{}\n", "甲".repeat(300), "乙".repeat(300));
        let start = src.find("...").unwrap();
        let d = Diagnostic::new(
            Code::W013,
            start..start + 3,
            crate::msg!("`...` for an ellipsis", "省略号写成了 `...`"),
        );
        let out = human(&d, "x.yaml", &Lines::new(&src), false, Lang::Zh);
        let line = format!("{}等等...{}", "甲".repeat(27), "乙".repeat(29));
        assert_eq!(
            out,
            format!(
                "警告[W013]: 省略号写成了 `...`\n \
                 --> x.yaml:1:309\n  \
                 |\n\
                 1 | …{line}…\n  \
                 |{}^^^",
                " ".repeat(60)
            )
        );
    }

    #[test]
    fn control_characters_in_the_source_are_not_shown_raw() {
        let src = "a: \u{1b}[2J\u{85}x\n";
        let d = Diagnostic::new(
            Code::E016,
            3..4,
            crate::msg!("a control character", "控制字符"),
        );
        let out = human(&d, "x.yaml", &Lines::new(src), false, Lang::En);
        assert!(!out.contains('\u{1b}') && !out.contains('\u{85}'), "{out}");
        assert!(out.contains("a: ?[2J??x"), "{out}");
    }

    #[test]
    fn a_finding_about_the_whole_file_has_no_snippet() {
        let d = Diagnostic::new(
            Code::E014,
            0..0,
            crate::msg!(
                "the file is UTF-16 text, not UTF-8",
                "文件是 UTF-16 文本，不是 UTF-8"
            ),
        );
        let out = human(&d, "x.yaml", &Lines::new(""), false, Lang::En);
        assert_eq!(
            out,
            "error[E014]: the file is UTF-16 text, not UTF-8\n--> x.yaml"
        );
    }
}
