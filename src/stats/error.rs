//! Why a report of `weekly stats` could not be laid out, in both languages, the library's
//! error kept as the cause.

use crate::i18n::{Localized, Msg};
use crate::msg;

/// Why a report could not be laid out.
#[derive(Debug)]
pub enum StatsError {
    /// plotters' errors borrow from the drawing, so only their words are kept.
    Chart(String),
    Page(tera::Error),
    Workbook(rust_xlsxwriter::XlsxError),
    Csv(csv::Error),
    Json(serde_json::Error),
}

impl std::error::Error for StatsError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StatsError::Chart(_) => None,
            StatsError::Page(e) => Some(e),
            StatsError::Workbook(e) => Some(e),
            StatsError::Csv(e) => Some(e),
            StatsError::Json(e) => Some(e),
        }
    }
}

crate::in_english!(StatsError);

/// What could not be made; the cause, as the library gives it, is the source.
impl Localized for StatsError {
    fn message(&self) -> Msg {
        match self {
            StatsError::Chart(e) => msg!("cannot draw the chart: {e}", "无法绘制图表：{e}"),
            StatsError::Page(_) => msg!("cannot lay out the page", "无法生成网页"),
            StatsError::Workbook(_) => {
                msg!("cannot write the workbook", "无法生成 Excel 工作簿")
            }
            StatsError::Csv(_) => msg!("cannot write the CSV", "无法生成 CSV"),
            StatsError::Json(_) => msg!("cannot write the JSON", "无法生成 JSON"),
        }
    }
}
