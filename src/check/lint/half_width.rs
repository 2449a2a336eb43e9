//! W010: half-width punctuation in Chinese text (GB/T 15834), where the full-width mark belongs.

use super::chars::{Chars, Lint, Rule, Text, is_chinese_context, is_numeral, lint};
use crate::diag::Code;
use crate::msg;

pub const RULE: Rule = Rule {
    codes: &[Code::W010],
    wakes: |prev, c| {
        matches!(c, ',' | ';' | ':' | '?' | '!' | '(' | ')')
            || (c == '.' && is_chinese_context(prev))
    },
    check: |t: &Text, out| half_width(t.chars(), out),
};

/// W010: `,` `;` `:` `?` `!` `(` `)` `.` beside Chinese text, where the full-width mark belongs.
fn half_width(t: &Chars, out: &mut Vec<Lint>) {
    // GB/T 15834 sets brackets in Chinese text full-width whatever they enclose, so a pair is
    // judged together: `生产总值(GDP)` touches Chinese only outside, `(试行)` only inside.
    let mut brackets: Vec<usize> = Vec::new();
    // `(1)` and `一.` opening a text are numbering typed in, which W017 reports as a whole.
    let numeral = |c: char| c.is_ascii_digit() || is_numeral(c);
    let numbering = match t.get(0) {
        Some('(') => Some(1 + t.run(1, numeral)).filter(|&close| close > 1),
        _ => Some(t.run(0, is_numeral)).filter(|&dot| dot > 0),
    };
    for i in 0..t.len() {
        match t.get(i) {
            Some('(') => brackets.push(i),
            Some(')') => match brackets.pop() {
                Some(0) if numbering == Some(i) => {}
                Some(open) if touches_chinese(t, open) || touches_chinese(t, i) => {
                    half_width_mark(t, open, out);
                    half_width_mark(t, i, out);
                }
                Some(_) => {}
                None if touches_chinese(t, i) => half_width_mark(t, i, out),
                None => {}
            },
            Some('.') if numbering != Some(i) => full_stop(t, i, out),
            Some(',' | ';' | ':' | '?' | '!') if touches_chinese(t, i) => {
                half_width_mark(t, i, out)
            }
            _ => {}
        }
    }
    for open in brackets {
        if touches_chinese(t, open) {
            half_width_mark(t, open, out);
        }
    }
}

fn touches_chinese(t: &Chars, i: usize) -> bool {
    t.before(i).is_some_and(is_chinese_context) || t.get(i + 1).is_some_and(is_chinese_context)
}

fn half_width_mark(t: &Chars, i: usize, out: &mut Vec<Lint>) {
    let Some((c, full)) = t.get(i).and_then(|c| Some((c, full_width(c)?))) else {
        return;
    };
    out.push(lint(
        Code::W010,
        t.span(i, 1),
        msg!(
            "half-width `{c}` in Chinese text",
            "中文里用了半角标点 `{c}`"
        ),
        msg!("use the full-width `{full}`", "请改用全角 `{full}`"),
    ));
}

/// A `.` right after Chinese where the text goes on is a full stop typed half-width:
/// `措施.下一步`, and `措施.。`, where a `。` was added after it. A `.` that ends the text is
/// W003's in a paragraph, and no full stop at all in a title; one before a letter or digit
/// belongs to a file name or an address (`《通知》.docx`), and `...` is W013's.
fn full_stop(t: &Chars, i: usize, out: &mut Vec<Lint>) {
    // `６１.７６` is a decimal point between full-width digits, which W016 reports.
    if !t.before(i).is_some_and(is_chinese_context)
        || t.get(i + 1)
            .is_some_and(|c| c == '.' || c.is_ascii_alphanumeric() || matches!(c, '０'..='９'))
    {
        return;
    }
    let closing = t.run(i + 1, |c| is_closing(c) || c.is_whitespace());
    let Some(next) = t.get(i + 1 + closing) else {
        return;
    };
    let help = if matches!(next, '。' | '！' | '？' | '，' | '；' | '：' | '、') {
        msg!(
            "remove the `.`: the `{next}` after it already ends the clause",
            "请删去 `.`：其后已有 `{next}`"
        )
    } else {
        msg!("use the full stop `。`", "请改用句号 `。`")
    };
    out.push(lint(
        Code::W010,
        t.span(i, 1),
        msg!("half-width `.` in Chinese text", "中文里用了半角标点 `.`"),
        help,
    ));
}

