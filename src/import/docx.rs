//! A Word document (.docx) read back as paragraphs of runs, bold runs marked strong.

use std::io::{self, Cursor, Read};

use docx_rs::{Document, EventReader, FromXML, Rels, XmlEvent};

use super::docx_body;
pub use super::docx_body::Paragraphs;
use super::lists::Lists;
use super::styles::Styles;
use crate::i18n::Msg;

/// Bytes a document may hold, packed or unpacked, all its parts together: a bulletin is some
/// 50 KB, and docx-rs holds what it reads in memory several times over.
pub const MAX_UNPACKED: u64 = 64 * 1024 * 1024;

/// Bytes of one XML part read (the document, its lists, its styles): the cap on any input,
/// some 40 times a bulletin's `document.xml`, and what the reader gets through in well under
/// a second.
pub const MAX_PART: u64 = crate::input::files::MAX_INPUT_BYTES;

/// Parts (zip entries) a document may have; Word writes a dozen or two.
pub const MAX_PARTS: usize = 10_000;

/// Elements nested in one another in the document: a text box in a table in a table is some 25
/// deep.
pub const MAX_DEPTH: usize = 100;

/// Elements and paragraphs of a document part: docx-rs builds each into a structure of its own,
/// some 2.5 KB a paragraph, so a 4 MiB part of a million empty `<w:p/>` took 2.5 GB. A
/// bulletin has a few hundred paragraphs; a document at these bounds reads in under a second
/// and 300 MB.
pub const MAX_ELEMENTS: usize = 200_000;
pub const MAX_PARAGRAPHS: usize = 60_000;

/// The stack docx-rs reads on: it recurses into each nested table, content control or text box,
/// and unoptimized overflows 2 MB at 35 nested tables; [`MAX_DEPTH`] levels took under 2 MB.
const STACK: usize = 32 * 1024 * 1024;

/// Why a document could not be read.
#[derive(Debug)]
pub enum DocxError {
    /// More than [`MAX_UNPACKED`] bytes, packed or once unpacked, or [`MAX_PARTS`] parts.
    TooLarge,
    /// A part to read over [`MAX_PART`] bytes unpacked.
    PartTooLarge { part: String },
    /// A part of more than [`MAX_ELEMENTS`] elements or [`MAX_PARAGRAPHS`] paragraphs.
    TooManyElements { part: String },
    /// A zip archive with no document in it.
    NotWord,
    /// An OFD document (版式文件): a zip of its own parts, `OFD.xml` at its root.
    Ofd,
    /// Not a zip archive, as every .docx is.
    NotZip,
    /// A damaged zip archive, or XML that is broken, nested too deep or that docx-rs fails
    /// on; `reason` in the words of the zip library or docx-rs.
    Unreadable { reason: String },
}

impl std::error::Error for DocxError {}

crate::in_english!(DocxError);

impl crate::i18n::Localized for DocxError {
    fn message(&self) -> Msg {
        let mb = MAX_UNPACKED / (1024 * 1024);
        match self {
            DocxError::TooLarge => crate::msg!(
                "the Word document unpacks to more than {mb} MB or {MAX_PARTS} files, which may be a zip bomb; it was not read",
                "Word 文档解压后超过 {mb} MB 或 {MAX_PARTS} 个文件，可能是压缩炸弹，未读取"
            ),
            DocxError::PartTooLarge { part } => {
                let mb = MAX_PART / (1024 * 1024);
                crate::msg!(
                    "the Word document's part {part} unpacks to more than {mb} MB, far more than any bulletin's; it was not read",
                    "Word 文档中的 {part} 解压后超过 {mb} MB，远大于任何一期周报，未读取"
                )
            }
            DocxError::TooManyElements { part } => crate::msg!(
                "the Word document's part {part} holds more than {MAX_ELEMENTS} elements or {MAX_PARAGRAPHS} paragraphs, far more than any bulletin's; it was not read",
                "Word 文档中的 {part} 含有超过 {MAX_ELEMENTS} 个元素或 {MAX_PARAGRAPHS} 个段落，远多于任何一期周报，未读取"
            ),
            DocxError::Ofd => crate::msg!(
                "this is an OFD document (版式文件), which `weekly import` cannot read",
                "这是 OFD 版式文件，`weekly import` 无法读取"
            ),
            DocxError::NotWord => crate::msg!(
                "not a Word document (.docx): a zip archive with no document part (word/document.xml)",
                "不是 Word 文档（.docx）：这是一个压缩包，但其中没有正文部件（word/document.xml）"
            ),
            DocxError::NotZip => crate::msg!(
                "not a Word document (.docx): a .docx file is a zip package, and this file is not one",
                "这个文件不是 Word 文档（.docx）格式：.docx 文件实质上是一种压缩包，而这个文件不是压缩包"
            ),
            DocxError::Unreadable { reason } => crate::msg!(
                "the Word document is damaged or cut short, and cannot be read (details: {reason})",
                "这个 Word 文档已损坏或不完整，无法读取。（技术信息：{reason}）"
            ),
        }
    }
}

