//! The report of a series over a selection: each counter's weeks with their changes and its
//! years summed up, each progress item's weeks; pure functions over the figures of valid issues.

use std::collections::HashMap;

use super::figures::{
    Change, CounterReport, CounterRow, Extreme, IssueRef, ProgressReport, ProgressRow, Selection,
    Series, SeriesReport, Week, YearSummary,
};
use super::totals::sum_from_first;

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
mod tests {
    use super::*;
    use crate::stats::figures::tests::{day, week};

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

    /// 2019 第 52 期, the 53 issues of 2020 and the 52 of 2021, running totals one after
    /// another from 总第 48 期 and weeks one after another: a year of 53 issues, as 2020 had
    /// (its 53rd week ran to 2021-01-03), puts the running total of a week 53 ahead of the
    /// same week the year before. Each week's figure is its running total.
    fn across_a_year_of_53_issues() -> Series {
        let mut weeks = Vec::new();
        let mut total = 48;
        let mut start = day(2019, 12, 21);
        for (year, numbers) in [(2019, 52..=52), (2020, 1..=53), (2021, 1..=52)] {
            for number in numbers {
                let mut w = week(year, number, &[("咨询", total, 0)]);
                w.total = total;
                w.at.start = start;
                w.at.end = start + chrono::Days::new(6);
                weeks.push(w);
                total += 1;
                start = start + chrono::Days::new(7);
            }
        }
        Series::new("a".into(), weeks)
    }

    /// Year on year is against the issue of the same number the year before, not the one
    /// 52 running numbers back: after a year of 53 issues those are a week apart.
    #[test]
    fn year_on_year_after_a_year_of_53_issues_is_the_same_number() {
        let s = across_a_year_of_53_issues();
        assert_eq!(s.weeks.len(), 106);
        let r = report(&s, &Selection::default());
        let rows = &r.counters[0].weeks;
        let total_of = |year: i32, number: u64| {
            s.weeks
                .iter()
                .find(|w| (w.at.year, w.at.number) == (year, number))
                .map(|w| w.total)
        };
        for row in rows {
            let (year, number) = (row.issue.year, row.issue.number);
            let expected = total_of(year - 1, number).map(|from| Change::between(from, row.week));
            assert_eq!(row.on_previous_year, expected, "{year} 第 {number} 期");
        }
        let row = |year: i32, number: u64| {
            rows.iter()
                .find(|r| (r.issue.year, r.issue.number) == (year, number))
                .unwrap()
        };
        // 2021 第 1 期, 总第 102 期, against 2020 第 1 期, 总第 49 期: 53 back, not 52.
        assert_eq!(row(2021, 1).week, 102);
        assert_eq!(
            row(2021, 1).on_previous_year,
            Some(Change::between(49, 102))
        );
        // 2021 第 52 期 against 2020 第 52 期, not 第 53 期.
        assert_eq!(
            row(2021, 52).on_previous_year,
            Some(Change::between(100, 153))
        );
        // 2020 第 53 期 has none: 2019 had no 第 53 期. 2020 第 52 期 has 2019's.
        assert_eq!(row(2020, 53).on_previous_year, None);
        assert_eq!(
            row(2020, 52).on_previous_year,
            Some(Change::between(48, 100))
        );
        assert_eq!(row(2020, 1).on_previous_year, None);
        // The week before still runs by the running total, across the new year.
        assert_eq!(
            row(2021, 1).on_previous_week,
            Some(Change::between(101, 102))
        );
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

    /// A run is consecutive numbers within one year: the next number of another year, or a
    /// later number of the same year, starts a new one.
    #[test]
    fn runs_keep_to_one_year_and_consecutive_numbers() {
        let at = |year, number| IssueRef {
            year,
            number,
            start: day(year, 1, 1),
            end: day(year, 1, 7),
        };
        let issues = [
            at(2022, 52),
            at(2023, 53),
            at(2023, 30),
            at(2023, 35),
            at(2023, 36),
        ];
        assert_eq!(
            runs(&issues),
            [
                (2022, 52, 52),
                (2023, 53, 53),
                (2023, 30, 30),
                (2023, 35, 36)
            ]
        );
    }
}
