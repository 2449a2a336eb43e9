//! The masthead and the closing block of a bulletin, read from its paragraphs.

use std::ops::Range;

use super::sentences;
use super::source::Para;
use crate::diag::{Code, Diagnostic};
use crate::i18n::Msg;
use crate::issue_file::draft::{Footer, Masthead};
use crate::msg;

/// A warning at `span`.
pub(super) fn warn(code: Code, span: &Range<usize>, message: Msg, help: Msg) -> Diagnostic {
    Diagnostic::new(code, span.clone(), message).with_help(help)
}

/// The masthead read from the paragraphs before the first section, and the lines of it
/// weekly does not print.
pub(super) fn masthead(
    head: &[Para],
    findings: &mut Vec<Diagnostic>,
) -> Option<(Masthead, Vec<String>)> {
    let whole = head.first().map_or(0..0, |p| p.span.start..p.span.start);
    // The publisher and the date often share a printed line, set apart by a tab or a wide
    // gap: each side is a line of the masthead.
    let (lines, spans): (Vec<String>, Vec<&Range<usize>>) = head
        .iter()
        .flat_map(|p| {
            let t = p.text();
            let sides: Vec<String> = t
                .split(['\t', '\u{3000}'])
                .flat_map(|side| side.split("  "))
                .flat_map(split_off_date)
                .map(str::trim)
                .filter(|side| !side.is_empty())
                .map(str::to_owned)
                .collect();
            sides.into_iter().map(move |side| (side, &p.span))
        })
        .unzip();
    let number = lines
        .iter()
        .position(|l| sentences::issue_line(l).is_some());
    let Some((year, number_in_year, total)) = number.and_then(|i| sentences::issue_line(&lines[i]))
    else {
        findings.push(Diagnostic::new(
            Code::E030,
            whole,
            msg!(
                "no line `2023 年第 39 期（总第 459 期）` before the first section: not a bulletin weekly can read",
                "第一个栏目之前没有“2023 年第 39 期（总第 459 期）”这样的期号行：weekly 无法读取这份周报"
            ),
        ));
        return None;
    };
    let period_at = lines
        .iter()
        .position(|l| sentences::period(l, year).is_some());
    let date_at = lines.iter().position(|l| sentences::full_date(l).is_some());
    let (Some(period_at), Some(date_at)) = (period_at, date_at) else {
        let what = if period_at.is_none() {
            msg!(
                "a line with the week, such as `（10 月 7 日—10 月 13 日）`",
                "“（10 月 7 日—10 月 13 日）”这样的周期行"
            )
        } else {
            msg!(
                "a line with the date, such as `2023 年 10 月 20 日`",
                "“2023 年 10 月 20 日”这样的印发日期行"
            )
        };
        let Msg { en, zh } = what;
        findings.push(Diagnostic::new(
            Code::E030,
            whole,
            msg!(
                "the masthead has no {en}: not a whole bulletin",
                "报头中没有{zh}：周报不完整"
            ),
        ));
        return None;
    };
    let (start, end) = sentences::period(&lines[period_at], year)?;
    let published = sentences::full_date(&lines[date_at])?;
    let known = [number, Some(period_at), Some(date_at)];
    let others: Vec<usize> = (0..lines.len())
        .filter(|i| !known.contains(&Some(*i)))
        .collect();
    // The title is the line nearest before the week, the publisher the line nearest before
    // the date (or else the first after the week): a line such as 内部资料 elsewhere is extra.
    let title = others.iter().copied().rfind(|i| *i < period_at);
    let publisher = others
        .iter()
        .copied()
        .rfind(|i| *i > period_at && *i < date_at)
        .or_else(|| others.iter().copied().find(|i| *i > period_at));
    let (Some(title), Some(publisher)) = (title, publisher) else {
        findings.push(Diagnostic::new(
            Code::E030,
            whole,
            msg!(
                "the masthead is incomplete: it needs a title before the week and the publisher after it",
                "报头不全：周期行之前应有刊名，之后应有编发单位"
            ),
        ));
        return None;
    };
    let mut extra = Vec::new();
    for i in others
        .into_iter()
        .filter(|i| ![title, publisher].contains(i))
    {
        findings.push(warn(
            Code::W020,
            spans[i],
            msg!(
                "a line of the masthead that is not part of weekly's masthead: imported as a text item of a last section, 导入时未识别的内容",
                "报头中的这一行不属于 weekly 印出的报头内容：已作为文字条目导入到最后的“导入时未识别的内容”栏目"
            ),
            msg!(
                "move it where it belongs in the issue file, or delete it",
                "请在生成的周报文件中把它移到合适的位置，或删去"
            ),
        ));
        extra.push(lines[i].clone());
    }
    let masthead = Masthead {
        title: lines[title].clone(),
        year,
        number: number_in_year,
        total,
        start,
        end,
        publisher: lines[publisher].clone(),
        published,
    };
    Some((masthead, extra))
}

