//! Findings about an input file: what (a code and a message in two languages), where (a byte
//! span of the source), and how to fix it.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use std::str::FromStr;
use std::sync::Arc;

/// How bad a finding is: errors make the input invalid, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// The languages findings are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

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

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Lang, String> {
        Lang::ALL
            .into_iter()
            .find(|l| l.name() == s)
            .ok_or_else(|| format!("`{s}` is not a language (en, zh)"))
    }
}

/// A text in English and in Chinese; every message and help line of a finding is one.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
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

/// In English where no language is chosen; an error can carry a message in both languages
/// (`io::Error::new(kind, msg)`) for the reader to pick from.
impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

impl std::error::Error for Msg {}

/// An I/O error in both languages: the system's words in English, the usual kinds put in
/// Chinese, with the system's error number kept for a search; a [`Msg`] carried inside as is.
pub fn io_message(e: &std::io::Error) -> Msg {
    use std::io::ErrorKind as K;
    if let Some(m) = e.get_ref().and_then(|inner| inner.downcast_ref::<Msg>()) {
        return m.clone();
    }
    let zh = match e.kind() {
        K::NotFound => "找不到该文件或文件夹",
        K::PermissionDenied => "没有权限",
        K::AlreadyExists => "已经存在",
        K::StorageFull => "磁盘空间已满",
        K::FileTooLarge => "文件超过了允许的大小",
        K::IsADirectory => "这是一个文件夹",
        K::NotADirectory => "路径中有一段不是文件夹",
        K::ReadOnlyFilesystem => "文件系统只读",
        K::BrokenPipe => "管道已关闭",
        K::InvalidData => "内容不是有效的文字",
        K::Interrupted => "操作被中断",
        _ => {
            return Msg {
                en: e.to_string(),
                zh: format!("系统错误：{e}"),
            };
        }
    };
    let zh = match e.raw_os_error() {
        Some(n) => format!("{zh}（os error {n}）"),
        None => zh.to_owned(),
    };
    Msg {
        en: e.to_string(),
        zh,
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

/// Declares the finding codes: the enum, its list, and what each code means.
macro_rules! codes {
    ($($code:ident => $meaning:literal,)*) => {
        /// Every code weekly reports. `E` codes are errors, `W` codes warnings; the README's
        /// table lists the same codes with the same meanings.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($code,)*
        }

        impl Code {
            pub const ALL: &[Code] = &[$(Code::$code,)*];

            /// `E012`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$code => stringify!($code),)*
                }
            }

            /// What a finding with this code means, in a few words.
            pub fn meaning(self) -> &'static str {
                match self {
                    $(Code::$code => $meaning,)*
                }
            }
        }
    };
}

codes! {
    E001 => "the file is not valid YAML",
    E002 => "a value has the wrong type",
    E003 => "a key that the format does not have",
    E004 => "a required key is missing",
    E005 => "a key appears twice in one mapping",
    E006 => "not a date, or a date that does not exist",
    E007 => "the period ends before it starts",
    E008 => "the publication date is before the period ends",
    E009 => "a year-to-date figure is below this week's figure",
    E010 => "progress figures contradict each other",
    E011 => "empty text, or an empty list where entries are needed",
    E012 => "a section holds more than one kind of content",
    E013 => "a number is out of range",
    E014 => "the file is not UTF-8 text",
    E015 => "the file uses a YAML feature a bulletin does not need",
    E016 => "a control character in the file or a text",
    E017 => "the file is too large to be a bulletin",
    E018 => "the running total is below the issue number",
    E019 => "a directive dated before the year its week starts in, or after publication",
    E020 => "a counter is listed twice",
    E021 => "`lint.allow` names something that is not a warning code",
    E022 => "the issue number does not follow the previous issue's",
    E023 => "the running total does not follow the previous issue's",
    E024 => "the period does not start the day after the previous period ends",
    E025 => "the previous issue cannot be read or is invalid",
    E026 => "a running figure is left out and cannot be computed",
    E027 => "two issues in a folder have the same number in the same year",
    E028 => "two issues in a folder have the same running total",
    E029 => "`previous` names the wrong week's issue",
    E030 => "an imported file is not a whole bulletin: its masthead, sections or closing block are missing",
    E031 => "a Word document that cannot be read: not a .docx, damaged, or too large unpacked",
    E032 => "an imported file is a PDF, an OFD, a Word 97–2003 or WPS document, or encrypted: convert it first",
    W001 => "the period is not seven days",
    W002 => "published more than two weeks after the period ends",
    W003 => "a paragraph does not end with terminal punctuation",
    W004 => "a department appears twice among the visits",
    W005 => "a year-to-date figure is not the previous one plus this week's",
    W006 => "work done so far is below the previous issue's",
    W007 => "a section or subsection has no content yet",
    W008 => "issue numbers are missing between the issues of a folder",
    W009 => "the previous issue cannot be read, so continuity with it is not checked",
    W010 => "half-width punctuation in Chinese text",
    W011 => "unbalanced or misnested quotation marks or brackets",
    W012 => "doubled punctuation",
    W013 => "an ellipsis typed as `...` or `。。。`",
    W014 => "a range written with `-`, `－`, `~`, `–` or `——`, or `－` as a connecting mark",
    W015 => "a zero-padded month or day",
    W016 => "full-width digits or percent sign",
    W017 => "numbering typed into a title or paragraph",
    W018 => "a stray space: between Chinese characters, beside full-width punctuation, or an unusual space character",
    W019 => "a year's weekly figures do not add up to its last year-to-date figure",
    W020 => "imported text that is not where a bulletin has it, or reads like a sentence weekly builds but does not match it: kept as a text item",
    W021 => "an imported page break with the same character on both sides: perhaps repeated, kept as found",
    W022 => "an imported share that no whole total, or more than one, gives back",
    W023 => "imported from plain text, which has no bold: department items become text items",
    W024 => "an imported PDF's text with a space between a Chinese character and a figure or letter: perhaps the typesetter's gap, kept as found",
}

