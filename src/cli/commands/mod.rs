//! The commands: each reads what it needs through the library loader, reports findings, and
//! returns how it ended, or the error that stopped it for the caller to print. One file per
//! command.

mod build;
mod check;
mod explain;
mod fix;
mod generated;
mod import;
mod lsp;
mod new;
mod preview;
mod stats;
mod templates;

pub use build::{build, build_watching};
pub use check::check;
pub use explain::explain;
pub use generated::{completions, man, schema};
pub use import::import;
pub use lsp::lsp;
pub use new::begin_next;
pub use preview::preview;
pub use stats::stats;
pub use templates::export_templates;
