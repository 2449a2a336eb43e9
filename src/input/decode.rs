//! An issue file's bytes as text: UTF-8 without its byte-order mark and without control
//! characters; else a finding that names what the file is (UTF-16, GB18030, a Word document,
//! a PDF) or points at the first bad byte.

use crate::diag::{Code, Diagnostic};
use crate::msg;
use crate::text::quote::excerpt;

/// The file as UTF-8 text without its byte-order mark; otherwise the text that can be shown
/// and a finding that points at the first bad byte or character.
// A finding is large for a `Result`, but a file is decoded once: boxing buys nothing.
#[allow(clippy::result_large_err)]
pub fn decode(bytes: &[u8]) -> Result<&str, (&str, Diagnostic)> {
    let text = utf8(bytes)?;
    match first_unprintable(text) {
        Some((at, c)) => Err((text, control_character(at, c))),
        None => Ok(text),
    }
}

/// The file as UTF-8 text without its byte-order mark, control characters and all.
#[allow(clippy::result_large_err)]
pub fn utf8(bytes: &[u8]) -> Result<&str, (&str, Diagnostic)> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let d = Diagnostic::new(
            Code::E014,
            0..0,
            msg!(
                "the file is UTF-16 text, not UTF-8",
                "文件是 UTF-16 文本，不是 UTF-8"
            ),
        )
        .with_help(msg!(
            "save the file with the encoding UTF-8",
            "请以 UTF-8 编码保存文件"
        ));
        return Err(("", d));
    }
    if let Some(d) = not_text(bytes) {
        return Err(("", d));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.strip_prefix('\u{feff}').unwrap_or(text),
        Err(e) => {
            let at = e.valid_up_to();
            let prefix = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
            let d = match gb18030_line(bytes, at) {
                Some(line) => Diagnostic::new(
                    Code::E014,
                    at..at,
                    msg!(
                        "the file is not UTF-8 text: it was saved in GBK or GB18030 (Notepad's “ANSI”), in which this line reads `{line}`",
                        "文件不是 UTF-8 文本：它是以 GBK 或 GB18030 编码（记事本中的“ANSI”）保存的，按此编码这一行是“{line}”"
                    ),
                )
                .with_help(msg!(
                    "save it again as UTF-8: in Notepad, File → Save As, Encoding: UTF-8; in WPS, Save As, then UTF-8 under Encoding; or `iconv -f GB18030 -t UTF-8 FILE > NEW`",
                    "请重新以 UTF-8 编码保存：记事本中选“文件 → 另存为”，编码选 UTF-8；WPS 中选“另存为”，在编码中选 UTF-8；也可用 `iconv -f GB18030 -t UTF-8 原文件 > 新文件` 转换"
                )),
                None => Diagnostic::new(
                    Code::E014,
                    at..at,
                    msg!(
                        "the file is not UTF-8 text: byte 0x{:02X} cannot start a character here",
                        "文件不是 UTF-8 文本：字节 0x{:02X} 不能在此开始一个字符",
                        bytes[at]
                    ),
                )
                .with_help(msg!(
                    "save the file with the encoding UTF-8",
                    "请以 UTF-8 编码保存文件"
                )),
            };
            return Err((prefix, d));
        }
    };
    Ok(text)
}

/// E014 for a file that is a document of another kind, known by its first bytes: a bulletin
/// kept as Word or PDF is read back with `weekly import`, not checked or built.
fn not_text(bytes: &[u8]) -> Option<Diagnostic> {
    let (what, help) = if bytes.starts_with(b"PK\x03\x04") {
        (
            msg!(
                "the file is a Word document (or another zip archive), not an issue file",
                "文件是 Word 文档（或其他 zip 压缩文件），不是周报的 YAML 文件"
            ),
            msg!(
                "to read a bulletin back into an issue file: `weekly import FILE > ISSUE.yaml`",
                "如要把已印发的周报读回为 YAML 文件，请用 `weekly import 文件 > 新文件.yaml`"
            ),
        )
    } else if bytes.starts_with(b"%PDF-") {
        (
            msg!(
                "the file is a PDF, not an issue file",
                "文件是 PDF，不是周报的 YAML 文件"
            ),
            msg!(
                "to read a bulletin back into an issue file: `weekly import FILE > ISSUE.yaml` (docs/import.md)",
                "如要把已印发的周报读回为 YAML 文件，请用 `weekly import 文件 > 新文件.yaml`（见 docs/import.md）"
            ),
        )
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        (
            msg!(
                "the file is a Word 97–2003 document (.doc), not an issue file",
                "文件是 Word 97–2003 文档（.doc），不是周报的 YAML 文件"
            ),
            msg!(
                "save it as .docx (`soffice --headless --convert-to docx FILE`), then `weekly import` it",
                "请先另存为 .docx（或用 `soffice --headless --convert-to docx 文件` 转换），再用 `weekly import` 读回"
            ),
        )
    } else {
        return None;
    };
    Some(Diagnostic::new(Code::E014, 0..0, what).with_help(help))
}