impl Code {
    pub fn severity(self) -> Severity {
        if self.as_str().starts_with('E') {
            Severity::Error
        } else {
            Severity::Warning
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Code {
    type Err = ();

    /// A code as typed: `W012`, or `w012` with spaces around.
    fn from_str(s: &str) -> Result<Code, ()> {
        let s = s.trim();
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str().eq_ignore_ascii_case(s))
            .ok_or(())
    }
}

/// One finding, located by a byte span of the source text it was found in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub message: Arc<Msg>,
    pub span: Range<usize>,
    pub help: Option<Arc<Msg>>,
}

impl Diagnostic {
    pub fn new(code: Code, span: Range<usize>, message: impl Into<Arc<Msg>>) -> Self {
        Diagnostic {
            code,
            message: message.into(),
            span,
            help: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<Arc<Msg>>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }
}

/// A source text indexed once, so that locating each of many findings costs the same however
/// long the text and its lines are: where each line starts, and how many characters come
/// before every [`BLOCK`] bytes (a column is a count of characters, and counting them from
/// the start of a long line for each finding would take time in the square of the findings).
pub struct Lines<'a> {
    pub text: &'a str,
    starts: Vec<usize>,
    /// `chars[i]`: the characters that start before byte `i * BLOCK`.
    chars: Vec<usize>,
}

/// Bytes per entry of the character index: a column is counted over at most this many bytes
/// (twice, for the offset and for its line's start).
const BLOCK: usize = 64;

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Lines<'a> {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut chars = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut before = 0;
        chars.push(0);
        for block in text.as_bytes().chunks(BLOCK) {
            before += char_starts(block);
            chars.push(before);
        }
        Lines {
            text,
            starts,
            chars,
        }
    }

    /// 1-based line and character column of byte `offset`.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(self.text, offset);
        let line = self.line_of(offset);
        let start = self.starts[line - 1];
        (
            line,
            self.chars_before(offset) - self.chars_before(start) + 1,
        )
    }

    /// The 1-based line that byte `offset` is on.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|s| *s <= offset)
    }

    /// The bytes of 1-based line `line`, without its line break.
    pub fn line(&self, line: usize) -> Range<usize> {
        let start = self.starts[line - 1];
        let end = self
            .starts
            .get(line)
            .map_or(self.text.len(), |next| next - 1);
        start..end
    }

    /// How many lines the text has: one more than its line breaks.
    pub fn count(&self) -> usize {
        self.starts.len()
    }

    fn chars_before(&self, offset: usize) -> usize {
        let block = offset / BLOCK;
        self.chars[block] + char_starts(&self.text.as_bytes()[block * BLOCK..offset])
    }
}

/// The characters that start in `bytes`: every byte but UTF-8's continuation bytes.
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().map(|b| usize::from((*b as i8) >= -0x40)).sum()
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

/// Characters of a value that a message quotes: enough to recognise it, while a message
/// about a value of a megabyte stays a line.
pub const EXCERPT: usize = 40;

/// Characters of a path that a message quotes: a path is longer than a value, and its end
/// names the file.
pub const PATH_EXCERPT: usize = 160;

