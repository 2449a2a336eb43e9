//! Numbers (GB/T 15835): zero-padded dates (W015), full-width digits (W016), typed numbering (W017).

use super::chars::{Chars, Lint, lint};
use crate::diag::Code;
use crate::msg;

/// W015: `10月07日`: months and days are not zero-padded.
pub(super) fn zero_padded_dates(s: &str, out: &mut Vec<Lint>) {
    let bytes = s.as_bytes();
    for (at, unit) in s.match_indices(['月', '日']) {
        if at >= 2
            && bytes[at - 2] == b'0'
            && bytes[at - 1].is_ascii_digit()
            && (at == 2 || !bytes[at - 3].is_ascii_digit())
        {
            out.push(lint(
                Code::W015,
                at - 2..at + unit.len(),
                msg!(
                    "zero-padded `{}`",
                    "月、日前补了零 `{}`",
                    &s[at - 2..at + unit.len()]
                ),
                msg!(
                    "write `{}{unit}`",
                    "应写作 `{}{unit}`",
                    bytes[at - 1] as char
                ),
            ));
        }
    }
}

/// W016: full-width digits `０`–`９`.
pub(super) fn full_width_digits(t: &Chars, out: &mut Vec<Lint>) {
    let mut i = 0;
    while i < t.len() {
        let run = t.run(i, |c| matches!(c, '０'..='９'));
        if run == 0 {
            i += 1;
            continue;
        }
        let digits = t.slice(i, run);
        let ascii: String = digits
            .chars()
            .map(|c| char::from(b'0' + (c as u32 - '０' as u32) as u8))
            .collect();
        out.push(lint(
            Code::W016,
            t.span(i, run),
            msg!("full-width digits `{digits}`", "使用了全角数字 `{digits}`"),
            msg!("write `{ascii}`", "应写作 `{ascii}`"),
        ));
        i += run;
    }
}

/// W017: numbering typed at the start of a title or paragraph, which weekly numbers itself.
pub fn typed_numbering(s: &str) -> Option<Lint> {
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    let chars: Vec<char> = s.chars().take(8).collect();
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    let han = chars.iter().take_while(|c| numeral(**c)).count();
    let len = if (1..=2).contains(&digits) {
        match chars.get(digits) {
            Some('、' | '．') => digits + 1,
            Some('.') if !chars.get(digits + 1).is_some_and(char::is_ascii_digit) => digits + 1,
            _ => 0,
        }
    } else if han > 0 && chars.get(han) == Some(&'、') {
        han + 1
    } else if matches!(chars.first(), Some('（' | '(')) {
        let inner = chars[1..]
            .iter()
            .take_while(|c| c.is_ascii_digit() || numeral(**c))
            .count();
        match chars.get(1 + inner) {
            Some('）' | ')') if inner > 0 => inner + 2,
            _ => 0,
        }
    } else {
        0
    };
    (len > 0).then(|| {
        let typed: String = chars[..len].iter().collect();
        lint(
            Code::W017,
            0..typed.len(),
            msg!(
                "numbering `{typed}` typed into the text",
                "正文中手工输入了编号 `{typed}`"
            ),
            msg!(
                "remove it: weekly numbers sections, subsections and items itself",
                "删去即可：weekly 会自动为各部分、小节和条目编号"
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::tests::found;
    use crate::lint::text;

    #[test]
    fn zero_padding_and_full_width_digits() {
        assert_eq!(
            found("10月07日，2023年01月"),
            [(Code::W015, "07日"), (Code::W015, "01月")]
        );
        assert_eq!(found("100月"), []);
        assert_eq!(found("共计107日"), [], "107 days, not a padded 7");
        assert_eq!(found("共计２８８１人次"), [(Code::W016, "２８８１")]);
        assert_eq!(text("共计２８８１人次")[0].help.en, "write `2881`");
    }

    #[test]
    fn typed_numbering_at_the_start() {
        for (s, typed) in [
            ("1、本周", "1、"),
            ("2.本周", "2."),
            ("12．本周", "12．"),
            ("一、领导批示", "一、"),
            ("十一、政务资讯", "十一、"),
            ("（一）概况", "（一）"),
            ("(1)概况", "(1)"),
            ("（2）概况", "（2）"),
        ] {
            let l = typed_numbering(s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!(&s[l.range], typed, "{s}");
        }
        for s in [
            "10月12日，",
            "1.5倍",
            "一是",
            "（便民）服务",
            "2023年",
            "、本周",
            "（）本周",
        ] {
            assert_eq!(typed_numbering(s), None, "{s}");
        }
        assert_eq!(
            typed_numbering("（十一）概况").unwrap().range,
            0.."（十一）".len()
        );
    }
}
