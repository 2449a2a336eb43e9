//! The bulletin ready to lay out: numbering, dates and sentences derived from a checked issue.

use chrono::Datelike;
use serde::Serialize;

use crate::issue::{self, Body, Content, Counter, Issue, Item, Progress, Visits};
use crate::text;
use crate::text::phrases::{
    self, DEFAULT_VISIT_PURPOSE, DIRECTED, DIRECTED_IN, DONE_SO_FAR, EACH, NONE_THIS_WEEK, SHARE,
    SO_FAR, THIS_WEEK, WEEK_DONE,
};

/// What the templates see. Every field is documented in docs/guide.md (Templates).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bulletin {
    pub title: String,
    pub year: i32,
    pub number: u64,
    pub total: u64,
    /// `2023 年第 39 期（总第 459 期）`
    pub issue_line: String,
    /// `10 月 7 日—10 月 13 日`
    pub period: String,
    pub publisher: String,
    /// `2023 年 10 月 20 日`
    pub date: String,
    /// `2023-10-20`, for document properties.
    pub published: String,
    pub sections: Vec<Section>,
    pub footer: Footer,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    /// `一`, `二`, …
    pub number: String,
    pub title: String,
    pub paragraphs: Vec<Paragraph>,
    pub subsections: Vec<Subsection>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Subsection {
    /// `一`, `二`, … (printed as （一）)
    pub number: String,
    pub title: String,
    pub paragraphs: Vec<Paragraph>,
}

/// One paragraph, numbered when it is one of several items.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paragraph {
    pub number: Option<usize>,
    pub runs: Vec<Run>,
}

/// A stretch of text; `strong` is a department name, bold where the format allows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Run {
    pub text: String,
    pub strong: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Footer {
    /// The 送 line, full stop included.
    pub send: String,
    /// The 发 line, full stop included.
    pub distribute: String,
    pub copies: u64,
    /// `（共印91份）`
    pub copies_line: String,
}

impl Bulletin {
    pub fn new(issue: &Issue) -> Bulletin {
        let m = &issue.masthead;
        let year = m.published.value.year();
        let sections = issue
            .sections
            .iter()
            .map(|s| section_parts(s, year))
            .filter(|(_, paragraphs, subsections)| {
                !paragraphs.is_empty() || !subsections.is_empty()
            })
            .enumerate()
            .map(|(i, (title, paragraphs, subsections))| Section {
                number: text::numeral(i + 1),
                title,
                paragraphs,
                subsections,
            })
            .collect();
        Bulletin {
            title: m.title.value.clone(),
            year: m.year.value,
            number: m.number.value,
            total: m.total.value,
            issue_line: phrases::issue_line(m.year.value, m.number.value, m.total.value),
            period: text::period(m.start.value, m.end.value),
            publisher: m.publisher.value.clone(),
            date: text::full_date(m.published.value),
            published: m.published.value.format("%Y-%m-%d").to_string(),
            sections,
            footer: Footer {
                send: with_full_stop(&issue.footer.send.value),
                distribute: with_full_stop(&issue.footer.distribute.value),
                copies: issue.footer.copies.value,
                copies_line: phrases::copies_line(issue.footer.copies.value),
            },
        }
    }
}

/// A section's title, its own paragraphs and its non-empty subsections, numbered.
fn section_parts(s: &issue::Section, year: i32) -> (String, Vec<Paragraph>, Vec<Subsection>) {
    let title = s.title.value.clone();
    match &s.body {
        Body::Content(c) => (title, paragraphs(c, year), Vec::new()),
        Body::Subsections(subs) => {
            let subsections = subs
                .iter()
                .map(|sub| (sub.title.value.clone(), paragraphs(&sub.content, year)))
                .filter(|(_, p)| !p.is_empty())
                .enumerate()
                .map(|(i, (title, paragraphs))| Subsection {
                    number: text::numeral(i + 1),
                    title,
                    paragraphs,
                })
                .collect();
            (title, Vec::new(), subsections)
        }
    }
}

