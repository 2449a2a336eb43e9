//! The bulletin as a Word document on the GB/T 9704 grid: A4, 28 characters × 22 lines, 仿宋 三号
//! justified body, red masthead and rule, headings in 黑体 and 楷体, the closing block at the foot.

use docx_rs::{
    AlignmentType, BorderType, BuildXML, DocGrid, DocGridType, Docx, FieldCharType, Footer,
    InstrPAGE, InstrText, LineSpacing, LineSpacingType, PageMargin, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, SpecialIndentType, Tab, TabValueType,
};

use super::faces::{self, FACES};
use crate::model::{Bulletin, Paragraph as Para};

const FANGSONG: &str = faces::FANGSONG.word();
const HEITI: &str = faces::HEITI.word();
const KAITI: &str = faces::KAITI.word();
const XIAOBIAOSONG: &str = faces::XIAOBIAOSONG.word();
const SONG: &str = faces::SONG.word();
const RED: &str = "E60012";

/// The masthead's room, so that its lines, the red rule and the body's first line stand
/// where the PDF's do (measured in LibreOffice's print: within 0.2 mm) and it takes six lines
/// of the grid, leaving page 1 the PDF's sixteen: the title's line (twips), the space before
/// the publisher's line and after its rule (twips), and the rule's distance below the line
/// (points).
const TITLE_LINE: i32 = 1117;
const BYLINE_BEFORE: u32 = 295;
const BYLINE_AFTER: u32 = 175;
const RULE_SPACE: usize = 12;

/// The page number's paragraph style, 宋体 四号: LibreOffice sets a field's result in its
/// paragraph's size, not its run's.
const FOOTER_STYLE: &str = "Footer";

/// Twips (1/1440 inch) in `mm` millimetres.
fn mm(mm: f64) -> i32 {
    (mm * 1440.0 / 25.4).round() as i32
}

/// The text block's width: A4 less the left (binding) and right margins.
fn text_width() -> i32 {
    mm(210.0 - 28.0 - 26.0)
}

/// Characters a full line (GB/T 9704-2012, 7.1).
const CHARACTERS: i32 = 28;

/// The line pitch in twips, 28.95 pt: 22 lines fill the 225 mm text block.
const LINE_PITCH: i32 = 579;

/// The body size, 三号, in half points.
const BODY_SIZE: usize = 32;

/// 四号, in half points: page numbers and the closing block.
const SIHAO: usize = 28;

/// The character grid's `w:charSpace`: what the pitch of a grid cell differs from the body size,
/// in 4096ths of a point, rounded down so that `characters` cells fit in `width` twips.
fn char_space(width: i32, characters: i32, half_points: usize) -> isize {
    let pitch = f64::from(width) / 20.0 / f64::from(characters);
    ((pitch - half_points as f64 / 2.0) * 4096.0).floor() as isize
}

/// A run in `font` at `half_points`, with the font set for East Asian and Latin text alike,
/// so that WPS and Word both pick it.
fn run(text: &str, font: &str, half_points: usize) -> Run {
    styled(font, half_points).add_text(text)
}

/// A run in `font` at `half_points`, with nothing in it yet.
fn styled(font: &str, half_points: usize) -> Run {
    Run::new()
        .fonts(
            RunFonts::new()
                .east_asia(font)
                .ascii(font)
                .hi_ansi(font)
                .cs(font),
        )
        .size(half_points)
}

/// Body text: 三号 (16 pt), each character in one cell of the section's character grid.
fn body(text: &str) -> Run {
    run(text, FANGSONG, BODY_SIZE)
}

fn exact_lines() -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Exact)
        .line(LINE_PITCH)
}

/// On the grid every page fills to its 22nd line: no line is held back to spare a paragraph
/// a lone line on a page.
fn paragraph() -> Paragraph {
    Paragraph::new()
        .line_spacing(exact_lines())
        .widow_control(false)
}

