//! The finding codes: every code weekly reports, its severity, its subject, and what it
//! means and how to fix it in both languages.

use std::fmt;
use std::str::FromStr;

use crate::i18n::{Lang, Word};

/// How bad a finding is: errors make the input invalid, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// What a finding is about: the headings of the list of codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Subject {
    /// The file as a whole: its encoding, its size, its YAML and its keys.
    File,
    /// One value: its type, its range, its form.
    Values,
    /// What the issue says: dates, figures and text that contradict each other.
    Content,
    /// One issue against the one before it.
    Series,
    /// The issues of one folder together.
    Folder,
    /// The typography of Chinese text (GB/T 15834, GB/T 15835).
    Typography,
    /// A printed bulletin read back by `weekly import`.
    Import,
}

impl Subject {
    pub const ALL: [Subject; 7] = [
        Subject::File,
        Subject::Values,
        Subject::Content,
        Subject::Series,
        Subject::Folder,
        Subject::Typography,
        Subject::Import,
    ];

    pub fn name(self) -> Word {
        let (en, zh) = match self {
            Subject::File => ("the file", "文件"),
            Subject::Values => ("values", "字段取值"),
            Subject::Content => ("content", "内容"),
            Subject::Series => ("the issue before", "与上一期衔接"),
            Subject::Folder => ("a folder of issues", "同一文件夹中的各期"),
            Subject::Typography => ("typography", "书写规范"),
            Subject::Import => ("import", "导入"),
        };
        Word { en, zh }
    }
}

/// What the table says of one code, in both languages.
#[derive(Debug, Clone, Copy)]
pub struct About {
    pub subject: Subject,
    /// What a finding with the code means, in a few words.
    pub meaning: Word,
    /// A typical cause, as a clerk would type it.
    pub example: Word,
    /// Why it matters and how to fix it.
    pub explain: Word,
}

/// Declares the finding codes: the enum, its list, and what the table says of each.
macro_rules! codes {
    ($($code:ident $subject:ident {
        meaning: $meaning_en:literal, $meaning_zh:literal;
        example: $example_en:literal, $example_zh:literal;
        explain: $explain_en:literal, $explain_zh:literal;
    })*) => {
        /// Every code weekly reports. `E` codes are errors, `W` codes warnings.
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

            /// The code's row of the table.
            pub fn about(self) -> About {
                match self {
                    $(Code::$code => About {
                        subject: Subject::$subject,
                        meaning: Word { en: $meaning_en, zh: $meaning_zh },
                        example: Word { en: $example_en, zh: $example_zh },
                        explain: Word { en: $explain_en, zh: $explain_zh },
                    },)*
                }
            }
        }
    };
}

