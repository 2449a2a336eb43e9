//! The safe fixes of an issue's findings applied to its text (`weekly check --fix`).

use crate::check::validate::{self, Checked, Lints};
use crate::diag::allow::Allowed;
use crate::diag::{Code, Fix};
use crate::input::yaml;

/// What mending a text came to.
#[derive(Debug, Clone, PartialEq)]
pub enum Mend {
    /// Nothing to mend: no finding has a safe fix, or the text is not read as an issue.
    Nothing,
    /// The text mended, and the codes of the findings mended, in file order.
    Mended { text: String, fixed: Vec<Code> },
    /// The mended text would read otherwise than the text less what was mended (a value left
    /// starting with a mark YAML reads, say): nothing is changed.
    Unsafe,
}

/// `text` with every fix of its findings applied, but those `allowed` switches off. The
/// result is checked again: it must have no error the text had not and no fixable finding
/// left, or the text is left as it is.
pub fn mend(text: &str, allowed: &Allowed) -> Mend {
    let Some(before) = checked(text) else {
        return Mend::Nothing;
    };
    let mut fixes: Vec<(Code, &Fix)> = before
        .diagnostics
        .iter()
        .filter(|d| !allowed.allows(d.code, None))
        .filter_map(|d| Some((d.code, d.fix.as_ref().filter(|f| f.safe)?)))
        .collect();
    if fixes.is_empty() {
        return Mend::Nothing;
    }
    fixes.sort_by_key(|(_, f)| (f.span.start, f.span.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    let mut fixed = Vec::new();
    for (code, fix) in fixes {
        // Two fixes of one span (or overlapping ones): the first is enough.
        if fix.span.start < at {
            continue;
        }
        out.push_str(&text[at..fix.span.start]);
        out.push_str(&fix.with);
        at = fix.span.end;
        fixed.push(code);
    }
    out.push_str(&text[at..]);
    let errors = |c: &Checked| c.diagnostics.iter().filter(|d| d.is_error()).count();
    match checked(&out) {
        Some(after)
            if errors(&after) <= errors(&before)
                && !after.diagnostics.iter().any(|d| {
                    d.fix.as_ref().is_some_and(|f| f.safe) && !allowed.allows(d.code, None)
                }) =>
        {
            Mend::Mended { text: out, fixed }
        }
        _ => Mend::Unsafe,
    }
}

/// The text read and checked as an issue, with the typography lints.
fn checked(text: &str) -> Option<Checked> {
    let root = yaml::parse(text).ok()?;
    Some(validate::validate(&root, text, Lints::On))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ISSUE: &str = "masthead: { title: 周报, year: 2023, number: 40, total: 460, period: { start: 2023-10-14, end: 2023-10-20 }, publisher: 中心, published: 2023-10-27 }\n\
                         sections:\n\
                         - title: 动态\n\
                         \x20 items:\n\
                         \x20   - ITEM\n\
                         footer: { send: 甲, distribute: 乙, copies: 1 }\n";

    fn with(item: &str) -> String {
        ISSUE.replace("ITEM", item)
    }

    fn mended(item: &str) -> Mend {
        mend(&with(item), &Allowed::default())
    }

    #[test]
    fn blanks_at_the_ends_and_characters_of_no_width_are_removed() {
        assert_eq!(
            mended("\u{3000}\u{3000}本周，完成\u{FEFF}轮训\u{00AD}。\u{3000}"),
            Mend::Mended {
                text: with("本周，完成轮训。"),
                fixed: vec![Code::W026; 4]
            }
        );
        // W018's spaces between Chinese characters or beside full-width marks, and the
        // zero-width space, go too.
        assert_eq!(
            mended("本周， 水利 厅完成\u{200B}轮训。"),
            Mend::Mended {
                text: with("本周，水利厅完成轮训。"),
                fixed: vec![Code::W018; 3]
            }
        );
        assert_eq!(mended("本周\u{2002}完成轮训。"), Mend::Nothing);
        assert_eq!(
            mended("'  本周，完成轮训。 '"),
            Mend::Mended {
                text: with("'本周，完成轮训。'"),
                fixed: vec![Code::W026; 2]
            }
        );
    }

    #[test]
    fn what_is_not_safe_to_mend_is_left() {
        assert_eq!(mended("本周，完成轮训。"), Mend::Nothing);
        // A tab or a line separator may mean something; the clerk decides.
        assert_eq!(mended("本周\t完成\u{2028}轮训。"), Mend::Nothing);
        // A text whose source is not the text as typed (escapes, folded lines) has no exact
        // place to mend.
        assert_eq!(mended("\"\\u3000本周，完成轮训。\""), Mend::Nothing);
        // Removing the indent would leave `*` first, which YAML reads as an alias.
        assert_eq!(
            mended("\u{3000}\u{3000}*重要*本周，完成轮训。"),
            Mend::Unsafe
        );
        let allowed: Allowed = [Code::W026].into_iter().collect();
        assert_eq!(
            mend(&with("\u{3000}本周，完成轮训。"), &allowed),
            Mend::Nothing
        );
    }

    #[test]
    fn fixes_offered_in_the_editor_are_left_by_check_fix() {
        let text = with("1. 本周完成轮训。。等等...");
        assert_eq!(mend(&text, &Allowed::default()), Mend::Nothing);
        let checked = checked(&text).unwrap();
        let offered: Vec<(Code, String)> = checked
            .diagnostics
            .iter()
            .filter_map(|d| {
                let fix = d.fix.as_ref()?;
                assert!(!fix.safe, "{d:?}");
                let mut mended = text.clone();
                mended.replace_range(fix.span.clone(), &fix.with);
                let item = mended.lines().find(|l| l.starts_with("    - "))?;
                Some((d.code, item.trim_start_matches("    - ").to_owned()))
            })
            .collect();
        assert_eq!(
            offered,
            [
                (Code::W017, "本周完成轮训。。等等...".to_owned()),
                (Code::W012, "1. 本周完成轮训。等等...".to_owned()),
                (Code::W013, "1. 本周完成轮训。。等等……".to_owned()),
            ]
        );
    }

    #[test]
    fn a_mistyped_key_is_offered_the_key_meant() {
        let issue = with("本周完成轮训。");
        for typed in [
            issue.replace("publisher:", "publsher:"),
            issue.replace("send: 甲", "send：甲"),
            issue.replace("send: 甲", "send： 甲"),
            issue.replace("copies:", "copeis:"),
        ] {
            let checked = checked(&typed).unwrap();
            let fixes: Vec<&Fix> = checked
                .diagnostics
                .iter()
                .filter_map(|d| d.fix.as_ref())
                .collect();
            assert_eq!(fixes.len(), 1, "{typed}");
            let mut mended = typed.clone();
            mended.replace_range(fixes[0].span.clone(), &fixes[0].with);
            assert_eq!(mended, issue.replace("send： 甲", "send: 甲"));
            assert!(!fixes[0].safe);
        }
        // A quoted key is not where the name stands: no fix is offered.
        let quoted = issue.replace("publisher:", "\"publsher\":");
        let checked = checked(&quoted).unwrap();
        assert!(checked.diagnostics.iter().all(|d| d.fix.is_none()));
    }
}
