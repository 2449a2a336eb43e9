//! W014: connecting marks (GB/T 15834 4.13): ranges written with the wrong dash, and `－`.

use super::chars::{Chars, Lint, Rule, Text, lint};
use crate::diag::Code;
use crate::msg;

pub const RULE: Rule = Rule {
    codes: &[Code::W014],
    wakes: |_, c| matches!(c, '-' | '~' | '–' | '－' | '～' | '—'),
    check: |t: &Text, out| ranges(t.chars(), out),
};

/// What a dash between two values joins, as GB/T 15834 4.13.3 tells them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Range {
    /// A start and an end in time (`2011—2020年`, `7—9日`, `9:00—17:00`): a `—`.
    Time,
    /// A range of values (`30～40岁`, `5%～8%`): a `～`.
    Values,
}

/// W014: a range written with `-`, `－`, `~`, `–` or `——`, and a full-width `－` used as a
/// connecting mark, which is none of the three GB/T 15834 has (`-`, `—`, `～`).
fn ranges(t: &Chars, out: &mut Vec<Lint>) {
    let mut i = 0;
    while let Some(c) = t.get(i) {
        let width = if matches!(c, '—' | '－') && t.get(i + 1) == Some(c) {
            2
        } else if matches!(c, '-' | '~' | '–' | '－' | '～') {
            1
        } else {
            i += 1;
            continue;
        };
        let dash = t.slice(i, width);
        let range = if width == 2 && c == '－' {
            None
        } else {
            range_at(t, i, width)
        };
        let found = match range {
            Some(Range::Time) => Some((
                msg!(
                    "`{dash}` in a range of dates or times",
                    "日期或时间范围中使用了 `{dash}`"
                ),
                msg!(
                    "write the range with `—` (U+2014), or with 至",
                    "范围应使用一字线 `—`（U+2014），或用“至”"
                ),
            )),
            Some(Range::Values) if c != '～' => Some((
                msg!(
                    "`{dash}` in a range of numbers",
                    "数值范围中使用了 `{dash}`"
                ),
                msg!(
                    "write the range with `～` (U+FF5E), or with 至",
                    "数值范围应使用浪纹线 `～`（U+FF5E），或用“至”"
                ),
            )),
            Some(Range::Values) => None,
            None if width == 2 && c == '－' => Some((
                msg!("a dash typed as `－－`", "破折号写成了 `－－`"),
                msg!("write the dash as `——`", "破折号应写作 `——`"),
            )),
            None if c == '－' && !is_minus(t, i) => Some((
                msg!(
                    "full-width `－` as a connecting mark",
                    "连接号使用了全角 `－`"
                ),
                msg!(
                    "use the hyphen `-` inside a name or a number (`中国-东盟`), the dash `—` from a start to an end (`北京—上海`)",
                    "复合名词、编号中用短横线 `-`（如“中国-东盟”），起止之间用一字线 `—`（如“北京—上海”）"
                ),
            )),
            None => None,
        };
        if let Some((message, help)) = found {
            out.push(lint(Code::W014, t.span(i, width), message, help));
        }
        i += width;
    }
}

/// `－5℃`: a minus sign typed full-width, before a number and after none.
fn is_minus(t: &Chars, i: usize) -> bool {
    t.get(i + 1).is_some_and(|c| c.is_ascii_digit())
        && !t.before(i).is_some_and(|c| c.is_ascii_alphanumeric())
}

