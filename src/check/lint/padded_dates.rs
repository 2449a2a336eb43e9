//! W015: a zero-padded month or day (`10月07日`), which GB/T 15835 writes without the zero.

use super::chars::{Lint, Rule, Text, lint};
use crate::diag::Code;
use crate::msg;

pub const RULE: Rule = Rule {
    codes: &[Code::W015],
    wakes: |prev, c| matches!(c, '月' | '日') && prev.is_ascii_digit(),
    check: |t: &Text, out| zero_padded_dates(t.s, out),
};

/// W015: `10月07日`: months and days are not zero-padded.
fn zero_padded_dates(s: &str, out: &mut Vec<Lint>) {
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
                    "月、日的数字前多了 0：`{}`",
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::lint::tests::found;

    #[test]
    fn zero_padding() {
        assert_eq!(
            found("10月07日，2023年01月"),
            [(Code::W015, "07日"), (Code::W015, "01月")]
        );
        assert_eq!(found("100月"), []);
        assert_eq!(found("共计107日"), [], "107 days, not a padded 7");
    }
}
