//! The output formats of `weekly stats`, their names and extensions, and the bytes of a
//! report in each.

use crate::i18n::Lang;

use super::error::StatsError;
use super::figures::Report;
use super::{chart, page, sheet, table};

crate::choices! {
    /// Every output format of `weekly stats`.
    pub enum Format {
        Table = "table", extensions ["txt"]: "Tables for the terminal, aligned by display width",
        Csv = "csv", extensions ["csv"]:
            "CSV in UTF-8 with a byte-order mark (Excel, WPS), one row per counter per week",
        Json = "json", extensions ["json"]: "The whole report as one JSON document",
        Svg = "svg", extensions ["svg"]:
            "A line chart of each counter's weekly figures, a line per year",
        Html = "html", extensions ["html", "htm"]:
            "One self-contained page: the tables and the charts",
        Xlsx = "xlsx", extensions ["xlsx"]:
            "An Excel workbook (binary: give -o or redirect stdout)",
    }
}

impl Format {
    /// Whether the output is bytes that a terminal cannot show.
    pub fn is_binary(self) -> bool {
        self == Format::Xlsx
    }

    /// Whether the document itself carries the notes on missing figures; the others leave
    /// them to stderr.
    pub fn carries_notes(self) -> bool {
        matches!(
            self,
            Format::Table | Format::Json | Format::Html | Format::Xlsx
        )
    }
}

/// The report in `format`, as the bytes of the file.
pub fn render(report: &Report, format: Format, lang: Lang) -> Result<Vec<u8>, StatsError> {
    Ok(match format {
        Format::Table => table::text(&table::sections(report, lang)).into_bytes(),
        Format::Csv => sheet::csv(report, lang)?,
        Format::Json => {
            let mut json = serde_json::to_string_pretty(report).map_err(StatsError::Json)?;
            json.push('\n');
            json.into_bytes()
        }
        Format::Svg => chart::svg(report, lang)?.into_bytes(),
        Format::Html => page::html(report, lang)?.into_bytes(),
        Format::Xlsx => sheet::xlsx(report, lang)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::Choice;

    #[test]
    fn a_file_name_gives_its_format() {
        use std::path::Path;
        let of = |p: &str| Format::from_path(Path::new(p));
        assert_eq!(of("year.CSV"), Some(Format::Csv));
        assert_eq!(of("a.htm"), Some(Format::Html));
        assert_eq!(of("a.txt"), Some(Format::Table));
        assert_eq!(of("a.md"), None);
        for f in Format::ALL {
            assert_eq!(of(&format!("x.{}", f.extensions()[0])), Some(f));
        }
    }
}
