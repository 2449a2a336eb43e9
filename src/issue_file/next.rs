//! The next issue's file, begun from the last: numbers and dates moved on, structure kept,
//! the week's content emptied to commented placeholders.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use chrono::{Datelike, Days, NaiveDate};

use super::draft::Masthead;
use super::frame::{self, scalar};
use crate::check::previous::Previous;
use crate::i18n::Lang;
use crate::issue::{Body, Content, Issue, Kind};
use crate::msg;
use crate::text::phrases::THIS_WEEK;
use crate::text::stand_in::{
    DIRECTIVE, DOCUMENT, SOME_DEPARTMENT, SOME_OFFICE, SOME_THING, SOMEONE, WHAT_HAPPENED,
};

/// The masthead numbers and dates of the issue after `prev`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Next {
    pub year: i32,
    pub number: u64,
    pub total: u64,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub published: NaiveDate,
}

impl Next {
    /// The week after the previous period; the year is the year the week ends in, and the
    /// publication date moves on a week unless `published` is given.
    pub fn after(prev: &Issue, published: Option<NaiveDate>) -> Next {
        let m = &prev.masthead;
        let start = m.end.value + Days::new(1);
        let end = start + Days::new(6);
        let year = end.year();
        Next {
            year,
            number: Previous::of(prev).next_number(year),
            total: m.total.value + 1,
            start,
            end,
            published: published.unwrap_or(m.published.value + Days::new(7)),
        }
    }

    /// `2023-39.yaml` → `2023-40.yaml`, `2023-52.yaml` → `2024-01.yaml`: the previous file's
    /// name when it is `YEAR-NUMBER`, with the number as wide as before.
    pub fn file_name(&self, prev: &Path) -> Option<PathBuf> {
        let stem = prev.file_stem()?.to_str()?;
        let (year, number) = stem.split_once('-')?;
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if year.len() != 4 || !digits(year) || !digits(number) {
            return None;
        }
        let name = format!(
            "{}-{:0width$}",
            self.year,
            self.number,
            width = number.len()
        );
        let mut path = prev.with_file_name(name);
        if let Some(ext) = prev.extension() {
            path.set_extension(ext);
        }
        Some(path)
    }
}

/// The YAML text of the next issue. `previous` is how the new file names the old one.
/// The comments are in `lang`, like every other word the tool writes.
pub fn next_issue(prev: &Issue, previous: &str, next: &Next, lang: Lang) -> String {
    let mut out = String::new();
    let m = &prev.masthead;
    let (title, year, number) = (&m.title.value, next.year, next.number);
    // A comment ends at a line break: a file name is shown with any control character escaped.
    let previous_shown = crate::text::quote::printable(previous);
    let head = msg!(
        "# {title} {year} 年第 {number} 期, begun by `weekly new` from {previous_shown}.\n\
         # Fill in the week's content where the comments show its shape, then run\n\
         # `weekly check` on this file. For a section with nothing this week, write an\n\
         # empty list (`visits: []`): it stays in the layout and is not printed.\n",
        "# {title} {year} 年第 {number} 期，由 `weekly new` 根据 {previous_shown} 生成。\n\
         # 请按注释所示的格式填写本周内容，然后对本文件运行 `weekly check`。\n\
         # 某个栏目本周没有内容时，写成空列表（如 `visits: []`）：栏目保留，但不印出。\n"
    );
    let _ = writeln!(out, "{}", head.get(lang));
    frame::previous_key(&mut out, previous, lang);
    frame::masthead(
        &mut out,
        lang,
        &Masthead {
            title: m.title.value.clone(),
            year: next.year,
            number: next.number,
            total: Some(next.total),
            start: next.start,
            end: next.end,
            publisher: m.publisher.value.clone(),
            published: next.published,
        },
    );
    let walked = prev.sections.iter().map(|s| frame::Section {
        title: &s.title.value,
        body: match &s.body {
            Body::Content(c) => frame::Body::Content(c),
            Body::Subsections(subs) => frame::Body::Subsections(
                subs.iter()
                    .map(|sub| (sub.title.value.as_str(), &sub.content))
                    .collect(),
            ),
        },
    });
    frame::sections(&mut out, walked, false, |out, c, pad| {
        content(out, c, pad, next, lang)
    });
    let f = &prev.footer;
    frame::footer(&mut out, &f.send.value, &f.distribute.value, f.copies.value);
    out
}

