//! The issues of one folder checked together: one number per issue in a year, one running
//! total per issue, and no numbers missing between them.

use std::collections::HashMap;
use std::ops::Range;

use crate::diag::{Code, Diagnostic};
use crate::msg;

/// One issue of a folder, for the checks across the folder.
#[derive(Debug, Clone)]
pub struct Member {
    pub file: usize,
    pub year: i32,
    pub number: u64,
    pub number_span: Range<usize>,
    pub total: u64,
    pub total_span: Range<usize>,
}

/// Findings across the issues of one folder, each for the file (by index) it concerns:
/// two issues with the same number in a year, two with the same running total, and numbers
/// missing between the issues of a year.
pub fn check_folder(members: &[Member], names: &[String]) -> Vec<(usize, Diagnostic)> {
    let mut out = Vec::new();
    let mut by_number: Vec<&Member> = members.iter().collect();
    by_number.sort_by_key(|m| (m.year, m.number, m.file));
    for pair in by_number.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if a.year != b.year {
            continue;
        }
        if a.number == b.number {
            out.push((
                b.file,
                Diagnostic::new(
                    Code::E027,
                    b.number_span.clone(),
                    msg!(
                        "{} 年第 {} 期 is also `{}`",
                        "{} 年第 {} 期与 `{}` 的期号相同",
                        b.year,
                        b.number,
                        names[a.file]
                    ),
                )
                .with_help(msg!(
                    "each issue of a year has its own number",
                    "同一年的每一期期号各不相同"
                )),
            ));
        } else if b.number > a.number + 1 {
            let missing = if b.number == a.number + 2 {
                msg!("第 {} 期 is", "第 {} 期", a.number + 1)
            } else {
                msg!("第 {}–{} 期 are", "第 {}—{} 期", a.number + 1, b.number - 1)
            };
            let (missing, missing_zh, before) = (missing.en, missing.zh, &names[a.file]);
            out.push((
                b.file,
                Diagnostic::new(
                    Code::W008,
                    b.number_span.clone(),
                    msg!(
                        "{missing} missing from this folder, between `{before}` and this issue",
                        "本文件夹缺少{missing_zh}（在 `{before}` 与本期之间）"
                    ),
                )
                .with_help(msg!(
                    "add the missing issues, or check the numbers",
                    "请补上缺少的各期，或核对期号"
                )),
            ));
        }
    }
    out.extend(totals_follow_numbers(&by_number, names));
    let mut by_total: Vec<&Member> = members.iter().collect();
    by_total.sort_by_key(|m| (m.total, m.file));
    for pair in by_total.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if a.total == b.total {
            out.push((
                b.file,
                Diagnostic::new(
                    Code::E028,
                    b.total_span.clone(),
                    msg!(
                        "总第 {} 期 is also `{}`",
                        "总第 {} 期与 `{}` 的总期号相同",
                        b.total,
                        names[a.file]
                    ),
                )
                .with_help(msg!(
                    "the running total goes up by one with every issue",
                    "总期号每期加一"
                )),
            ));
        }
    }
    out
}

