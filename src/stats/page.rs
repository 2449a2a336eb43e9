//! The report as one self-contained HTML page through the template `templates/stats.html`:
//! the same tables as the terminal's, and each series' chart inline.

use serde::Serialize;
use tera::{Context, Tera};

use crate::i18n::Lang;

use super::error::StatsError;
use super::figures::Report;
use super::table::{self, Section};
use super::{chart, words};

/// The built-in template.
pub const TEMPLATE: (&str, &str) = ("stats.html", include_str!("../../templates/stats.html"));

#[derive(Serialize)]
struct Cell<'a> {
    text: &'a str,
    figure: bool,
}

#[derive(Serialize)]
struct TableOut<'a> {
    caption: &'a str,
    headers: &'a [String],
    rows: Vec<Vec<Cell<'a>>>,
}

#[derive(Serialize)]
struct SectionOut<'a> {
    heading: &'a str,
    chart: String,
    tables: Vec<TableOut<'a>>,
    notes: &'a [String],
}

#[derive(Serialize)]
struct PageOut<'a> {
    lang: &'static str,
    title: &'static str,
    sections: Vec<SectionOut<'a>>,
}

/// The page: everything in it computed and written out here, laid out by the template.
pub fn html(report: &Report, lang: Lang) -> Result<String, StatsError> {
    let sections: Vec<Section> = table::sections(report, lang);
    let mut out = Vec::new();
    for (s, section) in report.series.iter().zip(&sections) {
        let one = Report {
            series: vec![s.clone()],
        };
        let tables = section
            .tables
            .iter()
            .map(|t| TableOut {
                caption: &t.caption,
                headers: &t.headers,
                rows: t
                    .rows
                    .iter()
                    .map(|row| {
                        row.iter()
                            .zip(&t.numeric)
                            .map(|(text, &figure)| Cell { text, figure })
                            .collect()
                    })
                    .collect(),
            })
            .collect();
        out.push(SectionOut {
            heading: &section.heading,
            chart: chart::svg(&one, lang)?,
            tables,
            notes: &section.notes,
        });
    }
    let page = PageOut {
        lang: match lang {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        },
        title: words::TITLE.get(lang),
        sections: out,
    };
    let fail = StatsError::Page;
    let mut tera = Tera::new();
    tera.add_raw_template(TEMPLATE.0, TEMPLATE.1)
        .map_err(fail)?;
    let context = Context::from_serialize(&page).map_err(fail)?;
    tera.render(TEMPLATE.0, &context).map_err(fail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::figures::tests::week;
    use crate::stats::{Selection, Series, report};

    #[test]
    fn the_page_holds_the_chart_and_the_tables_and_escapes_names() {
        let s = Series::new(
            "<档案>".into(),
            vec![
                week(2023, 1, &[("咨询", 10, 10)]),
                week(2023, 2, &[("咨询&受理", 12, 12)]),
            ],
        );
        let r = Report {
            series: vec![report(&s, &Selection::default())],
        };
        let page = html(&r, Lang::Zh).unwrap();
        assert!(page.starts_with("<!DOCTYPE html>"), "{page}");
        assert!(page.contains("<html lang=\"zh-CN\">"));
        assert!(page.contains("<figure><svg"), "the chart is inline SVG");
        assert!(page.contains("<th>名称</th><th>单位</th>"));
        assert!(page.contains("<td class=\"n\">10</td>"));
        assert!(page.contains("&lt;档案&gt;"), "{page}");
        assert!(!page.contains("<档案>"));
        assert!(page.contains("咨询&amp;受理"));
    }
}