// One row a code: its subject, then what it means, a typical cause and how to fix it, each in
// English and in Chinese. `weekly explain`, the SARIF rules and docs/codes.md are made from it.
codes! {
    E001 File {
        meaning: "the file is not valid YAML", "TODO";
        example: "an unclosed `{`", "TODO";
        explain: "TODO", "TODO";
    }
    E002 Values {
        meaning: "a value has the wrong type", "TODO";
        example: "`week: '540'` (a quoted number), `week: 2,903`, `week: 2903人次`", "TODO";
        explain: "TODO", "TODO";
    }
    E003 File {
        meaning: "a key that the format does not have", "TODO";
        example: "`directive:` for `directives:` (with a suggestion)", "TODO";
        explain: "TODO", "TODO";
    }
    E004 File {
        meaning: "a required key is missing", "TODO";
        example: "a masthead without `total`", "TODO";
        explain: "TODO", "TODO";
    }
    E005 File {
        meaning: "a key appears twice in one mapping", "TODO";
        example: "`number:` twice in the masthead", "TODO";
        explain: "TODO", "TODO";
    }
    E006 Values {
        meaning: "not a date, or a date that does not exist", "TODO";
        example: "`2023-09-31`, `10月9日`", "TODO";
        explain: "TODO", "TODO";
    }
    E007 Content {
        meaning: "the period ends before it starts", "TODO";
        example: "`start: 2023-10-14`, `end: 2023-10-07`", "TODO";
        explain: "TODO", "TODO";
    }
    E008 Content {
        meaning: "the publication date is before the period ends", "TODO";
        example: "`published: 2023-10-12` for a week ending 10-13", "TODO";
        explain: "TODO", "TODO";
    }
    E009 Content {
        meaning: "a year-to-date figure is below this week's figure", "TODO";
        example: "`week: 540, year_to_date: 500`", "TODO";
        explain: "TODO", "TODO";
    }
    E010 Content {
        meaning: "progress figures contradict each other", "TODO";
        example: "`done: 1700` of `total: 1650`", "TODO";
        explain: "TODO", "TODO";
    }
    E011 Values {
        meaning: "a value is blank: empty text, a figure not filled in, or an empty list where entries are needed", "TODO";
        example: "`week:` left blank by `weekly new`, `text: \"  \"`, `people: []`", "TODO";
        explain: "TODO", "TODO";
    }
    E012 File {
        meaning: "a section holds more than one kind of content", "TODO";
        example: "`items:` and `directives:` in one section", "TODO";
        explain: "TODO", "TODO";
    }
    E013 Values {
        meaning: "a number is out of range", "TODO";
        example: "`copies: 0`, `year: 23`", "TODO";
        explain: "TODO", "TODO";
    }
    E014 File {
        meaning: "the file is not UTF-8 text", "TODO";
        example: "a file saved as GBK", "TODO";
        explain: "TODO", "TODO";
    }
    E015 File {
        meaning: "the file uses a YAML feature a bulletin does not need", "TODO";
        example: "`!include`, `&anchor`, a second `---`", "TODO";
        explain: "TODO", "TODO";
    }
    E016 File {
        meaning: "a control character in the file or a text", "TODO";
        example: "a stray `ESC` or NUL byte, `\"\\e[31m\"`", "TODO";
        explain: "TODO", "TODO";
    }
    E017 File {
        meaning: "the file is too large to be a bulletin", "TODO";
        example: "a file over 4 MiB, `weekly check - < /dev/zero`", "TODO";
        explain: "TODO", "TODO";
    }
    E018 Content {
        meaning: "the running total is below the issue number", "TODO";
        example: "`number: 39`, `total: 30`", "TODO";
        explain: "TODO", "TODO";
    }
    E019 Content {
        meaning: "a directive dated before the year its week starts in, or after publication", "TODO";
        example: "a directive of 2022 in an issue of 2023", "TODO";
        explain: "TODO", "TODO";
    }
    E020 Content {
        meaning: "a counter is listed twice", "TODO";
        example: "two counters named `受理`", "TODO";
        explain: "TODO", "TODO";
    }
    E021 Values {
        meaning: "`lint.allow` names something that is not a warning code", "TODO";
        example: "`allow: [W999]`", "TODO";
        explain: "TODO", "TODO";
    }
    E022 Series {
        meaning: "the issue number does not follow the previous issue's", "TODO";
        example: "`number: 41` after 第 39 期", "TODO";
        explain: "TODO", "TODO";
    }
    E023 Series {
        meaning: "the running total does not follow the previous issue's", "TODO";
        example: "`total: 462` after 总第 459 期", "TODO";
        explain: "TODO", "TODO";
    }
    E024 Series {
        meaning: "the period does not start the day after the previous period ends", "TODO";
        example: "a week starting 10-16 after one ending 10-13", "TODO";
        explain: "TODO", "TODO";
    }
    E025 Series {
        meaning: "the previous issue cannot be read or is invalid", "TODO";
        example: "`previous: 2023-39.yaml` and no such file", "TODO";
        explain: "TODO", "TODO";
    }
    E026 Series {
        meaning: "a running figure is left out and cannot be computed", "TODO";
        example: "no `previous`, or a counter the previous issue lacks", "TODO";
        explain: "TODO", "TODO";
    }
    E027 Folder {
        meaning: "two issues in a folder have the same number in the same year", "TODO";
        example: "two files of 2023 年第 39 期", "TODO";
        explain: "TODO", "TODO";
    }
    E028 Folder {
        meaning: "two issues in a folder have the same running total", "TODO";
        example: "two files of 总第 459 期", "TODO";
        explain: "TODO", "TODO";
    }
    E029 Series {
        meaning: "`previous` names the wrong week's issue", "TODO";
        example: "第 41 期 with `previous: 2023-39.yaml`: number, running total and week all one week off", "TODO";
        explain: "TODO", "TODO";
    }
    E030 Import {
        meaning: "an imported file is not a whole bulletin: its masthead, sections or closing block are missing", "TODO";
        example: "`weekly import` of a file cut off before `送：`, or of a letter with no `2023 年第 39 期（总第 459 期）` line", "TODO";
        explain: "TODO", "TODO";
    }
    E031 Import {
        meaning: "a Word document that cannot be read: not a .docx, damaged, or too large unpacked", "TODO";
        example: "a `.docx` cut short by a failed copy; a zip that unpacks to gigabytes", "TODO";
        explain: "TODO", "TODO";
    }
    E032 Import {
        meaning: "an imported file is a PDF, an OFD, a Word 97–2003 or WPS document, or encrypted: convert it first", "TODO";
        example: "`weekly import 2023-39.pdf`; a `.doc` from Word 2003, whatever its name; a `.docx` with a password", "TODO";
        explain: "TODO", "TODO";
    }
    W001 Content {
        meaning: "the period is not seven days", "TODO";
        example: "`start: 2023-10-07`, `end: 2023-10-12`", "TODO";
        explain: "TODO", "TODO";
    }
    W002 Content {
        meaning: "published more than two weeks after the period ends", "TODO";
        example: "a week ending 10-13 published 11-01", "TODO";
        explain: "TODO", "TODO";
    }
    W003 Typography {
        meaning: "a paragraph does not end with terminal punctuation", "TODO";
        example: "an item ending in `，` or with no mark", "TODO";
        explain: "TODO", "TODO";
    }
    W004 Content {
        meaning: "a department appears twice among the visits", "TODO";
        example: "`水利厅` in two visits", "TODO";
        explain: "TODO", "TODO";
    }
    W005 Series {
        meaning: "a year-to-date figure is not the previous one plus this week's", "TODO";
        example: "`year_to_date: 15780` where 15288 + 512 = 15800", "TODO";
        explain: "TODO", "TODO";
    }
    W006 Series {
        meaning: "work done so far is below the previous issue's", "TODO";
        example: "`done: 1010` after 1019", "TODO";
        explain: "TODO", "TODO";
    }
    W007 Content {
        meaning: "a section or subsection has no content yet", "TODO";
        example: "`items:` left blank by `weekly new`", "TODO";
        explain: "TODO", "TODO";
    }
    W008 Folder {
        meaning: "issue numbers are missing between the issues of a folder", "TODO";
        example: "第 39 期 and 第 42 期 in one folder", "TODO";
        explain: "TODO", "TODO";
    }
    W009 Series {
        meaning: "the previous issue cannot be read, so continuity with it is not checked", "TODO";
        example: "an archive that starts at 第 41 期, whose `previous` is elsewhere", "TODO";
        explain: "TODO", "TODO";
    }
    W010 Typography {
        meaning: "half-width punctuation in Chinese text", "TODO";
        example: "`通知,明确` → `通知，明确`", "TODO";
        explain: "TODO", "TODO";
    }
    W011 Typography {
        meaning: "unbalanced or misnested quotation marks or brackets", "TODO";
        example: "`《“通知》”`, a `“` never closed", "TODO";
        explain: "TODO", "TODO";
    }
    W012 Typography {
        meaning: "doubled punctuation", "TODO";
        example: "`。。`, `，，`", "TODO";
        explain: "TODO", "TODO";
    }
    W013 Typography {
        meaning: "an ellipsis typed as `...` or `。。。`", "TODO";
        example: "`优化营商环境...` → `优化营商环境……`", "TODO";
        explain: "TODO", "TODO";
    }
    W014 Typography {
        meaning: "a range written with `-`, `－`, `~`, `–` or `——`, or `－` as a connecting mark", "TODO";
        example: "`7日~9日` → `7日—9日`, `30-40岁` → `30～40岁`, `中国－东盟` → `中国-东盟`", "TODO";
        explain: "TODO", "TODO";
    }
    W015 Typography {
        meaning: "a zero-padded month or day", "TODO";
        example: "`10月07日` → `10月7日`", "TODO";
        explain: "TODO", "TODO";
    }
    W016 Typography {
        meaning: "full-width digits or percent sign", "TODO";
        example: "`２８８１` → `2881`, `61.76％` → `61.76%`", "TODO";
        explain: "TODO", "TODO";
    }
    W017 Typography {
        meaning: "numbering typed into a title or paragraph", "TODO";
        example: "`一、领导批示`, `1、本周`, `106.本周`, `4.2.3　概况`", "TODO";
        explain: "TODO", "TODO";
    }
    W018 Typography {
        meaning: "a stray space: between Chinese characters, beside full-width punctuation, or an unusual space character", "TODO";
        example: "`水利 厅`, `关切， 持续`, an en space (U+2002) from a word processor", "TODO";
        explain: "TODO", "TODO";
    }
    W019 Folder {
        meaning: "a year's weekly figures do not add up to its last year-to-date figure", "TODO";
        example: "`weekly stats` over 第 1–39 期 whose 咨询 figures sum to 59019 where 第 39 期 prints 59029", "TODO";
        explain: "TODO", "TODO";
    }
    W020 Import {
        meaning: "imported text that is not where a bulletin has it, or reads like a sentence weekly builds but does not match it: kept as a text item", "TODO";
        example: "`内部资料` under the masthead; `杨兴平副省长在《……》上批示：…` with no date before it", "TODO";
        explain: "TODO", "TODO";
    }
    W021 Import {
        meaning: "an imported page break with the same character on both sides: perhaps repeated, kept as found", "TODO";
        example: "a PDF's page ending `…推动经` and the next beginning `经济发展`", "TODO";
        explain: "TODO", "TODO";
    }
    W022 Import {
        meaning: "an imported share that no whole total, or more than one, gives back", "TODO";
        example: "`共完成 1 项，占比 0.10%`: every total from 953 to 1052 prints it", "TODO";
        explain: "TODO", "TODO";
    }
    W023 Import {
        meaning: "imported from plain text, which has no bold: department items become text items", "TODO";
        example: "`weekly import 2023-39.txt`", "TODO";
        explain: "TODO", "TODO";
    }
    W024 Import {
        meaning: "an imported PDF's text with a space between a Chinese character and a figure or letter: perhaps the typesetter's gap, kept as found", "TODO";
        example: "`首批 50 个` in the text of a PDF that LibreOffice or Typst set", "TODO";
        explain: "TODO", "TODO";
    }
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

impl Severity {
    pub fn name(self) -> Word {
        match self {
            Severity::Error => Word {
                en: "error",
                zh: "错误",
            },
            Severity::Warning => Word {
                en: "warning",
                zh: "警告",
            },
        }
    }
}

/// `weekly explain CODE`: the code's row of the table as a page to read.
pub fn explanation(code: Code, lang: Lang) -> String {
    let about = code.about();
    let (severity, subject) = (
        code.severity().name().get(lang),
        about.subject.name().get(lang),
    );
    let (meaning, example, explain) = (
        about.meaning.get(lang),
        about.example.get(lang),
        about.explain.get(lang),
    );
    match lang {
        Lang::En => format!(
            "{code}: {meaning}\n{severity} · {subject}\n\nExample: {example}\n\n{explain}\n"
        ),
        Lang::Zh => {
            format!("{code}：{meaning}\n{severity} · {subject}\n\n例如：{example}\n\n{explain}\n")
        }
    }
}

/// `weekly explain`: every code, its severity and what it means, a line each.
pub fn listing(lang: Lang) -> String {
    let width = Code::ALL
        .iter()
        .map(|c| c.severity().name().get(lang).chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for code in Code::ALL {
        let severity = code.severity().name().get(lang);
        let pad = width - severity.chars().count();
        let meaning = code.about().meaning.get(lang);
        out += &format!("{code}  {severity}{:pad$}  {meaning}\n", "");
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

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

    /// Every row says something in both languages: no placeholder, Chinese where Chinese is
    /// due, and each explanation a whole sentence.
    #[test]
    fn every_code_is_explained_in_both_languages() {
        let han = |s: &str| s.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
        for code in Code::ALL {
            let about = code.about();
            for (what, word) in [
                ("meaning", about.meaning),
                ("example", about.example),
                ("explanation", about.explain),
            ] {
                for (lang, text) in [("en", word.en), ("zh", word.zh)] {
                    assert!(
                        !text.trim().is_empty() && !text.contains("TODO"),
                        "{code}: no {what} in {lang}"
                    );
                }
            }
            assert!(
                han(about.meaning.zh),
                "{code}: its meaning is not in Chinese"
            );
            assert!(
                han(about.explain.zh),
                "{code}: its explanation is not in Chinese"
            );
            assert!(
                about.explain.en.ends_with('.'),
                "{code}: the explanation ends a sentence"
            );
            assert!(
                about.explain.zh.ends_with('。'),
                "{code}: the Chinese explanation ends a sentence"
            );
        }
    }

    #[test]
    fn an_explanation_names_the_code_its_severity_and_subject() {
        let page = explanation(Code::W013, Lang::Zh);
        assert!(page.starts_with("W013："), "{page}");
        assert!(page.contains("警告 · 书写规范"), "{page}");
        let page = explanation(Code::E002, Lang::En);
        assert!(
            page.starts_with("E002: a value has the wrong type\nerror · values\n"),
            "{page}"
        );
        let list = listing(Lang::En);
        assert_eq!(list.lines().count(), Code::ALL.len());
        assert!(
            list.starts_with("E001  error    the file is not valid YAML\n"),
            "{list}"
        );
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
