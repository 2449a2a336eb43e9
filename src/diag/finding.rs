//! One finding as the printers see it: where it is, as editors count, in which file, in which
//! language.

use super::{Diagnostic, Lines};
use crate::i18n::Lang;

/// Where a finding is, as editors count: 1-based lines and character columns; the end is
/// the position just after the span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl Location {
    pub fn of(d: &Diagnostic, lines: &Lines) -> Location {
        let span = super::lines::visible_span(lines.text, &d.span);
        let (line, column) = lines.line_col(span.start);
        let (end_line, end_column) = lines.line_col(span.end);
        Location {
            line,
            column,
            end_line,
            end_column,
        }
    }
}

/// One finding with the file it is in.
pub struct Finding<'a> {
    pub path: &'a str,
    pub at: Location,
    pub d: &'a Diagnostic,
    pub lang: Lang,
}

impl Finding<'_> {
    pub(crate) fn message(&self) -> &str {
        self.d.message.get(self.lang)
    }

    pub(crate) fn help(&self) -> Option<&str> {
        self.d.help.as_ref().map(|h| h.get(self.lang))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn finding(d: &Diagnostic) -> Finding<'_> {
        Finding {
            path: "issues/a,b.yaml",
            at: Location {
                line: 3,
                column: 5,
                end_line: 3,
                end_column: 9,
            },
            d,
            lang: Lang::En,
        }
    }
}
