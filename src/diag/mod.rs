//! Findings about an input file: what (a code and a message in two languages), where (a byte
//! span of the source), and how to fix it; and how they are printed.

pub mod allow;
pub mod codes;
pub mod emit;
pub mod lines;
pub mod sarif;
pub mod window;

use std::ops::Range;
use std::sync::Arc;

pub use codes::{Code, Severity};
pub use lines::Lines;

use crate::i18n::Msg;

/// One finding, located by a byte span of the source text it was found in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub message: Arc<Msg>,
    pub span: Range<usize>,
    pub help: Option<Arc<Msg>>,
}

impl Diagnostic {
    pub fn new(code: Code, span: Range<usize>, message: impl Into<Arc<Msg>>) -> Self {
        Diagnostic {
            code,
            message: message.into(),
            span,
            help: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<Arc<Msg>>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }
}
