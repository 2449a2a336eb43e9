//! What the editor shows of an issue's figures and names: on a counter or a piece of work, the
//! sentence it will print and its running figure, written or computed; and the names and
//! units the series has used, to complete.

use std::ops::Range;

use crate::i18n::Msg;
use crate::issue::{Content, Figure, Issue, Item};
use crate::model;
use crate::msg;

/// The lines `span` stands on in `text`, whole.
fn lines_of(text: &str, span: Range<usize>) -> Range<usize> {
    let start = text[..span.start.min(text.len())]
        .rfind('\n')
        .map_or(0, |n| n + 1);
    let end = text[span.end.min(text.len())..]
        .find('\n')
        .map_or(text.len(), |n| span.end + n);
    start..end
}

/// How a running figure came to be `n`, `week` of it this week.
fn running(figure: &Figure, week: u64) -> Option<(u64, Msg)> {
    Some(match figure {
        Figure::Written(n) => (n.value, msg!("written in this issue", "本期写明")),
        Figure::Computed(n) => {
            let before = n.saturating_sub(week);
            (
                *n,
                msg!(
                    "computed: {before} before this week and {week} this week",
                    "由上一期推算：此前累计 {before}，加本周 {week}"
                ),
            )
        }
        Figure::Missing => return None,
    })
}

/// On the lines of a counter or a piece of work in `text` (the issue's source) at `offset`:
/// the sentence it prints and its running figure.
pub fn hover(issue: &Issue, text: &str, offset: usize) -> Option<Msg> {
    for content in issue.contents() {
        match content {
            Content::Counters(counters) => {
                for c in counters {
                    let span = c.name.span.start.min(c.week.span.start)
                        ..c.week.span.end.max(c.unit.span.end).max(c.name.span.end);
                    if !lines_of(text, span).contains(&offset) {
                        continue;
                    }
                    let sentence = model::counters_sentence(counters);
                    let (n, how) = running(&c.year_to_date, c.week.value)?;
                    let (name, unit) = (&c.name.value, &c.unit.value);
                    let Msg { en, zh } = how;
                    return Some(msg!(
                        "Prints: {sentence}\n\nYear to date: {name} {n} {unit} ({en})",
                        "印出：{sentence}\n\n今年以来累计{name} {n} {unit}（{zh}）"
                    ));
                }
            }
            Content::Progress(p) => {
                let span = p.week.span.start.min(p.total.span.start)
                    ..p.week.span.end.max(p.total.span.end);
                if !lines_of(text, span).contains(&offset) {
                    continue;
                }
                let sentence = model::progress_sentence(p);
                let (n, how) = running(&p.done, p.week.value)?;
                let Msg { en, zh } = how;
                return Some(msg!(
                    "Prints: {sentence}\n\nDone so far: {n} ({en})",
                    "印出：{sentence}\n\n截至目前共完成 {n}（{zh}）"
                ));
            }
            _ => {}
        }
    }
    None
}

/// The key whose value is being typed at the end of `before` (a line up to the cursor), when
/// it is one whose values the series repeats: `name`, `unit` or `dept`.
pub fn value_key(before: &str) -> Option<&'static str> {
    let colon = before.rfind(':')?;
    let typed = &before[colon + 1..];
    if !typed.starts_with(' ') || typed.contains([',', '{', '}', '[', ']', '#']) {
        return None;
    }
    let key = before[..colon]
        .trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '_')
        .len();
    ["name", "unit", "dept"]
        .into_iter()
        .find(|k| *k == &before[key..colon])
}

/// The values `key` has in `issues`, each once, in the order first met.
pub fn values(issues: &[Issue], key: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |v: &str| {
        if !v.is_empty() && !out.iter().any(|o| o == v) {
            out.push(v.to_owned());
        }
    };
    for content in issues.iter().flat_map(Issue::contents) {
        match (content, key) {
            (Content::Counters(cs), "name") => cs.iter().for_each(|c| add(&c.name.value)),
            (Content::Counters(cs), "unit") => cs.iter().for_each(|c| add(&c.unit.value)),
            (Content::Progress(p), "unit") => add(&p.unit.value),
            (Content::Progress(p), "dept") => p.dept.iter().for_each(|d| add(&d.value)),
            (Content::Visits(v), "dept") => v.visits.iter().for_each(|v| add(&v.dept.value)),
            (Content::Items(items), "dept") => {
                for item in items {
                    if let Item::Departments { entries, .. } = item {
                        entries.iter().for_each(|e| add(&e.dept.value));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(name: &str) -> (String, Issue) {
        let path = format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(path).unwrap();
        let root = crate::input::yaml::parse(&text).unwrap();
        let checked =
            crate::check::validate::validate(&root, &text, crate::check::validate::Lints::Off);
        (text, checked.issue.unwrap())
    }

    #[test]
    fn a_figure_shows_what_it_prints() {
        let (text, issue) = example("2023-39.yaml");
        let at = text.find("name: 受理").unwrap();
        let shown = hover(&issue, &text, at).unwrap();
        let sentence = model::counters_sentence(
            match issue.contents().find_map(|c| match c {
                Content::Counters(cs) => Some(cs),
                _ => None,
            }) {
                Some(cs) => cs,
                None => panic!("the example has counters"),
            },
        );
        assert!(
            shown
                .zh
                .starts_with(&format!("印出：{sentence}\n\n今年以来累计受理 ")),
            "{}",
            shown.zh
        );
        assert!(shown.zh.ends_with("（本期写明）"), "{}", shown.zh);
        assert!(hover(&issue, &text, text.find("publisher").unwrap()).is_none());
    }

    #[test]
    fn the_key_typed_and_the_values_met() {
        assert_eq!(value_key("  - { name: 受"), Some("name"));
        assert_eq!(value_key("      unit: "), Some("unit"));
        assert_eq!(value_key("  - dept: 省"), Some("dept"));
        assert_eq!(value_key("  - { name: 受理, week: "), None);
        assert_eq!(value_key("  - { name: 受理, "), None);
        assert_eq!(value_key("  - { rename: 受"), None);
        assert_eq!(value_key("  title: 动态"), None);
        let (_, issue) = example("2023-39.yaml");
        let names = values(std::slice::from_ref(&issue), "name");
        assert!(
            names.len() >= 2 && names.contains(&"受理".to_owned()),
            "{names:?}"
        );
        let mut once = names.clone();
        once.dedup();
        assert_eq!(once, names);
        assert!(!values(&[issue], "dept").is_empty());
    }
}
