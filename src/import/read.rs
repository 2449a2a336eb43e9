//! The issue read from a bulletin's paragraphs: the masthead from its lines, sections and
//! subsections from their headings, each one's content from its sentences, and the closing
//! block. What matches no sentence becomes a text item, with a finding where it is.

use std::ops::Range;

use chrono::Datelike;

use super::draft::{Body, Content, Draft, Footer, Item, Masthead, Progress, Section};
use super::sentences::{self, ProgressRead};
use super::source::{self, Heading, Para};
use crate::diag::{Code, Diagnostic, Msg};
use crate::model::Run;
use crate::msg;

/// The title of the section that holds what was found outside the masthead, sections and
/// closing block.
pub const STRAY: &str = "导入时未识别的内容";

/// A paragraph's text, its runs joined.
fn text(p: &Para) -> String {
    p.runs.iter().map(|r| r.text.as_str()).collect()
}

/// A warning at `span`.
fn warn(code: Code, span: &Range<usize>, message: Msg, help: Msg) -> Diagnostic {
    Diagnostic::new(code, span.clone(), message).with_help(help)
}

/// The issue `paras` print, or `None` with an error when they are not a whole bulletin.
pub fn read(paras: &[Para], findings: &mut Vec<Diagnostic>) -> Option<Draft> {
    let first_heading = paras
        .iter()
        .position(|p| source::heading_kind(&text(p)) == Some(Heading::Section))
        .unwrap_or(paras.len());
    let closing = paras
        .iter()
        .skip(first_heading)
        .position(|p| text(p).starts_with("送："))
        .map_or(paras.len(), |i| i + first_heading);
    let (head, rest) = paras.split_at(first_heading);
    let (body, tail) = rest.split_at(closing - first_heading);
    let (masthead, extra) = masthead(head, findings)?;
    let year = masthead.published.year();
    let end = paras.last().map_or(0..0, |p| p.span.end..p.span.end);
    let (footer, late) = footer(tail, end, findings)?;
    let mut sections = sections(body, year, findings);
    if sections.is_empty() {
        let span = head.last().map_or(0..0, |p| p.span.clone());
        findings.push(Diagnostic::new(
            Code::E030,
            span,
            msg!(
                "no section heading (`一、…`) after the masthead: not a bulletin weekly can read",
                "报头之后没有“一、……”这样的栏目标题：weekly 无法读取这份周报"
            ),
        ));
        return None;
    }
    // Lines of the masthead or after the closing block that weekly does not print: kept as
    // text items of a last section of their own, where the clerk will see them.
    let stray: Vec<Item> = extra.into_iter().chain(late).map(Item::Text).collect();
    if !stray.is_empty() {
        sections.push(Section {
            title: STRAY.to_owned(),
            body: Body::Content(Content::Items(stray)),
        });
    }
    Some(Draft {
        masthead,
        sections,
        footer,
    })
}

