//! W027: a section of the previous issue left out of this one, which would be gone from every
//! later draft.

use crate::diag::{Code, Diagnostic};
use crate::issue::{Issue, Text};
use crate::msg;
use crate::text::quote::excerpt;

/// W027: a section of the previous issue that this one leaves out, at the title of the section
/// that follows it (or the last one): a week with nothing to say keeps it with `[]`, and a
/// section deleted is also gone from every later draft.
pub fn dropped(issue: &Issue, before: &[(String, Option<&'static str>)]) -> Vec<Diagnostic> {
    let titles: Vec<&Text> = issue.sections.iter().map(|s| &s.title).collect();
    let here = |title: &str| titles.iter().position(|t| t.value == title);
    let mut found = Vec::new();
    for (i, (title, key)) in before.iter().enumerate() {
        if here(title).is_some() || issue.allow.allows(Code::W027, Some(title)) {
            continue;
        }
        let next = before[i + 1..].iter().find_map(|(t, _)| here(t));
        let Some(at) = next.or(titles.len().checked_sub(1)) else {
            continue;
        };
        let title = excerpt(title);
        let empty = match key {
            Some(key) => format!("`{key}: []`"),
            None => "`[]`".to_owned(),
        };
        found.push(
            Diagnostic::new(
                Code::W027,
                titles[at].span.clone(),
                msg!(
                    "the section `{title}` of the previous issue is left out of this one, and will be out of every later draft",
                    "上一期的栏目“{title}”本期没有，以后各期的草稿中也不会再有"
                ),
            )
            .with_help(msg!(
                "for a week with nothing to report, keep the section with its content an empty list ({empty}); if it is gone for good, `lint: {{ allow: [W027 {title}] }}` says so",
                "如本周只是没有内容，请保留该栏目，把内容写成空列表（{empty}）；如该栏目确已取消，可在本期加上 `lint: {{ allow: [W027 {title}] }}`"
            )),
        );
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A section of the previous issue left out is W027 at the title of the one that follows
    /// it, or of the last one; `allow` by its title says it is gone for good.
    #[test]
    fn a_section_left_out_is_w027_where_it_stood_unless_allowed() {
        let issue = |sections: &str, allow: &str| {
            let src = format!(
                "masthead: {{ title: 周报, year: 2023, number: 40, total: 460, period: {{ start: 2023-10-14, end: 2023-10-20 }}, publisher: 中心, published: 2023-10-27 }}\n{allow}sections:\n{sections}footer: {{ send: 甲, distribute: 乙, copies: 91 }}\n"
            );
            let node = crate::input::yaml::parse(&src).unwrap();
            let checked =
                crate::check::validate::validate(&node, &src, crate::check::validate::Lints::On);
            (checked.issue.expect("valid"), src)
        };
        let before = vec![
            ("甲".into(), Some("items")),
            ("乙".into(), None),
            ("丙".into(), Some("visits")),
        ];
        let (without_first, src) = issue(
            "  - { title: 乙, items: [] }\n  - { title: 丙, visits: [] }\n",
            "",
        );
        let found = dropped(&without_first, &before);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(&src[found[0].span.clone()], "乙");
        assert!(found[0].help.as_ref().unwrap().en.contains("(`items: []`)"));
        let (without_last, src) = issue(
            "  - { title: 甲, items: [] }\n  - { title: 乙, items: [] }\n",
            "",
        );
        let found = dropped(&without_last, &before);
        assert_eq!(&src[found[0].span.clone()], "乙");
        assert!(found[0].message.zh.contains("“丙”"));
        let (allowed, _) = issue(
            "  - { title: 甲, items: [] }\n  - { title: 乙, items: [] }\n",
            "lint: { allow: [W027 丙] }\n",
        );
        assert_eq!(dropped(&allowed, &before), []);
    }
}
