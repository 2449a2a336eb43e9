//! Typography lints for Chinese text (GB/T 15834 punctuation, GB/T 15835 numbers); pure.

mod chars;
mod dashes;
mod numbers;
mod punctuation;
mod spaces;

use chars::Chars;

pub use chars::{Lint, is_han};
pub use numbers::typed_numbering;
pub use punctuation::paragraph_end;

/// Which lints a cheap first pass found something for.
#[derive(Default)]
struct Needs {
    half_width: bool,
    pairs: bool,
    repeats: bool,
    dashes: bool,
    padded_dates: bool,
    wide_digits: bool,
    spaces: bool,
}

/// The lints that apply to any text: punctuation, pairs, numbers and spacing.
pub fn text(s: &str) -> Vec<Lint> {
    // One cheap pass finds which lints could fire; most texts need only the pairs checked.
    let mut needs = Needs::default();
    let mut prev = '\0';
    // Quotation marks and brackets usually pair up; only when they do not is their check run.
    let mut open: Vec<char> = Vec::new();
    for c in s.chars() {
        match c {
            ',' | ';' | ':' | '?' | '!' | '(' | ')' => needs.half_width = true,
            '.' if chars::is_chinese_context(prev) => needs.half_width = true,
            '“' | '‘' | '《' | '（' | '【' | '〔' => open.extend(punctuation::closing(c)),
            '”' | '’' | '》' | '）' | '】' | '〕' => needs.pairs |= open.pop() != Some(c),
            '-' | '~' | '–' | '－' | '～' | '—' => needs.dashes = true,
            '月' | '日' if prev.is_ascii_digit() => needs.padded_dates = true,
            '０'..='９' | '％' => needs.wide_digits = true,
            ' ' | '\u{3000}' => needs.spaces = true,
            _ if spaces::odd_space(c).is_some() => needs.spaces = true,
            _ => {}
        }
        if c == prev && matches!(c, '.' | '。' | '，' | '、' | '；' | '：' | '？' | '！') {
            needs.repeats = true;
        }
        prev = c;
    }
    needs.pairs |= !open.is_empty();
    let Needs {
        half_width,
        pairs,
        repeats,
        dashes,
        padded_dates,
        wide_digits,
        spaces,
    } = needs;
    if !(half_width || pairs || repeats || dashes || padded_dates || wide_digits || spaces) {
        return Vec::new();
    }
    let chars = Chars::new(s);
    let mut out = Vec::new();
    if half_width {
        punctuation::half_width(&chars, &mut out);
    }
    if pairs {
        punctuation::pairs(&chars, &mut out);
    }
    if repeats {
        punctuation::repeated(&chars, &mut out);
    }
    if dashes {
        dashes::ranges(&chars, &mut out);
    }
    if padded_dates {
        numbers::zero_padded_dates(s, &mut out);
    }
    if wide_digits {
        numbers::full_width_digits(&chars, &mut out);
    }
    if spaces {
        spaces::spaces(&chars, &mut out);
    }
    out.sort_by_key(|l| l.range.start);
    out
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
        assert_eq!(text(&"水 ".repeat(n)).len(), n - 1);
        let issuers = format!("《{}》", "中央 ".repeat(n));
        assert_eq!(text(&issuers).len(), 1, "only the space before 》");
        assert_eq!(text(&"措施.".repeat(n)).len(), n - 1);
    }
}