fn masthead(head: &[Para], findings: &mut Vec<Diagnostic>) -> Option<(Masthead, Vec<String>)> {
    let whole = head.first().map_or(0..0, |p| p.span.start..p.span.start);
    // The publisher and the date often share a printed line, set apart by a tab or a wide
    // gap: each side is a line of the masthead.
    let (lines, spans): (Vec<String>, Vec<&Range<usize>>) = head
        .iter()
        .flat_map(|p| {
            let t = text(p);
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
fn split_off_date(line: &str) -> Vec<&str> {
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
fn footer(
    tail: &[Para],
    end: Range<usize>,
    findings: &mut Vec<Diagnostic>,
) -> Option<(Footer, Vec<String>)> {
    let (mut send, mut distribute, mut copies) = (None, None, None);
    let mut late = Vec::new();
    for p in tail {
        let t = text(p);
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

/// The sections of the body: each heading with the paragraphs up to the next.
fn sections(body: &[Para], year: i32, findings: &mut Vec<Diagnostic>) -> Vec<Section> {
    let mut out = Vec::new();
    let starts: Vec<usize> = (0..body.len())
        .filter(|i| source::heading_kind(&text(&body[*i])) == Some(Heading::Section))
        .collect();
    for (k, &at) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(body.len());
        let title = heading_title(&text(&body[at]));
        let inside = &body[at + 1..end];
        let subsection_at = |p: &Para| source::heading_kind(&text(p)) == Some(Heading::Subsection);
        let body = if inside.first().is_some_and(subsection_at) {
            let heads: Vec<usize> = (0..inside.len())
                .filter(|i| subsection_at(&inside[*i]))
                .collect();
            let subs = heads
                .iter()
                .enumerate()
                .map(|(j, &h)| {
                    let end = heads.get(j + 1).copied().unwrap_or(inside.len());
                    let title = heading_title(&text(&inside[h]));
                    (title, content(&inside[h + 1..end], year, findings))
                })
                .collect();
            Body::Subsections(subs)
        } else {
            Body::Content(content(inside, year, findings))
        };
        out.push(Section { title, body });
    }
    out
}

/// `一、领导批示` → `领导批示`; `（一）…` likewise.
fn heading_title(s: &str) -> String {
    let after = s
        .split_once('、')
        .filter(|(n, _)| !n.starts_with('（'))
        .map(|(_, t)| t)
        .or_else(|| s.split_once('）').map(|(_, t)| t))
        .unwrap_or(s);
    after.trim().to_owned()
}

/// The paragraphs of one section or subsection, without their item numbers when they are
/// numbered 1, 2, … as weekly numbers several items.
fn unnumbered(paras: &[Para]) -> Vec<(Vec<Run>, &Range<usize>)> {
    let numbered = paras.len() > 1
        && paras
            .iter()
            .enumerate()
            .all(|(i, p)| source::item_number(&text(p)) == Some(i + 1));
    paras
        .iter()
        .map(|p| {
            let mut runs = p.runs.clone();
            if numbered && let Some(first) = runs.first_mut() {
                let digits = first.text.bytes().take_while(u8::is_ascii_digit).count();
                let mark = first.text[digits..]
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8);
                first.text.replace_range(..digits + mark, "");
                if first.text.is_empty() {
                    runs.remove(0);
                }
            }
            (runs, &p.span)
        })
        .collect()
}

/// One piece of content: directives, counters, progress or visits when every paragraph
/// reads as that sentence, else items.
fn content(paras: &[Para], year: i32, findings: &mut Vec<Diagnostic>) -> Content {
    let paras = unnumbered(paras);
    let texts: Vec<String> = paras
        .iter()
        .map(|(runs, _)| runs.iter().map(|r| r.text.as_str()).collect())
        .collect();
    let plain = paras.iter().all(|(runs, _)| runs.iter().all(|r| !r.strong));
    if !texts.is_empty() && plain {
        let directives: Option<Vec<_>> = texts
            .iter()
            .map(|t| sentences::directive(t, year))
            .collect();
        if let Some(ds) = directives {
            return Content::Directives(ds);
        }
    }
    if let ([t], true) = (texts.as_slice(), plain) {
        if let Some(cs) = sentences::counters(t) {
            return Content::Counters(cs);
        }
        if let Some(p) = sentences::progress(t) {
            return Content::Progress(progress(p, paras[0].1, findings));
        }
        if let Some(v) = sentences::visits(t) {
            return Content::Visits(v);
        }
    }
    let items = paras
        .iter()
        .zip(&texts)
        .map(|((runs, span), t)| item(runs, t, year, span, findings))
        .collect();
    Content::Items(items)
}

fn progress(p: ProgressRead, span: &Range<usize>, findings: &mut Vec<Diagnostic>) -> Progress {
    let share = &p.share;
    let total = match sentences::total_for_share(p.done, share) {
        Some((total, lo, hi)) if lo < hi => {
            findings.push(warn(
                Code::W022,
                span,
                msg!(
                    "every total from {lo} to {hi} gives {share}%: {total} was taken",
                    "总数取 {lo} 至 {hi} 中任一数，占比都为 {share}%：已暂填 {total}"
                ),
                msg!(
                    "write the real total in the imported file",
                    "请在生成的周报文件中填入实际总数"
                ),
            ));
            total
        }
        Some((total, ..)) => total,
        None => {
            let total = p.done.max(1);
            findings.push(warn(
                Code::W022,
                span,
                msg!(
                    "no whole total gives {share}% of {}: the total is set to {total}, and the share will print differently",
                    "完成数为 {} 时，没有哪个整数总数能算出占比 {share}%：总数暂填 {total}，重新生成后印出的占比将与原周报不同",
                    p.done
                ),
                msg!(
                    "write the real total in the imported file",
                    "请在生成的周报文件中填入实际总数"
                ),
            ));
            total
        }
    };
    Progress {
        dept: p.dept,
        week: p.week,
        done: p.done,
        total,
        unit: p.unit,
        work: p.work,
    }
}

/// One item: departments when it has bold names, else its text, with a finding when the
/// text reads like a sentence weekly builds but does not match it.
fn item(
    runs: &[Run],
    t: &str,
    year: i32,
    span: &Range<usize>,
    findings: &mut Vec<Diagnostic>,
) -> Item {
    if let Some(item) = departments(runs) {
        return item;
    }
    let like = if t.contains("上批示：") && sentences::directive(t, year).is_none() {
        Some(msg!("a directive", "领导批示"))
    } else if t.starts_with("本周，共计") && t.contains("今年以来") {
        Some(msg!("the counters' sentence", "办件统计"))
    } else if t.contains("截至目前，共完成") && t.contains("占比") {
        Some(msg!("a progress sentence", "工作进度"))
    } else {
        None
    };
    if let Some(Msg { en, zh }) = like {
        findings.push(warn(
            Code::W020,
            span,
            msg!(
                "this reads like {en} but does not match the sentence weekly builds: imported as a text item",
                "这一段看似{zh}，但与 weekly 生成的句式不符：已作为文字条目导入"
            ),
            msg!(
                "keep it as text, or rewrite it in the issue file as the data it states",
                "可保留为文字条目，也可在生成的周报文件中按其内容改填为相应的数据"
            ),
        ));
    }
    Item::Text(t.to_owned())
}

/// Runs with bold department names: the lead-in before the first, then each name with the
/// text after it.
fn departments(runs: &[Run]) -> Option<Item> {
    let first = runs.iter().position(|r| r.strong)?;
    let lead = runs[..first]
        .iter()
        .map(|r| r.text.as_str())
        .collect::<String>();
    let rest = &runs[first..];
    if !rest.len().is_multiple_of(2) {
        return None;
    }
    let entries = rest
        .chunks(2)
        .map(|pair| {
            let ok = pair[0].strong && !pair[1].strong;
            let clean = |s: &str| !s.trim().is_empty() && s.trim() == s;
            (ok && clean(&pair[0].text) && clean(&pair[1].text))
                .then(|| (pair[0].text.clone(), pair[1].text.clone()))
        })
        .collect::<Option<Vec<_>>>()?;
    let lead = (!lead.is_empty()).then_some(lead);
    Some(Item::Departments { lead, entries })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(text: &str) -> (Option<Draft>, Vec<Code>) {
        let (paras, mut findings) = source::paragraphs(text, false);
        let draft = read(&paras, &mut findings);
        (draft, findings.iter().map(|d| d.code).collect())
    }

    const BODY: &str = "一、资讯\n本周，甲。\n送：甲。\n发：乙。\n（共印 9 份）\n";

    #[test]
    fn the_publisher_and_the_date_on_one_line_are_two() {
        assert_eq!(
            split_off_date("中心 2023 年 10 月 20 日"),
            ["中心 ", "2023 年 10 月 20 日"]
        );
        assert_eq!(
            split_off_date("2023 年 10 月 20 日"),
            ["2023 年 10 月 20 日"]
        );
        assert_eq!(split_off_date("第 36 期简报"), ["第 36 期简报"]);
        let head = "窗口工作周报\n2023 年第 39 期（总第 459 期）\n（10 月 7 日—10 月 13 日）\n\
                    四川省政务服务中心        2023 年 10 月 20 日\n";
        let (draft, codes) = draft(&format!("{head}{BODY}"));
        let m = draft.unwrap().masthead;
        assert_eq!(
            (m.title.as_str(), m.publisher.as_str()),
            ("窗口工作周报", "四川省政务服务中心")
        );
        assert_eq!(m.published.to_string(), "2023-10-20");
        assert!(codes.is_empty(), "{codes:?}");
    }

    #[test]
    fn a_line_outside_the_masthead_is_kept_in_a_last_section() {
        let head = "内部资料\n2023 年第 39 期（总第 459 期）\n窗口工作周报\n（10 月 7 日—10 月 13 日）\n\
                    中心\n2023 年 10 月 20 日\n";
        let (draft, codes) = draft(&format!("{head}{BODY}此件公开发布\n"));
        let d = draft.unwrap();
        assert_eq!(
            (d.masthead.title.as_str(), d.masthead.publisher.as_str()),
            ("窗口工作周报", "中心")
        );
        let last = d.sections.last().unwrap();
        assert_eq!(last.title, STRAY);
        let Body::Content(Content::Items(items)) = &last.body else {
            panic!("items")
        };
        assert_eq!(
            items,
            &[
                Item::Text("内部资料".into()),
                Item::Text("此件公开发布".into())
            ]
        );
        assert_eq!(codes, [Code::W020, Code::W020]);
    }

    #[test]
    fn numbered_paragraphs_lose_their_numbers_only_as_a_whole_list() {
        let head = "2023 年第 39 期（总第 459 期）\n周报\n（10 月 7 日—10 月 13 日）\n中心\n2023 年 10 月 20 日\n";
        let body = "一、资讯\n1.本周，甲。\n2.本周，乙。\n二、其他\n1.5 亿元投资。\n送：甲。\n发：乙。\n（共印 9 份）\n";
        let (draft, _) = draft(&format!("{head}{body}"));
        let sections = draft.unwrap().sections;
        let items = |s: &Section| match &s.body {
            Body::Content(Content::Items(items)) => items.clone(),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            items(&sections[0]),
            [
                Item::Text("本周，甲。".into()),
                Item::Text("本周，乙。".into())
            ]
        );
        // A lone paragraph is never numbered by weekly: `1.5` is its text.
        assert_eq!(items(&sections[1]), [Item::Text("1.5 亿元投资。".into())]);
    }
}
