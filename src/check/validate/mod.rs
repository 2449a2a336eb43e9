//! Node tree → typed `Issue`, reporting every structural and semantic problem of one file in
//! one pass: `node` checks each value's type and shape, `build` puts the issue's frame
//! together and `content` each kind of content.
//! What an issue must be beside the one before it is checked later, in `series`.

mod build;
mod content;
mod node;
mod scalars;
mod slips;

pub use node::Lints;

use crate::diag::Diagnostic;
use crate::input::yaml::Node;
use crate::issue::Issue;

/// The result of checking one file: the issue when it has no errors, and every finding.
#[derive(Debug)]
pub struct Checked {
    pub issue: Option<Issue>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Checks a parsed file and builds the issue it describes. Findings come in file order; the
/// warnings the file's `lint.allow` names are left out.
pub fn validate(root: &Node, source: &str, lints: Lints) -> Checked {
    let mut c = node::Checker::new(source, lints);
    let issue = c.issue(root);
    let allowed = c.allowed;
    let mut diagnostics = c.diags;
    // A warning allowed for one counter is one the series checks give; here only the warnings
    // allowed for the whole issue are left out.
    allowed.retain(&mut diagnostics);
    sort_by_place(&mut diagnostics);
    let issue = issue.filter(|_| !diagnostics.iter().any(Diagnostic::is_error));
    Checked { issue, diagnostics }
}

/// Findings in file order, those at one place in the order found. They mostly come in order
/// already, and then no sort (and no scratch space of half their size) is needed.
pub fn sort_by_place(diagnostics: &mut [Diagnostic]) {
    if !diagnostics.is_sorted_by_key(|d| d.span.start) {
        diagnostics.sort_by_key(|d| d.span.start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Code;
    use crate::input::schema::MASTHEAD;
    use crate::input::yaml::parse;
    use crate::issue::{Body, Content};

    fn check(src: &str) -> Checked {
        validate(&parse(src).expect("valid YAML"), src, Lints::On)
    }

    fn codes(src: &str) -> Vec<(Code, (usize, usize))> {
        check(src)
            .diagnostics
            .iter()
            .map(|d| (d.code, crate::diag::lines::line_col(src, d.span.start)))
            .collect()
    }

    const GOOD: &str = "\
masthead:
  title: 窗口工作周报
  year: 2023
  number: 39
  total: 459
  period: { start: 2023-10-07, end: 2023-10-13 }
  publisher: 中心
  published: 2023-10-20
sections:
  - title: 统计
    counters:
      - { name: 咨询, unit: 人次, week: 2881, year_to_date: 59029 }
footer: { send: 甲, distribute: 乙, copies: 91 }
";

    #[test]
    fn a_good_file_has_no_findings() {
        let r = check(GOOD);
        assert_eq!(r.diagnostics, vec![]);
        let issue = r.issue.expect("an issue");
        assert_eq!(issue.masthead.number.value, 39);
        assert_eq!(issue.sections.len(), 1);
    }

    #[test]
    fn every_problem_is_reported_in_file_order() {
        let src = GOOD
            .replace("year: 2023", "yaer: 2023")
            .replace("week: 2881", "week: '2881'")
            .replace("copies: 91", "copies: 0")
            .replace("published: 2023-10-20", "published: 2023-02-30");
        assert_eq!(
            codes(&src),
            [
                (Code::E003, (3, 3)),
                (Code::E006, (8, 14)),
                (Code::E002, (12, 37)),
                (Code::E013, (13, 43)),
            ]
        );
        assert!(check(&src).issue.is_none());
    }

    #[test]
    fn unknown_keys_suggest_the_closest() {
        let r = check(&GOOD.replace("    counters:", "    counter:"));
        let d = &r.diagnostics[0];
        assert_eq!(d.message.en, "unknown key `counter` in the section");
        assert_eq!(d.message.zh, "栏目中没有 `counter` 这个字段");
        assert_eq!(
            d.help.as_ref().map(|h| h.en.as_str()),
            Some("did you mean `counters`?")
        );
        let r = check(&GOOD.replace("    counters:", "    directive:"));
        assert_eq!(
            r.diagnostics[0].help.as_ref().map(|h| h.en.as_str()),
            Some("did you mean `directives`?")
        );
    }

    #[test]
    fn semantic_checks() {
        let src = GOOD
            .replace("end: 2023-10-13", "end: 2023-10-21")
            .replace("year_to_date: 59029", "year_to_date: 2000");
        assert_eq!(
            codes(&src),
            [
                (Code::W001, (6, 37)),
                (Code::E008, (8, 14)),
                (Code::E009, (12, 57))
            ]
        );
        let src = GOOD.replace(
            "start: 2023-10-07, end: 2023-10-13",
            "start: 2023-10-13, end: 2023-10-07",
        );
        assert_eq!(codes(&src), [(Code::E007, (6, 37))]);
    }

    #[test]
    fn progress_figures_must_agree() {
        let src = GOOD.replace(
            "    counters:\n      - { name: 咨询, unit: 人次, week: 2881, year_to_date: 59029 }\n",
            "    progress: { week: 20, done: 10, total: 5, unit: 个, work: 手册 }\n",
        );
        let r = check(&src);
        let found: Vec<_> = r
            .diagnostics
            .iter()
            .map(|d| (d.code, d.message.en.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    Code::E010,
                    "this week's `week` (20) is more than `done` in all (10)"
                ),
                (Code::E010, "`done` (10) is more than the `total` (5)"),
            ]
        );
    }

    #[test]
    fn one_kind_of_content_per_section() {
        let src = GOOD.replace("    counters:", "    items: [甲。]\n    counters:");
        assert_eq!(codes(&src), [(Code::E012, (12, 5))]);
    }

    #[test]
    fn empty_text_and_blank_lists() {
        let src = GOOD.replace("publisher: 中心", "publisher: '  '");
        assert_eq!(codes(&src), [(Code::E011, (7, 14))]);
        let src = GOOD.replace(
            "    counters:\n      - { name: 咨询, unit: 人次, week: 2881, year_to_date: 59029 }\n",
            "    items:\n",
        );
        let r = check(&src);
        let found: Vec<_> = r.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(found, [Code::E038]);
        assert!(
            r.issue.is_none(),
            "a key left blank is the draft's, and an error"
        );
        // A title alone, with no content key: nothing to print, and a warning.
        let src = GOOD.replace(
            "    counters:\n      - { name: 咨询, unit: 人次, week: 2881, year_to_date: 59029 }\n",
            "",
        );
        let r = check(&src);
        let found: Vec<_> = r.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(found, [Code::W007]);
        assert_eq!(
            r.issue.unwrap().sections[0].body,
            Body::Content(Content::Nothing)
        );
        // An empty list is "nothing this week": left out without a word.
        let src = GOOD.replace(
            "    counters:\n      - { name: 咨询, unit: 人次, week: 2881, year_to_date: 59029 }\n",
            "    items: []\n",
        );
        assert_eq!(codes(&src), []);
    }

    #[test]
    fn numbers_and_dates_of_the_wrong_type() {
        let src = GOOD
            .replace("number: 39", "number: -1")
            .replace("total: 459", "total: 4.5");
        assert_eq!(codes(&src), [(Code::E013, (4, 11)), (Code::E002, (5, 10))]);
        let src = GOOD.replace("published: 2023-10-20", "published: 10月20日");
        let r = check(&src);
        assert_eq!(
            r.diagnostics[0].message.en,
            "expected a date for `published`, found `10月20日`"
        );
    }

    #[test]
    fn suggestions_need_to_be_close() {
        assert_eq!(node::suggest("yaer", &MASTHEAD.names()), Some("year"));
        assert_eq!(
            node::suggest("publised", &MASTHEAD.names()),
            Some("published")
        );
        assert_eq!(node::suggest("colour", &MASTHEAD.names()), None);
    }
}
