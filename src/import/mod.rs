//! Past bulletins read back into issue files: Markdown and text as `weekly build` writes
//! them, text taken out of a PDF, and Word documents. The paragraphs are found (`source`,
//! `docx`), read as the sentences weekly builds (`sentences`; `frame` for the masthead and
//! the closing block, `read` for the rest) into an issue (`draft`), and written as an issue
//! file (`file`).

pub mod docx;
mod docx_body;
mod frame;
mod lists;
mod numbering;
mod pages;
pub mod read;
pub mod sentences;
pub mod source;
mod styles;
mod table;

use std::path::Path;

use crate::diag::{Code, Diagnostic};
use crate::formats::Choice;
use crate::i18n::Localized;
use crate::input::files::MAX_INPUT_BYTES;
use crate::model::Run;
use crate::msg;

pub use crate::issue_file::draft::Draft;
pub use source::Para;

crate::choices! {
    /// What a bulletin to import is.
    pub enum From {
        Markdown = "md", extensions ["md", "markdown"]: "Markdown as `weekly build` writes it",
        /// Plain text: as `weekly build` writes it, or taken out of a PDF.
        Text = "text", extensions ["txt", "text"]:
            "plain text: from `weekly build`, or taken out of a PDF (pdftotext)",
        Docx = "docx", extensions ["docx"]: "a Word document (.docx)",
    }
}

impl From {
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
    if let Some(d) = foreign(bytes) {
        return failed(String::new(), d);
    }
    let (text, paras, mut findings) = match from {
        From::Docx => match docx::paragraphs(bytes) {
            Ok(read) => {
                let (text, paras) = lines_of(read.paragraphs);
                let findings = read
                    .tables
                    .iter()
                    .map(|&at| cell_by_cell(&paras[at].span))
                    .collect();
                (text, paras, findings)
            }
            Err(e) => {
                let code = match e {
                    docx::DocxError::Ofd => Code::E032,
                    _ => Code::E031,
                };
                let mut d = Diagnostic::new(code, 0..0, e.message());
                if let Some(help) = e.help() {
                    d = d.with_help(help);
                }
                return failed(String::new(), d);
            }
        },
        From::Markdown | From::Text => {
            if bytes.len() as u64 > MAX_INPUT_BYTES {
                return failed(String::new(), crate::load::too_large(MAX_INPUT_BYTES));
            }
            let text = match crate::input::decode::utf8(bytes) {
                Ok(text) => text,
                Err((text, d)) => return failed(text.to_owned(), d),
            };
            // A form feed is where a PDF's page ends; any other control character is refused.
            let mut at = 0;
            for page in text.split('\u{c}') {
                if let Some((i, c)) = crate::input::decode::first_unprintable(page) {
                    return failed(
                        text.to_owned(),
                        crate::input::decode::control_character(at + i, c),
                    );
                }
                at += page.len() + 1;
            }
            let (paras, findings) = source::paragraphs(text, from == From::Markdown);
            (text.to_owned(), paras, findings)
        }
    };
    let draft = read::read(&paras, from != From::Text, &mut findings);
    findings.sort_by_key(|d| d.span.start);
    Imported {
        draft,
        text,
        findings,
    }
}

