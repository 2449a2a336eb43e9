//! The frame every issue file is written in, whatever fills it: `previous:` with its comment,
//! the masthead, the sections and subsections with their titles, the footer; and text as a
//! YAML scalar that reads back as the same text.

use std::fmt::Write;

use chrono::NaiveDate;

use super::draft::Masthead;
use crate::i18n::Lang;
use crate::msg;

/// `previous:`, with the comment that says what it is for.
pub fn previous_key(out: &mut String, previous: &str, lang: Lang) {
    let link = msg!(
        "# Last week's issue: the numbers, the week and the year-to-date figures follow on from it.",
        "# 上一期：期号、周期和累计数都接着它往下算。"
    );
    let _ = writeln!(out, "{}\nprevious: {}\n", link.get(lang), scalar(previous));
}

/// The `masthead:` mapping of an issue file; a running total not known is left blank, with a
/// comment that asks for it.
pub fn masthead(out: &mut String, lang: Lang, m: &Masthead) {
    let total = match m.total {
        Some(total) => total.to_string(),
        None => {
            let ask = msg!(
                "          # 总第 … 期: not printed in the bulletin; write it (last week's + 1)",
                "          # 总期号：原周报未印，请按上一期总期号加 1 填写"
            );
            ask.get(lang).to_owned()
        }
    };
    let _ = writeln!(
        out,
        "masthead:\n  title: {}\n  year: {}\n  number: {}\n  total: {}\n  period:\n    start: {}\n    end: {}\n  publisher: {}\n  published: {}\n",
        scalar(&m.title),
        m.year,
        m.number,
        total,
        m.start,
        m.end,
        scalar(&m.publisher),
        m.published
    );
}

/// A section as the frame walks it: its title, and its content or its subsections' titles and
/// content. The writers of issue files walk different kinds of issue through one frame.
pub struct Section<'a, C> {
    pub title: &'a str,
    pub body: Body<'a, C>,
}

pub enum Body<'a, C> {
    Content(&'a C),
    Subsections(Vec<(&'a str, &'a C)>),
}

/// `sections:`, each section's and subsection's title, and each piece of content as `content`
/// writes it at the indentation it is given; with `spaced`, a blank line between sections.
pub fn sections<'a, C: 'a>(
    out: &mut String,
    sections: impl IntoIterator<Item = Section<'a, C>>,
    spaced: bool,
    mut content: impl FnMut(&mut String, &C, &str),
) {
    out.push_str("sections:\n");
    for (i, section) in sections.into_iter().enumerate() {
        if spaced && i > 0 {
            out.push('\n');
        }
        let _ = writeln!(out, "  - title: {}", scalar(section.title));
        match section.body {
            Body::Content(c) => content(out, c, "    "),
            Body::Subsections(subs) => {
                out.push_str("    subsections:\n");
                for (title, c) in subs {
                    let _ = writeln!(out, "      - title: {}", scalar(title));
                    content(out, c, "        ");
                }
            }
        }
    }
}

/// The `footer:` mapping, after a blank line.
pub fn footer(out: &mut String, send: &str, distribute: &str, copies: u64) {
    let _ = write!(
        out,
        "\nfooter:\n  send: {}\n  distribute: {}\n  copies: {copies}\n",
        scalar(send),
        scalar(distribute),
    );
}

/// Text YAML would read as a number or a date if it were not quoted. Rust reads `.5`, `+.5`
/// and `1e3` as numbers as YAML does.
fn looks_like_a_number_or_date(s: &str) -> bool {
    let t = s.replace('_', "").to_ascii_lowercase();
    let unsigned = t.trim_start_matches(['+', '-']);
    t.parse::<f64>().is_ok()
        || matches!(unsigned, ".inf" | ".nan")
        || unsigned.starts_with("0x")
        || unsigned.starts_with("0o")
        || unsigned.starts_with("0b")
        || NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
}

/// A text as a YAML scalar: plain where YAML reads it back as the same text, else quoted.
pub fn scalar(s: &str) -> String {
    let plain = !s.is_empty()
        && s.trim() == s
        && !s.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`~".contains(c))
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && !s.chars().any(|c| c.is_control() || c == '\u{feff}')
        && !looks_like_a_number_or_date(s)
        && !matches!(
            s.to_ascii_lowercase().as_str(),
            "true" | "false" | "null" | "yes" | "no" | "on" | "off" | "y" | "n"
        );
    if plain {
        return s.to_owned();
    }
    let mut quoted = String::with_capacity(s.len() + 2);
    quoted.push('"');
    for c in s.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\t' => quoted.push_str("\\t"),
            // YAML reads a byte-order mark inside a document as an error, even quoted.
            c if c.is_control() || c == '\u{feff}' => {
                let _ = write!(quoted, "\\u{:04X}", c as u32);
            }
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::yaml::{Value, parse};

    /// Text that YAML (1.2, or 1.1 as other tools read it) would take for a number, a date, a
    /// boolean or null is quoted, and reads back as the same text; so is text with a control
    /// character or a byte-order mark, written as an escape (which `weekly check` then asks to
    /// remove, E016).
    #[test]
    fn text_that_yaml_would_read_as_something_else_is_quoted() {
        let quoted = [
            "459",
            "1_000",
            "0x1F",
            "0o17",
            "0b101",
            ".5",
            "-.5",
            ".inf",
            "-.INF",
            ".nan",
            "2023-10-20",
            "yes",
            "Off",
            "null",
            "甲\u{7}乙",
            "\u{feff}甲",
            "- 甲",
            "甲: 乙",
            "甲 #乙",
            " 甲",
            "",
        ];
        for s in quoted {
            assert!(scalar(s).starts_with('"'), "{s:?} is written {}", scalar(s));
        }
        let plain = [
            "窗口工作周报",
            "2023-13-45",
            "第 36 期",
            "1.5 亿元",
            "o17",
            "x1F",
            "yesterday",
        ];
        for s in plain {
            assert_eq!(scalar(s), s, "{s:?}");
        }
        for s in ["甲\u{7}乙", "\u{feff}甲"] {
            assert!(
                !scalar(s).chars().any(|c| c.is_control() || c == '\u{feff}'),
                "{s:?}"
            );
        }
        let readable = |s: &&&str| !s.chars().any(|c| c.is_control() || c == '\u{feff}');
        for s in quoted.iter().filter(readable).chain(&plain) {
            let doc = format!("key: {}\n", scalar(s));
            let root = parse(&doc).unwrap();
            let Value::Map(entries) = root.value else {
                panic!("{doc}")
            };
            assert_eq!(entries[0].1.value, Value::Str((*s).into()), "{doc}");
        }
    }
}