/// The marks that close a quotation or a bracket.
fn is_closing(c: char) -> bool {
    matches!(c, '”' | '’' | '）' | '》' | '」' | '』' | '】' | '〕')
}

fn full_width(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '?' => '？',
        '!' => '！',
        '(' => '（',
        ')' => '）',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::lint::tests::found;
    use crate::check::lint::text;

    #[test]
    fn half_width_marks_beside_chinese() {
        assert_eq!(
            found("通知,明确(试行)要求;是否?"),
            [
                (Code::W010, ","),
                (Code::W010, "("),
                (Code::W010, ")"),
                (Code::W010, ";"),
                (Code::W010, "?")
            ]
        );
        assert_eq!(found("a, b (c) 1:2"), []);
        // Each mark, and the full-width one the help names.
        for (half, full) in [
            (',', '，'),
            (';', '；'),
            (':', '：'),
            ('?', '？'),
            ('!', '！'),
        ] {
            let lints = text(&format!("通知{half}明确"));
            assert_eq!(lints.len(), 1, "{half}");
            assert_eq!(lints[0].help.en, format!("use the full-width `{full}`"));
        }
    }

    #[test]
    fn a_full_stop_typed_half_width() {
        // Following W003's help the wrong way, `措施.。`, is still a finding.
        assert_eq!(found("采取有力措施.。"), [(Code::W010, ".")]);
        assert_eq!(
            text("采取有力措施.。")[0].help.en,
            "remove the `.`: the `。` after it already ends the clause"
        );
        let l = &text("采取有力措施.下一步，")[0];
        assert_eq!(
            (l.code, l.help.zh.as_str()),
            (Code::W010, "请改用句号 `。`")
        );
        assert_eq!(found("“采取措施.”下一步"), [(Code::W010, ".")]);
        // A `.` ending the text is W003's in a paragraph, and no full stop in a title.
        for s in [
            "采取有力措施.",
            "采取有力措施.”",
            "见《通知》.docx",
            "增长1.5倍，达到2.0版本。",
            "等等...",
            "按 GB/T 9704-2012. 排版",
            "占比６１.７６",
        ] {
            assert!(!found(s).iter().any(|(_, m)| *m == "."), "{s}");
        }
    }

    #[test]
    fn half_width_brackets_in_chinese_whatever_they_enclose() {
        assert_eq!(
            found("地区生产总值(GDP)增长5%"),
            [(Code::W010, "("), (Code::W010, ")")]
        );
        assert_eq!(
            found("纲要(2021—2025)。"),
            [(Code::W010, "("), (Code::W010, ")")]
        );
        assert_eq!(
            found("地区生产总值(GDP"),
            [(Code::W010, "(")],
            "an unclosed bracket is judged on its own"
        );
        assert_eq!(found("GDP)增长"), [(Code::W010, ")")]);
        // Latin text with its own brackets, set apart by spaces, stays.
        assert_eq!(found("使用 Windows (64 bit) 版本"), []);
        assert_eq!(found("生产总值（GDP）"), []);
        // Numbering typed at the start is W017's, in one finding.
        assert_eq!(found("(1)概况"), []);
        assert_eq!(found("(一)概况"), []);
        assert_eq!(found("一.概况"), []);
        assert_eq!(found("包括(1)概况"), [(Code::W010, "("), (Code::W010, ")")]);
        assert_eq!(found("(1)概况(2)"), [(Code::W010, "("), (Code::W010, ")")]);
        assert_eq!(found("一.概况，二.要求"), [(Code::W010, ".")]);
    }
}
