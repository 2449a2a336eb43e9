//! W018: spaces in Chinese text: between characters, beside full-width marks, and odd ones.

use super::chars::{Chars, Lint, Rule, Text, is_han, lint};
use crate::diag::Code;
use crate::msg;

pub const RULE: Rule = Rule {
    codes: &[Code::W018],
    wakes: |_, c| matches!(c, ' ' | '\u{3000}') || odd_space(c).is_some(),
    check: |t: &Text, out| spaces(t.chars(), out),
};

/// W018: a space between two Chinese characters, or beside full-width punctuation, and a
/// space character other than the ordinary and the ideographic one.
fn spaces(t: &Chars, out: &mut Vec<Lint>) {
    // Inside 《》 a space may part the names of joint issuers; `name` is where the current
    // name of a title began.
    let mut titles = 0usize;
    let mut name = 0;
    let mut i = 0;
    while let Some(c) = t.get(i) {
        match c {
            '《' | '〈' => {
                titles += 1;
                name = i + 1;
            }
            '》' | '〉' => titles = titles.saturating_sub(1),
            _ => {}
        }
        if let Some(what) = odd_space(c) {
            if !groups_digits(t, i) {
                let found = lint(
                    Code::W018,
                    t.span(i, 1),
                    msg!(
                        "unusual space character U+{:04X} ({what})",
                        "混入了特殊空格字符 U+{:04X}",
                        c as u32
                    ),
                    msg!(
                        "remove it, or type an ordinary space where a space belongs",
                        "请删去；确需空格处改用普通空格"
                    ),
                );
                // A space of no width goes without a trace; another may stand for a space.
                out.push(if c == '\u{200B}' {
                    found.removed()
                } else {
                    found
                });
            }
            i += 1;
            continue;
        }
        let run = t.run(i, |c| matches!(c, ' ' | '\u{3000}'));
        if run == 0 {
            i += 1;
            continue;
        }
        let (Some(before), Some(after)) = (t.before(i), t.get(i + run)) else {
            i += run;
            continue;
        };
        let found = if is_full_width_mark(before) {
            Some(msg!(
                "space after the full-width `{before}`",
                "全角标点 `{before}` 后有空格"
            ))
        } else if is_pause_or_closing(after) {
            Some(msg!(
                "space before the full-width `{after}`",
                "全角标点 `{after}` 前有空格"
            ))
        } else if is_han(before)
            && is_han(after)
            && !article_heading(t, i)
            && !(titles > 0 && ends_an_issuer(t.slice(name, i - name)))
        {
            Some(msg!("space between Chinese characters", "汉字之间有空格"))
        } else {
            None
        };
        if let Some(message) = found {
            let help = if is_han(before) && is_han(after) {
                msg!("remove the space", "请删去空格")
            } else {
                msg!(
                    "remove the space: a full-width mark carries its own spacing",
                    "请删去空格：全角标点本身已占一个字的位置"
                )
            };
            out.push(lint(Code::W018, t.span(i, run), message, help).removed());
        }
        i += run;
        name = i;
    }
}

/// Full-width punctuation, after which a typed space only widens the gap the mark leaves.
fn is_full_width_mark(c: char) -> bool {
    is_pause_or_closing(c)
        || matches!(
            c,
            '“' | '‘' | '（' | '《' | '〈' | '【' | '〔' | '「' | '『' | '…' | '—'
        )
}

/// The marks that close a pause or a pair; a space before one of them is always stray.
fn is_pause_or_closing(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '”'
            | '’'
            | '）'
            | '》'
            | '〉'
            | '】'
            | '〕'
            | '」'
            | '』'
    )
}

/// `第四条　根据……`: statutes set a space between an article's number and its text, and so
/// between a chapter's or section's number and its title. The space at `i` follows such a
/// number at the start of the text or of a line, maybe indented or quoted.
fn article_heading(t: &Chars, i: usize) -> bool {
    if !t
        .before(i)
        .is_some_and(|c| matches!(c, '条' | '章' | '节' | '编'))
    {
        return false;
    }
    let numeral = |c: char| c.is_ascii_digit() || "零〇一二三四五六七八九十百千两".contains(c);
    // Walks back over at most a dozen numerals: the cost stays constant per space.
    let mut j = i - 1;
    while j > 0 && i - j <= 12 && t.before(j).is_some_and(numeral) {
        j -= 1;
    }
    j < i - 1
        && t.before(j) == Some('第')
        && (j == 1
            || matches!(
                t.before(j - 1),
                Some('\n' | ' ' | '\u{3000}' | '“' | '‘' | '「')
            ))
}

/// A name of an issuing body, which in the title of a jointly issued document is parted
/// from the next by a space: `《中共中央 国务院关于……》`, `《××省财政厅 ××省税务局……》`.
fn ends_an_issuer(name: &str) -> bool {
    const BODIES: [&str; 15] = [
        "中央",
        "院",
        "厅",
        "办公室",
        "部",
        "委",
        "局",
        "署",
        "政府",
        "会",
        "办",
        "银行",
        "联",
        "协",
        "中心",
    ];
    name.chars().count() >= 2 && BODIES.iter().any(|b| name.ends_with(b))
}

