//! Findings about an input file: what (a code and a message in two languages), where (a byte
//! span of the source), and how to fix it; and how they are printed, one printer a message
//! format (`human`, `short`, `json`, `github`, `sarif`).

pub mod allow;
pub mod codes;
pub mod finding;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod lines;
pub mod sarif;
pub mod short;
mod subject;
pub mod window;

use std::ops::Range;
use std::sync::Arc;

pub use codes::{Code, Severity};
pub use lines::Lines;

use crate::i18n::Msg;

/// An edit that mends what a finding reports: the `span` of the source text replaced by
/// `with`. A safe one changes nothing but what the finding reports, and `weekly check --fix`
/// makes it; the others are offered in the editor (`weekly lsp`), for the clerk to choose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub span: Range<usize>,
    pub with: String,
    pub safe: bool,
}

impl Fix {
    pub fn safe(span: Range<usize>, with: impl Into<String>) -> Fix {
        Fix {
            span,
            with: with.into(),
            safe: true,
        }
    }

    pub fn offered(span: Range<usize>, with: impl Into<String>) -> Fix {
        Fix {
            span,
            with: with.into(),
            safe: false,
        }
    }
}

/// One finding, located by a byte span of the source text it was found in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub message: Arc<Msg>,
    pub span: Range<usize>,
    pub help: Option<Arc<Msg>>,
    /// The edit that mends it, where one is safe.
    pub fix: Option<Fix>,
}

impl Diagnostic {
    pub fn new(code: Code, span: Range<usize>, message: impl Into<Arc<Msg>>) -> Self {
        Diagnostic {
            code,
            message: message.into(),
            span,
            help: None,
            fix: None,
        }
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
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

#[cfg(test)]
mod tests {
    use super::finding::tests::finding;
    use super::*;

    #[test]
    fn control_characters_are_never_printed_raw() {
        let d = Diagnostic::new(
            Code::E016,
            0..1,
            crate::msg!("found `\u{1b}[31mred`", "发现 `\u{1b}[31mred`"),
        );
        assert_eq!(
            short::short(&finding(&d)),
            "issues/a,b.yaml:3:5: error[E016]: found `\\u{1b}[31mred`"
        );
        assert!(!github::github(&finding(&d)).contains('\u{1b}'));
        assert!(!json::json_line(&finding(&d)).contains('\u{1b}'));
    }
}
