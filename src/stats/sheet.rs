//! The report for spreadsheets: CSV (one row per counter per week) and an Excel workbook
//! (the weeks, the years and the progress, a sheet each), headers in the user's language.

use rust_xlsxwriter::{ExcelDateTime, Format as Cell, Workbook, Worksheet, XlsxError};

use crate::i18n::Lang;

use super::error::StatsError;
use super::figures::{Change, IssueRef, Report};
use super::words;
use crate::i18n::Word;

/// The columns of a week's row, in CSV and in the workbook's first sheet.
pub const WEEK_COLUMNS: [Word; 15] = [
    words::SERIES,
    words::NAME,
    words::UNIT,
    words::YEAR,
    words::NUMBER,
    words::START,
    words::END,
    words::WEEK,
    words::YEAR_TO_DATE,
    words::PREVIOUS_WEEK,
    words::ON_WEEK,
    words::ON_WEEK_PERCENT,
    words::PREVIOUS_YEAR,
    words::ON_YEAR,
    words::ON_YEAR_PERCENT,
];

/// One field of a row: a figure, a date, or text.
#[derive(Debug, Clone, PartialEq)]
enum Field {
    Text(String),
    Int(i64),
    Real(f64),
    Date(chrono::NaiveDate),
    Empty,
}

fn compared(c: Option<Change>) -> [Field; 3] {
    match c {
        None => [Field::Empty, Field::Empty, Field::Empty],
        Some(c) => [
            Field::Int(c.from as i64),
            Field::Int(c.by),
            c.percent.map_or(Field::Empty, Field::Real),
        ],
    }
}

/// Every week's row of every counter, in the order of the columns above.
fn week_rows(report: &Report) -> Vec<Vec<Field>> {
    let mut rows = Vec::new();
    for s in &report.series {
        for c in &s.counters {
            for r in &c.weeks {
                let mut row = vec![
                    Field::Text(s.name.clone()),
                    Field::Text(c.name.clone()),
                    Field::Text(c.unit.clone()),
                    Field::Int(i64::from(r.issue.year)),
                    Field::Int(r.issue.number as i64),
                    Field::Date(r.issue.start),
                    Field::Date(r.issue.end),
                    Field::Int(r.week as i64),
                    Field::Int(r.year_to_date as i64),
                ];
                row.extend(compared(r.on_previous_week));
                row.extend(compared(r.on_previous_year));
                rows.push(row);
            }
        }
    }
    rows
}

/// CSV in UTF-8 with a byte-order mark, which Excel and WPS need to read it as UTF-8;
/// dates as YYYY-MM-DD, percentages as plain numbers, an empty field where there is nothing
/// to compare with.
pub fn csv(report: &Report, lang: Lang) -> Result<Vec<u8>, StatsError> {
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer("\u{feff}".as_bytes().to_vec());
    let fail = StatsError::Csv;
    out.write_record(WEEK_COLUMNS.iter().map(|w| w.get(lang)))
        .map_err(fail)?;
    for row in week_rows(report) {
        let fields = row.iter().map(|f| match f {
            Field::Text(s) => s.clone(),
            Field::Int(n) => n.to_string(),
            Field::Real(v) => format!("{v:.1}"),
            Field::Date(d) => d.to_string(),
            Field::Empty => String::new(),
        });
        out.write_record(fields).map_err(fail)?;
    }
    out.into_inner()
        .map_err(|e| StatsError::Csv(e.into_error().into()))
}

/// The workbook: the weeks as in CSV, the years, and the progress. Its creation date is the
/// end of the last week reported, so that one report gives the same bytes every time.
pub fn xlsx(report: &Report, lang: Lang) -> Result<Vec<u8>, StatsError> {
    workbook(report, lang).map_err(StatsError::Workbook)
}

