//! The issue read from a bulletin's paragraphs: the masthead from its lines, sections and
//! subsections from their headings, each one's content from its sentences, and the closing
//! block. What matches no sentence becomes a text item, with a finding where it is.

use std::ops::Range;

use chrono::Datelike;

use super::frame::{footer, masthead, warn};
use super::numbering::{self, Heading};
use super::sentences::{self, ProgressRead};
use super::source::{self, Para};
use crate::diag::{Code, Diagnostic};
use crate::i18n::Msg;
use crate::issue_file::draft::{Body, Content, Draft, Item, Progress, Section};
use crate::model::Run;
use crate::msg;
use crate::text::phrases::{
    DIRECTED, DONE_SO_FAR, SHARE, SINCE_NEW_YEAR, SO_FAR, THIS_WEEK, WEEK_TOTAL,
};

/// The title of the section that holds what was found outside the masthead, sections and
/// closing block.
pub const STRAY: &str = "导入时未识别的内容";

/// The issue `paras` print, or `None` with an error when they are not a whole bulletin.
/// `bold` says whether the source can show bold (plain text cannot).
pub fn read(paras: &[Para], bold: bool, findings: &mut Vec<Diagnostic>) -> Option<Draft> {
    let first_heading = paras
        .iter()
        .position(|p| numbering::heading_kind(&p.text()) == Some(Heading::Section))
        .unwrap_or(paras.len());
    let closing = paras
        .iter()
        .skip(first_heading)
        .position(|p| p.text().starts_with("送："))
        .map_or(paras.len(), |i| i + first_heading);
    let (head, rest) = paras.split_at(first_heading);
    let (body, tail) = rest.split_at(closing - first_heading);
    let (masthead, extra) = masthead(head, findings)?;
    let year = masthead.published.year();
    let end = paras.last().map_or(0..0, |p| p.span.end..p.span.end);
    let (footer, late) = footer(tail, end, findings)?;
    let mut reader = Reader {
        year,
        bold,
        told_no_bold: false,
        findings,
    };
    let mut sections = reader.sections(body);
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

/// What reading the sections carries along: the year their dates are in, whether the
/// source can show bold, and the findings.
struct Reader<'f> {
    year: i32,
    bold: bool,
    /// Whether W023 has been given: once a bulletin is enough.
    told_no_bold: bool,
    findings: &'f mut Vec<Diagnostic>,
}