/// Justified and indented two characters: in characters for Word and WPS, in twips (2 × 16 pt)
/// for LibreOffice, which reads only the latter.
fn indented() -> Paragraph {
    paragraph()
        .align(AlignmentType::Both)
        .indent(None, Some(SpecialIndentType::FirstLine(640)), None, None)
        .first_line_chars(200)
}

/// A paragraph set in its own sizes, off the character grid: on it each character of the
/// title, the date line or the page number would take whole 16 pt cells.
fn off_grid(p: Paragraph) -> Paragraph {
    p.snap_to_grid(false)
}

fn border(position: ParagraphBorderPosition, color: &str, eighths: usize) -> ParagraphBorder {
    ParagraphBorder::new(position)
        .val(BorderType::Single)
        .size(eighths)
        .color(color)
}

/// A numbered or plain paragraph of body text, indented two characters.
fn body_paragraph(p: &Para) -> Paragraph {
    let mut out = indented();
    if let Some(n) = p.number {
        out = out.add_run(body(&format!("{n}.")));
    }
    for r in &p.runs {
        // A zero-width space where a web address may break: Word, WPS and LibreOffice break
        // a run of Latin only at spaces.
        let text = crate::text::address::marked(&r.text, "\u{200B}");
        out = out.add_run(if r.strong {
            body(&text).bold()
        } else {
            body(&text)
        });
    }
    out
}

/// A heading in `font`, kept with the paragraph that follows it.
fn heading(text: &str, font: &str) -> Paragraph {
    indented()
        .keep_next(true)
        .add_run(run(text, font, BODY_SIZE))
}

/// Paragraph ids (`w14:paraId`) numbered from 1 in each document, so that two builds of
/// one issue give the same bytes.
struct Ids(u32);

impl Ids {
    fn next(&mut self, p: Paragraph) -> Paragraph {
        self.0 += 1;
        p.id(format!("{:08X}", self.0))
    }
}

/// `— 1 —` at the outer side of the page, one character in from the text block's edge, all in
/// 四号 (14 pt): right on odd pages, left on even ones.
fn page_number(ids: &mut Ids, align: AlignmentType) -> Footer {
    let dash = |s: &str| run(s, SONG, SIHAO);
    let number = styled(SONG, SIHAO)
        .add_field_char(FieldCharType::Begin, false)
        .add_instr_text(InstrText::PAGE(InstrPAGE::new()))
        .add_field_char(FieldCharType::Separate, false)
        .add_text("1")
        .add_field_char(FieldCharType::End, false);
    let one_character = Some(280);
    let (left, right) = match align {
        AlignmentType::Right => (None, one_character),
        _ => (one_character, None),
    };
    Footer::new().add_paragraph(
        ids.next(off_grid(Paragraph::new()))
            .style(FOOTER_STYLE)
            .align(align)
            .indent(left, None, right, None)
            .add_run(dash("— "))
            .add_run(number)
            .add_run(dash(" —")),
    )
}

/// Stands in the document for the body, which is spliced in as XML.
fn marker(ids: &mut Ids) -> Paragraph {
    ids.next(Paragraph::new())
        .add_run(Run::new().add_text("\u{E000}body\u{E000}"))
}

