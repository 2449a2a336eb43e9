//! W017: numbering typed at the start of a title or paragraph, which weekly numbers itself.
//! Run on the first words of a title or paragraph, not on every text.

use super::chars::{Lint, is_numeral, lint};
use crate::diag::Code;
use crate::msg;

/// W017: numbering typed at the start of a title or paragraph, which weekly numbers itself.
pub fn typed_numbering(s: &str) -> Option<Lint> {
    // Past an indent typed as in Word (`　　1.`), which W026 reports on its own.
    let indent = s.len() - s.trim_start_matches([' ', '\t', '\u{3000}']).len();
    let chars: Vec<char> = s[indent..].chars().take(24).collect();
    let len = arabic(&chars)
        .or_else(|| han(&chars))
        .or_else(|| bracketed(&chars))?;
    // The space typed after a number goes with it.
    let len = len
        + chars[len..]
            .iter()
            .take_while(|c| matches!(c, ' ' | '\u{3000}'))
            .count();
    let typed: String = chars[..len].iter().collect();
    Some(
        lint(
            Code::W017,
            indent..indent + typed.len(),
            msg!(
                "numbering `{typed}` typed into the text",
                "开头手工输入了编号 `{typed}`"
            ),
            msg!(
                "remove it: weekly numbers sections, subsections and items itself",
                "请删去：weekly 会自动为栏目、子栏目和条目编号"
            ),
        )
        .offering(""),
    )
}

/// `1、` `2.` `12．` `106.`, and the levels of `4.2.3　`, `4.2　` or `4.2.`: numbers of up to
/// three digits, so that `2023.10` and `1.5倍` stay figures. Two levels need a mark or an
/// ideographic space after them to be told from a decimal.
fn arabic(chars: &[char]) -> Option<usize> {
    let mut i = 0;
    for level in 1.. {
        let digits = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if !(1..=3).contains(&digits) {
            return None;
        }
        i += digits;
        match chars.get(i) {
            Some('、' | '．') => return Some(i + 1),
            Some('.') if chars.get(i + 1).is_some_and(char::is_ascii_digit) => i += 1,
            Some('.') => return Some(i + 1),
            Some('\u{3000}') if level >= 2 => return Some(i),
            Some(c) if level >= 3 && !c.is_ascii_digit() => return Some(i),
            _ => return None,
        }
    }
    None
}

/// `一、` `十一、`, and `一.` `二．`, typed for `一、`.
fn han(chars: &[char]) -> Option<usize> {
    let n = chars.iter().take_while(|c| is_numeral(**c)).count();
    (n > 0 && matches!(chars.get(n), Some('、' | '.' | '．'))).then_some(n + 1)
}

/// `（一）` `(1)` `（2）`.
fn bracketed(chars: &[char]) -> Option<usize> {
    if !matches!(chars.first(), Some('（' | '(')) {
        return None;
    }
    let inner = chars[1..]
        .iter()
        .take_while(|c| c.is_ascii_digit() || is_numeral(**c))
        .count();
    (inner > 0 && matches!(chars.get(1 + inner), Some('）' | ')'))).then_some(inner + 2)
}

#[cfg(test)]
mod tests {
    use super::*;

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
            ("106.本周", "106."),
            ("100、本周", "100、"),
            ("4.2.3\u{3000}概况", "4.2.3\u{3000}"),
            ("4.2.3 概况", "4.2.3 "),
            ("4.2.3概况", "4.2.3"),
            ("4.2\u{3000}概况", "4.2\u{3000}"),
            ("4.2.本周", "4.2."),
            ("4.2、本周", "4.2、"),
            ("1、 本周", "1、 "),
            ("一.基本情况", "一."),
            ("二．工作要求", "二．"),
            ("\u{3000}\u{3000}1.本周", "1."),
            ("\t（一）概况", "（一）"),
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
            "1000.本周",
            "2023.10.20召开",
            "12.5%的",
            "4.2 万人次",
            "3.14159",
            "4.2.3",
        ] {
            assert_eq!(typed_numbering(s), None, "{s}");
        }
        assert_eq!(
            typed_numbering("（十一）概况").unwrap().range,
            0.."（十一）".len()
        );
    }
}
