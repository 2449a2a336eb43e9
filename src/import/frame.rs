//! The masthead and the closing block of a bulletin, read from its paragraphs.

use std::ops::Range;

use chrono::{Days, NaiveDate};

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
    let (mut lines, spans) = sides(head);
    let number = lines
        .iter()
        .position(|l| sentences::issue_line(l).is_some());
    let Some((year, number_in_year, total)) = number.and_then(|i| sentences::issue_line(&lines[i]))
    else {
        findings.push(no_issue_line(&lines, &spans, whole));
        return None;
    };
    let issue_at = number.unwrap_or_default();
    if total.is_none() {
        findings.push(warn(
            Code::W030,
            spans[issue_at],
            msg!(
                "the issue line has no running total (总第 … 期): taken from an issue of the week before or after when one is imported with it or is in the folder, else left blank to write",
                "期号行未印总期号（总第……期）：如同批导入或文件夹中已有前一周或后一周的那一期，已据此推算；否则留空，请填写"
            ),
            msg!(
                "write `total:` in the issue file as last week's plus one if it is left blank",
                "如生成的周报文件中 `total:` 为空，请按上一期总期号加 1 填写"
            ),
        ));
    }
    let period = lines
        .iter()
        .enumerate()
        .find_map(|(at, l)| Some((at, sentences::period(l, year)?)));
    let period_at = period.map(|(at, _)| at);
    let whole_date = lines
        .iter()
        .enumerate()
        .find_map(|(at, l)| Some((sentences::full_date(l)?, at, None)));
    let Some((published, date_at, year_at)) = whole_date.or_else(|| split_date(&mut lines)) else {
        findings.push(Diagnostic::new(
            Code::E030,
            whole,
            msg!(
                "the masthead has no line with the date, such as `2023 年 10 月 20 日`: not a whole bulletin",
                "报头中没有“2023 年 10 月 20 日”这样的印发日期行：周报不完整"
            ),
        ));
        return None;
    };
    let known = [number, period_at, Some(date_at), year_at];
    let others: Vec<usize> = (0..lines.len())
        .filter(|i| !known.contains(&Some(*i)))
        .collect();
    // The title is the line nearest before the week, the publisher the line nearest before
    // the date (or else the first after the week): a line such as 内部资料 elsewhere is extra.
    // Without the week, the publisher is the line nearest before the date, and the title the
    // one nearest before that.
    let (start, end, title, publisher) = match period {
        Some((at, (start, end))) => {
            let title = others.iter().copied().rfind(|i| *i < at);
            let publisher = others
                .iter()
                .copied()
                .rfind(|i| *i > at && *i < date_at)
                .or_else(|| others.iter().copied().find(|i| *i > at));
            (start, end, title, publisher)
        }
        None => {
            let publisher = others.iter().copied().rfind(|i| *i < date_at);
            let title = others.iter().copied().rfind(|i| Some(*i) < publisher);
            let (start, end) = week_before(published)?;
            let week = crate::text::period(start, end);
            findings.push(warn(
                Code::W031,
                spans[issue_at],
                msg!(
                    "the masthead prints no week: taken as the seven days ending a week before it was published, {week}",
                    "报头未印周期（统计起止日期）：已按印发日期的前一周计，即 {week}"
                ),
                msg!(
                    "check `period:` in the issue file against the records of that week",
                    "请对照当周的记录核对生成的周报文件中的 `period:`"
                ),
            ));
            (start, end, title, publisher)
        }
    };
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
    // The title once more (a one-page PDF's running head, printed above the masthead) is
    // the title: nothing of it is lost.
    let unknown: Vec<usize> = others
        .into_iter()
        .filter(|i| ![title, publisher].contains(i) && lines[*i] != lines[title])
        .collect();
    let extra = unknown_lines(&unknown, &lines, &spans, findings);
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

/// The lines of the masthead: the publisher and the date often share a printed line, set
/// apart by a tab or a wide gap, and each side is a line. Each with its paragraph's span.
fn sides(head: &[Para]) -> (Vec<String>, Vec<&Range<usize>>) {
    head.iter()
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
        .unzip()
}

