//! The report as tables of text cells, every figure already written out: the terminal
//! table aligns them by display width, the HTML page lays the same cells out.

use serde::Serialize;

use crate::i18n::Lang;
use crate::text::display_width;

use super::figures::{Change, Report};
use super::words::{self, NONE};
use crate::i18n::Word;

/// One table: a caption, column headers, and rows of cells.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    pub caption: String,
    pub headers: Vec<String>,
    /// Which columns hold figures, aligned right.
    pub numeric: Vec<bool>,
    pub rows: Vec<Vec<String>>,
}

/// The tables and notes of one series.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    pub heading: String,
    pub tables: Vec<Table>,
    pub notes: Vec<String>,
}

/// `+140`, `-12`, `0`.
pub fn signed(n: i64) -> String {
    if n > 0 {
        format!("+{n}")
    } else {
        n.to_string()
    }
}

/// `1520`, `1520.5`: a figure that may have a decimal.
pub fn decimal(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

fn change(c: Option<Change>) -> [String; 2] {
    match c {
        None => [NONE.to_owned(), NONE.to_owned()],
        Some(c) => [
            signed(c.by),
            c.percent.map_or_else(
                || NONE.to_owned(),
                |p| {
                    let sign = if p > 0.0 { "+" } else { "" };
                    format!("{sign}{p:.1}%")
                },
            ),
        ],
    }
}

fn headers(words: &[Word], lang: Lang) -> Vec<String> {
    words.iter().map(|w| w.get(lang).to_owned()).collect()
}

/// The tables of every series, in the words of `lang`.
pub fn sections(report: &Report, lang: Lang) -> Vec<Section> {
    use words::*;
    report
        .series
        .iter()
        .map(|s| {
            let heading = match (s.issues.first(), s.issues.last()) {
                (Some(first), Some(last)) => {
                    words::heading(&s.name, first, last, s.issues.len(), lang)
                }
                _ => s.name.clone(),
            };
            let mut weeks = Table {
                caption: BY_WEEK.get(lang).to_owned(),
                headers: headers(
                    &[
                        NAME,
                        UNIT,
                        ISSUE,
                        PERIOD,
                        WEEK,
                        YEAR_TO_DATE,
                        ON_WEEK,
                        ON_WEEK_PERCENT,
                        ON_YEAR,
                        ON_YEAR_PERCENT,
                    ],
                    lang,
                ),
                numeric: vec![
                    false, false, false, false, true, true, true, true, true, true,
                ],
                rows: Vec::new(),
            };
            let mut years = Table {
                caption: BY_YEAR.get(lang).to_owned(),
                headers: headers(&YEAR_COLUMNS, lang),
                numeric: vec![
                    false, false, false, true, true, true, true, true, false, true, false, true,
                    false, false,
                ],
                rows: Vec::new(),
            };
            let mut notes = Vec::new();
            for c in &s.counters {
                for r in &c.weeks {
                    let [wk, wk_pct] = change(r.on_previous_week);
                    let [yr, yr_pct] = change(r.on_previous_year);
                    weeks.rows.push(vec![
                        c.name.clone(),
                        c.unit.clone(),
                        words::issue(&r.issue, lang),
                        words::period(&r.issue, lang),
                        r.week.to_string(),
                        r.year_to_date.to_string(),
                        wk,
                        wk_pct,
                        yr,
                        yr_pct,
                    ]);
                }
                for y in &c.years {
                    let basis = if y.checked_sum.is_some() {
                        SUMMED
                    } else {
                        LAST_FIGURE
                    };
                    years.rows.push(vec![
                        c.name.clone(),
                        c.unit.clone(),
                        y.year.to_string(),
                        y.weeks.to_string(),
                        y.sum.to_string(),
                        format!("{:.1}", y.mean),
                        decimal(y.median),
                        y.min.value.to_string(),
                        words::issue(&y.min.issue, lang),
                        y.max.value.to_string(),
                        words::issue(&y.max.issue, lang),
                        y.year_to_date.to_string(),
                        words::issue(&y.through, lang),
                        basis.get(lang).to_owned(),
                    ]);
                }
                if !c.missing.is_empty() {
                    let at = words::runs(&super::report::runs(&c.missing), lang);
                    notes.push(words::missing(&c.name, &at, lang));
                }
            }
            let mut progress = Table {
                caption: PROGRESS.get(lang).to_owned(),
                headers: headers(&[WORK, UNIT, ISSUE, WEEK, DONE, TOTAL, SHARE], lang),
                numeric: vec![false, false, false, true, true, true, true],
                rows: Vec::new(),
            };
            for p in &s.progress {
                for r in &p.weeks {
                    progress.rows.push(vec![
                        p.work.clone(),
                        p.unit.clone(),
                        words::issue(&r.issue, lang),
                        r.week.to_string(),
                        r.done.to_string(),
                        r.total.to_string(),
                        format!("{:.2}", r.share),
                    ]);
                }
                if !p.missing.is_empty() {
                    let at = words::runs(&super::report::runs(&p.missing), lang);
                    notes.push(words::missing(&p.work, &at, lang));
                }
            }
            notes.extend(words::rules(lang).map(str::to_owned));
            let tables = [weeks, years, progress]
                .into_iter()
                .filter(|t| !t.rows.is_empty())
                .collect();
            Section {
                heading,
                tables,
                notes,
            }
        })
        .collect()
}

/// The sections as text for a terminal: each column as wide as its widest cell in display
/// columns (a Chinese character takes two), figures aligned right, two spaces between.
pub fn text(sections: &[Section]) -> String {
    let mut out = String::new();
    for (i, section) in sections.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&section.heading);
        out.push('\n');
        for table in &section.tables {
            out.push('\n');
            out.push_str(&table.caption);
            out.push('\n');
            let widths: Vec<usize> = (0..table.headers.len())
                .map(|col| {
                    std::iter::once(&table.headers)
                        .chain(&table.rows)
                        .map(|row| display_width(&row[col]))
                        .max()
                        .unwrap_or(0)
                })
                .collect();
            for row in std::iter::once(&table.headers).chain(&table.rows) {
                let mut line = String::new();
                for (col, cell) in row.iter().enumerate() {
                    if col > 0 {
                        line.push_str("  ");
                    }
                    let pad = " ".repeat(widths[col] - display_width(cell));
                    if table.numeric[col] {
                        line.push_str(&pad);
                        line.push_str(cell);
                    } else {
                        line.push_str(cell);
                        line.push_str(&pad);
                    }
                }
                out.push_str(line.trim_end());
                out.push('\n');
            }
        }
        out.push('\n');
        for note in &section.notes {
            out.push_str(note);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::figures::tests::week;
    use crate::stats::{Selection, Series, report};

    #[test]
    fn figures_and_changes_are_written_out() {
        assert_eq!(signed(5), "+5");
        assert_eq!(signed(-5), "-5");
        assert_eq!(signed(0), "0");
        assert_eq!(decimal(2.0), "2");
        assert_eq!(decimal(2.5), "2.5");
        assert_eq!(change(None), ["—", "—"]);
        assert_eq!(change(Some(Change::between(10, 15))), ["+5", "+50.0%"]);
        assert_eq!(change(Some(Change::between(0, 15))), ["+15", "—"]);
        assert_eq!(change(Some(Change::between(20, 15))), ["-5", "-25.0%"]);
    }

    #[test]
    fn columns_line_up_by_display_width_under_chinese_headers() {
        let s = Series::new(
            "档案".into(),
            vec![
                week(2023, 1, &[("咨询", 10, 10), ("受理", 1, 1)]),
                week(2023, 2, &[("咨询", 1234, 1244)]),
            ],
        );
        let r = Report {
            series: vec![report(&s, &Selection::default())],
        };
        let text = text(&sections(&r, Lang::Zh));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "档案：2023 年第 1 期至 2023 年第 2 期，共 2 期");
        assert_eq!(lines[2], "统计项逐周数字");
        assert!(lines[3].starts_with("名称  单位  期号"), "{}", lines[3]);
        // The last column holds figures, aligned right: so every line of the table, header
        // and rows, is as wide as the others when the columns line up.
        let widths: Vec<usize> = lines[3..7].iter().map(|l| display_width(l)).collect();
        assert!(
            widths.windows(2).all(|p| p[0] == p[1]),
            "{widths:?}\n{text}"
        );
        assert!(
            lines[4].starts_with("咨询  件    2023 年第 1 期"),
            "{}",
            lines[4]
        );
        assert!(text.contains("“受理”不见于 2023 年第 2 期"), "{text}");
    }
}
