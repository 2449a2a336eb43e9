//! Writing into an issue the running figures it printed but computed: the edit that lets
//! every issue of an archive print what it printed, whatever becomes of the weeks before.

use crate::check::validate::{self, Lints};
use crate::input::yaml;
use crate::issue::{Content, Figure, Issue, Place, Sp};

/// The running figures an issue printed but does not write, written into its text: each
/// computed year-to-date figure beside its counter's `week`, each computed `done` beside its
/// progress's `week`, with every comment and the layout kept. The text and what was written,
/// `Ok(None)` when the issue writes all its figures, or `Err` with the figures to write by
/// hand when the edited text would not read back as the same issue with them written.
pub fn freeze(text: &str, issue: &Issue) -> Result<Option<Frozen>, Vec<(String, u64)>> {
    let mut edits: Vec<(usize, String)> = Vec::new();
    let mut written = Vec::new();
    let mut add = |key: &str, value: u64, week: &Sp<u64>, at: &Place, name: &str| {
        let edit = if at.flow {
            (week.span.end, format!(", {key}: {value}"))
        } else {
            let line_start = text[..at.week_key].rfind('\n').map_or(0, |i| i + 1);
            let indent = " ".repeat(at.week_key - line_start);
            match text[week.span.end..].find('\n') {
                Some(i) => {
                    let eol = if text[..week.span.end + i].ends_with('\r') {
                        "\r\n"
                    } else {
                        "\n"
                    };
                    (
                        week.span.end + i + 1,
                        format!("{indent}{key}: {value}{eol}"),
                    )
                }
                None => (text.len(), format!("\n{indent}{key}: {value}")),
            }
        };
        edits.push(edit);
        written.push((name.to_owned(), value));
    };
    for content in issue.contents() {
        match content {
            Content::Counters(counters) => {
                for c in counters {
                    if let Figure::Computed(v) = c.year_to_date {
                        add("year_to_date", v, &c.week, &c.at, &c.name.value);
                    }
                }
            }
            Content::Progress(p) => {
                if let Figure::Computed(v) = p.done {
                    add("done", v, &p.week, &p.at, &p.work.value);
                }
            }
            _ => {}
        }
    }
    if edits.is_empty() {
        return Ok(None);
    }
    let mut out = text.to_owned();
    edits.sort_by_key(|(at, _)| *at);
    for (at, insert) in edits.iter().rev() {
        out.insert_str(*at, insert);
    }
    let out = reword_notes(&out);
    if written_figures(&out) != Some(running_figures(issue)) {
        return Err(written);
    }
    Ok(Some(Frozen {
        text: out,
        figures: written,
    }))
}

/// The draft's notes that say a running figure is computed, by their opening words in each
/// language, and what each says once the figure is written: a figure written in no longer
/// follows a change to `week`, and the note beside it must not say it does.
const NOTES: [(&str, &str); 4] = [
    (
        "# Year-to-date figures are computed",
        "# The year-to-date figures below are this issue's as printed, written into this file when the next issue was begun: a change to a counter's `week` needs one to its `year_to_date`.",
    ),
    (
        "# 累计数由上一期推算",
        "# 以下累计数为本期印发时的数字，已在生成下一期时写入本文件；如改动某项的本周数 `week`，须同时改动该项的累计数 `year_to_date`。",
    ),
    (
        "# Work done so far is computed",
        "# Work done so far, `done`, is this issue's as printed, written into this file when the next issue was begun: a change to `week` needs one to `done`.",
    ),
    (
        "# 累计完成数自动计算",
        "# 累计完成数 `done` 为本期印发时的数字，已在生成下一期时写入本文件；如改动本周完成数 `week`，须同时改动 `done`。",
    ),
];

/// `text` with each line that is one of the draft's computed-figure notes (after its
/// indentation) replaced by what the note says of a written figure.
fn reword_notes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\r', '\n']);
        let indent = body.len() - body.trim_start_matches(' ').len();
        match NOTES
            .iter()
            .find(|(opening, _)| body[indent..].starts_with(opening))
        {
            Some((_, written)) => {
                out.push_str(&body[..indent]);
                out.push_str(written);
                out.push_str(&line[body.len()..]);
            }
            None => out.push_str(line),
        }
    }
    out
}

/// An issue's text with the running figures it printed written in.
#[derive(Debug, Clone, PartialEq)]
pub struct Frozen {
    pub text: String,
    /// Each figure written: the counter or work it belongs to, and its value.
    pub figures: Vec<(String, u64)>,
}

/// Every running figure of an issue, in order.
fn running_figures(issue: &Issue) -> Vec<Option<u64>> {
    let mut out = Vec::new();
    for content in issue.contents() {
        match content {
            Content::Counters(cs) => out.extend(cs.iter().map(|c| c.year_to_date.value())),
            Content::Progress(p) => out.push(p.done.value()),
            _ => {}
        }
    }
    out
}

