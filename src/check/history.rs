//! What the issues before an issue printed, and what in it stands out against them: a
//! counter's week far from its last weeks, a department's name close to one they printed
//! but not it.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use crate::diag::{Code, Diagnostic, Fix};
use crate::issue::{Content, Counter, Issue, Item, Text};
use crate::msg;
use crate::text::quote::excerpt;

/// How many issues back the checks look: half a year of weeks.
pub const ISSUES: usize = 26;
/// How many of a counter's latest weeks its figure is measured against: a quarter.
const WEEKS: usize = 12;
/// Fewer weeks than this say too little of a counter for a figure to stand out.
const FEWEST_WEEKS: usize = 4;
/// How many times the median of its last weeks a week's figure must be, or how small a
/// part of it, to stand out: a digit dropped or added is a factor of ten, while a week of
/// public holidays (2023 第 38 期, the National Day week, printed 1862 咨询 against the next
/// week's 2881) or an ordinary swing stays within a factor of two.
const FAR: u64 = 4;
/// How many pairs of names an issue's check may compare: far more than a bulletin needs
/// (some fifty names against a few hundred), and a bound on the time a file made of
/// thousands of names can take.
const COMPARISONS: usize = 50_000;
/// Names longer than this are not measured against the known ones: department names are
/// short, and the measure takes time in the product of the lengths.
const LONGEST_NAME: usize = 40;

/// What one issue printed that the checks of later issues look at.
#[derive(Debug, Clone, PartialEq)]
pub struct Printed {
    pub year: i32,
    pub number: u64,
    /// Each counter's name and week.
    pub counters: Vec<(String, u64)>,
    /// The departments and units it names: in the hall's news, the visits and the progress.
    pub names: Vec<String>,
}

impl Printed {
    /// `2023 年第 39 期`.
    fn label(&self) -> String {
        format!("{} 年第 {} 期", self.year, self.number)
    }

    pub fn of(issue: &Issue) -> Printed {
        let m = &issue.masthead;
        Printed {
            year: m.year.value,
            number: m.number.value,
            counters: issue
                .counters()
                .map(|c| (c.name.value.clone(), c.week.value))
                .collect(),
            names: names(issue).map(|t| t.value.clone()).collect(),
        }
    }
}

/// The departments and units an issue names.
fn names(issue: &Issue) -> impl Iterator<Item = &Text> {
    issue.contents().flat_map(|content| {
        let found: Vec<&Text> = match content {
            Content::Items(items) => items
                .iter()
                .flat_map(|item| match item {
                    Item::Departments { entries, .. } => entries.iter().map(|e| &e.dept).collect(),
                    Item::Text(_) => Vec::new(),
                })
                .collect(),
            Content::Visits(v) => v.visits.iter().map(|v| &v.dept).collect(),
            Content::Progress(p) => p.dept.iter().collect(),
            _ => Vec::new(),
        };
        found
    })
}

