//! W016: full-width digits and percent signs, which GB/T 15835 writes half-width.

use super::chars::{Chars, Lint, Rule, Text, lint};
use crate::diag::Code;
use crate::msg;

pub const RULE: Rule = Rule {
    codes: &[Code::W016],
    wakes: |_, c| matches!(c, '０'..='９' | '％'),
    check: |t: &Text, out| full_width_digits(t.chars(), out),
};

/// W016: full-width digits `０`–`９`, and the full-width percent sign `％`. The bulletin's own
/// percentages are written `61.76%`, so a `％` in the same issue would not match them.
fn full_width_digits(t: &Chars, out: &mut Vec<Lint>) {
    let mut i = 0;
    while let Some(c) = t.get(i) {
        let run = t.run(i, |c| matches!(c, '０'..='９'));
        if run > 0 {
            let percent = usize::from(t.get(i + run) == Some('％'));
            let typed = t.slice(i, run + percent);
            let ascii: String = typed
                .chars()
                .map(|c| match c {
                    '％' => '%',
                    _ => char::from(b'0' + (c as u32 - '０' as u32) as u8),
                })
                .collect();
            let (typed, ascii) = (
                crate::text::quote::excerpt(typed),
                crate::text::quote::excerpt(&ascii),
            );
            out.push(lint(
                Code::W016,
                t.span(i, run + percent),
                msg!("full-width digits `{typed}`", "使用了全角数字 `{typed}`"),
                msg!("write `{ascii}`", "应写作 `{ascii}`"),
            ));
            i += run + percent;
        } else {
            if c == '％' {
                out.push(lint(
                    Code::W016,
                    t.span(i, 1),
                    msg!("full-width percent sign `％`", "使用了全角百分号 `％`"),
                    msg!(
                        "write `%`, as the bulletin writes its own percentages",
                        "改用半角 `%`，与周报自动生成的百分比一致"
                    ),
                ));
            }
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::lint::tests::found;
    use crate::check::lint::text;

    #[test]
    fn full_width_digits_and_percent_signs() {
        assert_eq!(found("共计２８８１人次"), [(Code::W016, "２８８１")]);
        assert_eq!(text("共计２８８１人次")[0].help.en, "write `2881`");
        assert_eq!(
            found("占比６１.７６％，同比增长5.2％"),
            [
                (Code::W016, "６１"),
                (Code::W016, "７６％"),
                (Code::W016, "％")
            ]
        );
        assert_eq!(text("占比７６％")[0].help.en, "write `76%`");
        let l = &text("增长5.2％")[0];
        assert_eq!(l.message.zh, "使用了全角百分号 `％`");
        assert_eq!(l.help.zh, "改用半角 `%`，与周报自动生成的百分比一致");
    }
}
