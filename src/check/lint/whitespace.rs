//! W026: what the print would show or hide in a text: spaces before or after it (`　　` typed
//! as in Word), a tab, and characters that take no room (U+FEFF, U+2028, a soft hyphen).

use super::chars::{Chars, Lint, Rule, Text, lint};
use crate::diag::Code;
use crate::diag::window::marked;
use crate::msg;

pub const RULE: Rule = Rule {
    codes: &[Code::W026],
    wakes: |_, c| matches!(c, ' ' | '\t' | '\u{3000}') || invisible(c).is_some(),
    check: |t: &Text, out| whitespace(t.chars(), out),
};

fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}')
}

/// W026: blanks at either end of a text, a tab inside it, and invisible characters.
fn whitespace(t: &Chars, out: &mut Vec<Lint>) {
    let lead = t.run(0, is_blank);
    if lead == t.len() {
        return;
    }
    if lead > 0 {
        let typed = marked(t.slice(0, lead));
        out.push(
            lint(
                Code::W026,
                t.span(0, lead),
                msg!(
                    "the text begins with `{typed}`, which would print as an indent of its own",
                    "文字开头有 `{typed}`，会印成多余的缩进"
                ),
                msg!(
                    "remove it: weekly indents every paragraph itself",
                    "请删去：weekly 会自动为每段缩进"
                ),
            )
            .removed(),
        );
    }
    let mut trail = 0;
    while lead + trail < t.len() && t.get(t.len() - 1 - trail).is_some_and(is_blank) {
        trail += 1;
    }
    if trail > 0 {
        let typed = marked(t.slice(t.len() - trail, trail));
        out.push(
            lint(
                Code::W026,
                t.span(t.len() - trail, trail),
                msg!(
                    "the text ends with `{typed}`, which would print as a gap",
                    "文字末尾有 `{typed}`，会印成多余的空白"
                ),
                msg!("remove it", "请删去"),
            )
            .removed(),
        );
    }
    for i in lead..t.len() - trail {
        let Some(c) = t.get(i) else { break };
        let what = match c {
            '\t' => msg!("a tab (⇥) inside the text", "文字中有 Tab 字符（⇥）"),
            c => match invisible(c) {
                Some(name) => msg!(
                    "an invisible character U+{:04X} ({name}) inside the text",
                    "文字中混入了看不见的字符 U+{:04X}",
                    c as u32
                ),
                None => continue,
            },
        };
        let help = if c == '\t' {
            msg!(
                "remove it, or type an ordinary space where a space belongs",
                "请删去；确需空格处改用普通空格"
            )
        } else {
            msg!(
                "remove it: it prints as nothing, or as a stray mark on some printers",
                "请删去：它印不出来，在某些打印机上还会印成乱码"
            )
        };
        let found = lint(Code::W026, t.span(i, 1), what, help);
        // A character of no width goes without a trace; a tab may stand for a space, and a
        // line separator for a break the text meant, so those are left to the clerk.
        out.push(if matches!(c, '\t' | '\u{2028}' | '\u{2029}') {
            found
        } else {
            found.removed()
        });
    }
}

/// An invisible character W026 reports: the zero-width space is W018's.
fn invisible(c: char) -> Option<&'static str> {
    crate::text::invisible(c).filter(|_| c != '\u{200B}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::lint::tests::found;

    #[test]
    fn blanks_at_the_ends_are_found_and_a_blank_text_is_left_to_e011() {
        assert_eq!(
            found("\u{3000}\u{3000}本周，完成轮训。\u{3000}"),
            [(Code::W026, "\u{3000}\u{3000}"), (Code::W026, "\u{3000}")]
        );
        assert_eq!(
            found(" 本周，完成轮训。\t"),
            [(Code::W026, " "), (Code::W026, "\t")]
        );
        assert_eq!(found("\u{3000}\u{3000}"), []);
        let l = &crate::check::lint::text("\u{3000}\u{3000}本周，完成。")[0];
        assert_eq!(l.message.zh, "文字开头有 `□□`，会印成多余的缩进");
    }

    #[test]
    fn tabs_and_invisible_characters_inside_are_found() {
        assert_eq!(
            found("本周\t完成\u{FEFF}培训\u{2028}和\u{00AD}考核。"),
            [
                (Code::W026, "\t"),
                (Code::W026, "\u{FEFF}"),
                (Code::W026, "\u{2028}"),
                (Code::W026, "\u{00AD}")
            ]
        );
        assert_eq!(found("本周，完成轮训。"), []);
    }
}