/// The document's bytes (a .docx file). docx-rs holds a paragraph in a 2.4 KB value, so the
/// body (any number of items) is not added to the document: each paragraph's XML is built on
/// its own and spliced in where a marker stands, and memory grows with the text alone.
pub fn document(b: &Bulletin) -> Result<Vec<u8>, String> {
    let mut ids = Ids(0);
    let mut doc = Docx::new()
        .page_size(11906, 16838)
        .page_margin(
            PageMargin::new()
                .top(mm(37.0))
                .bottom(mm(35.0))
                .left(mm(28.0))
                .right(mm(26.0))
                .header(mm(15.0))
                .footer(mm(22.9)),
        )
        .footer(page_number(&mut ids, AlignmentType::Right))
        .even_footer(page_number(&mut ids, AlignmentType::Left));

    doc.document = doc.document.doc_grid(
        DocGrid::with_empty()
            .grid_type(DocGridType::LinesAndChars)
            .line_pitch(LINE_PITCH as usize)
            .char_space(char_space(text_width(), CHARACTERS, BODY_SIZE)),
    );

    // 报头: title, issue, period, then publisher and date on one line over a red rule.
    let masthead = [
        off_grid(Paragraph::new())
            .align(AlignmentType::Center)
            .line_spacing(
                LineSpacing::new()
                    .line_rule(LineSpacingType::Exact)
                    .line(TITLE_LINE),
            )
            // 0.12 em between the title's characters, as the PDF and the HTML set it: 5 pt
            // of 42, in twentieths of a point.
            .add_run(
                run(&b.title, XIAOBIAOSONG, 84)
                    .color(RED)
                    .character_spacing(101),
            ),
        paragraph()
            .align(AlignmentType::Center)
            .add_run(body(&b.issue_line)),
        paragraph()
            .align(AlignmentType::Center)
            .add_run(body(&format!("（{}）", b.period))),
        off_grid(paragraph())
            .add_tab(
                Tab::new()
                    .val(TabValueType::Right)
                    .pos(text_width() as usize),
            )
            .add_run(run(&b.publisher, FANGSONG, 26))
            .add_run(run("", FANGSONG, 26).add_tab())
            .add_run(run(&b.date, FANGSONG, 26))
            .line_spacing(LineSpacing::new().before(BYLINE_BEFORE).after(BYLINE_AFTER))
            .set_borders(
                ParagraphBorders::with_empty()
                    .set(border(ParagraphBorderPosition::Bottom, RED, 16).space(RULE_SPACE)),
            ),
    ];
    for p in masthead {
        doc = doc.add_paragraph(ids.next(p));
    }
    let marker = marker(&mut ids);
    doc = doc.add_paragraph(marker.clone());

    // After the body and its closing block (spliced in below): a hairline paragraph, which the
    // closing block's table floats on.
    doc = doc.add_paragraph(
        ids.next(
            off_grid(paragraph()).line_spacing(
                LineSpacing::new()
                    .line_rule(LineSpacingType::Exact)
                    .line(20),
            ),
        ),
    );

    let mut xml = doc.build();
    xml.font_table = font_table().into_bytes();
    xml.styles = styles().into_bytes();
    let marker = marker.build();
    let at = xml
        .document
        .windows(marker.len())
        .position(|w| w == marker.as_slice())
        .ok_or("the body's place was not found in the Word document")?;
    let mut document = xml.document[..at].to_vec();
    let mut add = |p: Paragraph| document.extend_from_slice(&ids.next(p).build());
    for s in &b.sections {
        add(heading(&format!("{}、{}", s.number, s.title), HEITI));
        for p in &s.paragraphs {
            add(body_paragraph(p));
        }
        for sub in &s.subsections {
            add(heading(&format!("（{}）{}", sub.number, sub.title), KAITI));
            for p in &sub.paragraphs {
                add(body_paragraph(p));
            }
        }
    }
    document.extend_from_slice(&closing_block(b, &mut ids));
    document.extend_from_slice(&xml.document[at + marker.len()..]);
    xml.document = document;
    xml.doc_props.core = core_properties(b).into_bytes();

    let mut bytes = std::io::Cursor::new(Vec::new());
    xml.pack(&mut bytes).map_err(|e| e.to_string())?;
    Ok(bytes.into_inner())
}

