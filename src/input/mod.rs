//! An issue file's bytes before they are checked: where files come from and the size cap
//! (`files`), bytes to text (`decode`), text to a tree of YAML nodes (`yaml`), why a file does not parse (`slip`, and
//! the parser's own words in `yaml_message`), and
//! every mapping's keys and types (`schema`).

pub mod decode;
pub mod files;
pub mod schema;
pub mod slip;
pub mod yaml;
mod yaml_message;