/// A value as a message quotes it: its first [`EXCERPT`] characters, then `…` if it goes on.
/// Every message that quotes text from a file quotes it through here.
pub fn excerpt(s: &str) -> Cow<'_, str> {
    cut(s, EXCERPT)
}

/// A path as a message quotes it: its first [`PATH_EXCERPT`] characters, then `…`.
pub fn excerpt_path(path: &std::path::Path) -> String {
    cut(&path.display().to_string(), PATH_EXCERPT).into_owned()
}

fn cut(s: &str, max: usize) -> Cow<'_, str> {
    match s.char_indices().nth(max) {
        Some((end, _)) => Cow::Owned(format!("{}…", &s[..end])),
        None => Cow::Borrowed(s),
    }
}

/// Control characters and the bidirectional overrides that can disguise text.
pub fn is_unprintable(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
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

    /// Line and column counted from the start of the text, as the index must give them.
    fn counted(src: &str, offset: usize) -> (usize, usize) {
        let before = &src[..floor_char_boundary(src, offset)];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (
            before.matches('\n').count() + 1,
            before[line_start..].chars().count() + 1,
        )
    }

    #[test]
    fn the_index_agrees_with_counting_on_long_and_mixed_lines() {
        // Lines longer than a block, characters of 1 to 4 bytes across block boundaries.
        let line: String = "a标é𝄞.".repeat(200);
        let src = format!("k: {line}\r\n\n{line}\nend");
        let lines = Lines::new(&src);
        for offset in 0..=src.len() {
            assert_eq!(lines.line_col(offset), counted(&src, offset), "at {offset}");
        }
        assert_eq!(lines.count(), 4);
        assert_eq!(&src[lines.line(1)], format!("k: {line}\r"));
        assert_eq!(&src[lines.line(2)], "");
        assert_eq!(&src[lines.line(4)], "end");
        assert_eq!(lines.line_of(src.len()), 4);
    }

    #[test]
    fn the_index_of_an_empty_text() {
        let lines = Lines::new("");
        assert_eq!(lines.line_col(0), (1, 1));
        assert_eq!(lines.line(1), 0..0);
    }

    #[test]
    fn an_excerpt_is_the_start_of_a_long_value() {
        assert_eq!(excerpt("短"), "短");
        let forty = "标".repeat(EXCERPT);
        assert!(matches!(excerpt(&forty), Cow::Borrowed(_)));
        assert_eq!(excerpt(&format!("{forty}题")), format!("{forty}…"));
        assert_eq!(excerpt(&"a".repeat(1 << 20)).chars().count(), EXCERPT + 1);
        let long = std::path::PathBuf::from("d/".repeat(100) + "x.yaml");
        let shown = excerpt_path(&long);
        assert!(shown.ends_with('…') && shown.starts_with("d/d/"));
        assert_eq!(shown.chars().count(), PATH_EXCERPT + 1);
        assert_eq!(excerpt_path(std::path::Path::new("a/b.yaml")), "a/b.yaml");
    }

    #[test]
    fn empty_span_points_at_the_next_character() {
        let src = "标题: x";
        assert_eq!(visible_span(src, &(0..0)), 0..3);
        assert_eq!(visible_span(src, &(src.len()..src.len())), 9..9);
    }

    #[test]
    fn codes_know_their_severity_and_read_back() {
        assert_eq!(Code::E001.severity(), Severity::Error);
        assert_eq!(Code::W018.severity(), Severity::Warning);
        for code in Code::ALL {
            assert_eq!(code.as_str().parse::<Code>(), Ok(*code));
        }
        assert_eq!(" w012 ".parse::<Code>(), Ok(Code::W012));
        assert_eq!("W099".parse::<Code>(), Err(()));
    }

    #[test]
    fn io_errors_read_in_both_languages() {
        let gone = std::io::Error::from_raw_os_error(2);
        let m = io_message(&gone);
        assert_eq!(m.en, "No such file or directory (os error 2)");
        assert_eq!(m.zh, "找不到该文件或文件夹（os error 2）");
        let full = io_message(&std::io::Error::from_raw_os_error(28));
        assert_eq!(full.zh, "磁盘空间已满（os error 28）");
        let ours = std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            Msg {
                en: "it is a folder".into(),
                zh: "这是一个文件夹".into(),
            },
        );
        assert_eq!(io_message(&ours).zh, "这是一个文件夹");
        let odd = io_message(&std::io::Error::other("odd"));
        assert_eq!((odd.en.as_str(), odd.zh.as_str()), ("odd", "系统错误：odd"));
    }

    #[test]
    fn codes_are_listed_in_order_once() {
        let names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(names, sorted);
    }
}
