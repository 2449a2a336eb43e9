//! Spaces in Chinese text (W018).

use super::chars::{Chars, Lint, is_han, lint};
use crate::diag::Code;
use crate::msg;

/// W018: a space between two Chinese characters.
pub(super) fn spaces(t: &Chars, out: &mut Vec<Lint>) {
    let mut i = 1;
    while i < t.len() {
        let run = t.run(i, |c| matches!(c, ' ' | '\u{3000}'));
        if run > 0 && t.before(i).is_some_and(is_han) && t.get(i + run).is_some_and(is_han) {
            out.push(lint(
                Code::W018,
                t.span(i, run),
                msg!("space between Chinese characters", "汉字之间有空格"),
                msg!("remove the space", "删去空格"),
            ));
        }
        i += run.max(1);
    }
}

#[cfg(test)]
mod tests {
    use crate::diag::Code;
    use crate::lint::tests::found;

    #[test]
    fn spaces_between_chinese() {
        assert_eq!(
            found("水利 厅和省\u{3000}药监局"),
            [(Code::W018, " "), (Code::W018, "\u{3000}")]
        );
        assert_eq!(found("完成 1019 个"), []);
    }
}
