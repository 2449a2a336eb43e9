//! Findings about an input file: what, where (a byte span of the source), and how to fix it.

use std::ops::Range;

use std::borrow::Cow;

use annotate_snippets::{AnnotationKind, Level, Origin, Renderer, Snippet};

/// How bad a finding is: errors make the input invalid, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// The languages findings are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    En,
    Zh,
}

impl Lang {
    /// Chinese when the locale (`LC_ALL`, else `LC_MESSAGES`, else `LANG`) begins with `zh`.
    pub fn from_locale(lookup: impl Fn(&str) -> Option<String>) -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|v| lookup(v).filter(|s| !s.is_empty()));
        match locale {
            Some(l) if l.starts_with("zh") => Lang::Zh,
            _ => Lang::En,
        }
    }
}

/// A text in English and in Chinese; every message and help line of a finding is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    pub en: String,
    pub zh: String,
}

impl Msg {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }
}

/// `msg!("found {n}", "发现 {n}")`: a [`Msg`] from two format strings over the same values.
#[macro_export]
macro_rules! msg {
    ($en:literal, $zh:literal $(, $arg:expr)* $(,)?) => {
        $crate::diag::Msg {
            en: format!($en $(, $arg)*),
            zh: format!($zh $(, $arg)*),
        }
    };
}

/// One finding, located by a byte span of the source text it was found in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: &'static str,
    pub message: Msg,
    pub span: Range<usize>,
    pub help: Option<Msg>,
}

impl Diagnostic {
    pub fn error(code: &'static str, span: Range<usize>, message: Msg) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            message,
            span,
            help: None,
        }
    }

    pub fn warning(code: &'static str, span: Range<usize>, message: Msg) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, span, message)
        }
    }

    pub fn with_help(mut self, help: Msg) -> Self {
        self.help = Some(help);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Every code weekly reports, with what it means; the README's table lists the same.
pub const CODES: &[(&str, &str)] = &[
    ("E001", "the file is not valid YAML"),
    ("E002", "a value has the wrong type"),
    ("E003", "a key that the format does not have"),
    ("E004", "a required key is missing"),
    ("E005", "a key appears twice in one mapping"),
    ("E006", "not a date, or a date that does not exist"),
    ("E007", "the period ends before it starts"),
    ("E008", "the publication date is before the period ends"),
    ("E009", "a year-to-date figure is below this week's figure"),
    ("E010", "progress figures contradict each other"),
    (
        "E011",
        "empty text, or an empty list where entries are needed",
    ),
    ("E012", "a section holds more than one kind of content"),
    ("E013", "a number is out of range"),
    ("E014", "the file is not UTF-8 text"),
    (
        "E015",
        "the file uses a YAML feature a bulletin does not need",
    ),
    ("E016", "a control character in the file or a text"),
    ("E017", "the file is too large to be a bulletin"),
    ("E018", "the running total is below the issue number"),
    (
        "E019",
        "a directive dated outside the issue's year or after publication",
    ),
    ("E020", "a counter is listed twice"),
    (
        "E021",
        "`lint.allow` names something that is not a warning code",
    ),
    (
        "E022",
        "the issue number does not follow the previous issue's",
    ),
    (
        "E023",
        "the running total does not follow the previous issue's",
    ),
    (
        "E024",
        "the period does not start the day after the previous period ends",
    ),
    ("E025", "the previous issue cannot be read or is invalid"),
    (
        "E026",
        "a year-to-date figure is left out and cannot be computed",
    ),
    (
        "E027",
        "two issues in a folder have the same number in the same year",
    ),
    ("E028", "two issues in a folder have the same running total"),
    ("W001", "the period is not seven days"),
    (
        "W002",
        "published more than two weeks after the period ends",
    ),
    ("W003", "a paragraph does not end with terminal punctuation"),
    ("W004", "a department appears twice among the visits"),
    (
        "W005",
        "a year-to-date figure is not the previous one plus this week's",
    ),
    ("W006", "work done so far is below the previous issue's"),
    ("W007", "a section or subsection has no content yet"),
    (
        "W008",
        "issue numbers are missing between the issues of a folder",
    ),
    ("W010", "half-width punctuation in Chinese text"),
    (
        "W011",
        "unbalanced or misnested quotation marks or brackets",
    ),
    ("W012", "doubled punctuation"),
    ("W013", "an ellipsis typed as `...` or `。。。`"),
    (
        "W014",
        "a range of dates or times written with `-`, `~`, `–` or `——`",
    ),
    ("W015", "a zero-padded month or day"),
    ("W016", "full-width digits"),
    ("W017", "numbering typed into a title or paragraph"),
    ("W018", "a space between Chinese characters"),
];

/// A source text with the offsets where its lines start, for finding line and column of
/// many findings without rescanning the text for each.
pub struct Lines<'a> {
    pub text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Lines<'a> {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { text, starts }
    }

    /// 1-based line and character column of byte `offset`.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(self.text, offset);
        let line = self.starts.partition_point(|s| *s <= offset);
        let start = self.starts[line - 1];
        (line, self.text[start..offset].chars().count() + 1)
    }
}

