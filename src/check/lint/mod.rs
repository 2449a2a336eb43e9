//! Typography lints for Chinese text (GB/T 15834 punctuation, GB/T 15835 numbers); pure. A
//! rule is a file of its own: a [`Rule`] listed once in [`RULES`], or one of the two run at
//! one place of a paragraph.

mod chars;
mod dashes;
mod half_width;
mod padded_dates;
mod pairs;
mod paragraph_end;
mod repeated;
mod spaces;
mod typed_numbering;
mod whitespace;
mod wide_digits;

use chars::{Rule, Text};

pub use chars::Lint;
use chars::is_han;
pub use paragraph_end::paragraph_end;
pub use typed_numbering::typed_numbering;

/// The rules for any text, each in a file of its own; lints of one place come out in this
/// order. Two rules look at one place of a paragraph and are run there by the checker:
/// [`paragraph_end`] (W003) and [`typed_numbering`] (W017).
const RULES: [Rule; 8] = [
    half_width::RULE,
    pairs::RULE,
    repeated::RULE,
    dashes::RULE,
    padded_dates::RULE,
    wide_digits::RULE,
    spaces::RULE,
    whitespace::RULE,
];

/// The lints of every rule for any text: punctuation, pairs, numbers and spacing.
pub fn text(s: &str) -> Vec<Lint> {
    // One cheap pass finds which rules could fire; most texts wake none.
    let mut awake = [false; RULES.len()];
    let mut prev = '\0';
    for c in s.chars() {
        if !quiet(c) {
            for (woken, rule) in awake.iter_mut().zip(&RULES) {
                *woken |= (rule.wakes)(prev, c);
            }
        }
        prev = c;
    }
    if !awake.contains(&true) {
        return Vec::new();
    }
    let text = Text::new(s);
    let mut out = Vec::new();
    for (rule, _) in RULES.iter().zip(awake).filter(|(_, woken)| *woken) {
        let before = out.len();
        (rule.check)(&text, &mut out);
        debug_assert!(out[before..].iter().all(|l| rule.codes.contains(&l.code)));
    }
    out.sort_by_key(|l| l.range.start);
    out
}

/// A Han character that wakes no rule: all but 月 and 日, which end a date. Most of a text's
/// characters are these, and are passed over at once; a test holds every rule to it.
fn quiet(c: char) -> bool {
    is_han(c) && !matches!(c, '月' | '日')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Code;

    /// What `text` finds in `s`: each lint's code and the characters it covers.
    pub(super) fn found(s: &str) -> Vec<(Code, &str)> {
        text(s).into_iter().map(|l| (l.code, &s[l.range])).collect()
    }

    #[test]
    fn reference_text_is_clean() {
        for s in [
            "本周，我省首批50个省级“省内通办”事项实现预期工作目标。",
            "将 83 个台（站）的共性申请材料由 581 份压减至 14 份。",
            "实行重点项目用地“容缺+承诺”办理，群众通过“天府通办”APP可随时随地轻松办理。",
            "10日至12日，省中心党委委员率队赴江西。依照《“天府通办”高频服务清单》办理。",
            "按 GB/T 9704-2012 排版，时间 9:30。",
        ] {
            assert_eq!(found(s), [], "{s}");
        }
    }

    /// What `quiet` passes over wakes no rule, whatever comes before it.
    #[test]
    fn no_rule_wakes_on_a_quiet_character() {
        let before = [
            '\0', 'a', '1', '１', '.', '。', '，', '水', '日', ' ', '\u{3000}', '“',
        ];
        let quiet: Vec<char> = ('\u{3400}'..='\u{9FFF}')
            .chain('\u{F900}'..='\u{FAFF}')
            .chain('\u{20000}'..='\u{2FFFF}')
            .filter(|c| super::quiet(*c))
            .collect();
        assert!(quiet.len() > 20_000);
        for rule in &RULES {
            for &c in &quiet {
                for prev in before.into_iter().chain([c]) {
                    assert!(!(rule.wakes)(prev, c), "{:?} wakes on {c:?}", rule.codes);
                }
            }
        }
    }

    /// Each rule reports only its own codes, and every code of a rule is reported by it.
    #[test]
    fn every_rule_reports_its_codes() {
        for (rule, s) in RULES.iter().zip([
            "通知,明确",
            "《通知",
            "。。等等...",
            "7日~9日",
            "10月07日",
            "２８８１",
            "水利 厅",
        ]) {
            let mut out = Vec::new();
            (rule.check)(&Text::new(s), &mut out);
            let mut codes: Vec<Code> = out.iter().map(|l| l.code).collect();
            codes.dedup();
            assert_eq!(codes, rule.codes, "{s}");
        }
    }

    #[test]
    fn lints_come_in_text_order() {
        let starts: Vec<usize> = text("水利 厅,２８８１人次。。")
            .iter()
            .map(|l| l.range.start)
            .collect();
        assert_eq!(starts.len(), 4);
        assert!(starts.windows(2).all(|w| w[0] < w[1]), "{starts:?}");
    }

    /// Texts shaped to make a scan quadratic: a quadratic one would take minutes on these.
    #[test]
    fn hostile_texts_take_linear_time() {
        let n = 100_000;
        let unclosed_then_stray = format!("{}{}", "《".repeat(n), "”".repeat(n));
        assert_eq!(text(&unclosed_then_stray).len(), 2 * n);
        let misnested = format!("{}{}", "“《".repeat(n), "”".repeat(n));
        assert_eq!(text(&misnested).len(), n);
        let long_number_then_dashes = format!("{}{}", "1".repeat(n), "-".repeat(n));
        assert_eq!(text(&long_number_then_dashes).len(), 0);
        // A space between each two characters (W018), and the one the text ends with (W026).
        let spaced = text(&"水 ".repeat(n));
        assert_eq!(
            spaced.iter().filter(|l| l.code == Code::W018).count(),
            n - 1
        );
        assert_eq!(spaced.iter().filter(|l| l.code == Code::W026).count(), 1);
        let issuers = format!("《{}》", "中央 ".repeat(n));
        assert_eq!(text(&issuers).len(), 1, "only the space before 》");
        assert_eq!(text(&"措施.".repeat(n)).len(), n - 1);
    }
}