/// Whether the dash of `width` characters at `i` joins the ends of a range, and of which kind.
fn range_at(t: &Chars, i: usize, width: usize) -> Option<Range> {
    let before = t.before(i)?;
    if !t.get(i + width)?.is_ascii_digit() {
        return None;
    }
    let after_a_digit = |n: usize| i > n && t.get(i - n - 1).is_some_and(|c| c.is_ascii_digit());
    // `3小时-5小时`, `30岁-40岁`: the first end carries its unit, of time or of a value.
    if i >= 2 && t.slice(i - 2, 2) == "小时" {
        return Some(Range::Values);
    }
    // `10月7日-10月13日`, `9:00-17:00`: the first end is a date or a time.
    if matches!(before, '日' | '月' | '年' | '时' | '点' | '分')
        || (i >= 3 && before.is_ascii_digit() && t.get(i - 3) == Some(':'))
    {
        return Some(Range::Time);
    }
    if after_a_digit(1) && unit(t, i - 1).is_some() {
        return Some(Range::Values);
    }
    let first = number_before(t, i)?;
    let second = number_after(t, i + width)?;
    let years = |n: &Number| n.digits == 4 && (1000..=2999).contains(&n.value);
    let rising = first.value < second.value;
    match unit(t, second.unit_at) {
        _ if first.percent || second.percent => Some(Range::Values),
        // `2011-2020年` runs from one year to another; `3-5年` is a length of time.
        Some("年") if years(&first) && years(&second) && rising => Some(Range::Time),
        Some("年") if first.digits < 4 && second.digits < 4 => Some(Range::Values),
        Some("月") if first.value <= 12 && second.value <= 12 => Some(Range::Time),
        Some("日" | "时" | "点") => Some(Range::Time),
        Some("年" | "月") => None,
        Some(_) => Some(Range::Values),
        // `（2011-2015）`: two years, the second later, with nothing after them.
        None if years(&first) && years(&second) && rising => Some(Range::Time),
        None => None,
    }
}

/// One end of a range: an Arabic number, maybe with a decimal part and a `%`.
struct Number {
    /// Its whole part: how many digits, and their value (saturating).
    digits: usize,
    value: u64,
    percent: bool,
    /// Where a unit after it would start: past any spaces.
    unit_at: usize,
}

/// The number that ends just before index `i`, unless it is part of a code, a date or a
/// standard's number (`GB/T 9704-2012`, `2011-02-15`, `COVID-19`).
fn number_before(t: &Chars, i: usize) -> Option<Number> {
    let percent = matches!(t.before(i), Some('%' | '％'));
    let end = i - usize::from(percent);
    let len = (0..end)
        .rev()
        .take_while(|&j| t.get(j).is_some_and(|c| c.is_ascii_digit() || c == '.'))
        .count();
    let start = end - len;
    if len == 0 || t.get(start) == Some('.') || !t.get(end - 1)?.is_ascii_digit() {
        return None;
    }
    // What stands before the number, past spaces: a letter or a mark of a code means a code.
    let spaces = (0..start)
        .rev()
        .take_while(|&j| t.get(j) == Some(' '))
        .count();
    if t.before(start - spaces).is_some_and(|c| {
        c.is_ascii_alphanumeric() || matches!(c, '-' | '－' | '.' | '/' | ':' | '_' | '~' | '–')
    }) {
        return None;
    }
    let (digits, value) = whole_part(t, start);
    Some(Number {
        digits,
        value,
        percent,
        unit_at: i,
    })
}

/// The number that starts at index `k`, unless more of a code or a date follows it.
fn number_after(t: &Chars, k: usize) -> Option<Number> {
    let (digits, value) = whole_part(t, k);
    let mut end = k + digits;
    if t.get(end) == Some('.') && t.get(end + 1).is_some_and(|c| c.is_ascii_digit()) {
        end += 1 + t.run(end + 1, |c| c.is_ascii_digit());
    }
    let percent = matches!(t.get(end), Some('%' | '％'));
    end += usize::from(percent);
    if t.get(end).is_some_and(|c| {
        c.is_ascii_alphanumeric() || matches!(c, '-' | '－' | '.' | '/' | ':' | '_')
    }) {
        return None;
    }
    Some(Number {
        digits,
        value,
        percent,
        unit_at: end + t.run(end, |c| c == ' '),
    })
}

/// The digits from `k` on: how many, and their value.
fn whole_part(t: &Chars, k: usize) -> (usize, u64) {
    let digits = t.run(k, |c| c.is_ascii_digit());
    let value = t.slice(k, digits).bytes().fold(0u64, |v, b| {
        v.saturating_mul(10).saturating_add(u64::from(b - b'0'))
    });
    (digits, value)
}

