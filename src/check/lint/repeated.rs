//! W012 doubled punctuation (`。。`, `，，`) and W013 an ellipsis typed as `...` or `。。。`.

use super::chars::{Chars, Lint, Rule, Text, lint};
use crate::diag::Code;
use crate::msg;

pub const RULE: Rule = Rule {
    codes: &[Code::W012, Code::W013],
    wakes: |prev, c| c == prev && matches!(c, '.' | '。' | '，' | '、' | '；' | '：' | '？' | '！'),
    check: |t: &Text, out| repeated(t.chars(), out),
};

/// W012 doubled punctuation (`。。`, `，，`) and W013 an ellipsis typed as `...` or `。。。`.
fn repeated(t: &Chars, out: &mut Vec<Lint>) {
    let mut i = 0;
    while let Some(c) = t.get(i) {
        let run = t.run(i, |d| d == c);
        let text = crate::text::quote::excerpt(t.slice(i, run));
        if matches!(c, '.' | '。') && run >= 3 {
            out.push(
                lint(
                    Code::W013,
                    t.span(i, run),
                    msg!("`{text}` for an ellipsis", "省略号写成了 `{text}`"),
                    msg!("write the ellipsis as `……`", "省略号应写作 `……`"),
                )
                .offering("……"),
            );
        } else if matches!(c, '。' | '，' | '、' | '；' | '：' | '？' | '！') && run >= 2 {
            out.push(
                lint(
                    Code::W012,
                    t.span(i, run),
                    msg!("doubled punctuation `{text}`", "标点重复 `{text}`"),
                    msg!("keep one `{c}`", "请只保留一个 `{c}`"),
                )
                .offering(c),
            );
        }
        i += run;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::lint::tests::found;

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
}