/// What stands out in `issue` against the issues before it, newest first: W028 for a
/// counter's week far from the median of its last weeks, W029 for a name the issues before
/// did not print but one close to it.
pub fn unusual(issue: &Issue, before: &[Rc<Printed>]) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let allows = |code, name: &str| issue.allow.allows(code, Some(name));
    // Each counter's latest weeks, newest first, gathered once: an issue may have many.
    let mut by_name: HashMap<&str, Vec<(u64, &Printed)>> = HashMap::new();
    for p in before {
        for (name, week) in &p.counters {
            let weeks = by_name.entry(name).or_default();
            if weeks.len() < WEEKS {
                weeks.push((*week, p));
            }
        }
    }
    for c in issue.counters() {
        let name = &c.name.value;
        let Some(latest) = by_name.get(name.as_str()) else {
            continue;
        };
        let weeks: Vec<u64> = latest.iter().rev().map(|(week, _)| *week).collect();
        if let Some(far) = stands_out(c.week.value, &weeks)
            && !allows(Code::W028, name)
            && let (Some((_, newest)), Some((_, oldest))) = (latest.first(), latest.last())
        {
            found.push(far_week(c, &weeks, &issues(oldest, newest), far));
        }
    }
    // By the name without the province's 省, which some sections write and others not.
    let mut known: HashMap<&str, (&str, &Printed)> = HashMap::new();
    for p in before.iter().rev() {
        for n in &p.names {
            known.insert(provincial(n), (n, p));
        }
    }
    let mut told: HashSet<&str> = HashSet::new();
    let mut budget = COMPARISONS;
    for name in names(issue) {
        let typed = name.value.as_str();
        if known.contains_key(provincial(typed))
            || told.contains(typed)
            || allows(Code::W029, typed)
        {
            continue;
        }
        if budget < known.len() {
            break;
        }
        budget -= known.len();
        let Some((meant, printed_in)) = closest(provincial(typed), &known) else {
            continue;
        };
        told.insert(typed);
        // The name's value replaced whole, quotes and all: a department's name needs none.
        let fix = Fix::offered(name.span.clone(), meant);
        let (typed, meant, n) = (excerpt(typed), excerpt(meant), before.len());
        let label = printed_in.label();
        found.push(
            Diagnostic::new(
                Code::W029,
                name.span.clone(),
                msg!(
                    "the {n} issues before did not print `{typed}`: did you mean `{meant}` (printed in {label})?",
                    "此前 {n} 期没有印过“{typed}”，是不是“{meant}”（{label}印过）？"
                ),
            )
            .with_help(msg!(
                "correct the name; if it is another department, `lint: {{ allow: [W029 {typed}] }}` accepts it",
                "请改正名称；如确是另一个单位，可在本期加上 `lint: {{ allow: [W029 {typed}] }}` 予以认可"
            ))
            .with_fix(fix),
        );
    }
    found
}

/// Which side of its last weeks a week's figure stands out on.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Far {
    Below,
    Above,
}

/// Whether a week's figure stands out against `weeks`: under a `FAR`th of their median or
/// over `FAR` times it; and the median.
fn stands_out(week: u64, weeks: &[u64]) -> Option<(Far, u64)> {
    if weeks.len() < FEWEST_WEEKS {
        return None;
    }
    let median = median(weeks);
    if week.saturating_mul(FAR) < median {
        Some((Far::Below, median))
    } else if week > median.saturating_mul(FAR) {
        Some((Far::Above, median))
    } else {
        None
    }
}

/// `2023 年第 34—39 期`, or `2022 年第 50 期至 2023 年第 3 期`: the issues from `oldest` to
/// `newest`.
fn issues(oldest: &Printed, newest: &Printed) -> String {
    if oldest.year == newest.year {
        format!(
            "{} 年第 {}—{} 期",
            oldest.year, oldest.number, newest.number
        )
    } else {
        format!("{}至 {}", oldest.label(), newest.label())
    }
}

/// W028: the week of counter `c` far from its last `weeks` (oldest first), those of `issues`.
fn far_week(c: &Counter, weeks: &[u64], issues: &str, (far, median): (Far, u64)) -> Diagnostic {
    let (name, week, unit) = (&c.name.value, &c.week, excerpt(&c.unit.value));
    let n = weeks.len();
    let list = |sep: &str| {
        weeks
            .iter()
            .map(u64::to_string)
            .collect::<Vec<_>>()
            .join(sep)
    };
    let (en_list, zh_list, name, figure) = (list(", "), list("、"), excerpt(name), week.value);
    let message = match far {
        Far::Below => msg!(
            "{name}: {figure} {unit} this week, under a quarter of the median of the {n} weeks before ({issues}), {median}: {en_list}",
            "“{name}”本周 {figure} {unit}，不到此前 {n} 周（{issues}）中位数 {median} 的四分之一（这 {n} 周依次为 {zh_list}）"
        ),
        Far::Above => msg!(
            "{name}: {figure} {unit} this week, over four times the median of the {n} weeks before ({issues}), {median}: {en_list}",
            "“{name}”本周 {figure} {unit}，超过此前 {n} 周（{issues}）中位数 {median} 的 4 倍（这 {n} 周依次为 {zh_list}）"
        ),
    };
    Diagnostic::new(Code::W028, week.span.clone(), message).with_help(msg!(
        "check the figure for a digit dropped or added; if the week was truly so (the hall closed, say), `lint: {{ allow: [W028 {name}] }}` accepts it",
        "请核对是否少打或多打了一位数；如本周确实如此（如大厅整周停办），可在本期加上 `lint: {{ allow: [W028 {name}] }}` 予以认可"
    ))
}