/// The paragraphs of one piece of content; dates outside `year` are written with their year.
pub fn paragraphs(content: &Content, year: i32) -> Vec<Paragraph> {
    let runs: Vec<Vec<Run>> = match content {
        Content::Nothing | Content::Blank(_) => Vec::new(),
        Content::Directives(ds) => ds
            .iter()
            .map(|d| {
                plain(format!(
                    "{}，{}{DIRECTED_IN}{}{DIRECTED}{}",
                    text::date_in_year(d.date.value, year),
                    d.leader.value,
                    d.source.value,
                    d.text.value
                ))
            })
            .collect(),
        Content::Counters(cs) if cs.is_empty() => Vec::new(),
        Content::Counters(cs) => vec![plain(counters_sentence(cs))],
        Content::Progress(p) => vec![plain(progress_sentence(p))],
        Content::Items(items) => items.iter().map(item_runs).collect(),
        Content::Visits(v) if v.visits.is_empty() => Vec::new(),
        Content::Visits(v) => vec![plain(visits_sentence(v))],
    };
    number_items(runs)
}

/// Items are numbered 1. 2. …; a lone item is printed without a number.
fn number_items(items: Vec<Vec<Run>>) -> Vec<Paragraph> {
    let numbered = items.len() > 1;
    items
        .into_iter()
        .enumerate()
        .map(|(i, runs)| Paragraph {
            number: numbered.then_some(i + 1),
            runs,
        })
        .collect()
}

fn plain(text: String) -> Vec<Run> {
    vec![Run {
        text,
        strong: false,
    }]
}

/// `本周，共计咨询 2881 人次、受理 540 件；今年以来，累计咨询 59029 人次、受理 15288 件。`
pub fn counters_sentence(counters: &[Counter]) -> String {
    phrases::counters_sentence(counters.iter().map(|c| {
        (
            c.name.value.as_str(),
            c.unit.value.as_str(),
            c.week.value,
            // A figure still missing makes the issue invalid, so it never reaches the model.
            c.year_to_date.value().unwrap_or_default(),
        )
    }))
}

/// `完成省市场监管局 15 个办理项的受理工作手册编制。截至目前，共完成 1019 个办理项的受理工作手册编制，占比 61.76%。`
/// A week with nothing done says so: `本周无新增。截至目前，共完成 1019 个…`.
pub fn progress_sentence(p: &Progress) -> String {
    let dept = p.dept.as_ref().map_or("", |d| d.value.as_str());
    let (unit, work) = (&p.unit.value, &p.work.value);
    // A figure still missing makes the issue invalid, so it never reaches the model.
    let done = p.done.value().unwrap_or_default();
    let week = match p.week.value {
        0 => NONE_THIS_WEEK.to_owned(),
        n => format!("{WEEK_DONE}{dept} {n} {unit}{work}。"),
    };
    format!(
        "{week}{SO_FAR}{DONE_SO_FAR} {done} {unit}{work}，{SHARE} {}%。",
        text::percent(done, p.total.value)
    )
}

/// `本周，水利厅党组成员、副厅长王华，二级巡视员刘金山，省药监局党组成员、副局长陈永红分别到…。`
/// 分别 (“each”) is said only when more than one person came.
pub fn visits_sentence(v: &Visits) -> String {
    let people: usize = v.visits.iter().map(|visit| visit.people.len()).sum();
    let who = v
        .visits
        .iter()
        .map(|visit| {
            let people = visit
                .people
                .iter()
                .map(|p| format!("{}{}", p.title.value, p.name.value))
                .collect::<Vec<_>>()
                .join("，");
            format!("{}{people}", visit.dept.value)
        })
        .collect::<Vec<_>>()
        .join("，");
    let each = if people > 1 { EACH } else { "" };
    let purpose = v
        .purpose
        .as_ref()
        .map_or(DEFAULT_VISIT_PURPOSE, |p| p.value.as_str());
    with_full_stop(&format!("{THIS_WEEK}{who}{each}{purpose}"))
}