/// The space characters that slip in from word processors and web pages, with their names.
fn odd_space(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{00A0}' => "no-break space",
        '\u{2002}' => "en space",
        '\u{2003}' => "em space",
        '\u{2009}' => "thin space",
        '\u{200B}' => "zero-width space",
        '\u{202F}' => "narrow no-break space",
        '\u{2000}'..='\u{200A}' | '\u{205F}' => "a typesetting space",
        _ => return None,
    })
}

/// GB/T 15835 lets a quarter-em space group the digits of a long number in threes
/// (`12 345`): a thin space between a digit and exactly three more is that, not a slip.
fn groups_digits(t: &Chars, i: usize) -> bool {
    matches!(t.get(i), Some('\u{2009}' | '\u{202F}'))
        && t.before(i).is_some_and(|c| c.is_ascii_digit())
        && t.run(i + 1, |c| c.is_ascii_digit()) == 3
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::lint::tests::found;
    use crate::check::lint::text;

    #[test]
    fn spaces_between_chinese() {
        assert_eq!(
            found("水利 厅和省\u{3000}药监局"),
            [(Code::W018, " "), (Code::W018, "\u{3000}")]
        );
        assert_eq!(found("完成 1019 个"), []);
        assert_eq!(text("水利 厅")[0].help.en, "remove the space");
    }

    #[test]
    fn statute_headings_keep_their_space() {
        for s in [
            "第四条\u{3000}为规范窗口服务，制定本办法。",
            "第十二条 窗口人员应当统一着装。",
            "第3条\u{3000}本办法自印发之日起施行。",
            "第一章\u{3000}总则\n第一条\u{3000}为了规范管理，制定本规定。",
            "“第二十一条\u{3000}各窗口应当公开办事指南。”",
            "第一章\u{3000}总则\n\u{3000}\u{3000}第一条\u{3000}为了规范管理，制定本规定。",
        ] {
            assert_eq!(found(s), [], "{s}");
        }
        // Inside a sentence the article is cited, not set as a heading.
        assert_eq!(
            found("依照本办法第四条\u{3000}办理。"),
            [(Code::W018, "\u{3000}")]
        );
        assert_eq!(found("本条 规定"), [(Code::W018, " ")]);
        assert_eq!(found("第 条"), [(Code::W018, " ")]);
    }

    #[test]
    fn joint_issuers_in_a_title_keep_their_space() {
        for s in [
            "依照《中共中央 国务院关于优化政务服务的意见》办理。",
            "《中共某某省委办公厅 某某省人民政府办公厅印发〈窗口服务规范〉的通知》",
            "《省财政厅 省税务局 中国人民银行某某分行关于窗口收费的通知》",
            "《省发展改革委 省市场监管局关于价格公示的通知》",
            "《省科协 省总工会 团省委关于开展技能竞赛的通知》",
            "《省政务服务中心 省大数据中心关于数据共享的通知》",
        ] {
            assert_eq!(found(s), [], "{s}");
        }
        // Only between names of bodies, and only inside a title.
        assert_eq!(found("《关于 优化窗口服务的通知》"), [(Code::W018, " ")]);
        assert_eq!(found("省财政厅 省税务局联合发文。"), [(Code::W018, " ")]);
        assert_eq!(
            found("《省财政厅 省税务局关于窗口收费的 通知》"),
            [(Code::W018, " ")]
        );
    }

    #[test]
    fn spaces_beside_full_width_marks() {
        assert_eq!(
            found("回应群众关切， 持续优化服务。 下周（ 暂定）召开 ，会议"),
            [
                (Code::W018, " "),
                (Code::W018, " "),
                (Code::W018, " "),
                (Code::W018, " ")
            ]
        );
        let l = &text("关切， 持续")[0];
        assert_eq!(l.message.en, "space after the full-width `，`");
        assert_eq!(l.message.zh, "全角标点 `，` 后有空格");
        assert!(l.help.zh.starts_with("请删去空格"));
        assert_eq!(
            text("召开 ，会议")[0].message.en,
            "space before the full-width `，`"
        );
        // Spaces set between Chinese and Latin or digits, as the bulletin does, stay.
        assert_eq!(found("通过 APP 办理，共 83 个，占比 5%。"), []);
        assert_eq!(found("通过“天府通办” APP 办理"), [(Code::W018, " ")]);
    }

    #[test]
    fn odd_spaces() {
        assert_eq!(
            found("共计\u{2002}2881 人次，受理\u{00A0}540 件，\u{200B}完成"),
            [
                (Code::W018, "\u{2002}"),
                (Code::W018, "\u{00A0}"),
                (Code::W018, "\u{200B}")
            ]
        );
        let l = &text("共计\u{2002}2881")[0];
        assert_eq!(l.message.en, "unusual space character U+2002 (en space)");
        assert_eq!(l.message.zh, "混入了特殊空格字符 U+2002");
        // A thin space grouping digits in threes is GB/T 15835's; elsewhere it is a slip.
        assert_eq!(found("共计 59\u{2009}029 人次"), []);
        assert_eq!(found("共计 5\u{2009}9029 人次"), [(Code::W018, "\u{2009}")]);
        assert_eq!(found("共计\u{2009}人次"), [(Code::W018, "\u{2009}")]);
    }
}