/// E032 for a PDF, a Word 97–2003 or WPS document (an OLE compound file) or a Word document
/// encrypted with a password (an OLE file holding the package), told by their bytes whatever
/// their name: what a clerk's archive holds besides .docx, and what import reads only once
/// converted. An OFD document, a zip, is told by its parts as a Word document is read.
fn foreign(bytes: &[u8]) -> Option<Diagnostic> {
    const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    // The name of the stream an encrypted Word document keeps its package in, as an OLE
    // directory writes it (UTF-16).
    let encrypted: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let holds = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    let (message, help) = if bytes.starts_with(b"%PDF-") {
        (
            msg!(
                "this is a PDF: `weekly import` reads the text taken out of a PDF, not the PDF itself",
                "这是 PDF 文件。`weekly import` 不能直接读取 PDF 文件，只能读取从 PDF 中提取出的文字"
            ),
            msg!(
                "take its text out with pdftotext (poppler-utils), `pdftotext FILE.pdf FILE.txt`, and import the .txt",
                "请先用 pdftotext（包含在 poppler-utils 软件包中）提取文字：`pdftotext 文件.pdf 文件.txt`，再导入得到的 .txt 文件"
            ),
        )
    } else if bytes.starts_with(OLE) && holds(&encrypted) {
        (
            msg!(
                "this Word document is encrypted with a password and cannot be read",
                "这个 Word 文档设置了打开密码（已加密），无法读取"
            ),
            msg!(
                "open it in Word or WPS with its password, remove the password, `Save As` .docx and import that copy",
                "请在 Word 或 WPS 中输入密码打开，取消文档加密后另存为 .docx，再导入"
            ),
        )
    } else if bytes.starts_with(OLE) {
        (
            msg!(
                "this is a Word 97–2003 (.doc) or WPS (.wps) document: `weekly import` reads Word documents saved as .docx",
                "这是 Word 97–2003（.doc）或 WPS（.wps）格式的文档，`weekly import` 只能读取 .docx 格式的 Word 文档"
            ),
            msg!(
                "open it in Word or WPS and `Save As` .docx, or convert a folder of .doc files at once with LibreOffice: `soffice --headless --convert-to docx *.doc`",
                "请用 Word 或 WPS 打开，“另存为” .docx 格式后再导入；也可用 LibreOffice 批量转换 .doc 文件：`soffice --headless --convert-to docx *.doc`"
            ),
        )
    } else {
        return None;
    };
    Some(Diagnostic::new(Code::E032, 0..0, message).with_help(help))
}

/// W020 at a table that is not one of counters: its cells are read one by one as paragraphs.
fn cell_by_cell(span: &std::ops::Range<usize>) -> Diagnostic {
    Diagnostic::new(
        Code::W020,
        span.start..span.start,
        msg!(
            "a table that is not one of counters (a name, this week's figure and the year's in each row): each cell is imported as a paragraph of its own",
            "这个表格不是办件统计表（每行依次为名称、本周数、今年以来累计数）：已将各单元格逐个作为文字段落导入"
        ),
    )
    .with_help(msg!(
        "rewrite its content in the issue file as the items or counters it states",
        "请在生成的周报文件中按表格内容改写为相应的条目或统计数据"
    ))
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
            gaps: Vec::new(),
        });
        text.push('\n');
    }
    (text, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What E032 says of `bytes`, in English, or `None` when they are left to be read.
    fn refused(bytes: &[u8]) -> Option<String> {
        foreign(bytes).map(|d| d.message.en.clone())
    }

    #[test]
    fn what_import_cannot_read_is_told_by_its_bytes() {
        const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
        let mut encrypted = OLE.to_vec();
        encrypted.extend(vec![0; 100]);
        encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        let cases: [(&[u8], Option<&str>); 5] = [
            (b"%PDF-1.7\n", Some("a PDF")),
            (OLE, Some("Word 97")),
            (&encrypted, Some("encrypted")),
            (b"PK\x03\x04word/document.xml", None),
            ("一、领导批示".as_bytes(), None),
        ];
        for (bytes, says) in cases {
            let got = refused(bytes);
            match says {
                Some(s) => assert!(got.as_deref().is_some_and(|g| g.contains(s)), "{got:?}"),
                None => assert_eq!(got, None),
            }
        }
        // An OFD document is a zip of its own parts: told as it is opened.
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file("OFD.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        let ofd = zip.finish().unwrap().into_inner();
        let d = &import(&ofd, From::Docx).findings[0];
        assert_eq!(d.code, Code::E032);
        assert!(d.message.en.contains("OFD"), "{:?}", d.message);
    }
}
