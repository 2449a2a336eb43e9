//! weekly: one YAML file in, a 窗口工作周报 bulletin out.
//!
//! Data flows one way: `load` reads an issue's bytes through `input` (decode, parse) and
//! `check` (validate, lint, link to the issue before) into an [`issue::Issue`];
//! `model::Bulletin::new` derives what is printed and `render::render` lays it out. Beside that
//! spine: `import` reads printed bulletins back, `issue_file` writes issue files, `stats`
//! reports on an archive. Only `cli` touches files, prints, or picks exit codes.
pub mod check;
pub mod cli;
pub mod diag;
pub mod formats;
pub mod i18n;
pub mod import;
pub mod input;
pub mod issue;
pub mod issue_file;
pub mod load;
pub mod lsp;
pub mod model;
pub mod render;
pub mod stats;
pub mod text;
