//! Punctuation marks (GB/T 15834): half-width (W010), pairs (W011), doubled (W012, W013), paragraph ends (W003).

use super::chars::{Chars, Lint, is_chinese_context, lint};
use super::numbers::is_numeral;
use crate::diag::Code;
use crate::msg;

/// W010: `,` `;` `:` `?` `!` `(` `)` `.` beside Chinese text, where the full-width mark belongs.
pub(super) fn half_width(t: &Chars, out: &mut Vec<Lint>) {
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

/// W011: quotation marks and brackets that are not closed, or closed in the wrong order.
pub(super) fn pairs(t: &Chars, out: &mut Vec<Lint>) {
    let mut open: Vec<(usize, char, char)> = Vec::new();
    // How many open marks wait for each closing mark, so that whether one deeper down
    // expects a closing mark is known without scanning the stack.
    let mut waiting = [0usize; CLOSERS.len()];
    for i in 0..t.len() {
        let Some(c) = t.get(i) else { continue };
        if let Some(close) = closing(c) {
            open.push((i, c, close));
            waiting[slot(close)] += 1;
        } else if let Some(opener) = opening(c) {
            if is_apostrophe(t, i, &waiting) {
                continue;
            }
            match open.last() {
                Some(&(_, _, expected)) if expected == c => {
                    open.pop();
                    waiting[slot(c)] -= 1;
                }
                Some(&(j, o, expected)) if waiting[slot(c)] > 0 => {
                    out.push(lint(
                        Code::W011,
                        t.span(j, 1),
                        msg!(
                            "`{o}` is closed by `{c}` before its own `{expected}`",
                            "`{o}` 还没有对应的 `{expected}`，就出现了 `{c}`"
                        ),
                        msg!(
                            "close `{o}` with `{expected}` before `{c}`",
                            "在 `{c}` 之前用 `{expected}` 闭合 `{o}`"
                        ),
                    ));
                    while let Some((_, _, e)) = open.pop() {
                        waiting[slot(e)] -= 1;
                        if e == c {
                            break;
                        }
                    }
                }
                _ => out.push(lint(
                    Code::W011,
                    t.span(i, 1),
                    msg!("`{c}` closes nothing", "`{c}` 前面缺少与之配对的符号"),
                    msg!(
                        "add the opening `{opener}`, or remove this `{c}`",
                        "请补上 `{opener}`，或删去这个 `{c}`"
                    ),
                )),
            }
        }
    }
    for (j, o, close) in open {
        out.push(lint(
            Code::W011,
            t.span(j, 1),
            msg!("`{o}` is never closed", "`{o}` 后面缺少与之配对的符号"),
            msg!("add the closing `{close}`", "请补上 `{close}`"),
        ));
    }
}

const CLOSERS: [char; 6] = ['”', '’', '》', '）', '】', '〕'];

fn slot(close: char) -> usize {
    CLOSERS.iter().position(|c| *c == close).unwrap_or(0)
}

/// `’` as an apostrophe, not a closing quotation mark: `“中国’99博览会”`, `China’s`. It is one
/// when no `‘` waits to be closed and a letter or digit follows it.
fn is_apostrophe(t: &Chars, i: usize, waiting: &[usize]) -> bool {
    t.get(i) == Some('’')
        && waiting[slot('’')] == 0
        && t.get(i + 1).is_some_and(|c| c.is_ascii_alphanumeric())
}

pub(super) fn closing(open: char) -> Option<char> {
    Some(match open {
        '“' => '”',
        '‘' => '’',
        '《' => '》',
        '（' => '）',
        '【' => '】',
        '〔' => '〕',
        _ => return None,
    })
}

fn opening(close: char) -> Option<char> {
    Some(match close {
        '”' => '“',
        '’' => '‘',
        '》' => '《',
        '）' => '（',
        '】' => '【',
        '〕' => '〔',
        _ => return None,
    })
}

/// W012 doubled punctuation (`。。`, `，，`) and W013 an ellipsis typed as `...` or `。。。`.
pub(super) fn repeated(t: &Chars, out: &mut Vec<Lint>) {
    let mut i = 0;
    while let Some(c) = t.get(i) {
        let run = t.run(i, |d| d == c);
        let text = crate::text::quote::excerpt(t.slice(i, run));
        if matches!(c, '.' | '。') && run >= 3 {
            out.push(lint(
                Code::W013,
                t.span(i, run),
                msg!("`{text}` for an ellipsis", "省略号写成了 `{text}`"),
                msg!("write the ellipsis as `……`", "省略号应写作 `……`"),
            ));
        } else if matches!(c, '。' | '，' | '、' | '；' | '：' | '？' | '！') && run >= 2 {
            out.push(lint(
                Code::W012,
                t.span(i, run),
                msg!("doubled punctuation `{text}`", "标点重复 `{text}`"),
                msg!("keep one `{c}`", "请只保留一个 `{c}`"),
            ));
        }
        i += run;
    }
}

/// W003: a paragraph should end in 。！？ (or …), possibly followed by closing marks.
pub fn paragraph_end(s: &str) -> Option<Lint> {
    let trimmed = s.trim_end();
    let body = trimmed.trim_end_matches(['”', '’', '）', '》', '」', '』', '】']);
    // An ellipsis typed as `...` or `。。。` ends the paragraph too; W013 reports its form.
    if body.ends_with(['。', '！', '？', '…']) || body.ends_with("...") {
        return None;
    }
    // Told to add a `。`, a clerk would leave the `.` before it; it is to be replaced.
    if body.ends_with('.') {
        return Some(lint(
            Code::W003,
            body.len() - 1..body.len(),
            msg!(
                "the paragraph ends with a half-width `.`",
                "段末用了半角 `.`"
            ),
            msg!(
                "replace the `.` with a full stop `。`",
                "请把 `.` 改为句号 `。`"
            ),
        ));
    }
    let last = trimmed.char_indices().last()?;
    Some(lint(
        Code::W003,
        last.0..trimmed.len(),
        msg!(
            "the paragraph does not end with 。！ or ？",
            "段末缺少句号（或问号、叹号）"
        ),
        msg!(
            "end the paragraph with a full stop `。`",
            "请在段末加上句号“。”"
        ),
    ))
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
    fn unbalanced_and_misnested_pairs() {
        assert_eq!(found("“通知"), [(Code::W011, "“")]);
        assert_eq!(found("通知”"), [(Code::W011, "”")]);
        assert_eq!(found("《“通知》”"), [(Code::W011, "“"), (Code::W011, "”")]);
        assert_eq!(found("《关于“放管服”的通知》（试行）"), []);
        // A closing mark that no open one expects closes nothing; the open one stays open.
        assert_eq!(found("《通知”"), [(Code::W011, "《"), (Code::W011, "”")]);
        // The apostrophe of a year written short, or of English, is no quotation mark.
        assert_eq!(found("“成都’26国际美食节”开幕"), []);
        assert_eq!(found("《China’s Cities》"), []);
        assert_eq!(found("‘通知’2份"), []);
        assert_eq!(found("通知’"), [(Code::W011, "’")]);
        // Every pair, balanced, unclosed and unopened.
        for (open, close) in [
            ('“', '”'),
            ('‘', '’'),
            ('《', '》'),
            ('（', '）'),
            ('【', '】'),
            ('〔', '〕'),
        ] {
            assert_eq!(found(&format!("{open}通知{close}")), [], "{open}{close}");
            let open_only = format!("{open}通知");
            assert_eq!(
                found(&open_only),
                [(Code::W011, &open_only[..open.len_utf8()])]
            );
            let close_only = format!("通知{close}");
            assert_eq!(found(&close_only), [(Code::W011, &close_only[6..])]);
        }
    }

    #[test]
    fn doubled_punctuation_and_ellipses() {
        assert_eq!(
            found("完成。。下周，，继续"),
            [(Code::W012, "。。"), (Code::W012, "，，")]
        );
        assert_eq!(
            found("等等...以及。。。"),
            [(Code::W013, "..."), (Code::W013, "。。。")]
        );
        assert_eq!(found("等等……"), []);
    }

    #[test]
    fn paragraphs_end_with_terminal_punctuation() {
        assert_eq!(paragraph_end("完成。"), None);
        assert_eq!(paragraph_end("他强调：“要优化服务。”"), None);
        assert_eq!(paragraph_end("是否？"), None);
        let l = paragraph_end("完成编制").unwrap();
        assert_eq!(&"完成编制"[l.range], "制");
        assert!(paragraph_end("完成，").is_some());
        for s in ["采取有力措施.", "他强调：“要采取有力措施.”"] {
            let l = paragraph_end(s).unwrap();
            assert_eq!(&s[l.range.clone()], ".", "{s}");
            assert_eq!(l.help.en, "replace the `.` with a full stop `。`");
            assert_eq!(l.help.zh, "请把 `.` 改为句号 `。`");
        }
        assert_eq!(
            paragraph_end("完成编制").unwrap().help.en,
            "end the paragraph with a full stop `。`"
        );
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
