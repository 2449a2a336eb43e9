//! Statistics over an archive of issues: each counter's and progress item's figures week by
//! week, compared with the week before and the same week a year before, and summed up by year.
//! Pure functions over the figures of valid issues; the outputs lay the result out.

pub mod chart;
pub mod format;
pub mod page;
pub mod sheet;
pub mod table;
mod totals;
pub mod words;

use std::collections::HashMap;
use std::ops::Range;

use chrono::NaiveDate;
use serde::Serialize;

use crate::issue::{Allow, Issue};

pub use totals::{check_totals, sum_from_first};

/// An issue of the archive, named by its year and number, with its week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct IssueRef {
    pub year: i32,
    pub number: u64,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// One valid issue as the statistics see it: its week and its running figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Week {
    /// The file it was read from, as the caller numbers them.
    pub file: usize,
    pub at: IssueRef,
    /// The running number (总第 N 期): the issue before is the one numbered one less.
    pub total: u64,
    pub counters: Vec<CounterFigure>,
    pub progress: Vec<ProgressFigure>,
    /// Warnings the issue switches off, for the findings about its figures.
    pub allow: Vec<Allow>,
}

/// A counter's figures in one issue.
#[derive(Debug, Clone, PartialEq)]
pub struct CounterFigure {
    pub name: String,
    pub unit: String,
    pub week: u64,
    pub year_to_date: u64,
    /// Where the year-to-date figure is written, or the counter's name when it is computed.
    pub span: Range<usize>,
}

/// A progress entry's figures in one issue.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressFigure {
    pub work: String,
    pub unit: String,
    pub week: u64,
    pub done: u64,
    pub total: u64,
}

impl Week {
    /// The figures of a valid issue (its running figures written or computed).
    pub fn of(issue: &Issue, file: usize) -> Week {
        let m = &issue.masthead;
        let counters = issue
            .counters()
            .filter_map(|c| {
                let (year_to_date, span) = match &c.year_to_date {
                    crate::issue::Figure::Written(n) => (n.value, n.span.clone()),
                    other => (other.value()?, c.name.span.clone()),
                };
                Some(CounterFigure {
                    name: c.name.value.clone(),
                    unit: c.unit.value.clone(),
                    week: c.week.value,
                    year_to_date,
                    span,
                })
            })
            .collect();
        let progress = issue
            .progress()
            .filter_map(|p| {
                Some(ProgressFigure {
                    work: p.work.value.clone(),
                    unit: p.unit.value.clone(),
                    week: p.week.value,
                    done: p.done.value()?,
                    total: p.total.value,
                })
            })
            .collect();
        Week {
            file,
            at: IssueRef {
                year: m.year.value,
                number: m.number.value,
                start: m.start.value,
                end: m.end.value,
            },
            total: m.total.value,
            counters,
            progress,
            allow: issue.allow.clone(),
        }
    }

    pub fn counter(&self, name: &str) -> Option<&CounterFigure> {
        self.counters.iter().find(|c| c.name == name)
    }

    fn progress(&self, work: &str) -> Option<&ProgressFigure> {
        self.progress.iter().find(|p| p.work == work)
    }
}

/// The issues of one folder, in period order.
#[derive(Debug, Clone)]
pub struct Series {
    pub name: String,
    pub weeks: Vec<Week>,
}

impl Series {
    pub fn new(name: String, mut weeks: Vec<Week>) -> Series {
        weeks.sort_by_key(|w| (w.at.start, w.total));
        Series { name, weeks }
    }
}

/// What is reported: issues by their week or year, figures by name.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Issues whose week starts on or after this day.
    pub from: Option<NaiveDate>,
    /// Issues whose week ends on or before this day.
    pub to: Option<NaiveDate>,
    /// Issues of this year (the year of the issue number, 2023 年第 N 期).
    pub year: Option<i32>,
    /// Counters (by name) and progress items (by their work); all when empty.
    pub names: Vec<String>,
}

