//! Chinese typesetting helpers: numerals, dates, percentages and Markdown escaping; all pure.

pub mod address;
mod chars;
pub mod phrases;
pub mod quote;
pub mod stand_in;
mod wrap;

pub use chars::{invisible, is_han};
pub use wrap::{display_width, wrap_document};

use chrono::{Datelike, NaiveDate};

const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// Writes `n` in Chinese numerals as bulletins number their headings: 1 → 一, 10 → 十,
/// 11 → 十一, 21 → 二十一, 105 → 一百零五, 110 → 一百一十. Beyond 999 the Arabic figure is kept.
pub fn numeral(n: usize) -> String {
    match n {
        0..=9 => DIGITS[n].to_owned(),
        10..=19 => format!("十{}", units(n % 10)),
        20..=99 => format!("{}十{}", DIGITS[n / 10], units(n % 10)),
        100..=999 => {
            let rest = n % 100;
            let head = format!("{}百", DIGITS[n / 100]);
            match rest {
                0 => head,
                1..=9 => format!("{head}零{}", DIGITS[rest]),
                // Inside a larger number the tens digit is spoken: 一百一十 rather than 一百十.
                10..=19 => format!("{head}一{}", numeral(rest)),
                _ => format!("{head}{}", numeral(rest)),
            }
        }
        _ => n.to_string(),
    }
}

fn units(n: usize) -> &'static str {
    if n == 0 { "" } else { DIGITS[n] }
}

/// `2023 年 10 月 20 日`: the masthead date. Months and days are never zero-padded.
pub fn full_date(d: NaiveDate) -> String {
    format!("{} 年 {} 月 {} 日", d.year(), d.month(), d.day())
}

/// `10 月 9 日`.
pub fn month_day(d: NaiveDate) -> String {
    format!("{} 月 {} 日", d.month(), d.day())
}

/// A date inside the text of an issue published in `year`: month and day, with the year
/// only when it differs.
pub fn date_in_year(d: NaiveDate, year: i32) -> String {
    if d.year() == year {
        month_day(d)
    } else {
        full_date(d)
    }
}

/// The week an issue covers, `10 月 7 日—10 月 13 日` (U+2014 between), with the year on
/// both ends when the week crosses into a new year.
pub fn period(start: NaiveDate, end: NaiveDate) -> String {
    if start.year() == end.year() {
        format!("{}—{}", month_day(start), month_day(end))
    } else {
        format!("{}—{}", full_date(start), full_date(end))
    }
}

/// `s` as Typst content, `[#"…"#close("，")…]`: its text as strings, never markup, and each
/// Chinese punctuation mark handed to the template's `close` or `open`, which give a mark its
/// cell and keep it to the side of the line 禁则 asks. A show rule matching the marks did the
/// same, but Typst nests a group for each of its matches in a paragraph, and stops at 512.
pub fn typst_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 4 + 4);
    out.push('[');
    let mut rest = s;
    while !rest.is_empty() {
        let cut = rest.find(|c| mark_side(c).is_some()).unwrap_or(rest.len());
        if cut > 0 {
            out.push('#');
            out.push_str(&typst_string(&rest[..cut]));
        }
        let mut marks = rest[cut..].chars();
        if let Some(mark) = marks.next() {
            let side = mark_side(mark).expect("the cut is at a mark");
            out.push_str(side);
            out.push_str("(\"");
            out.push(mark);
            out.push_str("\")");
        }
        rest = marks.as_str();
    }
    out.push(']');
    out
}

/// The template's function for a Chinese punctuation mark: `#close` for a mark that may not
/// start a line, `#open` for one that may not end it.
fn mark_side(c: char) -> Option<&'static str> {
    match c {
        '，' | '。' | '、' | '；' | '：' | '？' | '！' | '”' | '’' | '）' | '》' | '〉' | '】'
        | '…' => Some("#close"),
        '“' | '‘' | '（' | '《' | '〈' | '【' => Some("#open"),
        _ => None,
    }
}

/// `s` as a Typst string literal, quotes included: in the Typst source of a PDF, text typed
/// in an issue is a string, never markup. A line or paragraph separator (W026) is a space, as
/// a browser and Word print it: Typst would break the line there and spread what stood before
/// it across the whole line.
pub fn typst_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{2028}' | '\u{2029}' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `1 day`, `6 days`: a count of days in English.
pub fn days(n: i64) -> String {
    if n == 1 {
        "1 day".to_owned()
    } else {
        format!("{n} days")
    }
}