/// The unit that starts at index `k`, if the text has one there: time units, then units of
/// quantity, counting and money as a bulletin uses them.
fn unit(t: &Chars, k: usize) -> Option<&'static str> {
    const UNITS: [&str; 48] = [
        "年", "月", "日", "时", "点", "个", "岁", "人", "名", "位", "次", "件", "家", "项", "条",
        "款", "章", "节", "页", "届", "期", "批", "万", "亿", "千", "百", "元", "米", "克", "吨",
        "斤", "亩", "倍", "天", "周", "户", "座", "台", "辆", "间", "张", "套", "层", "度", "小时",
        "分钟", "公里", "公斤",
    ];
    let rest = t.rest(k);
    UNITS.into_iter().find(|u| rest.starts_with(u))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::lint::tests::found;
    use crate::check::lint::text;

    #[test]
    fn range_dashes_in_dates_and_times() {
        assert_eq!(
            found("10月7日-10月13日，7日~9日，9:00–17:00，3日——5日"),
            [
                (Code::W014, "-"),
                (Code::W014, "~"),
                (Code::W014, "–"),
                (Code::W014, "——")
            ]
        );
        assert_eq!(found("10月7日—10月13日，编号 2023-39"), []);
    }

    #[test]
    fn ranges_of_years_days_and_values() {
        for (s, dash, kind) in [
            ("2011-2020年", "-", Range::Time),
            ("规划（2011-2015）", "-", Range::Time),
            ("2011－2015年", "－", Range::Time),
            ("本月7-9日", "-", Range::Time),
            ("1-9月，", "-", Range::Time),
            ("8-10时", "-", Range::Time),
            ("2011-2020 年", "-", Range::Time),
            ("30-40岁", "-", Range::Values),
            ("3-5年", "-", Range::Values),
            ("3-6个月", "-", Range::Values),
            ("1.5-2.0倍", "-", Range::Values),
            ("5%-8%，", "-", Range::Values),
            ("第3-5条", "-", Range::Values),
            ("30岁-40岁", "-", Range::Values),
            ("3~5 小时", "~", Range::Values),
            ("30——40岁", "——", Range::Values),
        ] {
            let dash_at = s.find(dash).unwrap();
            let t = Chars::new(s);
            let i = s[..dash_at].chars().count();
            assert_eq!(range_at(&t, i, dash.chars().count()), Some(kind), "{s}");
            assert_eq!(found(s), [(Code::W014, dash)], "{s}");
        }
        let l = &text("30-40岁")[0];
        assert_eq!(l.message.en, "`-` in a range of numbers");
        assert_eq!(l.help.zh, "数值范围应使用浪纹线 `～`（U+FF5E），或用“至”");
        assert_eq!(
            text("2011-2020年")[0].help.en,
            "write the range with `—` (U+2014), or with 至"
        );
    }

    #[test]
    fn codes_dates_and_numbers_with_a_hyphen_are_no_ranges() {
        for s in [
            "按 GB/T 9704-2012 排版",
            "依据GB 3100-1993执行",
            "编号 2023-39",
            "2011-02-15",
            "电话 028-86661234",
            "见表2-8所示",
            "图3-1中",
            "COVID-19疫情",
            "WZ-10直升机",
            "3-戊酮",
            "气温-5℃",
            "2020-2011年",
            "编号（2015-2011）",
            "2023-13月",
            "（2011—2015）",
            "30～40岁",
            "5%～8%",
            "中国-东盟",
            "北京—上海",
        ] {
            assert_eq!(found(s), [], "{s}");
        }
    }

    #[test]
    fn a_full_width_hyphen_is_no_connecting_mark() {
        assert_eq!(found("中国－东盟博览会"), [(Code::W014, "－")]);
        let l = &text("中国－东盟")[0];
        assert_eq!(l.message.zh, "连接号使用了全角 `－`");
        assert!(l.help.zh.starts_with("复合名词、编号中用短横线 `-`"));
        assert_eq!(found("编号2023－39"), [(Code::W014, "－")]);
        assert_eq!(found("重要的是－－落实"), [(Code::W014, "－－")]);
        assert_eq!(
            text("重要的是－－落实")[0].help.en,
            "write the dash as `——`"
        );
        // A full-width minus before a number is left to the reader.
        assert_eq!(found("气温－5℃"), []);
    }
}
