//! Typography lints for Chinese text (GB/T 15834 punctuation, GB/T 15835 numbers); pure.

use std::ops::Range;

use crate::diag::{Code, Msg};
use crate::msg;

/// A typographic problem in one text value; `range` is in bytes of that text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lint {
    pub code: Code,
    pub range: Range<usize>,
    pub message: Msg,
    pub help: Msg,
}

fn lint(code: Code, range: Range<usize>, message: Msg, help: Msg) -> Lint {
    Lint {
        code,
        range,
        message,
        help,
    }
}

/// A Han character, as the lints mean "Chinese".
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FFFF}')
}

/// Han characters and full-width punctuation: the company a half-width mark should not keep.
fn is_chinese_context(c: char) -> bool {
    is_han(c)
        || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF5E}' | '“' | '”' | '‘' | '’' | '…' | '—')
}

/// The lints that apply to any text: punctuation, pairs, numbers and spacing.
pub fn text(s: &str) -> Vec<Lint> {
    // One cheap pass finds which lints could fire; most texts need only the pairs checked.
    let mut needs = [false; 7];
    let mut prev = '\0';
    // Quotation marks and brackets usually pair up; only when they do not is their check run.
    let mut open: Vec<char> = Vec::new();
    for c in s.chars() {
        match c {
            ',' | ';' | ':' | '?' | '!' | '(' | ')' => needs[0] = true,
            '“' | '‘' | '《' | '（' | '【' | '〔' => open.extend(closing(c)),
            '”' | '’' | '》' | '）' | '】' | '〕' => needs[1] |= open.pop() != Some(c),
            '-' | '~' | '–' | '－' | '～' | '—' => needs[3] = true,
            '月' | '日' if prev.is_ascii_digit() => needs[4] = true,
            '０'..='９' => needs[5] = true,
            ' ' | '\u{3000}' => needs[6] = true,
            _ => {}
        }
        if c == prev && matches!(c, '.' | '。' | '，' | '、' | '；' | '：' | '？' | '！') {
            needs[2] = true;
        }
        prev = c;
    }
    needs[1] |= !open.is_empty();
    if !needs.contains(&true) {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let end_of = |i: usize| chars.get(i + 1).map_or(s.len(), |(b, _)| *b);
    let mut out = Vec::new();
    if needs[0] {
        half_width_punctuation(&chars, &end_of, &mut out);
    }
    if needs[1] {
        pairs(&chars, &end_of, &mut out);
    }
    if needs[2] {
        repeated_punctuation(s, &chars, &mut out);
    }
    if needs[3] {
        range_dashes(&chars, &end_of, &mut out);
    }
    if needs[4] {
        zero_padded_dates(s, &mut out);
    }
    if needs[5] {
        full_width_digits(&chars, &end_of, &mut out);
    }
    if needs[6] {
        spaces_between_han(&chars, &end_of, &mut out);
    }
    out.sort_by_key(|l| l.range.start);
    out
}

/// W010: `,` `;` `:` `?` `!` `(` `)` beside Chinese text, where the full-width mark belongs.
fn half_width_punctuation(
    chars: &[(usize, char)],
    end_of: &dyn Fn(usize) -> usize,
    out: &mut Vec<Lint>,
) {
    for (i, &(at, c)) in chars.iter().enumerate() {
        let Some(full) = full_width(c) else { continue };
        let before = i.checked_sub(1).map(|j| chars[j].1);
        let after = chars.get(i + 1).map(|(_, c)| *c);
        // `(` opens onto what follows and `)` closes what precedes; others touch either side.
        let beside = match c {
            '(' => after.is_some_and(is_chinese_context),
            ')' => before.is_some_and(is_chinese_context),
            _ => before.is_some_and(is_chinese_context) || after.is_some_and(is_chinese_context),
        };
        if beside {
            out.push(lint(
                Code::W010,
                at..end_of(i),
                msg!("half-width `{c}` in Chinese text", "中文中使用了半角 `{c}`"),
                msg!("use the full-width `{full}`", "改用全角 `{full}`"),
            ));
        }
    }
}

fn full_width(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '?' => '？',
        '!' => '！',
        '(' => '（',
        ')' => '）',
        _ => return None,
    })
}

