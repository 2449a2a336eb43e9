//! One document the client has open, and where a finding stands in it.

use std::ops::Range;
use std::path::PathBuf;

use crate::diag::Diagnostic;
use crate::diag::lines::visible_span;
use crate::issue::Issue;

/// One document the client has open: its text as the editor holds it, and what checking it
/// found.
pub struct Doc {
    pub path: PathBuf,
    pub text: String,
    pub version: i32,
    pub found: Vec<Diagnostic>,
    /// The issue, when the text has no errors: what hovers on figures show.
    pub issue: Option<Issue>,
    /// Bytes at the start of `text` that the findings' spans do not count (a byte-order mark).
    pub skip: usize,
}

impl Doc {
    /// The span of `d` in the document's text, as the client sees it.
    pub fn span(&self, d: &Diagnostic) -> Range<usize> {
        let span = visible_span(&self.text[self.skip..], &d.span);
        span.start + self.skip..span.end + self.skip
    }
}
