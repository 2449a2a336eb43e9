//! Issues as a series: what an issue passes on to the next, and the checks of an issue
//! against the one before it (numbers, week, running figures), which fill in the figures it
//! leaves out.

use std::collections::HashMap;
use std::ops::Range;

use chrono::NaiveDate;

use crate::diag::{Code, Diagnostic};

use crate::i18n::Msg;

use crate::issue::{Body, Content, Figure, Issue, Kind, Masthead, Sp, Text};
use crate::msg;
use crate::text;
use crate::text::quote::excerpt;

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

/// What is known of the issue before the one being linked.
#[derive(Debug, Clone, Copy)]
pub enum Link<'a> {
    /// The issue names no `previous`, or its figures are not needed.
    None,
    /// The previous issue: this issue must follow on from it, and figures left out are
    /// computed from it.
    Checked(&'a Previous),
    /// The previous issue, used only to compute the figures left out (when this issue is
    /// itself read as the previous issue of another).
    Figures(&'a Previous),
}

/// Links an issue, valid on its own, to the one before it: fills in the figures left out
/// (year-to-date figures and work done so far), and returns what does not follow on. The
/// first issue of a year needs nothing from before: its year-to-date figures are its week's.
pub fn follow(issue: &mut Issue, link: Link) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    if let Link::Checked(prev) = link {
        continuity(&issue.masthead, issue.previous.as_ref(), prev, &mut found);
        // Figures are not compared with, nor computed from, an issue of the wrong week.
        if found.iter().any(|d| d.code == Code::E029) {
            return found;
        }
        found.extend(super::sections::dropped(issue, &prev.sections));
    }
    let year = issue.masthead.year.value;
    let first = issue.masthead.number.value == 1;
    let checked = matches!(link, Link::Checked(_));
    let allow = issue.allow.clone();
    let allows = |code, subject: &str| allow.allows(code, Some(subject));
    for content in issue.contents_mut() {
        match content {
            Content::Counters(counters) => {
                for counter in counters {
                    let (name, week) = (&counter.name, counter.week.value);
                    let carried = match link {
                        Link::Checked(prev) | Link::Figures(prev) => {
                            prev.year_to_date(year, &name.value, week)
                        }
                        Link::None => first.then_some(week),
                    };
                    match (&counter.year_to_date, carried) {
                        (Figure::Written(written), Some(carried))
                            if checked
                                && written.value != carried
                                && !allows(Code::E036, &name.value) =>
                        {
                            found.push(
                                Diagnostic::new(
                                    Code::E036,
                                    written.span.clone(),
                                    continuity_of_counter(written.value, carried, week),
                                )
                                .with_help(msg!(
                                    "correct whichever figure is wrong, or leave `year_to_date` out and it is computed; if a past week was corrected and this issue stands as printed, `lint: {{ allow: [E036 {}] }}` accepts it",
                                    "请改正有误的数字，或删去 `year_to_date` 由 weekly 推算；如系往期更正、本期仍按原样印发，可在本期加上 `lint: {{ allow: [E036 {}] }}` 予以认可",
                                    excerpt(&name.value)
                                )),
                            );
                        }
                        (Figure::Missing, Some(carried)) => {
                            counter.year_to_date = Figure::Computed(carried);
                        }
                        (Figure::Missing, None) => {
                            found.push(not_computable(
                                Running::Counter,
                                &name.value,
                                name.span.clone(),
                                link,
                            ));
                        }
                        _ => {}
                    }
                }
            }
            Content::Progress(p) => {
                let before = match link {
                    Link::Checked(prev) | Link::Figures(prev) => {
                        prev.progress.get(&p.work.value).copied()
                    }
                    Link::None => None,
                };
                match (&p.done, before) {
                    (Figure::Written(done), Some(before))
                        if checked
                            && done.value != before.saturating_add(p.week.value)
                            && !allows(Code::E037, &p.work.value) =>
                    {
                        found.push(done_does_not_follow(
                            done,
                            before,
                            p.week.value,
                            &p.work.value,
                        ));
                    }
                    (Figure::Missing, Some(before)) => {
                        let done = before.saturating_add(p.week.value);
                        if done > p.total.value {
                            found.push(Diagnostic::new(
                                Code::E010,
                                p.week.span.clone(),
                                msg!(
                                    "work done so far, {before} + {} = {done}, is more than the `total` ({})",
                                    "累计完成数 {before} + {} = {done}，大于总数 `total`（{}）",
                                    p.week.value,
                                    p.total.value
                                ),
                            ));
                        }
                        p.done = Figure::Computed(done);
                    }
                    (Figure::Missing, None) => {
                        found.push(not_computable(
                            Running::Work,
                            &p.work.value,
                            p.work.span.clone(),
                            link,
                        ));
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    found
}

/// E037: work done so far written other than the previous issue's plus this week's.
fn done_does_not_follow(done: &Sp<u64>, before: u64, week: u64, work: &str) -> Diagnostic {
    let sum = before.saturating_add(week);
    let off = if done.value > sum {
        msg!("{} more", "多 {}", done.value - sum)
    } else {
        msg!("{} less", "少 {}", sum - done.value)
    };
    let (off, off_zh) = (off.en, off.zh);
    Diagnostic::new(
        Code::E037,
        done.span.clone(),
        msg!(
            "`done` {} ≠ {before} + {week} = {sum}, the previous issue's plus this week's ({off})",
            "累计完成数 {} 与推算值（上一期 {before} + 本周 {week} = {sum}）不符，{off_zh}",
            done.value
        ),
    )
    .with_help(msg!(
        "correct whichever figure is wrong, or leave `done` out and it is computed; if the count was revised and this issue stands as printed, `lint: {{ allow: [E037 {}] }}` accepts it",
        "请改正有误的数字，或删去 `done` 由 weekly 推算；如统计数系有意调整、本期仍按原样印发，可在本期加上 `lint: {{ allow: [E037 {}] }}` 予以认可",
        excerpt(work)
    ))
}

/// What a running figure belongs to.
#[derive(Clone, Copy)]
enum Running {
    /// A counter's year-to-date figure.
    Counter,
    /// A piece of work's `done`.
    Work,
}

/// E026: a running figure left out that nothing tells.
fn not_computable(of: Running, name: &str, span: Range<usize>, link: Link) -> Diagnostic {
    let name = excerpt(name);
    let (message, help) = match (of, link) {
        (Running::Counter, Link::None) => (
            msg!(
                "the year-to-date figure of `{name}` is left out, and the issue names no `previous` issue to compute it from",
                "“{name}”未填累计数，而本期没有指明上一期（`previous`），无法推算"
            ),
            msg!(
                "write the figure as `year_to_date`, or add `previous: <last week's file>`",
                "请填写 `year_to_date`，或加上 `previous: <上一期文件>`"
            ),
        ),
        (Running::Counter, _) => (
            msg!(
                "the previous issue has no counter `{name}` to compute the year-to-date figure from",
                "上一期没有统计项“{name}”，无法推算累计数"
            ),
            msg!(
                "write the figure as `year_to_date`, or check the name",
                "请填写 `year_to_date`，或对照上一期核对统计项名称"
            ),
        ),
        (Running::Work, Link::None) => (
            msg!(
                "the work done so far on `{name}` is left out, and the issue names no `previous` issue to compute it from",
                "“{name}”未填累计完成数，而本期没有指明上一期（`previous`），无法推算"
            ),
            msg!(
                "write the figure as `done`, or add `previous: <last week's file>`",
                "请填写 `done`，或加上 `previous: <上一期文件>`"
            ),
        ),
        (Running::Work, _) => (
            msg!(
                "the previous issue has no progress on `{name}` to compute `done` from",
                "上一期没有“{name}”的进度，无法推算累计完成数"
            ),
            msg!(
                "write the figure as `done`, or check `work` against the previous issue",
                "请填写 `done`，或对照上一期核对 `work`"
            ),
        ),
    };
    Diagnostic::new(Code::E026, span, message).with_help(help)
}

/// How many weeks the issue `previous` names is off from the one this issue follows, when
/// the running total, the period and (within a year) the number all say the same: then the
/// link is wrong, not the three figures.
pub fn stale_link(m: &Masthead, prev: &Previous) -> Option<i64> {
    let weeks = m.total.value as i64 - (prev.total as i64 + 1);
    let days = (m.start.value - (prev.end + chrono::Days::new(1))).num_days();
    let numbers_agree =
        m.year.value != prev.year || m.number.value as i64 - (prev.number as i64 + 1) == weeks;
    (weeks != 0 && days == 7 * weeks && numbers_agree).then_some(weeks)
}

/// The masthead against the previous issue's: numbers run on, the week follows on. When all
/// three are off by the same weeks, one finding at the link says so instead.
fn continuity(m: &Masthead, link: Option<&Text>, prev: &Previous, found: &mut Vec<Diagnostic>) {
    if let (Some(link), Some(weeks)) = (link, stale_link(m, prev)) {
        let (off, off_zh) = if weeks > 0 {
            let n = weeks.unsigned_abs();
            (
                format!("{n} week{} before", if n == 1 { "" } else { "s" }),
                format!("早 {n} 周"),
            )
        } else {
            let n = weeks.unsigned_abs();
            (
                format!("{n} week{} after", if n == 1 { "" } else { "s" }),
                format!("晚 {n} 周"),
            )
        };
        found.push(
            Diagnostic::new(
                Code::E029,
                link.span.clone(),
                msg!(
                    "`previous` names {} 年第 {} 期（总第 {} 期）, {off} the issue this one follows, 总第 {} 期",
                    "`previous` 指向 {} 年第 {} 期（总第 {} 期），比本期应接续的总第 {} 期{off_zh}",
                    prev.year,
                    prev.number,
                    prev.total,
                    m.total.value - 1
                ),
            )
            .with_help(msg!(
                "point `previous` at last week's issue",
                "请让 `previous` 指向上一周的周报文件"
            )),
        );
        return;
    }
    let (year, number, total, start) = (&m.year, &m.number, &m.total, &m.start);
    let expected = prev.next_number(year.value);
    if number.value != expected {
        let (n, p) = (number.value, prev.number);
        let message = if expected == 1 {
            let y = year.value;
            msg!(
                "issue number {n}: the first issue of {y} is 第 1 期",
                "期号为 {n}：本期是 {y} 年的第一期，应为第 1 期"
            )
        } else {
            msg!(
                "issue number {n}: the previous issue is 第 {p} 期, so this one is 第 {expected} 期",
                "期号为 {n}：上一期为第 {p} 期，本期应为第 {expected} 期"
            )
        };
        found.push(
            Diagnostic::new(Code::E022, number.span.clone(), message).with_help(msg!(
                "the number goes up by one each week and starts again at 1 in a new year",
                "期号每期加一，每年从第 1 期重新开始"
            )),
        );
    }
    if total.value != prev.total + 1 {
        let (t, p, want) = (total.value, prev.total, prev.total + 1);
        found.push(
            Diagnostic::new(
                Code::E023,
                total.span.clone(),
                msg!(
                    "running total {t}: the previous issue is 总第 {p} 期, so this one is 总第 {want} 期",
                    "总期号为 {t}：上一期为总第 {p} 期，本期应为总第 {want} 期"
                ),
            )
            .with_help(msg!(
                "the running total goes up by one every issue, across years too",
                "总期号每期加一，跨年也不从头算"
            )),
        );
    }
    let next_day = prev.end + chrono::Days::new(1);
    if start.value != next_day {
        let days = (start.value - next_day).num_days();
        let (english, n) = (text::days(days.abs()), days.abs());
        let off = if days > 0 {
            msg!("{english} late", "晚了 {n} 天")
        } else {
            msg!("{english} early", "早了 {n} 天")
        };
        let (off, off_zh) = (off.en, off.zh);
        found.push(
            Diagnostic::new(
                Code::E024,
                start.span.clone(),
                msg!(
                    "the period starts on {}, not on {next_day}, the day after the previous period ends ({off})",
                    "本期周期从 {} 开始，应为上一期结束后的第二天 {next_day}（{off_zh}）",
                    start.value
                ),
            )
            .with_help(msg!(
                "each week starts the day after the last one ended",
                "每周从上一周结束后的第二天开始"
            )),
        );
    }
}

/// `year-to-date 59000 ≠ 56148 + 2881 = 59029 (29 less)`.
fn continuity_of_counter(written: u64, carried: u64, week: u64) -> Msg {
    let sum = if carried == week {
        msg!(
            "{week}, this week's figure in a new year",
            "{week}（新年首期，累计数即本周数）"
        )
    } else {
        msg!(
            "{} + {week} = {carried}",
            "{} + {week} = {carried}",
            carried - week
        )
    };
    let off = if written > carried {
        msg!("{} more", "多 {}", written - carried)
    } else {
        msg!("{} less", "少 {}", carried - written)
    };
    let (sum, sum_zh, off, off_zh) = (sum.en, sum.zh, off.en, off.zh);
    msg!(
        "year-to-date {written} ≠ {sum} ({off})",
        "累计数 {written} 与推算值 {sum_zh} 不符，{off_zh}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prev() -> Previous {
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

    fn sp<T>(value: T) -> Sp<T> {
        Sp { value, span: 0..0 }
    }

    fn masthead(year: i32, number: u64, total: u64, start: (i32, u32, u32)) -> Masthead {
        let start = NaiveDate::from_ymd_opt(start.0, start.1, start.2).unwrap();
        Masthead {
            title: sp("周报".to_owned()),
            year: sp(year),
            number: sp(number),
            total: sp(total),
            start: sp(start),
            end: sp(start + chrono::Days::new(6)),
            publisher: sp("中心".to_owned()),
            published: sp(start + chrono::Days::new(13)),
        }
    }

    #[test]
    fn a_stale_link_is_told_by_three_figures_that_agree() {
        // After 第 39 期 (ending 10-13), 第 40 期 starts 10-14: nothing stale.
        assert_eq!(
            stale_link(&masthead(2023, 40, 460, (2023, 10, 14)), &prev()),
            None
        );
        // One and two weeks on, all three agree.
        assert_eq!(
            stale_link(&masthead(2023, 41, 461, (2023, 10, 21)), &prev()),
            Some(1)
        );
        assert_eq!(
            stale_link(&masthead(2023, 42, 462, (2023, 10, 28)), &prev()),
            Some(2)
        );
        // A week back: the link names a later issue.
        assert_eq!(
            stale_link(&masthead(2023, 39, 459, (2023, 10, 7)), &prev()),
            Some(-1)
        );
        // Only the number is off: that is the number's mistake, not the link's.
        assert_eq!(
            stale_link(&masthead(2023, 41, 460, (2023, 10, 14)), &prev()),
            None
        );
        // Total and period agree but the number says otherwise.
        assert_eq!(
            stale_link(&masthead(2023, 45, 461, (2023, 10, 21)), &prev()),
            None
        );
        // The period is off by days, not weeks.
        assert_eq!(
            stale_link(&masthead(2023, 41, 461, (2023, 10, 22)), &prev()),
            None
        );
        // Across a new year the number starts again, so total and period tell.
        assert_eq!(
            stale_link(&masthead(2024, 1, 461, (2023, 10, 21)), &prev()),
            Some(1)
        );
    }

    /// What `continuity` finds in `m` after `prev()`: code and message.
    fn continuity_of(m: &Masthead) -> Vec<(Code, String)> {
        let mut found = Vec::new();
        continuity(m, None, &prev(), &mut found);
        found
            .iter()
            .map(|d| (d.code, d.message.en.clone()))
            .collect()
    }

    /// The running total after 总第 459 期 is 460, within a year and across one: the same
    /// total again, one back, one skipped are each E023 and nothing else.
    #[test]
    fn a_running_total_that_repeats_goes_back_or_skips_is_e023() {
        assert_eq!(continuity_of(&masthead(2023, 40, 460, (2023, 10, 14))), []);
        assert_eq!(continuity_of(&masthead(2024, 1, 460, (2023, 10, 14))), []);
        for total in [459, 458, 1, 461, 462] {
            let message = format!(
                "running total {total}: the previous issue is 总第 459 期, so this one is 总第 460 期"
            );
            assert_eq!(
                continuity_of(&masthead(2023, 40, total, (2023, 10, 14))),
                [(Code::E023, message.clone())],
                "总第 {total} 期"
            );
            assert_eq!(
                continuity_of(&masthead(2024, 1, total, (2023, 10, 14))),
                [(Code::E023, message)],
                "总第 {total} 期 in a new year"
            );
        }
    }

    /// An issue that repeats the previous issue's running total, its link named, is E023
    /// too: a week off in the total alone is not a stale link.
    #[test]
    fn a_repeated_running_total_with_its_link_is_e023_not_a_stale_link() {
        let link: Text = sp("2023-39.yaml".to_owned());
        for total in [459, 458] {
            let m = masthead(2023, 40, total, (2023, 10, 14));
            assert_eq!(stale_link(&m, &prev()), None);
            let mut found = Vec::new();
            continuity(&m, Some(&link), &prev(), &mut found);
            let codes: Vec<Code> = found.iter().map(|d| d.code).collect();
            assert_eq!(codes, [Code::E023], "总第 {total} 期");
        }
    }

    fn progress(week: u64, done: Figure) -> Issue {
        let src = "masthead: { title: 周报, year: 2023, number: 40, total: 460, period: { start: 2023-10-14, end: 2023-10-20 }, publisher: 中心, published: 2023-10-27 }\n\
                   sections: [{ title: 进度, progress: { week: 1, total: 1650, unit: 个, work: 手册 } }]\n\
                   footer: { send: 甲, distribute: 乙, copies: 1 }\n";
        let root = crate::input::yaml::parse(src).unwrap();
        let mut issue =
            crate::check::validate::validate(&root, src, crate::check::validate::Lints::On)
                .issue
                .unwrap();
        for content in issue.contents_mut() {
            if let Content::Progress(p) = content {
                p.week.value = week;
                p.done = done.clone();
            }
        }
        issue
    }

    fn done_of(issue: &Issue) -> Option<u64> {
        issue.progress().next().and_then(|p| p.done.value())
    }

    #[test]
    fn work_done_runs_on_within_its_total() {
        let mut prev = prev();
        prev.progress = HashMap::from([("手册".into(), 1640)]);
        let mut issue = progress(10, Figure::Missing);
        assert_eq!(follow(&mut issue, Link::Checked(&prev)), []);
        assert_eq!(done_of(&issue), Some(1650));
        let mut issue = progress(11, Figure::Missing);
        let found = follow(&mut issue, Link::Checked(&prev));
        let codes: Vec<Code> = found.iter().map(|d| d.code).collect();
        assert_eq!(codes, [Code::E010], "{found:#?}");
        assert_eq!(
            found[0].message.en,
            "work done so far, 1640 + 11 = 1651, is more than the `total` (1650)"
        );
    }

    #[test]
    fn work_done_left_out_needs_a_previous_issue_that_has_it() {
        let mut issue = progress(10, Figure::Missing);
        let found = follow(&mut issue, Link::None);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, Code::E026);
        assert!(found[0].message.en.contains("work done so far on `手册`"));
        let mut issue = progress(10, Figure::Missing);
        let found = follow(&mut issue, Link::Checked(&prev()));
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message.en,
            "the previous issue has no progress on `手册` to compute `done` from"
        );
    }

    #[test]
    fn year_to_date_runs_on_and_restarts_in_a_new_year() {
        assert_eq!(prev().year_to_date(2023, "咨询", 3000), Some(62029));
        assert_eq!(prev().year_to_date(2024, "咨询", 3000), Some(3000));
        assert_eq!(prev().year_to_date(2023, "受理", 3000), None);
    }

    #[test]
    fn numbers_run_on_and_restart_in_a_new_year() {
        assert_eq!(prev().next_number(2023), 40);
        assert_eq!(prev().next_number(2024), 1);
    }
}
