//! Connecting marks (GB/T 15834 4.13): ranges written with the wrong dash (W014).

use super::chars::{Chars, Lint, lint};
use crate::diag::Code;
use crate::msg;

/// W014: a range of dates or times written with `-`, `~`, `–` or `——`; GB/T 15834 wants `—`.
pub(super) fn ranges(t: &Chars, out: &mut Vec<Lint>) {
    let mut i = 0;
    while let Some(c) = t.get(i) {
        let width = if c == '—' && t.get(i + 1) == Some('—') {
            2
        } else if matches!(c, '-' | '~' | '–' | '－' | '～') {
            1
        } else {
            i += 1;
            continue;
        };
        let before = t.before(i);
        let after = t.get(i + width);
        let ends_a_date =
            before.is_some_and(|b| matches!(b, '日' | '月' | '年' | '时' | '点' | '分'));
        let ends_a_time =
            i >= 3 && before.is_some_and(|b| b.is_ascii_digit()) && t.get(i - 3) == Some(':');
        if (ends_a_date || ends_a_time) && after.is_some_and(|a| a.is_ascii_digit()) {
            let dash = t.slice(i, width);
            out.push(lint(
                Code::W014,
                t.span(i, width),
                msg!(
                    "`{dash}` in a range of dates or times",
                    "日期或时间范围中使用了 `{dash}`"
                ),
                msg!(
                    "write the range with `—` (U+2014), or with 至",
                    "范围应使用一字线 `—`（U+2014），或用“至”"
                ),
            ));
        }
        i += width;
    }
}

#[cfg(test)]
mod tests {
    use crate::diag::Code;
    use crate::lint::tests::found;

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
}
