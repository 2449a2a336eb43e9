//! The masthead against the previous issue's: the number and the running total run on, the
//! week follows on; and when all three are off by the same weeks, the link is what is wrong.

use super::previous::Previous;
use crate::diag::{Code, Diagnostic};
use crate::issue::{Masthead, Text};
use crate::msg;
use crate::text;

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
pub fn continuity(m: &Masthead, link: Option<&Text>, prev: &Previous, found: &mut Vec<Diagnostic>) {
    if let (Some(link), Some(weeks)) = (link, stale_link(m, prev)) {
        let (off, off_zh) = if weeks.is_positive() {
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
        let off = if days.is_positive() {
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

#[cfg(test)]
mod tests {
    use super::*;

    use chrono::NaiveDate;

    use crate::issue::Sp;

    fn prev() -> Previous {
        Previous::example()
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
}