impl Selection {
    pub fn takes(&self, at: &IssueRef) -> bool {
        self.from.is_none_or(|d| at.start >= d)
            && self.to.is_none_or(|d| at.end <= d)
            && self.year.is_none_or(|y| at.year == y)
    }

    pub fn takes_name(&self, name: &str) -> bool {
        self.names.is_empty() || self.names.iter().any(|n| n == name)
    }
}

/// Everything reported, series by series.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub series: Vec<SeriesReport>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeriesReport {
    /// The folder the issues are in.
    pub name: String,
    /// The issues selected, in period order.
    pub issues: Vec<IssueRef>,
    pub counters: Vec<CounterReport>,
    pub progress: Vec<ProgressReport>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CounterReport {
    pub name: String,
    /// The unit of its latest week.
    pub unit: String,
    pub weeks: Vec<CounterRow>,
    pub years: Vec<YearSummary>,
    /// Selected issues that have no counter of this name.
    pub missing: Vec<IssueRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CounterRow {
    pub issue: IssueRef,
    pub week: u64,
    pub year_to_date: u64,
    /// Against the issue before (总第 N − 1 期), when the archive has it with this counter.
    pub on_previous_week: Option<Change>,
    /// Against the issue of the same number the year before, when the archive has it.
    pub on_previous_year: Option<Change>,
}

/// A figure against an earlier one.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Change {
    /// The earlier figure.
    pub from: u64,
    /// This figure less the earlier one.
    pub by: i64,
    /// `by` as a percentage of `from`, to one decimal; none when `from` is 0.
    pub percent: Option<f64>,
}

impl Change {
    pub fn between(from: u64, to: u64) -> Change {
        let by = to as i64 - from as i64;
        let percent = (from > 0).then(|| {
            let (num, den) = (i128::from(by) * 1000, i128::from(from));
            // Half away from zero, in integers, so the last digit is the same everywhere.
            let tenths = (num.abs() * 2 + den) / (2 * den) * num.signum();
            tenths as f64 / 10.0
        });
        Change { from, by, percent }
    }
}