impl DocxError {
    /// What the clerk can do about it.
    pub fn help(&self) -> Option<Msg> {
        match self {
            DocxError::TooLarge
            | DocxError::PartTooLarge { .. }
            | DocxError::TooManyElements { .. } => None,
            DocxError::Ofd => Some(crate::msg!(
                "open it in an OFD reader and export or print it to PDF, take the text out with pdftotext and import that; or import the Word version of the issue, if kept",
                "请用 OFD 阅读器打开，导出或打印为 PDF 后，用 pdftotext 提取文字再导入；如存有同一期的 Word 版本，也可直接导入 Word 版本"
            )),
            DocxError::NotWord | DocxError::NotZip => Some(crate::msg!(
                "check that this is the bulletin's Word file; if it is, open it in Word or WPS and `Save As` .docx to get a file `weekly` reads",
                "请确认选对了文件（应为周报的 Word 文件）；如确认无误，请用 Word 或 WPS 打开后“另存为” .docx 格式，即可得到 `weekly` 能读取的文件"
            )),
            DocxError::Unreadable { .. } => Some(crate::msg!(
                "try opening it in Word or WPS; if it opens, `Save As` .docx and import that copy",
                "请先尝试用 Word 或 WPS 打开；如能正常打开，请另存为 .docx 后再导入"
            )),
        }
    }
}

/// The document's paragraphs in reading order, each as runs; `strong` runs are bold.
///
/// Only the main document part is read, by docx-rs's reader of it: `read_docx` also reads
/// headers, footers and images, unwraps on a part that does not unpack, and loops forever on a
/// relationships part cut short.
pub fn paragraphs(bytes: &[u8]) -> Result<Paragraphs, DocxError> {
    let mut zip = open(bytes)?;
    let main = part(&mut zip, "_rels/.rels")?
        .and_then(|rels| main_part(&rels))
        .unwrap_or_else(|| "word/document.xml".to_owned());
    let Some(xml) = part(&mut zip, &main)? else {
        let ofd = zip.by_name("OFD.xml").is_ok();
        return Err(if ofd {
            DocxError::Ofd
        } else {
            DocxError::NotWord
        });
    };
    check_xml(&main, &xml)?;
    // The list definitions and the styles are found by name beside the main part, where
    // Word and LibreOffice write them, not through the relationships that name them.
    let folder = main.rsplit_once('/').map_or("", |(f, _)| f);
    let beside = |zip: &mut Zip, name: &str| match folder {
        "" => part(zip, name),
        _ => part(zip, &format!("{folder}/{name}")),
    };
    let numbering = beside(&mut zip, "numbering.xml")?;
    let styles = beside(&mut zip, "styles.xml")?;
    let styles = Styles::read(styles.as_deref());
    let lists = Lists::read(numbering.as_deref(), &styles);
    Ok(docx_body::paragraphs(&read(xml)?, lists, &styles))
}