/// W011: quotation marks and brackets that are not closed, or closed in the wrong order.
fn pairs(chars: &[(usize, char)], end_of: &dyn Fn(usize) -> usize, out: &mut Vec<Lint>) {
    let mut open: Vec<(usize, char, char)> = Vec::new();
    for (i, &(at, c)) in chars.iter().enumerate() {
        if let Some(close) = closing(c) {
            open.push((i, c, close));
        } else if let Some(opener) = opening(c) {
            match open.last() {
                Some(&(_, _, expected)) if expected == c => {
                    open.pop();
                }
                Some(&(j, o, expected)) if open.iter().any(|(_, _, e)| *e == c) => {
                    out.push(lint(
                        Code::W011,
                        chars[j].0..end_of(j),
                        msg!(
                            "`{o}` is closed by `{c}` before its own `{expected}`",
                            "`{o}` 未以 `{expected}` 闭合就遇到了 `{c}`"
                        ),
                        msg!(
                            "close `{o}` with `{expected}` before `{c}`",
                            "在 `{c}` 之前用 `{expected}` 闭合 `{o}`"
                        ),
                    ));
                    while let Some((_, _, e)) = open.pop() {
                        if e == c {
                            break;
                        }
                    }
                }
                _ => out.push(lint(
                    Code::W011,
                    at..end_of(i),
                    msg!("`{c}` closes nothing", "`{c}` 没有对应的前半"),
                    msg!(
                        "add the opening `{opener}`, or remove this `{c}`",
                        "补上 `{opener}`，或删去这个 `{c}`"
                    ),
                )),
            }
        }
    }
    for (j, o, close) in open {
        out.push(lint(
            Code::W011,
            chars[j].0..end_of(j),
            msg!("`{o}` is never closed", "`{o}` 没有闭合"),
            msg!("add the closing `{close}`", "补上 `{close}`"),
        ));
    }
}

fn closing(open: char) -> Option<char> {
    Some(match open {
        '“' => '”',
        '‘' => '’',
        '《' => '》',
        '（' => '）',
        '【' => '】',
        '〔' => '〕',
        _ => return None,
    })
}

fn opening(close: char) -> Option<char> {
    Some(match close {
        '”' => '“',
        '’' => '‘',
        '》' => '《',
        '）' => '（',
        '】' => '【',
        '〕' => '〔',
        _ => return None,
    })
}

/// W012 doubled punctuation (`。。`, `，，`) and W013 an ellipsis typed as `...` or `。。。`.
fn repeated_punctuation(s: &str, chars: &[(usize, char)], out: &mut Vec<Lint>) {
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let run = chars[i..].iter().take_while(|(_, d)| *d == c).count();
        let end = chars.get(i + run).map_or(s.len(), |(b, _)| *b);
        let text = &s[at..end];
        if matches!(c, '.' | '。') && run >= 3 {
            out.push(lint(
                Code::W013,
                at..end,
                msg!("`{text}` for an ellipsis", "省略号写成了 `{text}`"),
                msg!("write the ellipsis as `……`", "省略号应写作 `……`"),
            ));
        } else if matches!(c, '。' | '，' | '、' | '；' | '：' | '？' | '！') && run >= 2 {
            out.push(lint(
                Code::W012,
                at..end,
                msg!("doubled punctuation `{text}`", "标点重复 `{text}`"),
                msg!("keep one `{c}`", "保留一个 `{c}`"),
            ));
        }
        i += run;
    }
}