/// The middle figure, or the mean of the two middle ones (rounded down).
fn median(weeks: &[u64]) -> u64 {
    let mut sorted = weeks.to_vec();
    sorted.sort_unstable();
    let mid = sorted.len() / 2;
    if sorted.len() % 2 == 1 {
        sorted[mid]
    } else {
        sorted[mid - 1] / 2 + sorted[mid] / 2 + (sorted[mid - 1] % 2 + sorted[mid] % 2) / 2
    }
}

/// `省自然资源厅` and `自然资源厅` are one department: a name without a leading 省.
fn provincial(name: &str) -> &str {
    name.strip_prefix('省').unwrap_or(name)
}

/// The known name `typed` (without its 省) is most likely a slip for, as printed, and the
/// issue that printed it last.
fn closest<'k>(
    typed: &str,
    known: &HashMap<&'k str, (&'k str, &'k Printed)>,
) -> Option<(&'k str, &'k Printed)> {
    let mut best: Option<(usize, &str, &Printed)> = None;
    for (&key, &(name, label)) in known {
        let Some(d) = slip(typed, key) else { continue };
        // The nearest; among equals, the name first in order, so that the answer does not
        // depend on the map's order.
        if best.is_none_or(|(bd, bn, _)| (d, name) < (bd, bn)) {
            best = Some((d, name, label));
        }
    }
    best.map(|(_, name, label)| (name, label))
}

/// How far `typed` is from `known` when it reads as a slip for it: one character wrong,
/// missing or extra in a name of three or more, or up to two left out of a name of six or
/// more (`省市场监督局` for `省市场监督管理局`). Two characters changed are not a slip:
/// `德阳市政务服务中心` and `成都市政务服务中心` are two centres.
fn slip(typed: &str, known: &str) -> Option<usize> {
    let (t, k) = (typed.chars().count(), known.chars().count());
    if t > LONGEST_NAME || k > LONGEST_NAME || t.abs_diff(k) > 2 || t.min(k) < 3 {
        return None;
    }
    let d = strsim::levenshtein(typed, known);
    let left_out = t + 2 >= k && t < k && t >= 4 && is_subsequence(typed, known);
    (d == 1 || left_out).then_some(d)
}

