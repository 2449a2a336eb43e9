//! weekly: one YAML file in, a 窗口工作周报 bulletin out.
//!
//! Data flows one way: `load` reads an issue's bytes (`yaml::decode`, `yaml::parse`),
//! `validate` checks the file and types it, `series::follow` links it to the issue before;
//! `model::Bulletin::new` derives what is printed and `render::render` lays it out. Only
//! `cli` touches files, prints, or picks exit codes.
pub mod cli;
pub mod diag;
pub mod emit;
pub mod files;
pub mod folder;
pub mod format;
pub mod freeze;
pub mod import;
pub mod issue;
pub mod lint;
pub mod load;
pub mod model;
pub mod new;
pub mod render;
pub mod sarif;
pub mod series;
pub mod slip;
pub mod stats;
pub mod text;
pub mod validate;
pub mod window;
pub mod yaml;