/// The running figures a text writes, when it reads as a valid issue that writes them all.
fn written_figures(text: &str) -> Option<Vec<Option<u64>>> {
    let root = yaml::parse(text).ok()?;
    let issue = validate::validate(&root, text, Lints::Off).issue?;
    let figures = running_figures(&issue);
    let all_written = issue
        .counters()
        .all(|c| matches!(c.year_to_date, Figure::Written(_)))
        && issue
            .progress()
            .all(|p| matches!(p.done, Figure::Written(_)));
    all_written.then_some(figures)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    use chrono::NaiveDate;

    fn checked(src: &str) -> Issue {
        let checked = validate::validate(&yaml::parse(src).unwrap(), src, Lints::On);
        checked
            .issue
            .unwrap_or_else(|| panic!("{:#?}", checked.diagnostics))
    }

    const SHORT: &str = "\
masthead:
  title: 窗口工作周报
  year: 2023
  number: 40
  total: 460
  period: { start: 2023-10-14, end: 2023-10-20 }
  publisher: 中心
  published: 2023-10-27
sections:
  - title: 统计
    counters:
      - { name: 咨询, unit: 人次, week: 2750 }   # a comment that stays
      - name: 受理
        unit: 件
        week: 512    # fill in (last week: 540)
      - { name: 颁发, unit: 件, week: 13880, year_to_date: 158327 }
  - title: 进度
    progress:
      week: 20
      total: 1650
      unit: 个
      work: 手册编制
footer: { send: 甲, distribute: 乙, copies: 91 }
";

    /// `issue` with the figures left out computed as they would be from the previous issue.
    fn computed(src: &str) -> Issue {
        let mut issue = checked(src);
        let prev = crate::check::previous::Previous {
            year: 2023,
            number: 39,
            total: 459,
            end: NaiveDate::from_ymd_opt(2023, 10, 13).unwrap(),
            counters: HashMap::from([("咨询".into(), 59029), ("受理".into(), 15288)]),
            progress: HashMap::from([("手册编制".into(), 1019)]),
            sections: Vec::new(),
        };
        let found =
            crate::check::series::follow(&mut issue, crate::check::series::Link::Checked(&prev));
        assert_eq!(found, []);
        issue
    }

    #[test]
    fn computed_figures_are_written_in_beside_their_week() {
        let frozen = freeze(SHORT, &computed(SHORT)).unwrap().unwrap();
        assert_eq!(
            frozen.figures,
            [
                ("咨询".to_owned(), 61779),
                ("受理".to_owned(), 15800),
                ("手册编制".to_owned(), 1039)
            ]
        );
        let expected = SHORT
            .replace("week: 2750 }", "week: 2750, year_to_date: 61779 }")
            .replace(
                "week: 512    # fill in (last week: 540)\n",
                "week: 512    # fill in (last week: 540)\n        year_to_date: 15800\n",
            )
            .replace("      week: 20\n", "      week: 20\n      done: 1039\n");
        assert_eq!(frozen.text, expected);
        // Frozen, the issue writes every figure it printed, and nothing is left to compute.
        assert_eq!(freeze(&frozen.text, &checked(&frozen.text)), Ok(None));
    }

    /// What the freeze checks its result against: the running figures of an issue in order
    /// (counters' year-to-date figures, then work done), and those a text writes, only when
    /// it writes every one.
    #[test]
    fn the_running_figures_an_issue_has_and_a_text_writes() {
        let figures = [Some(61779), Some(15800), Some(158327), Some(1039)];
        assert_eq!(running_figures(&computed(SHORT)), figures);
        assert_eq!(
            running_figures(&checked(SHORT)),
            [None, None, Some(158327), None]
        );
        let frozen = freeze(SHORT, &computed(SHORT)).unwrap().unwrap();
        assert_eq!(written_figures(&frozen.text).as_deref(), Some(&figures[..]));
        // A counter, or the work done, left to compute: the text does not write them all.
        let no_done = frozen.text.replace("      done: 1039\n", "");
        assert_eq!(written_figures(&no_done), None);
        let no_year = frozen.text.replace(", year_to_date: 61779", "");
        assert_eq!(written_figures(&no_year), None);
        assert_eq!(written_figures("not: [an issue"), None);
    }

    #[test]
    fn line_ends_are_kept_and_a_last_line_is_ended() {
        let crlf = SHORT.replace('\n', "\r\n");
        let frozen = freeze(&crlf, &computed(&crlf)).unwrap().unwrap();
        assert!(
            !frozen.text.replace("\r\n", "").contains('\n'),
            "{:?}",
            frozen.text
        );
        assert!(
            frozen
                .text
                .contains("last week: 540)\r\n        year_to_date: 15800\r\n")
        );
        let at_end = SHORT.replace(
            "    progress:\n      week: 20\n      total: 1650\n      unit: 个\n      work: 手册编制\nfooter: { send: 甲, distribute: 乙, copies: 91 }\n",
            "    progress:\n      total: 1650\n      unit: 个\n      work: 手册编制\n      week: 20",
        );
        let at_end = format!("footer: {{ send: 甲, distribute: 乙, copies: 91 }}\n{at_end}");
        let frozen = freeze(&at_end, &computed(&at_end)).unwrap().unwrap();
        assert!(
            frozen.text.ends_with("      week: 20\n      done: 1039"),
            "{}",
            frozen.text
        );
    }

    #[test]
    fn the_drafts_notes_on_computed_figures_are_reworded_when_written_in() {
        let src = include_str!("../../examples/2023-39.yaml");
        let prev = checked(src);
        let next = crate::issue_file::next::Next::after(&prev, None);
        for lang in [crate::i18n::Lang::En, crate::i18n::Lang::Zh] {
            let draft = crate::issue_file::next::next_issue(&prev, "2023-39.yaml", &next, lang);
            let computed = NOTES.iter().filter(|(o, _)| draft.contains(o)).count();
            assert_eq!(
                computed, 2,
                "the draft's counters and progress notes: {draft}"
            );
            let reworded = reword_notes(&draft);
            assert!(
                NOTES.iter().all(|(o, _)| !reworded.contains(o)),
                "{reworded}"
            );
            let written = NOTES.iter().filter(|(_, w)| reworded.contains(w)).count();
            assert_eq!(written, 2, "{reworded}");
            // Nothing else changes: the notes are whole lines, indentation kept.
            let other = |t: &str| {
                t.lines()
                    .filter(|l| !NOTES.iter().any(|(o, w)| l.contains(o) || l.contains(w)))
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            };
            assert_eq!(other(&draft), other(&reworded));
        }
    }
}