/// 报尾, between rules, at the foot of the last page: a one-cell table that floats to the
/// bottom of the text block, on the page of the paragraph that follows it, its row kept whole.
/// Written here rather than by docx-rs so that the table's properties come in the order of
/// ECMA-376 (17.4.60), which Word may hold a file to.
fn closing_block(b: &Bulletin, ids: &mut Ids) -> Vec<u8> {
    let f = &b.footer;
    let line = |text: String| off_grid(paragraph()).add_run(run(&text, FANGSONG, SIHAO));
    // One character (四号, 14 pt) in from each side; a 送 or 发 line that wraps goes on under
    // the text after its colon, two characters further in.
    let (one, two) = (280, 560);
    let lines = [
        line(format!("送：{}", f.send)).indent(
            Some(one + two),
            Some(SpecialIndentType::Hanging(two)),
            None,
            None,
        ),
        line(format!("发：{}", f.distribute)).indent(
            Some(one + two),
            Some(SpecialIndentType::Hanging(two)),
            None,
            None,
        ),
        line(f.copies_line.clone())
            .align(AlignmentType::Right)
            .indent(None, None, Some(one), None),
    ];
    let rule = |side: &str| {
        format!(r#"<w:{side} w:val="single" w:sz="8" w:space="0" w:color="000000" />"#)
    };
    let mut xml = format!(
        concat!(
            "<w:tbl><w:tblPr>",
            r#"<w:tblpPr w:leftFromText="0" w:rightFromText="0" w:vertAnchor="margin" "#,
            r#"w:horzAnchor="margin" w:tblpYSpec="bottom" />"#,
            r#"<w:tblW w:w="{width}" w:type="dxa" /><w:tblBorders>{top}{bottom}</w:tblBorders>"#,
            r#"<w:tblLayout w:type="fixed" /><w:tblCellMar><w:left w:w="0" w:type="dxa" />"#,
            r#"<w:right w:w="0" w:type="dxa" /></w:tblCellMar></w:tblPr>"#,
            r#"<w:tblGrid><w:gridCol w:w="{width}" /></w:tblGrid>"#,
            r#"<w:tr><w:trPr><w:cantSplit /></w:trPr><w:tc><w:tcPr>"#,
            r#"<w:tcW w:w="{width}" w:type="dxa" /></w:tcPr>"#,
        ),
        width = text_width(),
        top = rule("top"),
        bottom = rule("bottom"),
    )
    .into_bytes();
    for p in lines {
        xml.extend_from_slice(&ids.next(p).build());
    }
    xml.extend_from_slice(b"</w:tc></w:tr></w:tbl>");
    xml
}

/// The fonts the document names, each with its family, character set (GB 2312), pitch,
/// PANOSE and Latin name, so that Word, WPS and LibreOffice put a serif in place of a
/// missing 仿宋, 楷体, 小标宋 or 宋体 and a sans in place of a missing 黑体.
fn font_table() -> String {
    let mut xml = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
        r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
    ));
    for face in FACES {
        let (name, latin) = (face.word(), face.latin());
        let family = if face.sans { "swiss" } else { "roman" };
        let panose = face.panose;
        xml.push_str(&format!(
            concat!(
                r#"<w:font w:name="{name}"><w:altName w:val="{latin}" />"#,
                r#"<w:panose1 w:val="{panose}" /><w:charset w:val="86" />"#,
                r#"<w:family w:val="{family}" /><w:pitch w:val="variable" /></w:font>"#,
            ),
            name = name,
            latin = latin,
            panose = panose,
            family = family,
        ));
    }
    xml.push_str("</w:fonts>");
    xml
}

/// The document's defaults and its Normal style: 仿宋_GB2312 三号, Chinese (so that a program
/// without the font puts a Chinese one in its place), and `w:overflowPunct` on: Word's and
/// WPS's own default, and the one value with which LibreOffice, whose import reads it inverted,
/// keeps every mark on the page (docs/print.md). The Normal style names the size again: Word
/// and LibreOffice take the character grid's cell from it. The footer style is the page
/// number's.
fn styles() -> String {
    let run = format!(
        concat!(
            r#"<w:rPr><w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}" w:cs="{font}" />"#,
            r#"<w:sz w:val="{size}" /><w:szCs w:val="{size}" />"#,
            r#"<w:lang w:val="zh-CN" w:eastAsia="zh-CN" w:bidi="ar-SA" /></w:rPr>"#,
        ),
        font = FANGSONG,
        size = BODY_SIZE,
    );
    let paragraph = r#"<w:pPr><w:overflowPunct w:val="1" /></w:pPr>"#;
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
            "<w:docDefaults><w:rPrDefault>{run}</w:rPrDefault>",
            "<w:pPrDefault>{paragraph}</w:pPrDefault></w:docDefaults>",
            r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal" />"#,
            "<w:qFormat />{paragraph}{run}</w:style>",
            r#"<w:style w:type="paragraph" w:styleId="{footer}"><w:name w:val="footer" />"#,
            r#"<w:basedOn w:val="Normal" /><w:rPr><w:rFonts w:ascii="{song}" w:eastAsia="{song}" "#,
            r#"w:hAnsi="{song}" w:cs="{song}" /><w:sz w:val="{sihao}" /><w:szCs w:val="{sihao}" /></w:rPr>"#,
            "</w:style></w:styles>",
        ),
        run = run,
        paragraph = paragraph,
        footer = FOOTER_STYLE,
        song = SONG,
        sihao = SIHAO,
    )
}

