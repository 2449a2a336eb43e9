//! A table of counters (each row a name, this week's figure and the year's), in a Word document
//! or in the columns of a PDF's text, read as the counters' sentence it stands for.

use super::numbering::heading_kind;
use super::pages::{Line, ends_sentence};
use crate::text::phrases;

/// The counters' sentence a table's rows (each a list of its cells' texts) state, when every
/// row below its headings is a counter: a name, then this week's figure and the year's, each
/// with its unit (`2881人次`), or the unit in a cell of its own before or after them. A
/// heading row has no figure; one naming the year's column first (`今年以来累计`, `本周`)
/// says the figures come in that order.
pub fn counters(rows: &[Vec<String>]) -> Option<String> {
    let first = rows.iter().position(|r| r.iter().any(|c| has_digit(c)))?;
    let (headings, body) = rows.split_at(first);
    let year_first = headings.iter().any(|row| {
        let week = row.iter().position(|c| c.contains("本周"));
        let year = row
            .iter()
            .position(|c| c.contains("累计") || c.contains("今年") || c.contains("年度"));
        matches!((year, week), (Some(y), Some(w)) if y < w)
    });
    let counters: Vec<(String, String, u64, u64)> = body
        .iter()
        .map(|row| {
            let (name, unit, a, b) = counter(row)?;
            let (week, year) = if year_first { (b, a) } else { (a, b) };
            Some((name, unit, week, year))
        })
        .collect::<Option<_>>()?;
    (!counters.is_empty()).then(|| {
        phrases::counters_sentence(
            counters
                .iter()
                .map(|(name, unit, w, y)| (name.as_str(), unit.as_str(), *w, *y)),
        )
    })
}

fn has_digit(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit())
}

/// One row: its name, unit and two figures, in the order the columns give them.
fn counter(row: &[String]) -> Option<(String, String, u64, u64)> {
    let cells: Vec<&str> = row
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    let (name, rest) = cells.split_first()?;
    if name.is_empty() || has_digit(name) || name.chars().count() > 20 {
        return None;
    }
    let (unit, a, b) = match rest {
        [a, b] => {
            let (a, unit) = figure(a)?;
            let (b, unit_b) = figure(b)?;
            (unit == unit_b && !unit.is_empty()).then_some((unit, a, b))?
        }
        [unit, a, b] | [a, b, unit] if !has_digit(unit) => {
            let ((a, ua), (b, ub)) = (figure(a)?, figure(b)?);
            (ua.is_empty() && ub.is_empty()).then_some((unit.to_string(), a, b))?
        }
        _ => return None,
    };
    Some((name.to_string(), unit, a, b))
}

/// `2881人次`, `2,881 人次`, `2881` → the figure and the unit after it (maybe empty).
fn figure(cell: &str) -> Option<(u64, String)> {
    let end = cell
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '，' || c == ' '))
        .unwrap_or(cell.len());
    let digits: String = cell[..end].chars().filter(char::is_ascii_digit).collect();
    let unit = cell[end..].trim();
    if digits.is_empty() || has_digit(unit) || unit.chars().count() > 4 {
        return None;
    }
    Some((digits.parse().ok()?, unit.to_owned()))
}

/// The cells of a line of a table laid out in columns: its pieces set apart by two spaces or
/// more, and figures with their units where the columns came closer (`1868 人次 52529 人次`,
/// as `pdftotext -layout` sets a row of large print).
pub fn cells(line: &str) -> Vec<&str> {
    line.split("  ")
        .flat_map(|piece| piece.split('\u{3000}'))
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .flat_map(figures_apart)
        .collect()
}

/// `1868 人次 52529 人次` → `1868 人次`, `52529 人次`, and with a name before them,
/// `咨询 1868 人次 52529 人次` → `咨询` and the two; any other piece as it is.
fn figures_apart(piece: &str) -> Vec<&str> {
    if let Some((name, rest)) = piece.split_once(' ')
        && !name.is_empty()
        && name.chars().all(char::is_alphabetic)
    {
        let figures = figures_only(rest);
        if figures.len() >= 2 {
            return [name].into_iter().chain(figures).collect();
        }
    }
    let figures = figures_only(piece);
    if figures.len() >= 2 {
        figures
    } else {
        vec![piece]
    }
}

