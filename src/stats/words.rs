//! The words of the statistics' outputs in both languages: headers, issue names, periods,
//! notes and the rules the notes state.

use crate::i18n::{Lang, Word};
use crate::text;

use super::figures::IssueRef;

const fn w(en: &'static str, zh: &'static str) -> Word {
    Word { en, zh }
}

pub const SERIES: Word = w("series", "系列");
pub const NAME: Word = w("name", "名称");
pub const UNIT: Word = w("unit", "单位");
pub const ISSUE: Word = w("issue", "期号");
pub const YEAR: Word = w("year", "年份");
pub const NUMBER: Word = w("number", "期");
pub const START: Word = w("start", "起始日期");
pub const END: Word = w("end", "截止日期");
pub const PERIOD: Word = w("week", "周期");
pub const WEEK: Word = w("this week", "本周");
pub const YEAR_TO_DATE: Word = w("year to date", "累计");
pub const PREVIOUS_WEEK: Word = w("week before", "上周");
pub const ON_WEEK: Word = w("vs week before", "环比");
pub const ON_WEEK_PERCENT: Word = w("vs week before (%)", "环比（%）");
pub const PREVIOUS_YEAR: Word = w("year before", "上年同期");
pub const ON_YEAR: Word = w("vs year before", "同比");
pub const ON_YEAR_PERCENT: Word = w("vs year before (%)", "同比（%）");
pub const WEEKS: Word = w("issues", "期数");
pub const SUM: Word = w("sum", "合计");
pub const MEAN: Word = w("weekly mean", "周均");
pub const MEDIAN: Word = w("median", "中位数");
pub const MIN: Word = w("lowest", "最低");
pub const MIN_AT: Word = w("lowest in", "最低期");
pub const MAX: Word = w("highest", "最高");
pub const MAX_AT: Word = w("highest in", "最高期");
pub const THROUGH: Word = w("through", "截至");
pub const BASIS: Word = w("total from", "依据");
pub const WORK: Word = w("work", "工作");
pub const DONE: Word = w("done so far", "累计完成");
pub const TOTAL: Word = w("to do", "总数");
pub const SHARE: Word = w("share (%)", "占比（%）");
pub const BY_WEEK: Word = w("Counters, week by week", "统计项逐周数字");
pub const BY_YEAR: Word = w("Counters by year", "统计项按年汇总");
pub const PROGRESS: Word = w("Progress", "工作进度");
pub const SUMMED: Word = w("weeks summed", "逐周合计");
pub const LAST_FIGURE: Word = w("last figure", "末期累计");
pub const TITLE: Word = w("Weekly statistics", "周报统计");
pub const WEEKLY_FIGURES: Word = w("weekly figures", "每周数字");
pub const SHEET_WEEKS: Word = w("Weekly", "逐周");
pub const SHEET_YEARS: Word = w("By year", "按年");
pub const SHEET_PROGRESS: Word = w("Progress", "进度");
/// A cell with nothing to show: no earlier figure to compare with.
pub const NONE: &str = "—";

/// `2023 年第 39 期`, `2023 No. 39`.
pub fn issue(at: &IssueRef, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{} No. {}", at.year, at.number),
        Lang::Zh => format!("{} 年第 {} 期", at.year, at.number),
    }
}

/// The week of an issue: `10 月 7 日—10 月 13 日`, `10-07 – 10-13` (with the years when
/// the week crosses into a new year).
pub fn period(at: &IssueRef, lang: Lang) -> String {
    match lang {
        Lang::Zh => text::period(at.start, at.end),
        Lang::En if at.start.format("%Y").to_string() != at.end.format("%Y").to_string() => {
            format!("{} – {}", at.start, at.end)
        }
        Lang::En => format!("{} – {}", at.start.format("%m-%d"), at.end.format("%m-%d")),
    }
}

/// `7 月`, `Jul`: the month `m` months after January (13 is the next January).
pub fn month(m: i64, lang: Lang) -> String {
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let m = m.rem_euclid(12);
    match lang {
        Lang::En => EN[m as usize].to_owned(),
        Lang::Zh => format!("{} 月", m + 1),
    }
}

/// `2023 年`, `2023`: a year in a legend.
pub fn year(y: i32, lang: Lang) -> String {
    match lang {
        Lang::En => y.to_string(),
        Lang::Zh => format!("{y} 年"),
    }
}

