//! A year's weekly figures against its year-to-date figure: where the archive holds a year
//! from 第 1 期, the weeks must add up to what the last of them prints (W019).

use crate::diag::{Code, Diagnostic};
use crate::msg;

use super::figures::Series;

/// The sum of the weekly figures of the counter `name` in 第 1 期 to 第 `through` 期 of
/// `year`, when the series holds every one of those issues, each with the counter.
pub fn sum_from_first(series: &Series, name: &str, year: i32, through: u64) -> Option<u64> {
    let mut sum = 0u64;
    let mut next = 1;
    for w in series
        .weeks
        .iter()
        .filter(|w| w.at.year == year && w.at.number <= through)
    {
        if w.at.number != next {
            return None;
        }
        sum = sum.saturating_add(w.counter(name)?.week);
        next += 1;
    }
    (next == through + 1).then_some(sum)
}

/// W019 for each counter whose weekly figures, from 第 1 期 of a year to the last issue of
/// that year in the series, do not add up to that issue's year-to-date figure; each with the
/// file (as the series numbers them) it concerns.
pub fn check_totals(series: &Series) -> Vec<(usize, Diagnostic)> {
    let mut found = Vec::new();
    let mut years: Vec<i32> = series.weeks.iter().map(|w| w.at.year).collect();
    years.sort_unstable();
    years.dedup();
    for year in years {
        let Some(last) = series
            .weeks
            .iter()
            .filter(|w| w.at.year == year)
            .max_by_key(|w| w.at.number)
        else {
            continue;
        };
        let n = last.at.number;
        for c in &last.counters {
            let Some(sum) = sum_from_first(series, &c.name, year, n) else {
                continue;
            };
            if sum == c.year_to_date || last.allow.allows(Code::W019, Some(&c.name)) {
                continue;
            }
            let (name, ytd) = (&c.name, c.year_to_date);
            let off = if ytd > sum {
                msg!("{} more", "多 {}", ytd - sum)
            } else {
                msg!("{} less", "少 {}", sum - ytd)
            };
            let (off, off_zh) = (off.en, off.zh);
            found.push((
                last.file,
                Diagnostic::new(
                    Code::W019,
                    c.span.clone(),
                    msg!(
                        "the weekly figures of {name} in {year} 年第 1–{n} 期 add up to {sum}, but the year-to-date figure is {ytd} ({off})",
                        "{year} 年第 1–{n} 期“{name}”的本周数合计为 {sum}，而累计数为 {ytd}（{off_zh}）"
                    ),
                )
                .with_help(msg!(
                    "a week's figure was changed after its year-to-date figure was printed, or one is mistyped: issues linked by `previous:` show the week as E036; to accept it, `lint: {{ allow: [W019 {name}] }}` in this issue",
                    "某周的本周数在累计数印出后改过，或有数字录错：用 `previous:` 链接各期即可在该周看到 E036；如确认无误，可在本期写 `lint: {{ allow: [W019 {name}] }}`"
                )),
            ));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::figures::tests::week;

    #[test]
    fn a_whole_year_that_adds_up_is_clean_and_one_that_does_not_is_w019_on_its_last_issue() {
        let clean = Series::new(
            "a".into(),
            vec![
                week(2023, 1, &[("咨询", 10, 10)]),
                week(2023, 2, &[("咨询", 5, 15)]),
            ],
        );
        assert_eq!(check_totals(&clean), []);
        let off = Series::new(
            "a".into(),
            vec![
                week(2023, 1, &[("咨询", 10, 10)]),
                week(2023, 2, &[("咨询", 5, 25)]),
            ],
        );
        let found = check_totals(&off);
        assert_eq!(found.len(), 1);
        let (file, d) = &found[0];
        assert_eq!(*file, off.weeks[1].file);
        assert_eq!(d.code, Code::W019);
        assert_eq!(
            d.message.en,
            "the weekly figures of 咨询 in 2023 年第 1–2 期 add up to 15, but the year-to-date figure is 25 (10 more)"
        );
        assert_eq!(
            d.message.zh,
            "2023 年第 1–2 期“咨询”的本周数合计为 15，而累计数为 25（多 10）"
        );
    }

    #[test]
    fn a_year_not_held_from_its_first_issue_or_with_a_gap_is_not_summed() {
        let late = Series::new(
            "a".into(),
            vec![
                week(2023, 2, &[("咨询", 10, 10)]),
                week(2023, 3, &[("咨询", 5, 25)]),
            ],
        );
        assert_eq!(check_totals(&late), []);
        assert_eq!(sum_from_first(&late, "咨询", 2023, 3), None);
        let gap = Series::new(
            "a".into(),
            vec![
                week(2023, 1, &[("咨询", 10, 10)]),
                week(2023, 3, &[("咨询", 5, 25)]),
            ],
        );
        assert_eq!(check_totals(&gap), []);
        let missing = Series::new(
            "a".into(),
            vec![
                week(2023, 1, &[("受理", 1, 1)]),
                week(2023, 2, &[("咨询", 5, 25), ("受理", 1, 2)]),
            ],
        );
        assert_eq!(check_totals(&missing), [], "咨询 is not in 第 1 期");
        assert_eq!(sum_from_first(&missing, "受理", 2023, 2), Some(2));
    }

    #[test]
    fn the_last_issue_may_accept_the_difference_for_one_counter() {
        let mut last = week(2023, 2, &[("咨询", 5, 25), ("受理", 1, 9)]);
        last.allow.add(Code::W019, Some("咨询".into()));
        let s = Series::new(
            "a".into(),
            vec![week(2023, 1, &[("咨询", 10, 10), ("受理", 1, 1)]), last],
        );
        let found = check_totals(&s);
        assert_eq!(found.len(), 1);
        assert!(found[0].1.message.en.contains("受理"));
    }
}
