//! Past bulletins read back into issue files: Markdown and text as `weekly build` writes
//! them, text taken out of a PDF, and Word documents. The paragraphs are found (`source`,
//! `docx`), read as the sentences weekly builds (`sentences`, `read`) into an issue
//! (`draft`), and written as an issue file (`file`).

pub mod docx;
pub mod draft;
pub mod file;
pub mod read;
pub mod sentences;
pub mod source;

use std::path::Path;

use crate::diag::{Code, Diagnostic};
use crate::files::{ByExtension, MAX_INPUT_BYTES};
use crate::model::Run;
use crate::msg;

pub use draft::Draft;
pub use source::Para;

/// What a bulletin to import is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum From {
    Markdown,
    /// Plain text: as `weekly build` writes it, or taken out of a PDF.
    Text,
    Docx,
}

impl From {
    pub const ALL: [From; 3] = [From::Markdown, From::Text, From::Docx];

    pub fn name(self) -> &'static str {
        match self {
            From::Markdown => "md",
            From::Text => "text",
            From::Docx => "docx",
        }
    }

    /// The extensions that say what a file is.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            From::Markdown => &["md", "markdown"],
            From::Text => &["txt", "text"],
            From::Docx => &["docx"],
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            From::Markdown => "Markdown as `weekly build` writes it",
            From::Text => "plain text: from `weekly build`, or taken out of a PDF (pdftotext)",
            From::Docx => "a Word document (.docx)",
        }
    }

    /// A zip archive is a Word document; otherwise the extension says, and text with the
    /// bold of Markdown is Markdown.
    pub fn detect(path: &Path, bytes: &[u8]) -> From {
        if bytes.starts_with(b"PK\x03\x04") {
            return From::Docx;
        }
        match From::from_path(path) {
            Some(from) => from,
            None if bytes.windows(2).any(|w| w == b"**") => From::Markdown,
            None => From::Text,
        }
    }
}

impl ByExtension for From {
    fn all() -> &'static [From] {
        &From::ALL
    }

    fn name(self) -> &'static str {
        From::name(self)
    }

    fn extensions(self) -> &'static [&'static str] {
        From::extensions(self)
    }
}

/// What importing one file gave: the issue, unless an error stopped it, and the findings,
/// whose spans point into `text` (the file's text, or a Word document's paragraphs one a
/// line).
#[derive(Debug)]
pub struct Imported {
    pub draft: Option<Draft>,
    pub text: String,
    pub findings: Vec<Diagnostic>,
}

/// Reads one bulletin.
pub fn import(bytes: &[u8], from: From) -> Imported {
    let failed = |text: String, d: Diagnostic| Imported {
        draft: None,
        text,
        findings: vec![d],
    };
    let (text, paras, mut findings) = match from {
        From::Docx => match docx::paragraphs(bytes) {
            Ok(paras) => {
                let (text, paras) = lines_of(paras);
                (text, paras, Vec::new())
            }
            Err(e) => {
                return failed(
                    String::new(),
                    Diagnostic::new(Code::E031, 0..0, e.message()),
                );
            }
        },
        From::Markdown | From::Text => {
            if bytes.len() as u64 > MAX_INPUT_BYTES {
                return failed(String::new(), crate::load::too_large(MAX_INPUT_BYTES));
            }
            let text = match crate::yaml::utf8(bytes) {
                Ok(text) => text,
                Err((text, d)) => return failed(text.to_owned(), d),
            };
            // A form feed is where a PDF's page ends; any other control character is refused.
            let mut at = 0;
            for page in text.split('\u{c}') {
                if let Some((i, c)) = crate::yaml::first_unprintable(page) {
                    return failed(text.to_owned(), crate::yaml::control_character(at + i, c));
                }
                at += page.len() + 1;
            }
            let (paras, findings) = source::paragraphs(text, from == From::Markdown);
            (text.to_owned(), paras, findings)
        }
    };
    let draft = read::read(&paras, &mut findings);
    if from == From::Text
        && let Some(d) = &draft
        && has_items(d)
    {
        findings.push(Diagnostic::new(
            Code::W023,
            0..0,
            msg!(
                "plain text has no bold: an item that named departments in bold is imported as one text item",
                "纯文本不含粗体：原周报中用粗体标出部门名称的条目，都已整段作为文字条目导入"
            ),
        ).with_help(msg!(
            "import the Markdown or Word version to keep the departments, or split such items by hand",
            "如需按部门分列，请改为导入同一期的 Markdown 或 Word 版本，或在生成的周报文件中手工拆分这些条目"
        )));
    }
    findings.sort_by_key(|d| d.span.start);
    Imported {
        draft,
        text,
        findings,
    }
}

fn has_items(d: &Draft) -> bool {
    use draft::{Body, Content};
    d.sections.iter().any(|s| match &s.body {
        Body::Content(c) => matches!(c, Content::Items(_)),
        Body::Subsections(subs) => subs.iter().any(|(_, c)| matches!(c, Content::Items(_))),
    })
}

/// A Word document's paragraphs one a line, as the text findings point into.
fn lines_of(paras: Vec<Vec<Run>>) -> (String, Vec<Para>) {
    let mut text = String::new();
    let mut out = Vec::with_capacity(paras.len());
    for runs in paras {
        let start = text.len();
        for r in &runs {
            // A line break inside a paragraph would make the lines of the findings wrong.
            text.push_str(&r.text.replace(['\n', '\r'], " "));
        }
        out.push(Para {
            runs,
            span: start..text.len(),
        });
        text.push('\n');
    }
    (text, out)
}