/// The issues a figure is missing from, as runs: `2023 年第 30–31 期、第 35 期`.
pub fn runs(runs: &[(i32, u64, u64)], lang: Lang) -> String {
    let mut out = String::new();
    let mut last_year = None;
    for (i, &(y, a, b)) in runs.iter().enumerate() {
        let numbers = if a == b {
            a.to_string()
        } else {
            format!("{a}–{b}")
        };
        match lang {
            Lang::En => {
                if i > 0 {
                    out.push_str(", ");
                }
                if last_year != Some(y) {
                    out.push_str(&format!("{y} "));
                }
                out.push_str(&format!("No. {numbers}"));
            }
            Lang::Zh => {
                if i > 0 {
                    out.push('、');
                }
                if last_year != Some(y) {
                    out.push_str(&format!("{y} 年"));
                }
                out.push_str(&format!("第 {numbers} 期"));
            }
        }
        last_year = Some(y);
    }
    out
}

/// The note on a counter or piece of work that some selected issues lack.
pub fn missing(name: &str, where_: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "{name} is not in {where_}: a figure that appears, stops or changes its name is reported under each name as written, never merged"
        ),
        Lang::Zh => {
            format!("“{name}”不见于 {where_}：新增、停报或改名的统计项按所写名称分别列出，不作合并")
        }
    }
}

/// The heading of a series: its folder and the issues reported.
pub fn heading(name: &str, first: &IssueRef, last: &IssueRef, count: usize, lang: Lang) -> String {
    let (a, b) = (issue(first, lang), issue(last, lang));
    if first == last {
        return match lang {
            Lang::En => format!("{name}: {a}"),
            Lang::Zh => format!("{name}：{a}"),
        };
    }
    match lang {
        Lang::En => {
            let s = if count == 1 { "" } else { "s" };
            format!("{name}: {a} to {b}, {count} issue{s}")
        }
        Lang::Zh => format!("{name}：{a}至 {b}，共 {count} 期"),
    }
}

/// What the comparisons compare with, and what a year's total is.
pub fn rules(lang: Lang) -> [&'static str; 2] {
    match lang {
        Lang::En => [
            "vs week before: against the issue before (running number one less); vs year before: against the issue of the same number the year before. — where the archive has no such issue.",
            "year to date: the figure the last issue of the year prints. total from “weeks summed”: the archive holds the year from No. 1, and its weekly figures add up to it (W019 says where they do not); “last figure”: the archive does not, and the total is the last year-to-date figure.",
        ],
        Lang::Zh => [
            "环比：与前一期（总期号少 1）相比；同比：与上一年同一期号的一期相比。档案中没有该期时记为 —。",
            "累计：该年最后一期所印的累计数。依据为“逐周合计”：档案存有该年自第 1 期起的各期，逐周数字合计与累计数已核对（不符时以 W019 提示）；为“末期累计”：档案未存全，合计即最后一期的累计数。",
        ],
    }
}

/// The columns of a counter's year, in the terminal's table and the workbook alike.
pub const YEAR_COLUMNS: [Word; 14] = [
    NAME,
    UNIT,
    YEAR,
    WEEKS,
    SUM,
    MEAN,
    MEDIAN,
    MIN,
    MIN_AT,
    MAX,
    MAX_AT,
    YEAR_TO_DATE,
    THROUGH,
    BASIS,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::figures::tests::day;

    fn at(year: i32, number: u64, start: chrono::NaiveDate) -> IssueRef {
        IssueRef {
            year,
            number,
            start,
            end: start + chrono::Days::new(6),
        }
    }

    #[test]
    fn issues_and_weeks_are_named_in_both_languages() {
        let a = at(2023, 39, day(2023, 10, 7));
        assert_eq!(issue(&a, Lang::Zh), "2023 年第 39 期");
        assert_eq!(issue(&a, Lang::En), "2023 No. 39");
        assert_eq!(period(&a, Lang::Zh), "10 月 7 日—10 月 13 日");
        assert_eq!(period(&a, Lang::En), "10-07 – 10-13");
        let across = at(2022, 52, day(2022, 12, 31));
        assert_eq!(period(&across, Lang::En), "2022-12-31 – 2023-01-06");
        assert_eq!(month(6, Lang::Zh), "7 月");
        assert_eq!(month(12, Lang::En), "Jan");
    }

    #[test]
    fn missing_issues_are_told_as_runs() {
        let r = [(2022, 52, 52), (2023, 30, 31), (2023, 35, 35)];
        assert_eq!(
            runs(&r, Lang::Zh),
            "2022 年第 52 期、2023 年第 30–31 期、第 35 期"
        );
        assert_eq!(runs(&r, Lang::En), "2022 No. 52, 2023 No. 30–31, No. 35");
    }
}