/// E033: in the order of their numbers, the issues' running totals go up as their numbers do:
/// by the same step within a year (a number missing between two issues is a running total
/// missing too), and upward into the next year. An issue whose number or running total
/// another has too is E027's or E028's, and which of the two to follow cannot be told: it is
/// left out.
fn totals_follow_numbers(by_number: &[&Member], names: &[String]) -> Vec<(usize, Diagnostic)> {
    let mut seen: HashMap<(i32, u64), usize> = HashMap::new();
    let mut totals: HashMap<u64, usize> = HashMap::new();
    for m in by_number {
        *seen.entry((m.year, m.number)).or_default() += 1;
        *totals.entry(m.total).or_default() += 1;
    }
    let alone = |m: &&&Member| seen[&(m.year, m.number)] == 1 && totals[&m.total] == 1;
    let numbered: Vec<&Member> = by_number.iter().filter(alone).copied().collect();
    let mut out = Vec::new();
    for pair in numbered.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let before = &names[a.file];
        let (year, number, total) = (b.year, b.number, b.total);
        let message = if a.year == b.year {
            let expected = a.total.checked_add(b.number - a.number);
            if expected == Some(b.total) {
                continue;
            }
            let expected = expected.map_or_else(|| "?".to_owned(), |t| t.to_string());
            msg!(
                "{year} 年第 {number} 期 is 总第 {total} 期, but `{before}` (第 {} 期) is 总第 {} 期: this one would be 总第 {expected} 期",
                "{year} 年第 {number} 期为总第 {total} 期，但 `{before}`（第 {} 期）为总第 {} 期：本期应为总第 {expected} 期",
                a.number,
                a.total
            )
        } else if b.total > a.total {
            continue;
        } else {
            msg!(
                "{year} 年第 {number} 期 is 总第 {total} 期, not after `{before}` of the year before (总第 {} 期)",
                "{year} 年第 {number} 期为总第 {total} 期，不在上一年的 `{before}`（总第 {} 期）之后",
                a.total
            )
        };
        out.push((
            b.file,
            Diagnostic::new(Code::E033, b.total_span.clone(), message).with_help(msg!(
                "the running total goes up by one with every issue: check `total` here and in the issue before",
                "总期号每期加一：请核对本期和前一期的 `total`"
            )),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(file: usize, year: i32, number: u64, total: u64) -> Member {
        Member {
            file,
            year,
            number,
            number_span: 0..0,
            total,
            total_span: 0..0,
        }
    }

    #[test]
    fn folder_checks_find_duplicates_and_gaps() {
        let names: Vec<String> = ["a", "b", "c", "d", "e"].map(String::from).into();
        let members = [
            member(0, 2023, 38, 458),
            member(1, 2023, 39, 459),
            member(2, 2023, 39, 460),
            member(3, 2023, 42, 460),
            member(4, 2024, 1, 473),
        ];
        let found: Vec<(usize, Code, String)> = check_folder(&members, &names)
            .into_iter()
            .map(|(f, d)| (f, d.code, d.message.en.clone()))
            .collect();
        assert_eq!(
            found,
            [
                (2, Code::E027, "2023 年第 39 期 is also `b`".to_owned()),
                (
                    3,
                    Code::W008,
                    "第 40–41 期 are missing from this folder, between `c` and this issue"
                        .to_owned()
                ),
                (3, Code::E028, "总第 460 期 is also `c`".to_owned()),
            ]
        );
    }

    #[test]
    fn one_missing_issue_is_named_alone() {
        let names: Vec<String> = ["a", "b"].map(String::from).into();
        let members = [member(0, 2023, 38, 458), member(1, 2023, 40, 460)];
        let found = check_folder(&members, &names);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].1.message.en,
            "第 39 期 is missing from this folder, between `a` and this issue"
        );
    }

    /// Without links, a running total that repeats the issue before's, or goes back to an
    /// earlier issue's, is E028 at the later file, naming the other.
    #[test]
    fn a_running_total_repeated_or_gone_back_is_e028() {
        let names: Vec<String> = ["38", "39", "40", "41"].map(String::from).into();
        let members = [
            member(0, 2023, 38, 458),
            member(1, 2023, 39, 459),
            member(2, 2023, 40, 459),
            member(3, 2023, 41, 458),
        ];
        let found: Vec<(usize, Code, String)> = check_folder(&members, &names)
            .into_iter()
            .map(|(f, d)| (f, d.code, d.message.en.clone()))
            .collect();
        assert_eq!(
            found,
            [
                (3, Code::E028, "总第 458 期 is also `38`".to_owned()),
                (2, Code::E028, "总第 459 期 is also `39`".to_owned()),
            ]
        );
        // Across a new year the same.
        let members = [member(0, 2023, 52, 472), member(1, 2024, 1, 472)];
        let found = check_folder(&members, &names);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].0, found[0].1.code), (1, Code::E028));
    }

    #[test]
    fn a_consecutive_folder_is_clean() {
        let names: Vec<String> = ["a", "b", "c"].map(String::from).into();
        let members = [
            member(0, 2023, 52, 472),
            member(2, 2023, 51, 471),
            member(1, 2024, 1, 473),
        ];
        assert!(check_folder(&members, &names).is_empty());
    }

    #[test]
    fn running_totals_follow_the_numbers_within_a_year_and_into_the_next() {
        let names: Vec<String> = (0..6).map(|i| format!("{i}.yaml")).collect();
        let e033 = |members: &[Member]| -> Vec<usize> {
            check_folder(members, &names)
                .into_iter()
                .filter(|(_, d)| d.code == Code::E033)
                .map(|(file, _)| file)
                .collect()
        };
        // 39 → 459, 41 → 461 (40 missing, its total too), 2024 第 1 期 → 462.
        let good = [
            member(0, 2023, 39, 459),
            member(1, 2023, 41, 461),
            member(2, 2024, 1, 462),
        ];
        assert_eq!(e033(&good), Vec::<usize>::new());
        assert_eq!(
            e033(&[member(0, 2023, 39, 459), member(1, 2023, 40, 457)]),
            [1]
        );
        assert_eq!(
            e033(&[member(0, 2023, 39, 459), member(1, 2023, 40, 461)]),
            [1]
        );
        assert_eq!(
            e033(&[member(0, 2023, 39, 459), member(1, 2023, 41, 460)]),
            [1]
        );
        assert_eq!(
            e033(&[member(0, 2023, 52, 472), member(1, 2024, 1, 470)]),
            [1]
        );
        // A number or a total two issues share is E027's or E028's alone.
        let twins = [
            member(0, 2023, 38, 458),
            member(1, 2023, 39, 459),
            member(2, 2023, 39, 460),
            member(3, 2023, 42, 459),
        ];
        assert_eq!(e033(&twins), Vec::<usize>::new());
    }
}