/// Whether the characters of `short` appear in `long` in order.
fn is_subsequence(short: &str, long: &str) -> bool {
    let mut rest = long.chars();
    short.chars().all(|c| rest.any(|l| l == c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slip_is_one_character_or_a_few_left_out() {
        assert_eq!(slip("自然资源听", "自然资源厅"), Some(1));
        assert_eq!(slip("省市场监督局", "省市场监督管理局"), Some(2));
        // A short form of a name the series prints whole is told too: a bulletin names a
        // department one way.
        assert_eq!(slip("省市场监管局", "省市场监督管理局"), Some(2));
        assert_eq!(slip("省公安厅", "省财政厅"), None);
        assert_eq!(slip("德阳市政务服务中心", "成都市政务服务中心"), None);
        assert_eq!(slip("水利", "水务"), None, "too short to tell");
        assert_eq!(
            slip("省水利厅", "省水利厅"),
            None,
            "the same name is no slip"
        );
        assert_eq!(slip("市场局", "省市场监督管理局"), None, "five left out");
        let long = "甲".repeat(41);
        assert_eq!(slip(&long, &format!("{long}乙")), None);
    }

    #[test]
    fn the_issues_measured_against_are_named_as_a_run() {
        let issue = |year, number| Printed {
            year,
            number,
            counters: Vec::new(),
            names: Vec::new(),
        };
        assert_eq!(
            issues(&issue(2023, 28), &issue(2023, 39)),
            "2023 年第 28—39 期"
        );
        assert_eq!(
            issues(&issue(2022, 50), &issue(2023, 3)),
            "2022 年第 50 期至 2023 年第 3 期"
        );
    }

    #[test]
    fn the_median_is_the_middle_figure() {
        assert_eq!(median(&[3, 1, 2]), 2);
        assert_eq!(median(&[4, 1, 3, 2]), 2);
        assert_eq!(median(&[5, 1, 4, 2]), 3);
        assert_eq!(median(&[u64::MAX, u64::MAX]), u64::MAX);
    }

    #[test]
    fn a_week_stands_out_past_four_times_or_a_quarter() {
        let weeks = [2750, 2881, 2987, 3012, 3380];
        assert!(stands_out(2987, &weeks).is_none());
        assert!(stands_out(1862, &weeks).is_none(), "a holiday week");
        assert_eq!(
            stands_out(298, &weeks),
            Some((Far::Below, 2987)),
            "a digit dropped"
        );
        assert!(stands_out(100, &weeks).is_some());
        assert_eq!(
            stands_out(29870, &weeks),
            Some((Far::Above, 2987)),
            "a digit added"
        );
        assert!(stands_out(747, &weeks).is_none(), "747 × 4 = 2988 ≥ 2987");
        assert!(stands_out(746, &weeks).is_some());
        assert!(stands_out(11948, &weeks).is_none(), "2987 × 4 = 11948");
        assert!(stands_out(11949, &weeks).is_some());
        assert!(
            stands_out(298, &weeks[..3]).is_none(),
            "three weeks say too little"
        );
    }

    /// An issue of two counters and two departments, with `allow` as its lint list.
    fn issue(allow: &str) -> Issue {
        let src = issue_text(allow);
        let root = crate::input::yaml::parse(&src).unwrap();
        let checked =
            crate::check::validate::validate(&root, &src, crate::check::validate::Lints::Off);
        checked
            .issue
            .unwrap_or_else(|| panic!("{:#?}", checked.diagnostics))
    }

    fn issue_text(allow: &str) -> String {
        format!(
            "lint: {{ allow: [{allow}] }}\n\
             masthead: {{ title: 周报, year: 2023, number: 40, total: 460, period: {{ start: 2023-10-14, end: 2023-10-20 }}, publisher: 中心, published: 2023-10-27 }}\n\
             sections:\n\
             - {{ title: 统计, counters: [{{ name: 咨询, unit: 人次, week: 298 }}, {{ name: 受理, unit: 件, week: 500 }}] }}\n\
             - {{ title: 来访, visits: [{{ dept: 自然资源听, people: [{{ title: 厅长, name: 张某 }}] }}, {{ dept: 省水利厅, people: [{{ title: 厅长, name: 李某 }}] }}] }}\n\
             footer: {{ send: 甲, distribute: 乙, copies: 1 }}\n"
        )
    }

    fn week(n: u64, consulted: u64) -> Printed {
        Printed {
            year: 2023,
            number: n,
            counters: vec![("咨询".into(), consulted), ("受理".into(), 510)],
            names: vec!["自然资源厅".into(), "水利厅".into()],
        }
    }

    #[test]
    fn what_stands_out_is_told_unless_allowed_by_name() {
        let before: Vec<Rc<Printed>> = (35..=39)
            .rev()
            .map(|n| Rc::new(week(n, 2900 + n)))
            .collect();
        let codes = |allow: &str| -> Vec<(Code, String)> {
            unusual(&issue(allow), &before)
                .into_iter()
                .map(|d| (d.code, d.message.en.clone()))
                .collect()
        };
        assert_eq!(
            codes("W012"),
            [
                (
                    Code::W028,
                    "咨询: 298 人次 this week, under a quarter of the median of the 5 weeks before (2023 年第 35—39 期), 2937: 2935, 2936, 2937, 2938, 2939".to_owned()
                ),
                (
                    Code::W029,
                    "the 5 issues before did not print `自然资源听`: did you mean `自然资源厅` (printed in 2023 年第 39 期)?".to_owned()
                ),
            ]
        );
        let offered = unusual(&issue("W012"), &before)
            .into_iter()
            .find_map(|d| d.fix)
            .unwrap();
        assert_eq!((offered.with.as_str(), offered.safe), ("自然资源厅", false));
        assert_eq!(
            &issue_text("W012")[offered.span],
            "自然资源听",
            "the fix replaces the name where it stands"
        );
        assert_eq!(codes("W028 咨询, W029 自然资源听"), []);
        assert_eq!(codes("W028 受理, W029 水利厅").len(), 2);
        // Four weeks are enough, three are not.
        assert_eq!(unusual(&issue("W029 自然资源听"), &before[..4]).len(), 1);
        assert_eq!(unusual(&issue("W029 自然资源听"), &before[..3]), []);
    }
}
