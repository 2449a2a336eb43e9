//! Slips in a number typed as a clerk writes figures in prose — `2,903`, `2903人次`, `２９０３`, `1.5万`, `2903。` — and the help that names the number meant.

use std::ops::Range;

use crate::i18n::Msg;
use crate::msg;

/// Help for the text `typed` where a whole number belongs, when it is a number with slips
/// that can be named; `unit_key` says whether the mapping has a `unit` for a typed unit to
/// go to.
pub(super) fn number_help(typed: &str, unit_key: bool) -> Option<Msg> {
    let mut reasons: Vec<Msg> = Vec::new();
    let s = typed.trim();
    let (s, stop) = match s.char_indices().last() {
        Some((at, c @ ('。' | '.' | '．'))) => (&s[..at], Some(c)),
        _ => (s, None),
    };
    let half: String = s.chars().map(half_width).collect();
    if half != s {
        reasons.push(msg!("digits are typed half-width", "数字用半角"));
    }
    let figure_len = half
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(half.len());
    let (figure, rest) = half.split_at(figure_len);
    if !figure.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let figure = if figure.contains(',') {
        reasons.push(msg!("no thousands separator", "不加千分位逗号"));
        ungrouped(figure)?
    } else {
        figure.to_owned()
    };
    let (shift, rest) = match rest.chars().next() {
        Some(c @ ('万' | '亿')) => {
            reasons.push(msg!(
                "the figure in full, not in `{c}`",
                "写出完整数字，不用“{c}”"
            ));
            (if c == '万' { 4 } else { 8 }, &rest[c.len_utf8()..])
        }
        _ => (0, rest),
    };
    let unit = rest.trim();
    if !unit.is_empty() {
        if !unit.chars().all(crate::text::is_han) {
            return None;
        }
        reasons.push(if unit_key {
            msg!("`{unit}` goes in `unit`", "“{unit}”写在 `unit` 里")
        } else {
            msg!(
                "the number alone, without `{unit}`",
                "只写数字，不带“{unit}”"
            )
        });
    }
    if let Some(c) = stop {
        reasons.push(msg!("no `{c}` after a number", "数字后不加 `{c}`"));
    }
    if reasons.is_empty() {
        return None;
    }
    let en: Vec<&str> = reasons.iter().map(|r| r.en.as_str()).collect();
    let zh: Vec<&str> = reasons.iter().map(|r| r.zh.as_str()).collect();
    let (en, zh) = (en.join("; "), zh.join("；"));
    Some(match whole(&figure, shift) {
        Some(n) => msg!("write `{n}`: {en}", "应写作 `{n}`：{zh}"),
        None => Msg { en, zh },
    })
}

/// Help for a number key that a thousands separator split off a number in a `{ … }`
/// mapping, where a comma ends a value: `{ week: 2,903 }` reads as `week: 2` and a key
/// `903`. `key` is the key's span in `source`.
pub(super) fn split_number_help(source: &str, key: Range<usize>) -> Option<Msg> {
    let bytes = source.as_bytes();
    let group = |at: usize| {
        source
            .get(at..at + 3)
            .is_some_and(|g| g.bytes().all(|b| b.is_ascii_digit()))
            && !bytes.get(at + 3).is_some_and(u8::is_ascii_digit)
    };
    if key.len() != 3 || !group(key.start) || key.start < 2 || bytes[key.start - 1] != b',' {
        return None;
    }
    // Back over the groups and the leading digits, forward over the groups after the key.
    let mut start = key.start - 1;
    while start > 0 && (bytes[start - 1].is_ascii_digit() || bytes[start - 1] == b',') {
        start -= 1;
    }
    let mut end = key.end;
    while bytes.get(end) == Some(&b',') && group(end + 1) {
        end += 4;
    }
    let typed = &source[start..end];
    let n = ungrouped(typed)?;
    let first = typed.split(',').next().unwrap_or_default();
    let split = &source[key];
    Some(msg!(
        "in `{{ }}` a comma ends a value, so `{typed}` was read as {first} and a key {split}: write `{n}`, without the thousands separator",
        "`{{ }}` 中逗号会分隔取值，`{typed}` 被读成了 {first} 和键 {split}：应写作 `{n}`，不加千分位逗号"
    ))
}

fn half_width(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        '．' => '.',
        '，' => ',',
        _ => c,
    }
}

/// `2,903` → `2903`, when the commas part the digits in threes.
fn ungrouped(figure: &str) -> Option<String> {
    let (whole, decimals) = figure.split_once('.').unwrap_or((figure, ""));
    let mut groups = whole.split(',');
    let lead = groups.next()?;
    let grouped = (1..=3).contains(&lead.len())
        && groups.all(|g| g.len() == 3)
        && whole.bytes().all(|b| b.is_ascii_digit() || b == b',')
        && !decimals.contains(',');
    grouped.then(|| {
        let digits = whole.replace(',', "");
        if decimals.is_empty() {
            digits
        } else {
            format!("{digits}.{decimals}")
        }
    })
}