/// The line around byte `at` read as GB18030, when the whole file reads as GB18030 and that
/// line holds Chinese: then the file is Chinese text in the national encoding, not damaged
/// UTF-8 or another binary file.
fn gb18030_line(bytes: &[u8], at: usize) -> Option<String> {
    let whole = encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes)?;
    if whole.contains('\0') {
        return None;
    }
    let start = bytes[..at]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |n| n + 1);
    let end = bytes[at..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |n| at + n);
    let (line, _) = encoding_rs::GB18030.decode_without_bom_handling(&bytes[start..end]);
    let line = line.trim_end_matches('\r');
    line.chars()
        .any(crate::text::is_han)
        .then(|| excerpt(line).into_owned())
}

/// E016 for the control character `c` at `at`.
pub fn control_character(at: usize, c: char) -> Diagnostic {
    Diagnostic::new(
        Code::E016,
        at..at + c.len_utf8(),
        msg!(
            "the file contains the control character U+{:04X}",
            "文件含有控制字符 U+{:04X}",
            c as u32
        ),
    )
    .with_help(msg!(
        "remove it; a bulletin is plain text",
        "请删去；周报是纯文本"
    ))
}

/// The first control or bidirectional-override character other than tab and line breaks.
/// A byte scan: in UTF-8 all of them start with a byte below 0x20, 0x7F, 0xC2 (U+0080–U+009F)
/// or 0xE2 (U+202A–U+202E, U+2066–U+2069), so other text is passed over quickly.
pub fn first_unprintable(text: &str) -> Option<(usize, char)> {
    const CANDIDATE: [bool; 256] = {
        let mut table = [false; 256];
        let mut b = 0;
        while b < 0x20 {
            table[b] = !matches!(b as u8, b'\t' | b'\n' | b'\r');
            b += 1;
        }
        table[0x7F] = true;
        table[0xC2] = true;
        table[0xE2] = true;
        table
    };
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(i) = bytes[from..].iter().position(|b| CANDIDATE[*b as usize]) {
        let at = from + i;
        let c = text[at..].chars().next()?;
        if crate::text::quote::is_unprintable(c) {
            return Some((at, c));
        }
        from = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_of_another_kind_is_named_by_its_first_bytes() {
        let said = |bytes: &[u8]| utf8(bytes).map(|_| ()).unwrap_err().1.message.en.clone();
        assert!(said(b"PK\x03\x04\x14\0").contains("Word document"));
        assert!(said(b"%PDF-1.7\n%\xE2\xE3").contains("a PDF"));
        assert!(said(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1]).contains("Word 97"));
        assert!(utf8(b"PK, a plain word").is_ok());
    }

    #[test]
    fn chinese_in_gb18030_is_said_to_be_so_and_other_bytes_are_not() {
        let (gbk, _, _) = encoding_rs::GB18030.encode("title: 窗口工作周报\n");
        let said = utf8(&gbk).map(|_| ()).unwrap_err().1.message.clone();
        assert!(said.en.contains("GB18030"), "{}", said.en);
        assert!(said.zh.contains("“title: 窗口工作周报”"), "{}", said.zh);
        for bytes in [&b"title: caf\xE9\n"[..], b"a: \xFF\xFE\x00\x81"] {
            let said = utf8(bytes).map(|_| ()).unwrap_err().1.message.en.clone();
            assert!(said.contains("cannot start a character"), "{said}");
        }
    }
}