fn item_runs(item: &Item) -> Vec<Run> {
    match item {
        Item::Text(t) => plain(t.value.clone()),
        Item::Departments { lead, entries } => {
            let mut runs = Vec::with_capacity(1 + 2 * entries.len());
            if let Some(lead) = lead {
                runs.push(Run {
                    text: lead.value.clone(),
                    strong: false,
                });
            }
            for e in entries {
                runs.push(Run {
                    text: e.dept.value.clone(),
                    strong: true,
                });
                runs.push(Run {
                    text: e.text.value.clone(),
                    strong: false,
                });
            }
            runs
        }
    }
}

/// Ends a line with 。 unless its author already did.
pub fn with_full_stop(s: &str) -> String {
    let s = s.trim_end();
    if s.ends_with('。') {
        s.to_owned()
    } else {
        format!("{s}。")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::issue::{DeptEntry, Figure, Person, Place, Sp, Visit};

    fn t(s: &str) -> Sp<String> {
        Sp {
            value: s.to_owned(),
            span: 0..0,
        }
    }

    fn n(v: u64) -> Sp<u64> {
        Sp {
            value: v,
            span: 0..0,
        }
    }

    fn counter(name: &str, unit: &str, week: u64, ytd: u64) -> Counter {
        Counter {
            name: t(name),
            unit: t(unit),
            week: n(week),
            year_to_date: Figure::Written(n(ytd)),
            at: Place {
                flow: true,
                week_key: 0,
            },
        }
    }

    fn visit(dept: &str, people: &[(&str, &str)]) -> Visit {
        Visit {
            dept: t(dept),
            people: people
                .iter()
                .map(|(title, name)| Person {
                    title: t(title),
                    name: t(name),
                })
                .collect(),
        }
    }

    #[test]
    fn counters_sentence_lists_week_then_year() {
        let cs = [
            counter("咨询", "人次", 2881, 59029),
            counter("受理", "件", 540, 15288),
        ];
        assert_eq!(
            counters_sentence(&cs),
            "本周，共计咨询 2881 人次、受理 540 件；今年以来，累计咨询 59029 人次、受理 15288 件。"
        );
    }

    #[test]
    fn progress_sentence_computes_the_share() {
        let p = Progress {
            dept: Some(t("省市场监管局")),
            week: n(15),
            done: Figure::Computed(1019),
            total: n(1650),
            unit: t("个"),
            work: t("办理项的受理工作手册编制"),
            at: Place {
                flow: false,
                week_key: 0,
            },
        };
        assert_eq!(
            progress_sentence(&p),
            "完成省市场监管局 15 个办理项的受理工作手册编制。截至目前，共完成 1019 个办理项的受理工作手册编制，占比 61.76%。"
        );
        let p = Progress { dept: None, ..p };
        assert!(progress_sentence(&p).starts_with("完成 15 个"));
        let p = Progress { week: n(0), ..p };
        assert_eq!(
            progress_sentence(&p),
            "本周无新增。截至目前，共完成 1019 个办理项的受理工作手册编制，占比 61.76%。"
        );
    }

    #[test]
    fn visits_say_each_only_for_more_than_one_person() {
        let v = Visits {
            visits: vec![
                visit(
                    "水利厅",
                    &[("党组成员、副厅长", "王华"), ("二级巡视员", "刘金山")],
                ),
                visit("省药监局", &[("党组成员、副局长", "陈永红")]),
            ],
            purpose: None,
        };
        assert_eq!(
            visits_sentence(&v),
            "本周，水利厅党组成员、副厅长王华，二级巡视员刘金山，省药监局党组成员、副局长陈永红分别到省政务服务大厅窗口调研值守。"
        );
        let one = Visits {
            visits: vec![visit("水利厅", &[("副厅长", "王华")])],
            purpose: Some(t("到大厅督导")),
        };
        assert_eq!(visits_sentence(&one), "本周，水利厅副厅长王华到大厅督导。");
    }

    /// 分别 counts people, not departments: two people of one department came each.
    #[test]
    fn one_department_with_two_people_says_each() {
        let v = Visits {
            visits: vec![visit(
                "省自然资源厅",
                &[("党组成员、副厅长", "张某"), ("二级巡视员", "李某")],
            )],
            purpose: None,
        };
        assert_eq!(
            visits_sentence(&v),
            "本周，省自然资源厅党组成员、副厅长张某，二级巡视员李某分别到省政务服务大厅窗口调研值守。"
        );
    }

    #[test]
    fn a_single_item_has_no_number() {
        let one = Content::Items(vec![Item::Text(t("甲。"))]);
        assert_eq!(paragraphs(&one, 2023)[0].number, None);
        let two = Content::Items(vec![Item::Text(t("甲。")), Item::Text(t("乙。"))]);
        let numbers: Vec<_> = paragraphs(&two, 2023).iter().map(|p| p.number).collect();
        assert_eq!(numbers, [Some(1), Some(2)]);
    }

    #[test]
    fn department_items_mark_department_names() {
        let item = Item::Departments {
            lead: Some(t("本周，")),
            entries: vec![DeptEntry {
                dept: t("水利厅"),
                text: t("召开会议。"),
            }],
        };
        let runs: Vec<_> = item_runs(&item)
            .into_iter()
            .map(|r| (r.text, r.strong))
            .collect();
        assert_eq!(
            runs,
            [
                ("本周，".to_owned(), false),
                ("水利厅".to_owned(), true),
                ("召开会议。".to_owned(), false)
            ]
        );
    }

    #[test]
    fn empty_content_gives_no_paragraphs() {
        assert!(paragraphs(&Content::Nothing, 2023).is_empty());
        assert!(paragraphs(&Content::Counters(vec![]), 2023).is_empty());
        assert!(paragraphs(&Content::Items(vec![]), 2023).is_empty());
        let no_visits = Visits {
            visits: vec![],
            purpose: None,
        };
        assert!(paragraphs(&Content::Visits(no_visits), 2023).is_empty());
    }

    #[test]
    fn empty_sections_and_subsections_take_no_number() {
        let src = "\
masthead:
  title: 周报
  year: 2023
  number: 1
  total: 1
  period: { start: 2023-10-07, end: 2023-10-13 }
  publisher: 中心
  published: 2023-10-20
sections:
  - title: 空
  - title: 甲
    subsections:
      - { title: 空的小节, items: [] }
      - { title: 子, items: [一条。] }
  - title: 乙
    items: [一条。, 两条。]
footer: { send: 甲, distribute: 乙, copies: 1 }
";
        let checked = crate::check::validate::validate(
            &crate::input::yaml::parse(src).unwrap(),
            src,
            crate::check::validate::Lints::On,
        );
        let b = Bulletin::new(&checked.issue.unwrap());
        let heads: Vec<_> = b
            .sections
            .iter()
            .map(|s| (s.number.as_str(), s.title.as_str()))
            .collect();
        assert_eq!(heads, [("一", "甲"), ("二", "乙")]);
        let subs: Vec<_> = b.sections[0]
            .subsections
            .iter()
            .map(|s| (s.number.as_str(), s.title.as_str()))
            .collect();
        assert_eq!(subs, [("一", "子")]);
        assert_eq!(b.sections[0].subsections[0].paragraphs[0].number, None);
        assert_eq!(b.sections[1].paragraphs[1].number, Some(2));
    }

    #[test]
    fn full_stop_is_added_once() {
        assert_eq!(with_full_stop("省中心领导"), "省中心领导。");
        assert_eq!(with_full_stop("省中心领导。"), "省中心领导。");
    }
}
