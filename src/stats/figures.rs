//! The figures `weekly stats` reads from each valid issue, the selection of what is reported,
//! and the report's shape: every derived figure is a field here, computed in `report.rs`.

use std::ops::Range;

use chrono::NaiveDate;
use serde::Serialize;

use crate::diag::allow::Allowed;
use crate::issue::{Figure, Issue};

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
    pub allow: Allowed,
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
                    Figure::Written(n) => (n.value, n.span.clone()),
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

    pub fn progress(&self, work: &str) -> Option<&ProgressFigure> {
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
            allow: Allowed::default(),
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
}
