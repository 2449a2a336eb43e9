//! `--message-format human`: rustc-style reports for people, the line that counts what was
//! not shown, and the summary line.

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::{Code, Diagnostic, Lines, Severity, window};
use crate::i18n::Lang;
use crate::text::quote::printable;

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
        let span = super::lines::visible_span(source, &d.span);
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
}