/// `part` as a percentage of `total` with two decimals, rounded half up: 1019 of 1650 →
/// `61.76`. Integer arithmetic, so no float rounding can shift the last digit.
/// `total` must not be zero.
pub fn percent(part: u64, total: u64) -> String {
    let (part, total) = (u128::from(part), u128::from(total.max(1)));
    let hundredths = (part * 20_000 + total) / (2 * total);
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

/// Escapes what Markdown would read as markup, so user text prints as typed.
pub fn markdown_escape(s: &str) -> String {
    let special = |b: u8| {
        matches!(
            b,
            b'\\' | b'`' | b'*' | b'_' | b'[' | b']' | b'<' | b'>' | b'#' | b'~'
        )
    };
    if !s.bytes().any(special) && list_marker(s).is_none() {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len() + 8);
    // A backslash works only before punctuation, so `12. ` is escaped as `12\. `.
    let marker_at = list_marker(s);
    for (i, c) in s.char_indices() {
        if Some(i) == marker_at
            || matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '~'
            )
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Where `- `, `+ `, `1. ` or `1) ` at the start of a line would open a Markdown list: the
/// byte offset of its punctuation.
fn list_marker(s: &str) -> Option<usize> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let punct = *s.as_bytes().get(digits)?;
    let is_marker = if digits == 0 {
        matches!(punct, b'-' | b'+')
    } else {
        matches!(punct, b'.' | b')')
    };
    let then = s.as_bytes().get(digits + 1);
    (is_marker && then.is_none_or(|b| *b == b' ' || *b == b'\t')).then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typst_strings_escape_what_would_end_them() {
        assert_eq!(typst_string("周报"), "\"周报\"");
        assert_eq!(typst_string(r#"a"b\c#[x]*"#), r#""a\"b\\c#[x]*""#);
        assert_eq!(typst_string("a\nb"), "\"a\\nb\"");
    }

    #[test]
    fn a_line_separator_is_a_space_in_the_typst_source() {
        assert_eq!(typst_string("本周\u{2028}完成\u{2029}"), "\"本周 完成 \"");
    }

    #[test]
    fn typst_text_hands_each_mark_to_the_template() {
        assert_eq!(typst_text(""), "[]");
        assert_eq!(typst_text("周报"), "[#\"周报\"]");
        assert_eq!(
            typst_text("“一网通办”，好。"),
            "[#open(\"“\")#\"一网通办\"#close(\"”\")#close(\"，\")#\"好\"#close(\"。\")]"
        );
        assert_eq!(
            typst_text("a\"#b……"),
            "[#\"a\\\"#b\"#close(\"…\")#close(\"…\")]"
        );
        assert_eq!(
            typst_text("（总第 1 期）"),
            "[#open(\"（\")#\"总第 1 期\"#close(\"）\")]"
        );
    }

    #[test]
    fn one_day_is_singular() {
        assert_eq!(days(1), "1 day");
        assert_eq!(days(6), "6 days");
        assert_eq!(days(0), "0 days");
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn numerals_one_to_ninety_nine() {
        let expected = [
            (1, "一"),
            (2, "二"),
            (9, "九"),
            (10, "十"),
            (11, "十一"),
            (19, "十九"),
            (20, "二十"),
            (21, "二十一"),
            (30, "三十"),
            (45, "四十五"),
            (90, "九十"),
            (99, "九十九"),
        ];
        for (n, s) in expected {
            assert_eq!(numeral(n), s, "{n}");
        }
        let all: Vec<String> = (1..=99).map(numeral).collect();
        let mut unique = all.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 99, "every numeral from 1 to 99 is distinct");
        assert!(all.iter().all(|s| s.chars().count() <= 3));
    }

    #[test]
    fn numerals_past_ninety_nine() {
        assert_eq!(numeral(100), "一百");
        assert_eq!(numeral(105), "一百零五");
        assert_eq!(numeral(110), "一百一十");
        assert_eq!(numeral(111), "一百一十一");
        assert_eq!(numeral(999), "九百九十九");
        assert_eq!(numeral(1000), "1000");
    }

    #[test]
    fn dates_are_not_zero_padded() {
        assert_eq!(full_date(date(2023, 10, 20)), "2023 年 10 月 20 日");
        assert_eq!(full_date(date(2024, 1, 5)), "2024 年 1 月 5 日");
        assert_eq!(month_day(date(2023, 10, 9)), "10 月 9 日");
    }

    #[test]
    fn period_within_a_month_and_across_months() {
        assert_eq!(
            period(date(2023, 10, 7), date(2023, 10, 13)),
            "10 月 7 日—10 月 13 日"
        );
        assert_eq!(
            period(date(2023, 9, 28), date(2023, 10, 4)),
            "9 月 28 日—10 月 4 日"
        );
    }

    #[test]
    fn period_across_a_year_names_both_years() {
        assert_eq!(
            period(date(2023, 12, 30), date(2024, 1, 5)),
            "2023 年 12 月 30 日—2024 年 1 月 5 日"
        );
    }

    #[test]
    fn dates_in_text_name_the_year_only_when_it_differs() {
        assert_eq!(date_in_year(date(2023, 10, 9), 2023), "10 月 9 日");
        assert_eq!(
            date_in_year(date(2023, 12, 29), 2024),
            "2023 年 12 月 29 日"
        );
    }

    #[test]
    fn percent_rounds_half_up_to_two_decimals() {
        assert_eq!(percent(1019, 1650), "61.76");
        assert_eq!(percent(1, 8), "12.50");
        assert_eq!(percent(1, 3), "33.33");
        assert_eq!(percent(2, 3), "66.67");
        // 0.125 % exactly: half up, where binary floats would round to even.
        assert_eq!(percent(1, 800), "0.13");
        assert_eq!(percent(33, 1056), "3.13");
        assert_eq!(percent(1, 16), "6.25");
        assert_eq!(percent(5, 800), "0.63");
        assert_eq!(percent(0, 7), "0.00");
        assert_eq!(percent(7, 7), "100.00");
        assert_eq!(percent(u64::MAX, u64::MAX), "100.00");
    }

    #[test]
    fn markdown_escape_leaves_chinese_text_alone() {
        let s = "实行重点项目用地“容缺+承诺”办理，（便民）服务中心。";
        assert_eq!(markdown_escape(s), s);
    }

    #[test]
    fn markdown_escape_neutralises_markup() {
        assert_eq!(markdown_escape("a*b*_c_"), r"a\*b\*\_c\_");
        assert_eq!(markdown_escape("<b>[x](y)"), r"\<b\>\[x\](y)");
        assert_eq!(markdown_escape("# 标题"), r"\# 标题");
        assert_eq!(markdown_escape("- 项"), r"\- 项");
        assert_eq!(markdown_escape("12. 项"), r"12\. 项");
        assert_eq!(markdown_escape("1.10 月"), "1.10 月");
        assert_eq!(markdown_escape("-5 度"), "-5 度");
    }
}
