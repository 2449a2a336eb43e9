//! `weekly explain`: what a finding code means and how to fix it, or the list of codes.

use crate::cli::report::{Saying, Status};
use crate::cli::write;
use crate::diag::Code;
use crate::diag::codes::{explanation, listing};
use crate::i18n::Lang;

pub fn explain(code: Option<Code>, lang: Lang) -> anyhow::Result<Status> {
    let text = match code {
        Some(code) => explanation(code, lang),
        None => listing(lang),
    };
    write::stdout(text.as_bytes()).said(write::stdout_msg)?;
    Ok(Status::Success)
}