fn date(d: chrono::NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike;
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

fn put(sheet: &mut Worksheet, row: u32, col: u16, field: &Field) -> Result<(), XlsxError> {
    let dates = Cell::new().set_num_format("yyyy-mm-dd");
    let tenths = Cell::new().set_num_format("0.0");
    match field {
        Field::Text(s) => sheet.write_string(row, col, s)?,
        Field::Int(n) => sheet.write_number(row, col, *n as f64)?,
        Field::Real(v) => sheet.write_number_with_format(row, col, *v, &tenths)?,
        Field::Date(d) => sheet.write_datetime_with_format(row, col, date(*d)?, &dates)?,
        Field::Empty => sheet,
    };
    Ok(())
}

fn sheet(
    book: &mut Workbook,
    name: Word,
    columns: &[Word],
    rows: &[Vec<Field>],
    lang: Lang,
) -> Result<(), XlsxError> {
    let sheet = book.add_worksheet().set_name(name.get(lang))?;
    let bold = Cell::new().set_bold();
    for (col, word) in columns.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, word.get(lang), &bold)?;
    }
    for (i, row) in rows.iter().enumerate() {
        for (col, field) in row.iter().enumerate() {
            put(sheet, i as u32 + 1, col as u16, field)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofit();
    Ok(())
}

fn issue_field(at: &IssueRef, lang: Lang) -> Field {
    Field::Text(words::issue(at, lang))
}

fn workbook(report: &Report, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    use words::*;
    let mut book = Workbook::new();
    let last = report
        .series
        .iter()
        .filter_map(|s| s.issues.last())
        .map(|at| at.end)
        .max();
    if let Some(end) = last {
        let created = date(end)?;
        book.set_properties(
            &rust_xlsxwriter::DocProperties::new()
                .set_title(TITLE.get(lang))
                .set_creation_datetime(&created),
        );
    }
    sheet(
        &mut book,
        SHEET_WEEKS,
        &WEEK_COLUMNS,
        &week_rows(report),
        lang,
    )?;
    let mut years = Vec::new();
    let mut progress = Vec::new();
    for s in &report.series {
        for c in &s.counters {
            for y in &c.years {
                let basis = if y.checked_sum.is_some() {
                    SUMMED
                } else {
                    LAST_FIGURE
                };
                years.push(vec![
                    Field::Text(s.name.clone()),
                    Field::Text(c.name.clone()),
                    Field::Text(c.unit.clone()),
                    Field::Int(i64::from(y.year)),
                    Field::Int(y.weeks as i64),
                    Field::Int(y.sum as i64),
                    Field::Real(y.mean),
                    Field::Real(y.median),
                    Field::Int(y.min.value as i64),
                    issue_field(&y.min.issue, lang),
                    Field::Int(y.max.value as i64),
                    issue_field(&y.max.issue, lang),
                    Field::Int(y.year_to_date as i64),
                    issue_field(&y.through, lang),
                    Field::Text(basis.get(lang).to_owned()),
                ]);
            }
        }
        for p in &s.progress {
            for r in &p.weeks {
                progress.push(vec![
                    Field::Text(s.name.clone()),
                    Field::Text(p.work.clone()),
                    Field::Text(p.unit.clone()),
                    Field::Int(i64::from(r.issue.year)),
                    Field::Int(r.issue.number as i64),
                    Field::Date(r.issue.end),
                    Field::Int(r.week as i64),
                    Field::Int(r.done as i64),
                    Field::Int(r.total as i64),
                    Field::Real(r.share),
                ]);
            }
        }
    }
    let year_columns = [&[SERIES][..], &YEAR_COLUMNS].concat();
    sheet(&mut book, SHEET_YEARS, &year_columns, &years, lang)?;
    let progress_columns = [
        SERIES, WORK, UNIT, YEAR, NUMBER, END, WEEK, DONE, TOTAL, SHARE,
    ];
    sheet(
        &mut book,
        SHEET_PROGRESS,
        &progress_columns,
        &progress,
        lang,
    )?;
    book.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::figures::tests::week;
    use crate::stats::{Selection, Series, report};

    fn sample() -> Report {
        let s = Series::new(
            "a,\"b\"".into(),
            vec![
                week(2022, 1, &[("咨询", 8, 8)]),
                week(2023, 1, &[("咨询", 10, 10)]),
                week(2023, 2, &[("咨询", 15, 25)]),
            ],
        );
        Report {
            series: vec![report(&s, &Selection::default())],
        }
    }

    #[test]
    fn csv_starts_with_a_byte_order_mark_and_quotes_what_needs_it() {
        let bytes = csv(&sample(), Lang::Zh).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "\u{feff}系列,名称,单位,年份,期,起始日期,截止日期,本周,累计,上周,环比,环比（%）,上年同期,同比,同比（%）"
        );
        assert_eq!(
            lines[2],
            "\"a,\"\"b\"\"\",咨询,件,2023,1,2023-01-01,2023-01-07,10,10,,,,8,2,25.0"
        );
        assert_eq!(
            lines[3],
            "\"a,\"\"b\"\"\",咨询,件,2023,2,2023-01-08,2023-01-14,15,25,10,5,50.0,,,"
        );
        assert_eq!(lines.len(), 4);
        let en = String::from_utf8(csv(&sample(), Lang::En).unwrap()).unwrap();
        assert!(en.starts_with("\u{feff}series,name,unit,year,number,start,end,this week,"));
    }

    #[test]
    fn a_workbook_is_a_zip_of_the_same_bytes_every_time() {
        let a = xlsx(&sample(), Lang::Zh).unwrap();
        assert!(a.starts_with(b"PK\x03\x04"));
        assert_eq!(a, xlsx(&sample(), Lang::Zh).unwrap());
    }
}