type Zip<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// The archive, once every part has unpacked within the limits: the bytes that come out are
/// counted, not the sizes declared, which a zip bomb understates; each CRC is checked too.
fn open(bytes: &[u8]) -> Result<Zip<'_>, DocxError> {
    if bytes.len() as u64 > MAX_UNPACKED {
        return Err(DocxError::TooLarge);
    }
    if !bytes.starts_with(b"PK") {
        return Err(DocxError::NotZip);
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(unreadable)?;
    if zip.len() > MAX_PARTS {
        return Err(DocxError::TooLarge);
    }
    let mut left = MAX_UNPACKED;
    for i in 0..zip.len() {
        let part = zip.by_index(i).map_err(unreadable)?;
        let n = io::copy(&mut part.take(left + 1), &mut io::sink()).map_err(unreadable)?;
        left = left.checked_sub(n).ok_or(DocxError::TooLarge)?;
    }
    Ok(zip)
}

fn unreadable(e: impl std::fmt::Display) -> DocxError {
    DocxError::Unreadable {
        reason: e.to_string(),
    }
}

/// A part's bytes, from an archive [`open`] has unpacked whole once already; `None` when
/// there is no such part.
fn part(zip: &mut Zip, name: &str) -> Result<Option<Vec<u8>>, DocxError> {
    let Ok(entry) = zip.by_name(name) else {
        return Ok(None);
    };
    let mut bytes = Vec::new();
    entry
        .take(MAX_PART + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_PART {
        return Err(DocxError::PartTooLarge {
            part: name.to_owned(),
        });
    }
    Ok(Some(bytes))
}

/// The main document's part, as the package's relationships name it: Word Online writes
/// `word/document2.xml`.
fn main_part(rels: &[u8]) -> Option<String> {
    let rels = Rels::from_xml(rels).ok()?.rels;
    let main = rels.iter().find(|(t, ..)| t.ends_with("/officeDocument"))?;
    Some(main.2.trim_start_matches('/').to_owned())
}

/// docx-rs's readers loop forever on XML cut short (a `w:p` still open at its end) and recurse
/// once a level: the tokenizer they read with must find no error, every element closed and
/// nothing deeper than [`MAX_DEPTH`]; and they take memory by the element, so the part `name`
/// holds at most [`MAX_ELEMENTS`] elements and [`MAX_PARAGRAPHS`] paragraphs.
fn check_xml(name: &str, xml: &[u8]) -> Result<(), DocxError> {
    let mut events = EventReader::new(xml);
    let (mut depth, mut elements, mut paragraphs) = (0usize, 0usize, 0usize);
    let too_many = || DocxError::TooManyElements {
        part: name.to_owned(),
    };
    loop {
        match events.next_event() {
            Ok(XmlEvent::StartElement { .. }) if depth == MAX_DEPTH => {
                return Err(unreadable(format!("elements nested over {MAX_DEPTH} deep")));
            }
            Ok(XmlEvent::StartElement { name, .. }) => {
                depth += 1;
                elements += 1;
                paragraphs += usize::from(name.local_name == "p");
                if elements > MAX_ELEMENTS || paragraphs > MAX_PARAGRAPHS {
                    return Err(too_many());
                }
            }
            Ok(XmlEvent::EndElement { .. }) => depth = depth.saturating_sub(1),
            Ok(XmlEvent::EndDocument) if depth == 0 => return Ok(()),
            Ok(XmlEvent::EndDocument) => return Err(unreadable("it ends inside an element")),
            Ok(_) => {}
            Err(e) => return Err(unreadable(e)),
        }
    }
}

/// The document read on a thread of its own, with a stack for [`MAX_DEPTH`] levels many times
/// over. docx-rs panics on some odd XML (it indexes attributes an element may leave out, as in
/// `<w:sz/>`); the panic ends that thread and comes back as an error.
fn read(xml: Vec<u8>) -> Result<Document, DocxError> {
    let builder = std::thread::Builder::new().stack_size(STACK);
    let read = move || Document::from_xml(&xml[..]);
    match builder.spawn(read).map_err(unreadable)?.join() {
        Ok(read) => read.map_err(unreadable),
        Err(_) => Err(unreadable("docx-rs panicked on it")),
    }
}

#[cfg(test)]
mod tests {
    use super::DocxError::{NotWord, NotZip, PartTooLarge, TooLarge, Unreadable};
    use super::*;
    use crate::model::{Bulletin, Run};
    use std::io::Write;
    use zip::{CompressionMethod, write::SimpleFileOptions};

    /// A zip archive of `parts`, stored as they are.
    fn package(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
        for (name, bytes) in parts {
            zip.start_file(*name, stored).unwrap();
            zip.write_all(bytes).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    /// A document of just its main part, around `body`.
    /// A table of counters reads as their sentence; a table of other data is read cell by
    /// cell and told of; a table laying out one block is read as its paragraphs. Indents
    /// typed at either end of a paragraph go.
    #[test]
    fn tables_and_typed_indents() {
        let row = |cells: &[&str]| {
            let cells: String = cells
                .iter()
                .map(|c| format!("<w:tc><w:p><w:r><w:t>{c}</w:t></w:r></w:p></w:tc>"))
                .collect();
            format!("<w:tr>{cells}</w:tr>")
        };
        let counters = format!(
            "<w:tbl>{}{}{}</w:tbl>",
            row(&["事项", "本周", "今年以来累计"]),
            row(&["咨询", "2881人次", "59029人次"]),
            row(&["受理", "540件", "15288件"])
        );
        let other = format!(
            "<w:tbl>{}{}</w:tbl>",
            row(&["水利厅", "王华"]),
            row(&["省药监局", "陈永红"])
        );
        let block = format!("<w:tbl>{}</w:tbl>", row(&["送：省中心领导。"]));
        let indented =
            r#"<w:p><w:r><w:t xml:space="preserve">　　1、本周，甲。  </w:t></w:r></w:p>"#;
        let read = paragraphs(&docx(&format!("{counters}{other}{block}{indented}"))).unwrap();
        let texts: Vec<String> = read
            .paragraphs
            .iter()
            .map(|p| p.iter().map(|r| r.text.as_str()).collect())
            .collect();
        assert_eq!(
            texts,
            [
                "本周，共计咨询 2881 人次、受理 540 件；今年以来，累计咨询 59029 人次、受理 15288 件。",
                "水利厅",
                "王华",
                "省药监局",
                "陈永红",
                "送：省中心领导。",
                "1、本周，甲。"
            ]
        );
        assert_eq!(read.tables, [1]);
    }

    fn docx(body: &str) -> Vec<u8> {
        let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        let xml = format!(r#"<w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>"#);
        package(&[("word/document.xml", xml.as_bytes())])
    }

    /// A part of many small elements is refused before docx-rs builds it: a million empty
    /// paragraphs (4 MiB, 12 KB packed) took 2.5 GB.
    #[test]
    fn a_part_of_too_many_elements_or_paragraphs_is_refused() {
        let refused = |body: &str| {
            matches!(
                paragraphs(&docx(body)),
                Err(DocxError::TooManyElements { part }) if part == "word/document.xml"
            )
        };
        assert!(refused(&"<w:p/>".repeat(MAX_PARAGRAPHS + 1)));
        assert!(refused(
            &"<w:p><w:r><w:t>a</w:t></w:r></w:p>".repeat(MAX_ELEMENTS / 3 + 1)
        ));
        assert!(!refused(&"<w:p/>".repeat(MAX_PARAGRAPHS - 10)));
        let ok = paragraphs(&docx(&"<w:p><w:r><w:t>甲</w:t></w:r></w:p>".repeat(1000))).unwrap();
        assert_eq!(ok.paragraphs.len(), 1000);
    }

    fn runs<'a>(pieces: impl IntoIterator<Item = (&'a str, bool)>) -> Vec<Run> {
        let mut runs = Vec::new();
        pieces
            .into_iter()
            .for_each(|(t, b)| crate::import::source::push(&mut runs, t, b));
        runs
    }

    fn plain(text: &str) -> Vec<Run> {
        runs([(text, false)])
    }

    #[test]
    fn the_example_reads_back_as_its_bulletin_says() {
        let src = include_str!("../../examples/2023-39.yaml");
        let root = crate::input::yaml::parse(src).unwrap();
        let checked =
            crate::check::validate::validate(&root, src, crate::check::validate::Lints::On);
        let b = Bulletin::new(&checked.issue.expect("the example is valid"));
        let format = crate::render::Format::Docx;
        let bytes = crate::render::render(&b, format, &Default::default()).unwrap();

        // The tab between the publisher and the date parts them.
        let issue = format!("{} 年第 {} 期（总第 {} 期）", b.year, b.number, b.total);
        let period = format!("（{}）", b.period);
        let masthead = [&b.title, &issue, &period, &b.publisher, &b.date];
        let mut expected = Vec::from(masthead.map(|s| plain(s)));
        let body = |p: &crate::model::Paragraph| {
            let number = p.number.map(|n| format!("{n}.")).unwrap_or_default();
            let text = p.runs.iter().map(|r| (r.text.as_str(), r.strong));
            runs([(number.as_str(), false)].into_iter().chain(text))
        };
        for s in &b.sections {
            expected.push(plain(&format!("{}、{}", s.number, s.title)));
            expected.extend(s.paragraphs.iter().map(body));
            for sub in &s.subsections {
                expected.push(plain(&format!("（{}）{}", sub.number, sub.title)));
                expected.extend(sub.paragraphs.iter().map(body));
            }
        }
        expected.push(plain(&format!("送：{}", b.footer.send)));
        expected.push(plain(&format!("发：{}", b.footer.distribute)));
        expected.push(plain(&format!("（共印{}份）", b.footer.copies)));

        let read = paragraphs(&bytes).unwrap().paragraphs;
        assert_eq!(read, expected);
        assert_eq!(read[5], plain("一、领导批示"));
        assert_eq!(read.last(), Some(&plain("（共印91份）")));
        assert!(read.iter().flatten().any(|r| r.strong), "department names");
        assert!(read.iter().flatten().all(|r| !r.text.contains("— 1 —")));
    }

    /// 1 + 258 × `copies` zeros deflated in one block of fixed codes (header 011): a zero (code
    /// 0x30, bits reversed), then copies of the 258 bytes before (length 285, distance 0).
    fn zeros(copies: usize) -> Vec<u8> {
        let mut bits = Vec::new();
        let mut put = |code: u32, n: u32| bits.extend((0..n).map(|i| code >> i & 1 == 1));
        put(0x0C << 3 | 0b011, 11);
        (0..copies).for_each(|_| put(0xA3, 13));
        put(0, 7);
        let byte = |c: &[bool]| c.iter().rev().fold(0, |b, &bit| b << 1 | u8::from(bit));
        bits.chunks(8).map(byte).collect()
    }

    #[test]
    fn a_zip_bomb_is_refused_before_it_is_read() {
        // 200 MB of zeros in 1.3 MB, stored and then marked deflated, as a bomb is: the sizes
        // it declares are those of the packed bytes.
        let mut bomb = package(&[("word/document.xml", &zeros(200 << 20 >> 8))]);
        for (signature, at) in [(b"PK\x03\x04", 8), (b"PK\x01\x02", 10)] {
            let header = bomb.windows(4).position(|w| w == signature).unwrap();
            bomb[header + at] = 8;
        }
        assert!(matches!(paragraphs(&bomb), Err(TooLarge)));

        let names: Vec<String> = (0..=MAX_PARTS).map(|i| format!("{i}.xml")).collect();
        let many: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
        assert!(matches!(paragraphs(&package(&many)), Err(TooLarge)));
    }

    #[test]
    fn a_part_larger_than_any_bulletin_is_refused_unread() {
        let over = vec![b' '; MAX_PART as usize + 1];
        let example = docx("<w:p><w:r><w:t>一</w:t></w:r></w:p>");
        let mut zip = zip::ZipArchive::new(Cursor::new(&example[..])).unwrap();
        let mut document = Vec::new();
        zip.by_name("word/document.xml")
            .unwrap()
            .read_to_end(&mut document)
            .unwrap();
        for (name, parts) in [
            ("word/document.xml", vec![("word/document.xml", &over[..])]),
            (
                "word/numbering.xml",
                vec![
                    ("word/document.xml", &document[..]),
                    ("word/numbering.xml", &over[..]),
                ],
            ),
        ] {
            let refused = paragraphs(&package(&parts));
            assert!(
                matches!(&refused, Err(PartTooLarge { part }) if part == name),
                "{refused:?}"
            );
        }
        // At the cap, a part is read.
        let mut document_at_cap = document.clone();
        document_at_cap.resize(MAX_PART as usize, b' ');
        assert!(paragraphs(&package(&[("word/document.xml", &document_at_cap)])).is_ok());
    }

    #[test]
    fn what_is_not_a_word_document_is_refused_without_a_panic() {
        let no_document = package(&[("word/styles.xml", b"<w:styles/>")]);
        assert!(matches!(paragraphs(&no_document), Err(NotWord)));

        let example = docx("<w:p><w:r><w:t>一</w:t></w:r></w:p>");
        let noise: Vec<u8> = (0..4096u32).map(|i| ((i * 40_503) >> 7) as u8).collect();
        // docx-rs loops forever on the first document, panics on the second (a `w:highlight`
        // with no value) and overflows its stack on the third.
        let deep = "<w:tbl><w:tr><w:tc>".repeat(5000) + &"</w:tc></w:tr></w:tbl>".repeat(5000);
        let highlight = "<w:p><w:r><w:rPr><w:highlight/></w:rPr></w:r></w:p>";
        let cut = package(&[("word/document.xml", b"<w:document><w:body><w:p><w:r>")]);
        let documents = [cut, docx(highlight), docx(&deep)];
        for bytes in [&noise[..], b""] {
            assert!(matches!(paragraphs(bytes), Err(NotZip)));
        }
        let other = [&example[..example.len() / 2], &example[..2]];
        for bytes in other.into_iter().chain(documents.iter().map(Vec::as_slice)) {
            let refused = paragraphs(bytes);
            assert!(matches!(refused, Err(Unreadable { .. })), "{refused:?}");
        }
    }

    #[test]
    fn bold_is_w_b_on_and_text_comes_from_cells_links_and_insertions_and_tabs_part() {
        let body = concat!(
            r#"<w:p><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>甲</w:t></w:r>"#,
            r#"<w:r><w:rPr><w:b w:val="false"/></w:rPr><w:t xml:space="preserve">乙 </w:t></w:r>"#,
            r#"<w:r><w:rPr><w:b/></w:rPr><w:t>丙</w:t><w:tab/><w:br/><w:t>丁</w:t></w:r>"#,
            r#"<w:hyperlink><w:r><w:rPr><w:b w:val="1"/></w:rPr><w:t>戊</w:t></w:r></w:hyperlink>"#,
            r#"<w:del><w:r><w:delText>删</w:delText></w:r></w:del>"#,
            r#"<w:ins><w:r><w:t>己</w:t></w:r></w:ins></w:p><w:p><w:r><w:t> </w:t></w:r></w:p>"#,
            r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:rPr><w:b w:val="on"/></w:rPr>"#,
            r#"<w:t>格</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
        );
        // The tab parts the paragraph in two; the break is layout.
        let first = runs([("甲乙 ", false), ("丙", true)]);
        let second = runs([("丁戊", true), ("己", false)]);
        assert_eq!(
            paragraphs(&docx(body)).unwrap().paragraphs,
            [first, second, runs([("格", true)])]
        );
    }
}