/// W014: a range of dates or times written with `-`, `~`, `–` or `——`; GB/T 15834 wants `—`.
fn range_dashes(chars: &[(usize, char)], end_of: &dyn Fn(usize) -> usize, out: &mut Vec<Lint>) {
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let width = if c == '—' && chars.get(i + 1).is_some_and(|(_, d)| *d == '—') {
            2
        } else if matches!(c, '-' | '~' | '–' | '－' | '～') {
            1
        } else {
            i += 1;
            continue;
        };
        let before = i.checked_sub(1).map(|j| chars[j].1);
        let after = chars.get(i + width).map(|(_, c)| *c);
        let ends_a_date =
            before.is_some_and(|b| matches!(b, '日' | '月' | '年' | '时' | '点' | '分'));
        let ends_a_time =
            i >= 3 && before.is_some_and(|b| b.is_ascii_digit()) && chars[i - 3].1 == ':';
        if (ends_a_date || ends_a_time) && after.is_some_and(|a| a.is_ascii_digit()) {
            let dash: String = chars[i..i + width].iter().map(|(_, c)| c).collect();
            out.push(lint(
                Code::W014,
                at..end_of(i + width - 1),
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
                    "月、日前补了零 `{}`",
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

/// W016: full-width digits `０`–`９`.
fn full_width_digits(
    chars: &[(usize, char)],
    end_of: &dyn Fn(usize) -> usize,
    out: &mut Vec<Lint>,
) {
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..]
            .iter()
            .take_while(|(_, c)| matches!(c, '０'..='９'))
            .count();
        if run == 0 {
            i += 1;
            continue;
        }
        let digits: String = chars[i..i + run].iter().map(|(_, c)| *c).collect();
        let ascii: String = digits
            .chars()
            .map(|c| char::from(b'0' + (c as u32 - '０' as u32) as u8))
            .collect();
        out.push(lint(
            Code::W016,
            chars[i].0..end_of(i + run - 1),
            msg!("full-width digits `{digits}`", "使用了全角数字 `{digits}`"),
            msg!("write `{ascii}`", "应写作 `{ascii}`"),
        ));
        i += run;
    }
}

/// W018: a space between two Chinese characters.
fn spaces_between_han(
    chars: &[(usize, char)],
    end_of: &dyn Fn(usize) -> usize,
    out: &mut Vec<Lint>,
) {
    let mut i = 1;
    while i < chars.len() {
        let run = chars[i..]
            .iter()
            .take_while(|(_, c)| matches!(c, ' ' | '\u{3000}'))
            .count();
        if run > 0 && is_han(chars[i - 1].1) && chars.get(i + run).is_some_and(|(_, c)| is_han(*c))
        {
            out.push(lint(
                Code::W018,
                chars[i].0..end_of(i + run - 1),
                msg!("space between Chinese characters", "汉字之间有空格"),
                msg!("remove the space", "删去空格"),
            ));
        }
        i += run.max(1);
    }
}

/// W017: numbering typed at the start of a title or paragraph, which weekly numbers itself.
pub fn typed_numbering(s: &str) -> Option<Lint> {
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    let chars: Vec<char> = s.chars().take(8).collect();
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    let han = chars.iter().take_while(|c| numeral(**c)).count();
    let len = if (1..=2).contains(&digits) {
        match chars.get(digits) {
            Some('、' | '．') => digits + 1,
            Some('.') if !chars.get(digits + 1).is_some_and(char::is_ascii_digit) => digits + 1,
            _ => 0,
        }
    } else if han > 0 && chars.get(han) == Some(&'、') {
        han + 1
    } else if matches!(chars.first(), Some('（' | '(')) {
        let inner = chars[1..]
            .iter()
            .take_while(|c| c.is_ascii_digit() || numeral(**c))
            .count();
        match chars.get(1 + inner) {
            Some('）' | ')') if inner > 0 => inner + 2,
            _ => 0,
        }
    } else {
        0
    };
    (len > 0).then(|| {
        let typed: String = chars[..len].iter().collect();
        lint(
            Code::W017,
            0..typed.len(),
            msg!(
                "numbering `{typed}` typed into the text",
                "正文中手工输入了编号 `{typed}`"
            ),
            msg!(
                "remove it: weekly numbers sections, subsections and items itself",
                "删去即可：weekly 会自动为各部分、小节和条目编号"
            ),
        )
    })
}

/// W003: a paragraph should end in 。！？ (or …), possibly followed by closing marks.
pub fn paragraph_end(s: &str) -> Option<Lint> {
    let trimmed = s.trim_end();
    let body = trimmed.trim_end_matches(['”', '’', '）', '》', '」', '』', '】']);
    // An ellipsis typed as `...` or `。。。` ends the paragraph too; W013 reports its form.
    if body.ends_with(['。', '！', '？', '…']) || body.ends_with("...") {
        return None;
    }
    let last = trimmed.char_indices().last()?;
    Some(lint(
        Code::W003,
        last.0..trimmed.len(),
        msg!(
            "the paragraph does not end with 。！ or ？",
            "段落未以 。！？ 结尾"
        ),
        msg!("end the paragraph with a full stop `。`", "段末加句号 `。`"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(s: &str) -> Vec<(Code, &str)> {
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
    fn half_width_marks_beside_chinese() {
        assert_eq!(
            found("通知,明确(试行)要求;是否?"),
            [
                (Code::W010, ","),
                (Code::W010, "("),
                (Code::W010, ")"),
                (Code::W010, ";"),
                (Code::W010, "?")
            ]
        );
        assert_eq!(found("a, b (c) 1:2"), []);
        // Each mark, and the full-width one the help names.
        for (half, full) in [
            (',', '，'),
            (';', '；'),
            (':', '：'),
            ('?', '？'),
            ('!', '！'),
        ] {
            let lints = text(&format!("通知{half}明确"));
            assert_eq!(lints.len(), 1, "{half}");
            assert_eq!(lints[0].help.en, format!("use the full-width `{full}`"));
        }
    }

    #[test]
    fn unbalanced_and_misnested_pairs() {
        assert_eq!(found("“通知"), [(Code::W011, "“")]);
        assert_eq!(found("通知”"), [(Code::W011, "”")]);
        assert_eq!(found("《“通知》”"), [(Code::W011, "“"), (Code::W011, "”")]);
        assert_eq!(found("《关于“放管服”的通知》（试行）"), []);
        // A closing mark that no open one expects closes nothing; the open one stays open.
        assert_eq!(found("《通知”"), [(Code::W011, "《"), (Code::W011, "”")]);
        // Every pair, balanced, unclosed and unopened.
        for (open, close) in [
            ('“', '”'),
            ('‘', '’'),
            ('《', '》'),
            ('（', '）'),
            ('【', '】'),
            ('〔', '〕'),
        ] {
            assert_eq!(found(&format!("{open}通知{close}")), [], "{open}{close}");
            let open_only = format!("{open}通知");
            assert_eq!(
                found(&open_only),
                [(Code::W011, &open_only[..open.len_utf8()])]
            );
            let close_only = format!("通知{close}");
            assert_eq!(found(&close_only), [(Code::W011, &close_only[6..])]);
        }
    }

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

    #[test]
    fn zero_padding_and_full_width_digits() {
        assert_eq!(
            found("10月07日，2023年01月"),
            [(Code::W015, "07日"), (Code::W015, "01月")]
        );
        assert_eq!(found("100月"), []);
        assert_eq!(found("共计107日"), [], "107 days, not a padded 7");
        assert_eq!(found("共计２８８１人次"), [(Code::W016, "２８８１")]);
        assert_eq!(text("共计２８８１人次")[0].help.en, "write `2881`");
    }

    #[test]
    fn spaces_between_chinese() {
        assert_eq!(
            found("水利 厅和省\u{3000}药监局"),
            [(Code::W018, " "), (Code::W018, "\u{3000}")]
        );
        assert_eq!(found("完成 1019 个"), []);
    }

    #[test]
    fn typed_numbering_at_the_start() {
        for (s, typed) in [
            ("1、本周", "1、"),
            ("2.本周", "2."),
            ("12．本周", "12．"),
            ("一、领导批示", "一、"),
            ("十一、政务资讯", "十一、"),
            ("（一）概况", "（一）"),
            ("(1)概况", "(1)"),
            ("（2）概况", "（2）"),
        ] {
            let l = typed_numbering(s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!(&s[l.range], typed, "{s}");
        }
        for s in [
            "10月12日，",
            "1.5倍",
            "一是",
            "（便民）服务",
            "2023年",
            "、本周",
            "（）本周",
        ] {
            assert_eq!(typed_numbering(s), None, "{s}");
        }
        assert_eq!(
            typed_numbering("（十一）概况").unwrap().range,
            0.."（十一）".len()
        );
    }

    #[test]
    fn paragraphs_end_with_terminal_punctuation() {
        assert_eq!(paragraph_end("完成。"), None);
        assert_eq!(paragraph_end("他强调：“要优化服务。”"), None);
        assert_eq!(paragraph_end("是否？"), None);
        let l = paragraph_end("完成编制").unwrap();
        assert_eq!(&"完成编制"[l.range], "制");
        assert!(paragraph_end("完成，").is_some());
    }
}
