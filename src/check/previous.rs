//! What an issue passes on to the next: its numbers, its week, its running figures and its
//! sections.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::issue::{Body, Issue, Kind};

/// What an issue passes on to the next: its numbers, its week, and the figures that run on
/// from week to week.
#[derive(Debug, Clone, PartialEq)]
pub struct Previous {
    pub year: i32,
    pub number: u64,
    pub total: u64,
    pub end: NaiveDate,
    /// Year-to-date figure of each counter, by name: looked up for each counter of the next
    /// issue, so by hash rather than by search.
    pub counters: HashMap<String, u64>,
    /// Work done so far of each progress entry, by what the work is.
    pub progress: HashMap<String, u64>,
    /// The title of each section, in order, and the key of its content when it holds some
    /// directly (`items`), not in subsections.
    pub sections: Vec<(String, Option<&'static str>)>,
}

impl Previous {
    pub fn of(issue: &Issue) -> Previous {
        let counters = first_of_each(
            issue
                .counters()
                .filter_map(|c| Some((&c.name.value, c.year_to_date.value()?))),
        );
        let progress = first_of_each(
            issue
                .progress()
                .filter_map(|p| Some((&p.work.value, p.done.value()?))),
        );
        let m = &issue.masthead;
        Previous {
            year: m.year.value,
            number: m.number.value,
            total: m.total.value,
            end: m.end.value,
            counters,
            progress,
            sections: issue
                .sections
                .iter()
                .map(|s| {
                    let key = match &s.body {
                        Body::Content(c) => c.kind().map(Kind::key),
                        Body::Subsections(_) => None,
                    };
                    (s.title.value.clone(), key)
                })
                .collect(),
        }
    }

    /// This week's counter figure plus the year so far; a new year starts the count again.
    pub fn year_to_date(&self, year: i32, name: &str, week: u64) -> Option<u64> {
        if year != self.year {
            return Some(week);
        }
        self.counters.get(name).map(|ytd| ytd.saturating_add(week))
    }

    /// What 2023 年第 39 期（总第 459 期）, ending 10 月 13 日, passes on: 咨询 59029 so far.
    #[cfg(test)]
    pub fn example() -> Previous {
        Previous {
            year: 2023,
            number: 39,
            total: 459,
            end: NaiveDate::from_ymd_opt(2023, 10, 13).unwrap(),
            counters: HashMap::from([("咨询".into(), 59029)]),
            progress: HashMap::new(),
            sections: Vec::new(),
        }
    }

    /// The number the next issue takes in `year`: one more, or 1 in a new year.
    pub fn next_number(&self, year: i32) -> u64 {
        if year == self.year {
            self.number + 1
        } else {
            1
        }
    }
}

/// Figures by name, the first where a name repeats.
fn first_of_each<'a>(figures: impl Iterator<Item = (&'a String, u64)>) -> HashMap<String, u64> {
    let mut by_name = HashMap::new();
    for (name, figure) in figures {
        by_name.entry(name.clone()).or_insert(figure);
    }
    by_name
}