/// The whole number `figure` × 10^`shift` stands for, written out, if it is one.
fn whole(figure: &str, shift: usize) -> Option<u64> {
    let (int, frac) = figure.split_once('.').unwrap_or((figure, ""));
    if frac.len() > shift && frac[shift..].bytes().any(|b| b != b'0') {
        return None;
    }
    let moved = &frac[..frac.len().min(shift)];
    let digits = format!("{int}{moved}{}", "0".repeat(shift - moved.len()));
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn help(typed: &str, unit_key: bool) -> Option<(String, String)> {
        number_help(typed, unit_key).map(|m| (m.en, m.zh))
    }

    #[test]
    fn each_slip_and_the_number_meant() {
        for (typed, en, zh) in [
            (
                "2,903",
                "write `2903`: no thousands separator",
                "应写作 `2903`：不加千分位逗号",
            ),
            (
                "1,234,567",
                "write `1234567`: no thousands separator",
                "应写作 `1234567`：不加千分位逗号",
            ),
            (
                "2903人次",
                "write `2903`: `人次` goes in `unit`",
                "应写作 `2903`：“人次”写在 `unit` 里",
            ),
            (
                "２９０３",
                "write `2903`: digits are typed half-width",
                "应写作 `2903`：数字用半角",
            ),
            (
                "1.5万",
                "write `15000`: the figure in full, not in `万`",
                "应写作 `15000`：写出完整数字，不用“万”",
            ),
            (
                "3亿",
                "write `300000000`: the figure in full, not in `亿`",
                "应写作 `300000000`：写出完整数字，不用“亿”",
            ),
            (
                "2903。",
                "write `2903`: no `。` after a number",
                "应写作 `2903`：数字后不加 `。`",
            ),
            (
                "2903.",
                "write `2903`: no `.` after a number",
                "应写作 `2903`：数字后不加 `.`",
            ),
            (
                "2,903人次。",
                "write `2903`: no thousands separator; `人次` goes in `unit`; no `。` after a number",
                "应写作 `2903`：不加千分位逗号；“人次”写在 `unit` 里；数字后不加 `。`",
            ),
            (
                "１．５万人次",
                "write `15000`: digits are typed half-width; the figure in full, not in `万`; `人次` goes in `unit`",
                "应写作 `15000`：数字用半角；写出完整数字，不用“万”；“人次”写在 `unit` 里",
            ),
        ] {
            assert_eq!(
                help(typed, true),
                Some((en.to_owned(), zh.to_owned())),
                "{typed}"
            );
        }
        assert_eq!(
            help("91份", false),
            Some((
                "write `91`: the number alone, without `份`".to_owned(),
                "应写作 `91`：只写数字，不带“份”".to_owned()
            ))
        );
    }

    #[test]
    fn slips_without_a_whole_number_are_named_without_one() {
        assert_eq!(
            help("1.5人次", true),
            Some((
                "`人次` goes in `unit`".to_owned(),
                "“人次”写在 `unit` 里".to_owned()
            ))
        );
        assert_eq!(
            help("1.23456万", true).map(|(en, _)| en),
            Some("the figure in full, not in `万`".to_owned())
        );
    }

    #[test]
    fn what_is_not_a_number_gets_no_help() {
        for typed in [
            "约2903",
            "二千九百",
            "2,9",
            "29,03",
            "2903 people",
            "",
            "1.5",
            "2903",
        ] {
            assert_eq!(help(typed, true), None, "{typed}");
        }
    }

    #[test]
    fn a_number_split_by_a_comma_in_braces() {
        let source = "{ week: 2,903, year_to_date: 1,234,567 }";
        let key = |k: &str| {
            let at = source.find(k).unwrap();
            at..at + k.len()
        };
        let m = split_number_help(source, key("903")).unwrap();
        assert_eq!(
            m.en,
            "in `{ }` a comma ends a value, so `2,903` was read as 2 and a key 903: write `2903`, without the thousands separator"
        );
        assert_eq!(
            m.zh,
            "`{ }` 中逗号会分隔取值，`2,903` 被读成了 2 和键 903：应写作 `2903`，不加千分位逗号"
        );
        for k in ["234", "567"] {
            let m = split_number_help(source, key(k)).unwrap();
            assert!(
                m.en.ends_with("write `1234567`, without the thousands separator"),
                "{k}"
            );
        }
        // A key of its own, or not three digits after a comma, is no split number.
        for (source, k) in [
            ("{ 903: x }", "903"),
            ("{ a: 2, 90: x }", "90"),
            ("{ a: x,903: y }", "903"),
        ] {
            let at = source.find(k).unwrap();
            assert_eq!(
                split_number_help(source, at..at + k.len()),
                None,
                "{source}"
            );
        }
    }
}