/// One piece of content: what stays from week to week is kept (its kind, counter names and
/// units, progress totals), what is new each week is a commented placeholder.
fn content(out: &mut String, content: &Content, pad: &str, next: &Next, lang: Lang) {
    let day = next.start + Days::new(2);
    match content {
        Content::Counters(counters) if !counters.is_empty() => {
            let note = msg!(
                "# Year-to-date figures are computed from the previous issue; leave them out.",
                "# 累计数由上一期推算，不必填写。"
            );
            let _ = writeln!(out, "{pad}{}\n{pad}counters:", note.get(lang));
            for c in counters {
                let last = c.week.value;
                let fill = msg!("# fill in (last week: {last})", "# 请填写（上周：{last}）");
                let _ = writeln!(
                    out,
                    "{pad}  - name: {}\n{pad}    unit: {}\n{pad}    week:            {}",
                    scalar(&c.name.value),
                    scalar(&c.unit.value),
                    fill.get(lang)
                );
            }
        }
        Content::Progress(p) => {
            let _ = writeln!(out, "{pad}progress:");
            let dept = p.dept.as_ref().map_or(SOME_OFFICE, |d| d.value.as_str());
            let done = p.done.value().unwrap_or_default();
            let notes = [
                msg!(
                    "# who did this week's part (optional)",
                    "# 选填：本周完成此项工作的部门"
                ),
                msg!(
                    "# fill in (0 for a week without any)",
                    "# 请填写（本周没有则填 0）"
                ),
                msg!(
                    "# Work done so far is computed: last week's {done} plus this week's.",
                    "# 累计完成数自动计算：上周的 {done} 加上本周完成数。"
                ),
            ];
            let [who, fill, so_far] = notes.map(|n| n.get(lang).to_owned());
            let _ = writeln!(
                out,
                "{pad}  # dept: {dept}    {who}\n\
                 {pad}  week:              {fill}\n\
                 {pad}  {so_far}\n\
                 {pad}  total: {}\n{pad}  unit: {}\n{pad}  work: {}",
                p.total.value,
                scalar(&p.unit.value),
                scalar(&p.work.value)
            );
        }
        other => match other.kind() {
            None => {}
            Some(Kind::Directives) => {
                let _ = writeln!(
                    out,
                    "{pad}directives:\n\
                     {pad}  # - date: {day}\n\
                     {pad}  #   leader: {SOMEONE}副省长\n\
                     {pad}  #   source: {DOCUMENT}\n\
                     {pad}  #   text: {DIRECTIVE}"
                );
            }
            Some(Kind::Counters) => {
                let _ = writeln!(
                    out,
                    "{pad}counters:\n\
                     {pad}  # - {{ name: {SOME_THING}, unit: 件, week: 0 }}"
                );
            }
            Some(Kind::Progress) => {
                let _ = writeln!(
                    out,
                    "{pad}progress:\n\
                     {pad}  # week: 15\n\
                     {pad}  # done: 1019    {}\n\
                     {pad}  # total: 1650\n\
                     {pad}  # unit: 个\n\
                     {pad}  # work: {SOME_THING}工作",
                    msg!("# done so far, this week included", "# 截至本周累计完成数").get(lang)
                );
            }
            Some(Kind::Items) => {
                let _ = writeln!(
                    out,
                    "{pad}items:\n\
                     {pad}  # - {THIS_WEEK}{WHAT_HAPPENED}\n\
                     {pad}  # - lead: {THIS_WEEK}\n\
                     {pad}  #   departments:\n\
                     {pad}  #     - dept: {SOME_DEPARTMENT}\n\
                     {pad}  #       text: {WHAT_HAPPENED}"
                );
            }
            // What leaders came for is said of one week: it is not carried over.
            Some(Kind::Visits) => {
                let _ = writeln!(
                    out,
                    "{pad}visits:\n\
                     {pad}  # - dept: {SOME_DEPARTMENT}\n\
                     {pad}  #   people:\n\
                     {pad}  #     - {{ title: 副厅长, name: {SOMEONE} }}"
                );
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::validate::{Lints, validate};
    use crate::diag::Code;
    use crate::input::yaml::{Value, parse};

    fn example() -> Issue {
        let src = include_str!("../../examples/2023-39.yaml");
        let prev = validate(&parse(src).unwrap(), src, Lints::On);
        prev.issue.expect("the example is valid")
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_week_after_moves_numbers_and_dates_on() {
        let next = Next::after(&example(), None);
        assert_eq!(
            next,
            Next {
                year: 2023,
                number: 40,
                total: 460,
                start: date(2023, 10, 14),
                end: date(2023, 10, 20),
                published: date(2023, 10, 27),
            }
        );
        let dated = Next::after(&example(), Some(date(2023, 10, 26)));
        assert_eq!(dated.published, date(2023, 10, 26));
    }

    #[test]
    fn a_week_ending_in_january_starts_a_new_year() {
        let mut prev = example();
        prev.masthead.number.value = 52;
        prev.masthead.end.value = date(2023, 12, 29);
        let next = Next::after(&prev, None);
        assert_eq!((next.year, next.number, next.total), (2024, 1, 460));
        assert_eq!(
            (next.start, next.end),
            (date(2023, 12, 30), date(2024, 1, 5))
        );
    }

    #[test]
    fn file_names_follow_the_previous_one() {
        let next = Next::after(&example(), None);
        assert_eq!(
            next.file_name(Path::new("issues/2023-39.yaml")),
            Some("issues/2023-40.yaml".into())
        );
        let mut rollover = next;
        (rollover.year, rollover.number) = (2024, 1);
        assert_eq!(
            rollover.file_name(Path::new("2023-52.yml")),
            Some("2024-01.yml".into())
        );
        assert_eq!(next.file_name(Path::new("week39.yaml")), None);
        // A name that is not `YEAR-NUMBER` gives none: a year of other than four figures, a
        // year or a number with other characters.
        for name in [
            "23-39.yaml",
            "20231-39.yaml",
            "abcd-39.yaml",
            "2023-x9.yaml",
            "2023-.yaml",
        ] {
            assert_eq!(next.file_name(Path::new(name)), None, "{name}");
        }
    }

    #[test]
    fn scalars_read_back_as_the_same_text() {
        for s in [
            "窗口工作周报",
            "厅（局）长进大厅",
            "2023",
            "yes",
            "- 列表",
            "a: b",
            "#1",
            " 前后空格 ",
            "引号\"和\\反斜杠",
            "",
            "10月12日，",
            "2023-39.yaml",
            "2023-10-14",
            "1e3",
            ".5",
            "0x1F",
            "+1",
            "-.inf",
            ".NaN",
            "../2023-39.yaml",
            "0b101",
            "\u{feff}省本级",
        ] {
            let yaml = format!("k: {}\n", scalar(s));
            let Value::Map(m) = parse(&yaml).unwrap().value else {
                panic!("a map")
            };
            assert_eq!(m[0].1.value, Value::Str(s.into()), "{yaml}");
        }
        assert_eq!(scalar("窗口工作周报"), "窗口工作周报");
        assert_eq!(scalar("2023"), "\"2023\"");
    }

    /// In Chinese, every comment that explains is Chinese; the commented examples are the
    /// format's own keys and stay as they are. Both languages make the same file.
    #[test]
    fn the_comments_of_a_chinese_draft_are_chinese() {
        let prev = example();
        let next = Next::after(&prev, None);
        let zh = next_issue(&prev, "2023-39.yaml", &next, Lang::Zh);
        let en = next_issue(&prev, "2023-39.yaml", &next, Lang::En);
        let comments = |text: &str| -> Vec<String> {
            text.lines()
                .filter_map(|l| l.split_once("# ").map(|(_, c)| c.to_owned()))
                .filter(|c| !c.starts_with("- ") && !c.starts_with("  ") && !c.contains(": "))
                .collect()
        };
        let english: Vec<String> = comments(&zh)
            .into_iter()
            .filter(|c| !c.chars().any(crate::text::is_han))
            .collect();
        assert!(english.is_empty(), "{english:#?}");
        assert!(zh.contains("# 请填写（上周：2881）"), "{zh}");
        let strip = |text: &str| -> String {
            text.lines()
                .map(|l| l.split('#').next().unwrap_or_default().trim_end())
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(strip(&zh), strip(&en));
    }

    #[test]
    fn the_new_file_keeps_structure_and_empties_the_week() {
        let prev = example();
        let next = Next::after(&prev, None);
        let text = next_issue(&prev, "2023-39.yaml", &next, Lang::En);
        let report = validate(&parse(&text).unwrap(), &text, Lints::On);
        let codes: Vec<Code> = report.diagnostics.iter().map(|d| d.code).collect();
        // Four counters and the progress entry wait for this week's figures; five sections
        // or subsections wait for content.
        assert_eq!(
            codes.iter().filter(|c| **c == Code::E011).count(),
            5,
            "{codes:?}"
        );
        assert_eq!(
            codes.iter().filter(|c| **c == Code::E038).count(),
            5,
            "{codes:?}"
        );
        assert_eq!(codes.len(), 10, "{:#?}", report.diagnostics);
        assert!(
            report
                .diagnostics
                .iter()
                .all(|d| d.message.en.contains("fill in") && d.message.zh.contains("填"))
        );
        assert!(text.contains("previous: 2023-39.yaml\n"));
        assert!(text.contains("  number: 40\n  total: 460\n"));
        assert!(text.contains("    start: 2023-10-14\n    end: 2023-10-20\n"));
    }

    fn checked(src: &str) -> Issue {
        let checked = validate(&parse(src).unwrap(), src, Lints::On);
        checked
            .issue
            .unwrap_or_else(|| panic!("{:#?}", checked.diagnostics))
    }

    /// A week with nothing (`[]`) keeps the section's kind in the next draft; a one-off
    /// `visit_purpose` is not carried.
    #[test]
    fn the_draft_keeps_every_kind_of_content_and_drops_one_off_phrases() {
        let src = "\
masthead:
  title: 窗口工作周报
  year: 2023
  number: 40
  total: 460
  period: { start: 2023-10-14, end: 2023-10-20 }
  publisher: 中心
  published: 2023-10-27
sections:
  - title: 领导批示
    directives: []
  - title: 厅（局）长进大厅
    visits: []
  - title: 来访
    visits:
      - { dept: 水利厅, people: [{ title: 副厅长, name: 王华 }] }
    visit_purpose: 到大厅督导检查
footer: { send: 甲, distribute: 乙, copies: 91 }
";
        let prev = checked(src);
        let text = next_issue(&prev, "2023-40.yaml", &Next::after(&prev, None), Lang::En);
        assert!(
            text.contains("  - title: 领导批示\n    directives:\n      # - date: 2023-10-23\n")
        );
        assert!(text.contains("  - title: 厅（局）长进大厅\n    visits:\n      # - dept: 某厅\n"));
        assert!(text.contains("  - title: 来访\n    visits:\n      # - dept: 某厅\n"));
        assert!(!text.contains("visit_purpose"), "{text}");
    }

    /// Every example a draft shows in its comments, uncommented as it stands, is refused: each
    /// holds a stand-in word (E035), so a draft cannot be printed half filled.
    #[test]
    fn every_example_of_a_draft_uncommented_is_refused_for_its_stand_ins() {
        let src = "\
masthead:
  title: 窗口工作周报
  year: 2023
  number: 40
  total: 460
  period: { start: 2023-10-14, end: 2023-10-20 }
  publisher: 中心
  published: 2023-10-27
sections:
  - title: 领导批示
    directives: []
  - title: 统计
    counters: []
  - title: 进度
    items: []
  - title: 动态
    items: []
  - title: 来访
    visits: []
footer: { send: 甲, distribute: 乙, copies: 91 }
";
        let mut prev = validate(&parse(src).unwrap(), src, Lints::On)
            .issue
            .unwrap();
        // A progress key left blank, as a draft leaves it: its example is in the next draft.
        prev.sections[2].body = Body::Content(Content::Blank(Kind::Progress));
        for lang in [Lang::En, Lang::Zh] {
            let draft = next_issue(&prev, "2023-40.yaml", &Next::after(&prev, None), lang);
            // The lines of an example are those that read as YAML once `# ` is taken off.
            let example = |line: &str| {
                let body = line.trim_start().strip_prefix("# ").unwrap_or("");
                let key = body.split_once(": ").map_or("", |(key, _)| key);
                line.starts_with(' ')
                    && (body.starts_with("- ")
                        || body.starts_with("  ")
                        || !key.is_empty()
                            && key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'))
            };
            let filled: String = draft
                .lines()
                .map(|line| match example(line) {
                    true => line.replacen("# ", "", 1),
                    false => line.to_owned(),
                })
                .map(|line| line + "\n")
                .collect();
            let checked = validate(&parse(&filled).unwrap(), &filled, Lints::On);
            let sections: Vec<usize> = filled
                .match_indices("  - title: ")
                .map(|(at, _)| at)
                .collect();
            let refused: std::collections::BTreeSet<usize> = checked
                .diagnostics
                .iter()
                .filter(|d| d.code == Code::E035)
                .map(|d| sections.iter().filter(|&&at| at < d.span.start).count())
                .collect();
            assert_eq!(
                refused,
                (1..=5).collect(),
                "{filled}\n{:#?}",
                checked.diagnostics
            );
        }
    }
}