/// E030 for a masthead without an issue line: a supplement (增刊), numbered apart from the
/// weekly issues and with no place in their series, is told as one.
fn no_issue_line(lines: &[String], spans: &[&Range<usize>], whole: Range<usize>) -> Diagnostic {
    if let Some(i) = lines.iter().position(|l| l.contains("增刊")) {
        return Diagnostic::new(
            Code::E030,
            spans[i].clone(),
            msg!(
                "a supplement (增刊), numbered apart from the weekly issues: weekly keeps the weekly series, whose numbers and figures follow on week to week",
                "这是增刊，与周报分开编号；weekly 只管理期号连续、累计数逐周衔接的周报，不导入增刊"
            ),
        )
        .with_help(msg!(
            "keep the supplement as it is; import the weekly issues",
            "增刊请另行存档；只导入每周的周报"
        ));
    }
    Diagnostic::new(
        Code::E030,
        whole,
        msg!(
            "no line `2023 年第 39 期（总第 459 期）` before the first section: not a bulletin weekly can read",
            "第一个栏目之前没有“2023 年第 39 期（总第 459 期）”这样的期号行：weekly 无法读取这份周报"
        ),
    )
}

/// The masthead's lines at `unknown` as text items, with W020 at each. One line of the source
/// may hold several unknown sides (`内部资料　注意保存`): one text item and one finding for it.
fn unknown_lines(
    unknown: &[usize],
    lines: &[String],
    spans: &[&Range<usize>],
    findings: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let mut extra: Vec<(&Range<usize>, Vec<&str>)> = Vec::new();
    for &i in unknown {
        match extra.last_mut() {
            Some((span, sides)) if *span == spans[i] => sides.push(&lines[i]),
            _ => extra.push((spans[i], vec![&lines[i]])),
        }
    }
    extra
        .into_iter()
        .map(|(span, sides)| {
            findings.push(warn(
                Code::W020,
                span,
                msg!(
                    "a line of the masthead that is not part of weekly's masthead: imported as a text item of a last section, 导入时未识别的内容",
                    "报头中的这一行不属于 weekly 印出的报头内容：已作为文字条目导入到最后的“导入时未识别的内容”栏目"
                ),
                msg!(
                    "move it where it belongs in the issue file, or delete it",
                    "请在生成的周报文件中把它移到合适的位置，或删去"
                ),
            ));
            sides.join("　")
        })
        .collect()
}

/// A date a PDF's text split where a tab set it beside the publisher: its year at the end of a
/// line, alone or after the publisher (`四川省政务服务中心 2023`), and the rest on another
/// (`年 10 月 20 日`). The date, the line of the rest, and the year's line when the year was
/// alone on it; a publisher before the year keeps its line, the year taken off.
fn split_date(lines: &mut [String]) -> Option<(NaiveDate, usize, Option<usize>)> {
    let rest = lines.iter().position(|l| l.starts_with('年'))?;
    for i in (0..lines.len()).filter(|i| *i != rest) {
        let (before, year) = lines[i].rsplit_once(' ').unwrap_or(("", &lines[i]));
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let Some(date) = sentences::full_date(&format!("{year}{}", lines[rest])) else {
            continue;
        };
        let before = before.trim().to_owned();
        if before.is_empty() {
            return Some((date, rest, Some(i)));
        }
        lines[i] = before;
        return Some((date, rest, None));
    }
    None
}

/// The week an issue published on `published` reports on, as `weekly new` drafts it: the
/// seven days ending a week before.
fn week_before(published: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let end = published.checked_sub_days(Days::new(7))?;
    Some((end.checked_sub_days(Days::new(6))?, end))
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
    fn a_date_split_from_its_year_is_put_together() {
        let d = NaiveDate::from_ymd_opt(2023, 10, 20);
        let mut lines = ["中心", "年 10 月 20 日", "2023"].map(String::from);
        assert_eq!(split_date(&mut lines), Some((d.unwrap(), 1, Some(2))));
        let mut lines = ["四川省中心 2023", "年 10 月 20 日"].map(String::from);
        assert_eq!(split_date(&mut lines), Some((d.unwrap(), 1, None)));
        assert_eq!(lines[0], "四川省中心");
        let mut lines = ["中心", "年 13 月 20 日", "2023"].map(String::from);
        assert_eq!(split_date(&mut lines), None);
    }

    #[test]
    fn a_week_not_printed_is_the_week_before_publication() {
        let d = |m, day| NaiveDate::from_ymd_opt(2023, m, day).unwrap();
        assert_eq!(week_before(d(10, 20)), Some((d(10, 7), d(10, 13))));
        assert_eq!(week_before(NaiveDate::MIN), None);
    }

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