/// A counter over the selected issues of one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearSummary {
    pub year: i32,
    /// How many selected issues of the year have the counter.
    pub weeks: usize,
    /// The sum of their weekly figures.
    pub sum: u64,
    /// The mean weekly figure, to one decimal.
    pub mean: f64,
    pub median: f64,
    /// The lowest and highest weekly figures, each at the first issue that has it.
    pub min: Extreme,
    pub max: Extreme,
    /// The year-to-date figure of the last selected issue of the year: the year's total so
    /// far, as the issues print it.
    pub year_to_date: u64,
    pub through: IssueRef,
    /// When the archive holds the year from 第 1 期 to `through`: the sum of those weeks'
    /// figures, which should equal `year_to_date` (W019 when it does not). None otherwise.
    pub checked_sum: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Extreme {
    pub value: u64,
    pub issue: IssueRef,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgressReport {
    pub work: String,
    pub unit: String,
    pub weeks: Vec<ProgressRow>,
    pub missing: Vec<IssueRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgressRow {
    pub issue: IssueRef,
    pub week: u64,
    pub done: u64,
    pub total: u64,
    /// `done ÷ total` as a percentage, two decimals, rounded half up (as the bulletin prints it).
    pub share: f64,
}

/// The names in the order they first appear.
fn names_in<'a>(weeks: &[&'a Week], of: impl Fn(&'a Week) -> Vec<&'a str>) -> Vec<&'a str> {
    let mut names: Vec<&str> = Vec::new();
    for w in weeks {
        for name in of(w) {
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names
}

/// The report of one series over the selection. Comparisons reach outside the selection to
/// the rest of the archive: the week before the first selected one, the year before.
pub fn report(series: &Series, selection: &Selection) -> SeriesReport {
    let selected: Vec<&Week> = series
        .weeks
        .iter()
        .filter(|w| selection.takes(&w.at))
        .collect();
    let by_total: HashMap<u64, &Week> = series.weeks.iter().map(|w| (w.total, w)).collect();
    let by_number: HashMap<(i32, u64), &Week> = series
        .weeks
        .iter()
        .map(|w| ((w.at.year, w.at.number), w))
        .collect();
    let counter_names = names_in(&selected, |w| {
        w.counters.iter().map(|c| c.name.as_str()).collect()
    });
    let counters = counter_names
        .into_iter()
        .filter(|name| selection.takes_name(name))
        .map(|name| {
            let mut rows = Vec::new();
            let mut missing = Vec::new();
            let mut unit = String::new();
            for w in &selected {
                let Some(c) = w.counter(name) else {
                    missing.push(w.at);
                    continue;
                };
                unit.clone_from(&c.unit);
                let figure = |other: Option<&&Week>| {
                    let before = other?.counter(name)?;
                    Some(Change::between(before.week, c.week))
                };
                rows.push(CounterRow {
                    issue: w.at,
                    week: c.week,
                    year_to_date: c.year_to_date,
                    on_previous_week: figure(by_total.get(&(w.total.wrapping_sub(1)))),
                    on_previous_year: figure(by_number.get(&(w.at.year - 1, w.at.number))),
                });
            }
            let years = summaries(&rows, series, name);
            CounterReport {
                name: name.to_owned(),
                unit,
                weeks: rows,
                years,
                missing,
            }
        })
        .collect();
    let works = names_in(&selected, |w| {
        w.progress.iter().map(|p| p.work.as_str()).collect()
    });
    let progress = works
        .into_iter()
        .filter(|work| selection.takes_name(work))
        .map(|work| {
            let mut rows = Vec::new();
            let mut missing = Vec::new();
            let mut unit = String::new();
            for w in &selected {
                match w.progress(work) {
                    Some(p) => {
                        unit.clone_from(&p.unit);
                        rows.push(ProgressRow {
                            issue: w.at,
                            week: p.week,
                            done: p.done,
                            total: p.total,
                            share: crate::text::percent(p.done, p.total).parse().unwrap_or(0.0),
                        });
                    }
                    None => missing.push(w.at),
                }
            }
            ProgressReport {
                work: work.to_owned(),
                unit,
                weeks: rows,
                missing,
            }
        })
        .collect();
    SeriesReport {
        name: series.name.clone(),
        issues: selected.iter().map(|w| w.at).collect(),
        counters,
        progress,
    }
}

/// One summary per year of the rows (which are in period order).
fn summaries(rows: &[CounterRow], series: &Series, name: &str) -> Vec<YearSummary> {
    let mut years: Vec<i32> = rows.iter().map(|r| r.issue.year).collect();
    years.sort_unstable();
    years.dedup();
    years
        .into_iter()
        .filter_map(|year| {
            let of_year: Vec<&CounterRow> = rows.iter().filter(|r| r.issue.year == year).collect();
            let last = of_year.iter().max_by_key(|r| r.issue)?;
            let mut figures: Vec<u64> = of_year.iter().map(|r| r.week).collect();
            let sum: u64 = figures.iter().sum();
            let n = figures.len() as u64;
            let extreme = |better: fn(u64, u64) -> bool| {
                let mut best = of_year[0];
                for r in &of_year[1..] {
                    if better(r.week, best.week) {
                        best = r;
                    }
                }
                Extreme {
                    value: best.week,
                    issue: best.issue,
                }
            };
            figures.sort_unstable();
            let mid = figures.len() / 2;
            let median = if figures.len() % 2 == 1 {
                figures[mid] as f64
            } else {
                (figures[mid - 1] + figures[mid]) as f64 / 2.0
            };
            Some(YearSummary {
                year,
                weeks: of_year.len(),
                sum,
                mean: ((u128::from(sum) * 20 + u128::from(n)) / (2 * u128::from(n))) as f64 / 10.0,
                median,
                min: extreme(|a, b| a < b),
                max: extreme(|a, b| a > b),
                year_to_date: last.year_to_date,
                through: last.issue,
                checked_sum: sum_from_first(series, name, year, last.issue.number),
            })
        })
        .collect()
}

/// Runs of consecutive issue numbers within a year: `[(2023, 30, 31), (2023, 35, 35)]`, for
/// notes that list missing weeks without listing every one.
pub fn runs(issues: &[IssueRef]) -> Vec<(i32, u64, u64)> {
    let mut out: Vec<(i32, u64, u64)> = Vec::new();
    for at in issues {
        match out.last_mut() {
            Some((year, _, last)) if *year == at.year && *last + 1 == at.number => {
                *last = at.number;
            }
            _ => out.push((at.year, at.number, at.number)),
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// An issue of `year` numbered `number`, its week `number` weeks after the year's first
    /// Saturday, with the counters given as (name, week, year to date).
    pub fn week(year: i32, number: u64, counters: &[(&str, u64, u64)]) -> Week {
        let start = day(year, 1, 1) + chrono::Days::new(7 * (number - 1));
        Week {
            file: (year as usize % 100) * 100 + number as usize,
            at: IssueRef {
                year,
                number,
                start,
                end: start + chrono::Days::new(6),
            },
            total: (year as u64 - 2000) * 52 + number,
            counters: counters
                .iter()
                .map(|&(name, week, year_to_date)| CounterFigure {
                    name: name.into(),
                    unit: "件".into(),
                    week,
                    year_to_date,
                    span: 0..0,
                })
                .collect(),
            progress: vec![],
            allow: vec![],
        }
    }

    #[test]
    fn changes_are_rounded_half_away_from_zero_and_none_against_zero() {
        assert_eq!(Change::between(200, 230).percent, Some(15.0));
        assert_eq!(Change::between(3, 4).percent, Some(33.3));
        assert_eq!(Change::between(3, 2).percent, Some(-33.3));
        // 1/16 = 6.25 %, a half to round: away from zero both ways.
        assert_eq!(Change::between(160, 170).percent, Some(6.3));
        assert_eq!(Change::between(160, 150).percent, Some(-6.3));
        assert_eq!(
            Change::between(0, 5),
            Change {
                from: 0,
                by: 5,
                percent: None
            }
        );
        assert_eq!(Change::between(5, 0).by, -5);
    }

    fn series() -> Series {
        Series::new(
            "a".into(),
            vec![
                week(2023, 2, &[("咨询", 30, 40)]),
                week(2022, 1, &[("咨询", 8, 8)]),
                week(2023, 1, &[("咨询", 10, 10), ("受理", 1, 1)]),
                week(2022, 2, &[("咨询", 12, 20)]),
                week(2023, 3, &[("咨询", 20, 60), ("受理", 2, 3)]),
            ],
        )
    }

    #[test]
    fn rows_compare_with_the_week_before_and_the_same_number_a_year_before() {
        let r = report(&series(), &Selection::default());
        assert_eq!(r.issues.len(), 5);
        assert_eq!(r.issues[0].year, 2022, "in period order");
        let zixun = &r.counters[0];
        assert_eq!(zixun.name, "咨询");
        let row = &zixun.weeks[3]; // 2023 第 2 期
        assert_eq!((row.issue.year, row.issue.number), (2023, 2));
        assert_eq!(row.on_previous_week, Some(Change::between(10, 30)));
        assert_eq!(row.on_previous_year, Some(Change::between(12, 30)));
        let third = &zixun.weeks[4];
        assert_eq!(third.on_previous_year, None, "2022 has no 第 3 期");
        // The week before is told by the running number: none for the first issue, nor
        // for 2023 第 1 期, whose 总第 1197 期 is not in the archive.
        assert_eq!(zixun.weeks[0].on_previous_week, None);
        assert_eq!(
            zixun.weeks[1].on_previous_week,
            Some(Change::between(8, 12))
        );
        assert_eq!(zixun.weeks[2].on_previous_week, None);
    }

    #[test]
    fn years_are_summed_up_with_mean_median_and_extremes_at_their_weeks() {
        let r = report(&series(), &Selection::default());
        let years = &r.counters[0].years;
        assert_eq!(years.len(), 2);
        let y = &years[1];
        assert_eq!((y.year, y.weeks, y.sum), (2023, 3, 60));
        assert_eq!((y.mean, y.median), (20.0, 20.0));
        assert_eq!((y.min.value, y.min.issue.number), (10, 1));
        assert_eq!((y.max.value, y.max.issue.number), (30, 2));
        assert_eq!((y.year_to_date, y.through.number), (60, 3));
        assert_eq!(
            y.checked_sum,
            Some(60),
            "the archive holds 2023 from 第 1 期"
        );
        let y = &years[0];
        assert_eq!((y.mean, y.median), (10.0, 10.0));
        assert_eq!(y.checked_sum, Some(20));
    }

    #[test]
    fn a_median_of_an_even_count_is_the_mean_of_the_middle_two_and_a_mean_rounds() {
        let s = Series::new(
            "a".into(),
            vec![
                week(2023, 5, &[("咨询", 1, 100)]),
                week(2023, 6, &[("咨询", 2, 102)]),
            ],
        );
        let y = &report(&s, &Selection::default()).counters[0].years[0];
        assert_eq!((y.mean, y.median), (1.5, 1.5));
        assert_eq!(y.checked_sum, None, "第 1–4 期 are not in the archive");
        let s = Series::new(
            "a".into(),
            vec![
                week(2023, 5, &[("咨询", 1, 100)]),
                week(2023, 6, &[("咨询", 1, 101)]),
                week(2023, 7, &[("咨询", 2, 103)]),
            ],
        );
        let y = &report(&s, &Selection::default()).counters[0].years[0];
        assert_eq!((y.mean, y.median), (1.3, 1.0));
    }

    #[test]
    fn a_counter_missing_from_some_weeks_says_which() {
        let r = report(&series(), &Selection::default());
        let shouli = &r.counters[1];
        assert_eq!(shouli.name, "受理");
        let missing: Vec<(i32, u64)> = shouli.missing.iter().map(|a| (a.year, a.number)).collect();
        assert_eq!(missing, [(2022, 1), (2022, 2), (2023, 2)]);
        assert_eq!(runs(&shouli.missing), [(2022, 1, 2), (2023, 2, 2)]);
        // 2023 第 3 期 compares with 第 2 期, which has no 受理.
        assert_eq!(shouli.weeks[1].on_previous_week, None);
    }

    #[test]
    fn the_selection_takes_weeks_by_period_and_year_and_figures_by_name() {
        let s = series();
        let only = |selection: Selection| {
            let r = report(&s, &selection);
            let weeks: Vec<(i32, u64)> = r.issues.iter().map(|a| (a.year, a.number)).collect();
            let names: Vec<String> = r.counters.iter().map(|c| c.name.clone()).collect();
            (weeks, names)
        };
        let (weeks, _) = only(Selection {
            year: Some(2022),
            ..Selection::default()
        });
        assert_eq!(weeks, [(2022, 1), (2022, 2)]);
        // 2023 第 2 期 is 01-08 to 01-14: inside from the 8th, outside to the 13th.
        let (weeks, _) = only(Selection {
            from: Some(day(2023, 1, 8)),
            to: Some(day(2023, 1, 21)),
            ..Selection::default()
        });
        assert_eq!(weeks, [(2023, 2), (2023, 3)]);
        let (weeks, _) = only(Selection {
            from: Some(day(2023, 1, 8)),
            to: Some(day(2023, 1, 13)),
            ..Selection::default()
        });
        assert_eq!(weeks, []);
        let (_, names) = only(Selection {
            names: vec!["受理".into()],
            ..Selection::default()
        });
        assert_eq!(names, ["受理"]);
        // Comparisons still reach the weeks left out.
        let r = report(
            &s,
            &Selection {
                year: Some(2023),
                ..Selection::default()
            },
        );
        assert_eq!(
            r.counters[0].weeks[0].on_previous_year,
            Some(Change::between(8, 10))
        );
    }
}
