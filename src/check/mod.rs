//! Checking an issue: its YAML tree typed and validated (`validate`), its Chinese text
//! linted (`lint`), linked to what the issue before it passes on (`previous`): its running figures
//! (`series`), its numbers and week (`masthead`) and its sections (`sections`); and with the
//! other issues of its folder (`folder`).

pub mod folder;
pub mod history;
pub mod lint;
pub mod masthead;
pub mod previous;
pub mod sections;
pub mod series;
pub mod validate;
