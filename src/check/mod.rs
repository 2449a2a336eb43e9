//! Checking an issue: its YAML tree typed and validated (`validate`), its Chinese text
//! linted (`lint`), linked to the issue before it (`series`, and `sections` for the sections
//! it keeps), and with the other issues of its folder (`folder`).

pub mod folder;
pub mod lint;
pub mod sections;
pub mod series;
pub mod validate;
