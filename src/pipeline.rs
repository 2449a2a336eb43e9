//! The whole path of one file's bytes, without I/O: decode → parse → validate → model →
//! render with both built-in templates. Fuzzing and the property tests drive it.

use crate::diag::Diagnostic;
use crate::model::Bulletin;
use crate::render::{self, Format};
use crate::validate::{self, Link};
use crate::yaml;

/// The rendered Markdown and text of a valid standalone issue, or the findings that stop it.
/// A `previous` link is not followed (there is no file system here).
pub fn run(bytes: &[u8]) -> Result<[String; 2], Vec<Diagnostic>> {
    let text = yaml::decode(bytes).map_err(|(_, d)| vec![d])?;
    let root = yaml::parse(text).map_err(|d| vec![d])?;
    let report = validate::validate(&root, text, Link::Skipped);
    let Some(issue) = report.issue else {
        return Err(report.diagnostics);
    };
    let bulletin = Bulletin::new(&issue);
    let render = |format: Format| {
        render::render(&bulletin, format.template_name(), format.builtin_template()).map_err(|e| {
            vec![Diagnostic::error(
                "E000",
                0..0,
                crate::msg!("{}", "{}", e.0),
            )]
        })
    };
    Ok([render(Format::Markdown)?, render(Format::Text)?])
}