/// A piece made only of figures and their units, a cell each; else empty.
fn figures_only(piece: &str) -> Vec<&str> {
    let figure = |t: &str| t.starts_with(|c: char| c.is_ascii_digit());
    let unit =
        |t: &str| !t.is_empty() && t.chars().count() <= 4 && t.chars().all(|c| c.is_alphabetic());
    // Where each figure begins, in a piece made only of figures and their units.
    let mut starts = Vec::new();
    let mut at = 0;
    let mut after_figure = false;
    for token in piece.split(' ') {
        if figure(token)
            && token
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .chars()
                .all(|c| c.is_alphabetic())
        {
            starts.push(at);
            after_figure = token.bytes().all(|b| b.is_ascii_digit());
        } else if !(after_figure && unit(token)) {
            return Vec::new();
        } else {
            after_figure = false;
        }
        at += token.len() + 1;
    }
    if starts.len() < 2 {
        return Vec::new();
    }
    let ends = starts.iter().skip(1).map(|s| s - 1).chain([piece.len()]);
    starts
        .iter()
        .zip(ends)
        .map(|(&s, e)| &piece[s..e])
        .collect()
}

/// A line of three columns or more: a row of a table, as `pdftotext -layout` prints one.
pub fn is_row(line: &str) -> bool {
    cells(line).len() >= 3
}

/// The counters' sentence a paragraph of table rows states, taking in the lines of the
/// table's head just before it, short and without figures: its caption
/// (`省本级综窗办件统计`), its heading row, and a heading cell's last characters wrapped to a
/// line of their own (`今年以来累` / `计`).
pub(super) fn table_of_counters<'a, 'b>(
    groups: Vec<Vec<&'b Line<'a>>>,
) -> (Vec<Vec<&'b Line<'a>>>, Vec<Option<String>>) {
    const HEAD_LINES: usize = 3;
    let head = |g: &Vec<&Line>| {
        let t: String = g[0].text.split_whitespace().collect();
        g.len() == 1
            && t.chars().count() <= 20
            && !t.chars().any(|c| c.is_ascii_digit())
            && heading_kind(&t).is_none()
            && !ends_sentence(&t)
    };
    let mut out: Vec<(Vec<&Line>, Option<String>)> = Vec::with_capacity(groups.len());
    for mut group in groups {
        let rows: Vec<Vec<String>> = group
            .iter()
            .map(|l| cells(l.text).into_iter().map(str::to_owned).collect())
            .collect();
        let sentence = group
            .iter()
            .all(|l| is_row(l.text))
            .then(|| counters(&rows))
            .flatten();
        if sentence.is_some() {
            // The head lines, if any, stand between the table and the heading above it: text
            // of the section before them is never taken in.
            let heads = out
                .iter()
                .rev()
                .take(HEAD_LINES)
                .take_while(|(g, sentence)| sentence.is_none() && head(g))
                .count();
            let under_heading = out
                .len()
                .checked_sub(heads + 1)
                .is_none_or(|i| heading_kind(out[i].0[0].text.trim()).is_some());
            if under_heading {
                for (before, _) in out.drain(out.len() - heads..).rev() {
                    group.splice(0..0, before);
                }
            }
        }
        out.push((group, sentence));
    }
    out.into_iter().unzip()
}

