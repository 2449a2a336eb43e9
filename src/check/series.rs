//! An issue linked to the one before it: its masthead and sections checked against it, its
//! written running figures checked, and those it leaves out computed from it.

use std::ops::Range;

use super::previous::Previous;
use crate::diag::{Code, Diagnostic};
use crate::i18n::Msg;
use crate::issue::{Content, Figure, Issue, Sp};
use crate::msg;
use crate::text::quote::excerpt;

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
        super::masthead::continuity(&issue.masthead, issue.previous.as_ref(), prev, &mut found);
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
                                    "请改正有误的数字，或删去 `year_to_date` 由 weekly 推算；如系往期数字更正、本期已印发的累计数保持不变，可在本期加上 `lint: {{ allow: [E036 {}] }}` 予以认可",
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
    let Msg {
        en: off,
        zh: off_zh,
    } = off_by(done.value, sum);
    Diagnostic::new(
        Code::E037,
        done.span.clone(),
        msg!(
            "`done` {} ≠ {before} + {week} = {sum}, the previous issue's plus this week's ({off})",
            "累计完成数 {} 比推算值 {sum}（上一期 {before} + 本周 {week}）{off_zh}",
            done.value
        ),
    )
    .with_help(msg!(
        "correct whichever figure is wrong, or leave `done` out and it is computed; if the count was revised and this issue stands as printed, `lint: {{ allow: [E037 {}] }}` accepts it",
        "请改正有误的数字，或删去 `done` 由 weekly 推算；如数字系有意调整、本期已印发的累计完成数保持不变，可在本期加上 `lint: {{ allow: [E037 {}] }}` 予以认可",
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

/// `year-to-date 59000 ≠ 56148 + 2881 = 59029 (29 less)`.
fn continuity_of_counter(written: u64, carried: u64, week: u64) -> Msg {
    let (sum, sum_zh) = if carried == week {
        (
            format!("{week}, this week's figure in a new year"),
            "新年首期，累计数即本周数".to_owned(),
        )
    } else {
        let before = carried - week;
        (
            format!("{before} + {week} = {carried}"),
            format!("上一期 {before} + 本周 {week}"),
        )
    };
    let Msg {
        en: off,
        zh: off_zh,
    } = off_by(written, carried);
    msg!(
        "year-to-date {written} ≠ {sum} ({off})",
        "累计数 {written} 比推算值 {carried}（{sum_zh}）{off_zh}"
    )
}

/// `10 more`, `多 10`: how far a written figure is from the one computed.
fn off_by(written: u64, computed: u64) -> Msg {
    match written.checked_sub(computed) {
        Some(n) => msg!("{n} more", "多 {n}"),
        None => {
            let n = computed - written;
            msg!("{n} less", "少 {n}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn prev() -> Previous {
        Previous::example()
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