/// `中心 2023 年 10 月 20 日` → `中心`, `2023 年 10 月 20 日`: a line that ends with a full date
/// after other text, as a PDF's text gives the publisher and the date printed on one line.
pub(super) fn split_off_date(line: &str) -> Vec<&str> {
    let starts = line.char_indices().filter(|&(i, c)| {
        c.is_ascii_digit() && i > 0 && !line[..i].ends_with(|p: char| p.is_ascii_digit())
    });
    for (i, _) in starts {
        if sentences::full_date(&line[i..]).is_some() && !line[..i].trim().is_empty() {
            return vec![&line[..i], &line[i..]];
        }
    }
    vec![line]
}

/// The closing block and any lines after it that are not part of it.
pub(super) fn footer(
    tail: &[Para],
    end: Range<usize>,
    findings: &mut Vec<Diagnostic>,
) -> Option<(Footer, Vec<String>)> {
    let (mut send, mut distribute, mut copies) = (None, None, None);
    let mut late = Vec::new();
    for p in tail {
        let t = p.text();
        if let (None, Some(s)) = (&send, sentences::closing_line(&t, "送")) {
            send = Some(s.to_owned());
        } else if let (None, Some(s)) = (&distribute, sentences::closing_line(&t, "发")) {
            distribute = Some(s.to_owned());
        } else if let (None, Some(n)) = (copies, sentences::copies(&t)) {
            copies = Some(n);
        } else {
            findings.push(warn(
                Code::W020,
                &p.span,
                msg!(
                    "a line in the closing block that is not 送, 发 or 共印: imported as a text item of a last section, 导入时未识别的内容",
                    "版记中的这一行不是“送”“发”或“共印”行：已作为文字条目导入到最后的“导入时未识别的内容”栏目"
                ),
                msg!(
                    "move it where it belongs in the issue file, or delete it",
                    "请在生成的周报文件中把它移到合适的位置，或删去"
                ),
            ));
            late.push(t);
        }
    }
    let missing = match (&send, &distribute, copies) {
        (None, ..) => Some(msg!("送：…", "送：……")),
        (_, None, _) => Some(msg!("发：…", "发：……")),
        (.., None) => Some(msg!("（共印××份）", "（共印××份）")),
        _ => None,
    };
    if let Some(Msg { en, zh }) = missing {
        findings.push(Diagnostic::new(
            Code::E030,
            end,
            msg!(
                "the closing block has no line `{en}`: the bulletin is cut short or not one weekly can read",
                "版记中没有“{zh}”这样的一行：周报末尾可能缺失，或 weekly 无法读取这份周报"
            ),
        ));
        return None;
    }
    Some((
        Footer {
            send: send?,
            distribute: distribute?,
            copies: copies?,
        },
        late,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_after_other_text_is_split_off() {
        assert_eq!(
            split_off_date("中心 2023 年 10 月 20 日"),
            ["中心 ", "2023 年 10 月 20 日"]
        );
        assert_eq!(
            split_off_date("2023 年 10 月 20 日"),
            ["2023 年 10 月 20 日"]
        );
        assert_eq!(split_off_date("第 36 期简报"), ["第 36 期简报"]);
    }
}