/// Figures with units and nothing a sentence has: the cells of a table that the text of a PDF
/// ran together (`咨询1757 人次受理457 件`).
pub fn run_together(t: &str) -> bool {
    let figures = t
        .split(|c: char| !c.is_ascii_digit())
        .filter(|d| !d.is_empty())
        .count();
    figures >= 2 && !t.contains(['，', '。', '；', '：', ',', ';'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    const SENTENCE: &str =
        "本周，共计咨询 2881 人次、受理 540 件；今年以来，累计咨询 59029 人次、受理 15288 件。";

    #[test]
    fn tables_of_counters_in_the_forms_they_are_typed() {
        let tables: [&[&[&str]]; 5] = [
            &[
                &["咨询", "2881人次", "59029人次"],
                &["受理", "540件", "15288件"],
            ],
            &[
                &["省本级综窗办件统计"],
                &["事项", "本周", "今年以来累计"],
                &["咨询", "2,881 人次", "59,029 人次"],
                &["受理", "540件", "15288件"],
            ],
            &[
                &["事项", "单位", "本周", "累计"],
                &["咨询", "人次", "2881", "59029"],
                &["受理", "件", "540", "15288"],
            ],
            &[
                &["事项", "今年以来累计", "本周"],
                &["咨询", "59029人次", "2881人次"],
                &["受理", "15288件", "540件"],
            ],
            &[
                &["咨询", "2881", "59029", "人次"],
                &["受理", "540", "15288", "件"],
            ],
        ];
        for table in tables {
            assert_eq!(
                counters(&rows(table)).as_deref(),
                Some(SENTENCE),
                "{table:?}"
            );
        }
    }

    #[test]
    fn other_tables_are_not_counters() {
        let tables: [&[&[&str]]; 5] = [
            &[&["事项", "本周", "累计"]],
            &[&["咨询", "2881人次", "59029件"]],
            &[
                &["咨询", "2881人次", "59029人次"],
                &["备注：数据来自一体化平台"],
            ],
            &[&["1", "水利厅", "王华"]],
            &[&["咨询", "2881人次"]],
        ];
        for table in tables {
            assert_eq!(counters(&rows(table)), None, "{table:?}");
        }
    }

    #[test]
    fn a_row_of_large_print_keeps_its_cells() {
        assert_eq!(
            cells("咨询      1868 人次 52529 人次"),
            ["咨询", "1868 人次", "52529 人次"]
        );
        assert_eq!(cells("受理  359件 13889件"), ["受理", "359件", "13889件"]);
        assert_eq!(
            cells("事项   本周   今年以来累计"),
            ["事项", "本周", "今年以来累计"]
        );
        assert_eq!(cells("共 50 个事项  办结"), ["共 50 个事项", "办结"]);
        assert_eq!(cells("2881 人次、受理"), ["2881 人次、受理"]);
        assert_eq!(
            cells("颁发 10191 件 110975 件"),
            ["颁发", "10191 件", "110975 件"]
        );
        assert_eq!(cells("本周 共计 2881 人次"), ["本周 共计 2881 人次"]);
    }

    fn texts(s: &str) -> Vec<String> {
        let (paras, _) = crate::import::source::paragraphs(s, false);
        paras.iter().map(|p| p.text()).collect()
    }

    /// A table laid out in columns reads as counters with its caption, its heading row and a
    /// heading cell wrapped to a line of its own; a short line of the section's text before it
    /// stays.
    #[test]
    fn a_table_in_columns_takes_in_its_head_under_a_heading_only() {
        let table = "省本级综窗办件统计\n事项    本周        今年以来累\n                计\n\
                     咨询    2750 人次   61779 人次\n受理    512 件   15800 件\n";
        let sentence =
            "本周，共计咨询 2750 人次、受理 512 件；今年以来，累计咨询 61779 人次、受理 15800 件。";
        let s = format!("一、综窗\n（一）办件\n{table}");
        assert_eq!(texts(&s), ["一、综窗", "（一）办件", sentence]);
        let s = format!("一、综窗\n（一）办件\n本周办件如下\n{table}");
        assert_eq!(texts(&s)[2], "本周办件如下省本级综窗办件统计");
    }

    #[test]
    fn table_cells_run_together_are_told_from_text() {
        assert!(run_together("咨询1757 人次受理457 件颁发9387 件"));
        assert!(!run_together("本周，咨询 1757 人次。"));
        assert!(!run_together("2023 年工作要点"));
    }
}
