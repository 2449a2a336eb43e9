//! Why a report of `weekly stats` could not be laid out, in both languages.

/// Why a report could not be laid out.
#[derive(Debug)]
pub enum StatsError {
    Chart(String),
    Page(String),
    Workbook(String),
    Csv(String),
    Json(String),
}

impl StatsError {
    /// The error in both languages; the cause stays as the library gives it.
    pub fn message(&self) -> crate::i18n::Msg {
        match self {
            StatsError::Chart(e) => crate::msg!("cannot draw the chart: {e}", "无法绘制图表：{e}"),
            StatsError::Page(e) => crate::msg!("cannot lay out the page: {e}", "无法生成网页：{e}"),
            StatsError::Workbook(e) => crate::msg!(
                "cannot write the workbook: {e}",
                "无法生成 Excel 工作簿：{e}"
            ),
            StatsError::Csv(e) => crate::msg!("cannot write the CSV: {e}", "无法生成 CSV：{e}"),
            StatsError::Json(e) => crate::msg!("cannot write the JSON: {e}", "无法生成 JSON：{e}"),
        }
    }
}

/// In English as [`StatsError::message`] reads; the command line picks the language.
impl std::fmt::Display for StatsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message().en)
    }
}

impl std::error::Error for StatsError {}
