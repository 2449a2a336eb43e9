//! The finding codes: every code weekly reports, its severity and what it means.

use std::fmt;
use std::str::FromStr;

/// How bad a finding is: errors make the input invalid, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
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

    #[test]
    fn codes_are_listed_in_order_once() {
        let names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(names, sorted);
    }
}
