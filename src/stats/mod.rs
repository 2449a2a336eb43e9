//! Statistics over an archive of issues: each counter's and progress item's figures week by
//! week, compared with the week before and the same week a year before, and summed up by year
//! (`figures`, `report`, `totals`); and the outputs that lay them out.

pub mod chart;
pub mod error;
pub mod figures;
pub mod format;
pub mod page;
pub mod report;
pub mod sheet;
pub mod table;
pub mod totals;
pub mod words;

pub use figures::{
    Change, CounterFigure, CounterReport, CounterRow, Extreme, IssueRef, ProgressFigure,
    ProgressReport, ProgressRow, Report, Selection, Series, SeriesReport, Week, YearSummary,
};
pub use report::{report, runs};
pub use totals::{check_totals, sum_from_first};
