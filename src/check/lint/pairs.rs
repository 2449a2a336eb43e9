//! W011: quotation marks and brackets that are not closed, or closed in the wrong order.

use super::chars::{Chars, Lint, Rule, Text, lint};
use crate::diag::Code;
use crate::msg;

pub const RULE: Rule = Rule {
    codes: &[Code::W011],
    wakes: |_, c| closing(c).is_some() || opening(c).is_some(),
    // Quotation marks and brackets usually pair up: a pass over the string says whether
    // they do before the characters are counted out.
    check: |t: &Text, out| {
        if !balanced(t.s) {
            pairs(t.chars(), out);
        }
    },
};

/// Whether every quotation mark and bracket of `s` is closed, in order.
fn balanced(s: &str) -> bool {
    let mut open: Vec<char> = Vec::new();
    for c in s.chars() {
        if let Some(close) = closing(c) {
            open.push(close);
        } else if opening(c).is_some() && open.pop() != Some(c) {
            return false;
        }
    }
    open.is_empty()
}

/// W011: quotation marks and brackets that are not closed, or closed in the wrong order.
fn pairs(t: &Chars, out: &mut Vec<Lint>) {
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

fn closing(open: char) -> Option<char> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::lint::tests::found;

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
}
