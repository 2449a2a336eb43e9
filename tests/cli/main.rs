//! The integration tests but the fixture folders (tests/fixtures.rs), in one binary: each
//! module runs the real `weekly` binary or the library's entry point on one theme.

mod build;
mod docs;
mod docx;
mod fix;
mod fixture;
mod formats;
mod guard;
mod hostile;
mod import;
mod lang;
mod lsp;
mod new;
mod outputs;
mod pdf;
mod preview;
mod robustness;
mod schema;
mod stats;
mod util;
mod year;
