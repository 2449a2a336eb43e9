//! weekly: one YAML file in, a 窗口工作周报 bulletin out.
//!
//! Data flows one way: `yaml::parse` → `validate::validate` → `model::Bulletin::new` →
//! `render::render`. Only `cli` reads or writes files.
pub mod cli;
pub mod diag;
pub mod docx;
pub mod emit;
pub mod format;
pub mod issue;
pub mod lint;
pub mod model;
pub mod new;
pub mod pipeline;
pub mod render;
pub mod series;
pub mod text;
pub mod validate;
pub mod yaml;