impl Reader<'_> {
    /// The sections of the body: each heading with the paragraphs up to the next.
    fn sections(&mut self, body: &[Para]) -> Vec<Section> {
        let mut out = Vec::new();
        let starts: Vec<usize> = (0..body.len())
            .filter(|i| numbering::heading_kind(&body[*i].text()) == Some(Heading::Section))
            .collect();
        for (k, &at) in starts.iter().enumerate() {
            let end = starts.get(k + 1).copied().unwrap_or(body.len());
            let title = heading_title(&body[at].text());
            let inside = &body[at + 1..end];
            let subsection_at =
                |p: &Para| numbering::heading_kind(&p.text()) == Some(Heading::Subsection);
            let body = if inside.first().is_some_and(subsection_at) {
                let heads: Vec<usize> = (0..inside.len())
                    .filter(|i| subsection_at(&inside[*i]))
                    .collect();
                let subs = heads
                    .iter()
                    .enumerate()
                    .map(|(j, &h)| {
                        let end = heads.get(j + 1).copied().unwrap_or(inside.len());
                        let title = heading_title(&inside[h].text());
                        (title, self.content(&inside[h + 1..end]))
                    })
                    .collect();
                Body::Subsections(subs)
            } else {
                Body::Content(self.content(inside))
            };
            out.push(Section { title, body });
        }
        out
    }

    /// One piece of content: directives, counters, progress or visits when every paragraph
    /// reads as that sentence, else items.
    fn content(&mut self, paras: &[Para]) -> Content {
        let year = self.year;
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
                for ((_, p), t) in paras.iter().zip(&texts) {
                    // The date before the first `，` is weekly's own: its spaces are sure.
                    let date = t.split_once('，').map_or(0, |(d, _)| source::gaps(d).len());
                    self.gaps(p, date);
                }
                return Content::Directives(ds);
            }
        }
        if let ([t], true) = (texts.as_slice(), plain) {
            if let Some(cs) = sentences::counters(t) {
                self.reworded(t, &counters_sentence(&cs), &paras[0].1.span);
                return Content::Counters(cs);
            }
            if let Some(p) = sentences::progress(t) {
                return Content::Progress(self.progress(p, &paras[0].1.span));
            }
            if let Some(v) = sentences::visits(t) {
                return Content::Visits(v);
            }
        }
        if let Some((_, first)) = paras.first() {
            self.no_bold(&(first.span.start..first.span.start));
        }
        for (_, p) in &paras {
            self.gaps(p, 0);
        }
        let items = paras
            .iter()
            .zip(&texts)
            .map(|((runs, p), t)| self.item(runs, t, &p.span))
            .collect();
        Content::Items(items)
    }

    /// W032 where a sentence read as data is in other words than weekly's, which the issue
    /// file will print: its spaces aside, as a PDF's text may add or lose them.
    fn reworded(&mut self, found: &str, built: &str, span: &Range<usize>) {
        let bare = |s: &str| s.chars().filter(|c| *c != ' ').collect::<String>();
        if bare(found) == bare(built) {
            return;
        }
        self.findings.push(warn(
            Code::W032,
            span,
            msg!(
                "read as the counters it states, which weekly prints in its own words: {built}",
                "已取这句话中的数字作为办件统计导入；weekly 将改用固定句式印出：{built}"
            ),
            msg!(
                "nothing to do if the wording may change; to keep the original words, make the section an item of text in the issue file",
                "如接受 weekly 的句式，无需处理；如须保留原措辞，请在生成的周报文件中把这一项改为文字条目"
            ),
        ));
    }

    /// W023, once, at the first items of a source without bold.
    fn no_bold(&mut self, span: &Range<usize>) {
        if self.bold || std::mem::replace(&mut self.told_no_bold, true) {
            return;
        }
        self.findings.push(warn(
            Code::W023,
            span,
            msg!(
                "plain text has no bold: an item that named departments in bold is imported as one text item",
                "纯文本文件不保留粗体格式，因此原周报中部门名称为粗体的条目，每条都已整段作为一个文字条目导入"
            ),
            msg!(
                "import the Markdown or Word version to keep the departments, or split such items by hand",
                "如需按部门分开列出，请改为导入同一期的 Markdown（.md）或 Word 版本，或在生成的周报文件中手工拆分这些条目"
            ),
        ));
    }

    /// W024 at a paragraph kept word for word, past its first `skip` gaps, whose printed
    /// lines put a space between a Chinese character and a figure or Latin letter: the PDF's
    /// typesetter may have put it there, not the clerk.
    fn gaps(&mut self, p: &Para, skip: usize) {
        let Some(first) = p.gaps.get(skip) else {
            return;
        };
        let n = p.gaps.len() - skip;
        let spaces = if n == 1 {
            "a space".to_owned()
        } else {
            format!("{n} spaces")
        };
        self.findings.push(warn(
            Code::W024,
            first,
            msg!(
                "{spaces} between a Chinese character and a figure or Latin letter in this paragraph, kept as found: a PDF's text shows a space wherever the print leaves a gap there, typed or not",
                "这一段有 {n} 处空格位于汉字与数字或字母之间，已原样保留。排版软件会在汉字与数字、字母之间自动留出间隙，从 PDF 提取文字时，这种间隙也会变成空格，因此无法判断原稿中是否确有空格"
            ),
            msg!(
                "delete the spaces the original did not have; the Word version of the issue, if kept, imports without this doubt",
                "请对照原稿，在生成的周报文件中删去原稿没有的空格；如有同一期的 Word 版本，改为导入 Word 版本即可避免此问题"
            ),
        ));
    }

    fn progress(&mut self, p: ProgressRead, span: &Range<usize>) -> Progress {
        let share = &p.share;
        // weekly prints a share to two decimals: one printed to fewer prints differently.
        let places = sentences::share_scaled(share).map_or(2, |(_, places)| places);
        let total = match sentences::total_for_share(p.done, share) {
            Some((total, lo, hi)) if lo < hi || places < 2 => {
                let message = if places < 2 {
                    let now = crate::text::percent(p.done, total);
                    msg!(
                        "every total from {lo} to {hi} gives {share}%: {total} was taken, which weekly prints to two decimals as {now}%",
                        "总数为 {lo} 至 {hi} 之间任一数时，占比都是 {share}%：总数已暂填 {total}，weekly 保留两位小数印为 {now}%"
                    )
                } else {
                    msg!(
                        "every total from {lo} to {hi} gives {share}%: {total} was taken",
                        "总数取 {lo} 至 {hi} 中任一数，占比都为 {share}%：已暂填 {total}"
                    )
                };
                self.findings.push(warn(
                    Code::W022,
                    span,
                    message,
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
                self.findings.push(warn(
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
    fn item(&mut self, runs: &[Run], t: &str, span: &Range<usize>) -> Item {
        if let Some(item) = departments(runs) {
            return item;
        }
        if super::table::run_together(t) {
            self.findings.push(warn(
                Code::W020,
                span,
                msg!(
                    "this reads like the cells of a table run together (figures with units and no sentence): imported as a text item",
                    "这一段疑似表格各单元格连成了一段（只有带单位的数字，不成句）：已暂作文字条目导入"
                ),
                msg!(
                    "pdftotext without -layout takes a table apart; take the text out again with `pdftotext -layout` and import that, or import the Word version",
                    "不带 `-layout` 参数的 `pdftotext` 会把表格拆散；请改用 `pdftotext -layout` 重新提取文字再导入，或导入同一期的 Word 版本"
                ),
            ));
            return Item::Text(t.to_owned());
        }
        let like = if t.contains(DIRECTED) && sentences::directive(t, self.year).is_none() {
            Some(msg!("a directive", "领导批示"))
        } else if t
            .strip_prefix(THIS_WEEK)
            .is_some_and(|rest| rest.starts_with(WEEK_TOTAL))
            && t.contains(SINCE_NEW_YEAR)
        {
            Some(msg!("the counters' sentence", "办件统计"))
        } else if t.contains(&format!("{SO_FAR}{DONE_SO_FAR}")) && t.contains(SHARE) {
            Some(msg!("a progress sentence", "工作进度"))
        } else {
            None
        };
        if let Some(Msg { en, zh }) = like {
            self.findings.push(warn(
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
}

/// The counters' sentence weekly prints for `counters`.
fn counters_sentence(counters: &[crate::issue_file::draft::Counter]) -> String {
    crate::text::phrases::counters_sentence(
        counters
            .iter()
            .map(|c| (c.name.as_str(), c.unit.as_str(), c.week, c.year_to_date)),
    )
}

/// `一、领导批示` → `领导批示`; `（一）…` likewise.
fn heading_title(s: &str) -> String {
    numbering::heading(s)
        .map_or(s, |(_, title)| title)
        .to_owned()
}

/// The paragraphs of one section or subsection, without their item numbers when they are
/// numbered 1, 2, … as weekly numbers several items.
fn unnumbered(paras: &[Para]) -> Vec<(Vec<Run>, &Para)> {
    let numbered = paras.len() > 1
        && paras
            .iter()
            .enumerate()
            .all(|(i, p)| numbering::item_number(&p.text()) == Some(i + 1));
    paras
        .iter()
        .map(|p| {
            let mut runs = p.runs.clone();
            if numbered {
                strip_label(&mut runs);
            }
            (runs, p)
        })
        .collect()
}

/// The runs without the typed item number they begin with, which may span runs (a bold `1.`).
fn strip_label(runs: &mut Vec<Run>) {
    let text: String = runs.iter().map(|r| r.text.as_str()).collect();
    if let Some((_, len)) = numbering::item_label(&text) {
        source::drop_front(runs, len);
    }
}

/// Runs with bold department names: the lead-in before the first, then each name with the
/// text after it. Spaces typed beside or inside the bold (`本周， **水利厅 **为…`) are not
/// part of the name or the text: the bulletin prints none there.
fn departments(runs: &[Run]) -> Option<Item> {
    // Runs of spaces alone go with the text beside them, whatever their weight.
    let runs: Vec<Run> = runs.iter().fold(Vec::new(), |mut out, r| {
        let strong = r.strong && !r.text.trim().is_empty();
        source::push(&mut out, &r.text, strong);
        out
    });
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
            let (name, text) = (pair[0].text.trim(), pair[1].text.trim());
            let ok = pair[0].strong && !pair[1].strong && !name.is_empty() && !text.is_empty();
            ok.then(|| (name.to_owned(), text.to_owned()))
        })
        .collect::<Option<Vec<_>>>()?;
    let lead = lead.trim_end();
    let lead = (!lead.is_empty()).then(|| lead.to_owned());
    Some(Item::Departments { lead, entries })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(text: &str) -> (Option<Draft>, Vec<Code>) {
        let (paras, mut findings) = source::paragraphs(text, false);
        let draft = read(&paras, true, &mut findings);
        (draft, findings.iter().map(|d| d.code).collect())
    }

    const BODY: &str = "一、资讯\n本周，甲。\n送：甲。\n发：乙。\n（共印 9 份）\n";

    #[test]
    fn the_publisher_and_the_date_on_one_line_are_two() {
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

    fn run(text: &str, strong: bool) -> Run {
        Run {
            text: text.into(),
            strong,
        }
    }

    /// Spaces typed inside or beside a bold name, or a bold space alone, are not part of the
    /// names or the text.
    #[test]
    fn departments_with_stray_spaces_beside_the_bold() {
        let expected = Item::Departments {
            lead: Some("本周，".into()),
            entries: vec![
                ("水利厅".into(), "召开会议。".into()),
                ("省药监局".into(), "出台措施。".into()),
            ],
        };
        let typed = [
            vec![
                run("本周， ", false),
                run("水利厅 ", true),
                run("召开会议。 ", false),
                run(" 省药监局", true),
                run("出台措施。", false),
            ],
            vec![
                run("本周，", false),
                run("水利", true),
                run("厅", true),
                run(" ", true),
                run("召开会议。", false),
                run("省药监局", true),
                run("出台措施。", false),
            ],
        ];
        for runs in typed {
            assert_eq!(departments(&runs).as_ref(), Some(&expected), "{runs:?}");
        }
        assert_eq!(departments(&[run(" ", true), run("本周。", false)]), None);
        assert_eq!(departments(&[run("水利厅", true)]), None);
    }

    /// A typed label goes whole, across the runs it spans, and only it.
    #[test]
    fn a_typed_label_is_taken_off_across_runs() {
        let mut runs = vec![run("（1", true), run("）　本周，", false), run("甲", true)];
        strip_label(&mut runs);
        assert_eq!(runs, [run("本周，", false), run("甲", true)]);
        let mut runs = vec![run("本周，1.5 亿元。", false)];
        strip_label(&mut runs);
        assert_eq!(runs, [run("本周，1.5 亿元。", false)]);
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

    #[test]
    fn plain_text_and_spaces_beside_figures_are_noted_where_text_is_kept() {
        let head = "2023 年第 39 期（总第 459 期）\n周报\n（10 月 7 日—10 月 13 日）\n中心\n2023 年 10 月 20 日\n";
        let body = "一、批示\n10 月 9 日，甲副省长在《简报》上批示：好。\n\
                    二、办件\n本周，共计咨询 2881 人次；今年以来，累计咨询 59029 人次。\n\
                    三、资讯\n1.本周，首批 50 个事项。\n2.本周，乙。\n四、其他\n本周，丙。\n\
                    送：甲。\n发：乙。\n（共印 9 份）\n";
        let text = format!("{head}{body}");
        let (paras, mut findings) = source::paragraphs(&text, false);
        let draft = read(&paras, false, &mut findings);
        assert!(draft.is_some());
        let got: Vec<(Code, usize)> = findings.iter().map(|d| (d.code, d.span.start)).collect();
        // W023 once, at the first items; W024 at the item's space, none in the directive's
        // date or the counters' sentence, whose spaces weekly prints itself.
        assert_eq!(
            got,
            [
                (Code::W023, text.find("1.本周").unwrap()),
                (Code::W024, text.find(" 50 个").unwrap())
            ]
        );
    }
}