/// Title, author and dates of the document, from the issue rather than the clock: the
/// publisher as author, the publication date as created and modified.
fn core_properties(b: &Bulletin) -> String {
    let title = escape(&format!("{} {}", b.title, b.issue_line));
    let author = escape(&b.publisher);
    let date = format!("{}T00:00:00Z", b.published);
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{title}</dc:title><dc:creator>{author}</dc:creator>",
            "<cp:lastModifiedBy>{author}</cp:lastModifiedBy><dc:language>zh-CN</dc:language>",
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified>"#,
            "<cp:revision>1</cp:revision></cp:coreProperties>",
        ),
        title = title,
        author = author,
        date = date,
    )
}

/// Text as XML character data.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page number stands one character in from the outer edge: the right on odd pages,
    /// the left on even ones.
    #[test]
    fn the_page_number_is_one_character_in_from_the_outer_edge() {
        use docx_rs::BuildXML;
        let xml = |align| {
            let footer = page_number(&mut Ids(0), align).build();
            String::from_utf8(footer).unwrap()
        };
        let (odd, even) = (xml(AlignmentType::Right), xml(AlignmentType::Left));
        assert!(odd.contains(r#"<w:jc w:val="right" />"#), "{odd}");
        assert!(
            odd.contains(r#"w:right="280""#) && !odd.contains(r#"w:left="280""#),
            "{odd}"
        );
        assert!(even.contains(r#"<w:jc w:val="left" />"#), "{even}");
        assert!(
            even.contains(r#"w:left="280""#) && !even.contains(r#"w:right="280""#),
            "{even}"
        );
    }

    #[test]
    fn the_grid_holds_exactly_the_characters_a_line() {
        // 156 mm: the GB/T 9704 text block; the cell is 16 pt less 849/4096 pt (rounded, it
        // would be 848, and 28 cells would not fit).
        assert_eq!(char_space(text_width(), 28, 32), -849);
        // The largest value with which the cells fit: one more and they do not.
        let fits = |width: i32, characters: i32, half_points: usize, space: isize| {
            let cell = half_points as f64 / 2.0 + space as f64 / 4096.0;
            cell * f64::from(characters) <= f64::from(width) / 20.0
        };
        for (width, characters, half_points) in [(8844, 28, 32), (9000, 29, 28), (8000, 27, 36)] {
            let space = char_space(width, characters, half_points);
            assert!(
                fits(width, characters, half_points, space),
                "{width} {characters}"
            );
            assert!(
                !fits(width, characters, half_points, space + 1),
                "{width} {characters}"
            );
        }
    }

    #[test]
    fn the_styles_set_overflow_punctuation_and_name_the_body_size() {
        let xml = styles();
        assert_eq!(xml.matches(r#"<w:overflowPunct w:val="1" />"#).count(), 2);
        assert_eq!(xml.matches(r#"<w:sz w:val="32" />"#).count(), 2);
        assert!(xml.contains(r#"w:default="1" w:styleId="Normal""#));
        assert!(xml.contains(r#"w:eastAsia="zh-CN""#));
    }
}