/// 1-based line and character column of byte `offset` in `source`.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    Lines::new(source).line_col(offset)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A span of at least one character, so that a caret can point at it.
pub fn visible_span(source: &str, span: &Range<usize>) -> Range<usize> {
    let start = floor_char_boundary(source, span.start);
    let end = floor_char_boundary(source, span.end.max(start));
    if end > start {
        return start..end;
    }
    let next = source[start..]
        .chars()
        .next()
        .filter(|c| *c != '\n' && *c != '\r')
        .map_or(0, char::len_utf8);
    start..start + next
}

/// rustc-style report of one finding: message, `path:line:col`, the source line and a caret.
pub fn render_human(d: &Diagnostic, path: &str, lines: &Lines, color: bool, lang: Lang) -> String {
    let source = lines.text;
    let zh = lang == Lang::Zh;
    let level = match (d.severity, zh) {
        (Severity::Error, false) => Level::ERROR,
        (Severity::Warning, false) => Level::WARNING,
        (Severity::Error, true) => Level::ERROR.with_name("错误"),
        (Severity::Warning, true) => Level::WARNING.with_name("警告"),
    };
    let message = crate::emit::printable(d.message.get(lang));
    let title = level.primary_title(message).id(d.code);
    let group = if source.is_empty() {
        title.element(Origin::path(path))
    } else {
        // Only the lines the span touches: rendering the whole file for every finding
        // would make many findings cost quadratic time.
        let span = visible_span(source, &d.span);
        let first = source[..span.start].rfind('\n').map_or(0, |i| i + 1);
        let last = source[span.end..]
            .find('\n')
            .map_or(source.len(), |i| span.end + i);
        let (line, _) = lines.line_col(first);
        let snippet = Snippet::source(displayable(&source[first..last]))
            .line_start(line)
            .path(path)
            .annotation(AnnotationKind::Primary.span(span.start - first..span.end - first));
        title.element(snippet)
    };
    let group = match &d.help {
        Some(help) => {
            let level = if zh {
                Level::HELP.with_name("帮助")
            } else {
                Level::HELP
            };
            group.element(level.message(crate::emit::printable(help.get(lang))))
        }
        None => group,
    };
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    renderer.render(&[group])
}

/// The source with every control or bidirectional-override character replaced by `?`s of
/// the same byte length, so that spans still fit and nothing reaches the terminal raw.
fn displayable(source: &str) -> Cow<'_, str> {
    if !source
        .chars()
        .any(|c| crate::emit::is_unprintable(c) && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Cow::Borrowed(source);
    }
    let mut out = String::with_capacity(source.len());
    for c in source.chars() {
        if crate::emit::is_unprintable(c) && !matches!(c, '\n' | '\r' | '\t') {
            out.extend(std::iter::repeat_n('?', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let src = "a: 1\n标题: 周报\n";
        assert_eq!(line_col(src, 0), (1, 1));
        assert_eq!(line_col(src, 5), (2, 1));
        let value = src.find("周报").unwrap();
        assert_eq!(line_col(src, value), (2, 5));
        assert_eq!(line_col(src, src.len()), (3, 1));
        assert_eq!(
            line_col(src, value + 1),
            (2, 5),
            "inside a character: its start"
        );
    }

    #[test]
    fn human_report_has_location_source_and_caret() {
        let src = "masthead:\n  year: abc\n";
        let start = src.find("abc").unwrap();
        let d = Diagnostic::error(
            "E002",
            start..start + 3,
            crate::msg!("expected a whole number", "应为整数"),
        )
        .with_help(crate::msg!("write it without quotes", "去掉引号"));
        let out = render_human(&d, "x.yaml", &Lines::new(src), false, Lang::En);
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
    fn control_characters_in_the_source_are_not_shown_raw() {
        let src = "a: \u{1b}[2J\u{85}x\n";
        let d = Diagnostic::error("E016", 3..4, crate::msg!("a control character", "控制字符"));
        let out = render_human(&d, "x.yaml", &Lines::new(src), false, Lang::En);
        assert!(!out.contains('\u{1b}') && !out.contains('\u{85}'), "{out}");
        assert!(out.contains("a: ?[2J??x"), "{out}");
    }

    #[test]
    fn a_finding_about_the_whole_file_has_no_snippet() {
        let d = Diagnostic::error(
            "E014",
            0..0,
            crate::msg!(
                "the file is UTF-16 text, not UTF-8",
                "文件是 UTF-16 文本，不是 UTF-8"
            ),
        );
        let out = render_human(&d, "x.yaml", &Lines::new(""), false, Lang::En);
        assert_eq!(
            out,
            "error[E014]: the file is UTF-16 text, not UTF-8\n--> x.yaml"
        );
    }

    #[test]
    fn empty_span_points_at_the_next_character() {
        let src = "标题: x";
        assert_eq!(visible_span(src, &(0..0)), 0..3);
        assert_eq!(visible_span(src, &(src.len()..src.len())), 9..9);
    }
}
