//! The issues of one folder checked together: one number per issue in a year, one running
//! total per issue, and no numbers missing between them.

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
}
