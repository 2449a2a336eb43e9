//! The body of a Word document read as paragraphs of runs: paragraphs, tables, content
//! controls and text boxes in the order they are read, bold runs marked strong.

use docx_rs::{
    Bold, Document, DocumentChild, DrawingData, InsertChild, MoveToChild, Paragraph,
    ParagraphChild, RunChild, StructuredDataTagChild, Table, TableCellContent, TableChild,
    TableRowChild, TextBox, TextBoxContentChild,
};

use super::lists::Lists;
use super::styles::Styles;
use crate::model::Run;

/// Every paragraph of `document` with text, in reading order.
pub fn paragraphs(document: &Document, lists: Lists, styles: &Styles) -> Vec<Vec<Run>> {
    let mut body = Body { lists, styles };
    let mut out = Vec::new();
    for child in &document.children {
        match child {
            DocumentChild::Paragraph(p) => paragraph(p, &mut body, &mut out),
            DocumentChild::Table(t) => table(t, &mut body, &mut out),
            DocumentChild::StructuredDataTag(tag) => tag_blocks(&tag.children, &mut body, &mut out),
            _ => {}
        }
    }
    out
}

/// What reading the body carries along: the lists as they count, and the styles.
struct Body<'s> {
    lists: Lists,
    styles: &'s Styles,
}

/// What a paragraph holds: its runs, and the text boxes anchored in it.
struct Inline<'d, 's> {
    runs: Vec<Run>,
    boxes: Vec<&'d TextBox>,
    styles: &'s Styles,
}

/// A paragraph with text; the writer's empty paragraphs are rules and spacing. A tab sets
/// apart what the eye reads as two lines (the publisher and the date of the masthead, on one
/// line in Word), so each side of it is a paragraph of its own. The paragraphs of a text box
/// anchored in it come first: a masthead's title is often in one, anchored in the paragraph
/// it stands above.
fn paragraph(p: &Paragraph, body: &mut Body, out: &mut Vec<Vec<Run>>) {
    let mut held = Inline {
        runs: Vec::new(),
        boxes: Vec::new(),
        styles: body.styles,
    };
    let numbering = p.property.numbering_property.as_ref();
    let label = body.lists.label(
        numbering.and_then(|n| n.id.as_ref()).map(|id| id.id),
        numbering.and_then(|n| n.level.as_ref()).map(|l| l.val),
        p.property.style.as_ref().map(|s| s.val.as_str()),
    );
    // Word's own numbering, which the text does not hold, goes before it as it is shown.
    if let Some(label) = label {
        push(&mut held.runs, &label, false);
    }
    inline(&p.children, &mut held);
    for text_box in held.boxes {
        for child in &text_box.children {
            match child {
                TextBoxContentChild::Paragraph(p) => paragraph(p, body, out),
                TextBoxContentChild::Table(t) => table(t, body, out),
            }
        }
    }
    let mut piece: Vec<Run> = Vec::new();
    let mut flush = |piece: &mut Vec<Run>| {
        if piece.iter().any(|r| !r.text.trim().is_empty()) {
            out.push(std::mem::take(piece));
        }
        piece.clear();
    };
    for r in held.runs {
        let mut parts = r.text.split('\t').peekable();
        while let Some(text) = parts.next() {
            push(&mut piece, text, r.strong);
            if parts.peek().is_some() {
                flush(&mut piece);
            }
        }
    }
    flush(&mut piece);
}

fn table(t: &Table, body: &mut Body, out: &mut Vec<Vec<Run>>) {
    for TableChild::TableRow(row) in &t.rows {
        for TableRowChild::TableCell(cell) in &row.cells {
            for content in &cell.children {
                match content {
                    TableCellContent::Paragraph(p) => paragraph(p, body, out),
                    TableCellContent::Table(t) => table(t, body, out),
                    TableCellContent::StructuredDataTag(tag) => {
                        tag_blocks(&tag.children, body, out)
                    }
                    TableCellContent::TableOfContents(_) => {}
                }
            }
        }
    }
}

/// A content control around paragraphs and tables.
fn tag_blocks(children: &[StructuredDataTagChild], body: &mut Body, out: &mut Vec<Vec<Run>>) {
    for child in children {
        match child {
            StructuredDataTagChild::Paragraph(p) => paragraph(p, body, out),
            StructuredDataTagChild::Table(t) => table(t, body, out),
            StructuredDataTagChild::StructuredDataTag(tag) => tag_blocks(&tag.children, body, out),
            _ => {}
        }
    }
}

/// The runs of a paragraph, and those in its links, insertions, moves and content controls.
/// Deleted and moved-away text is no longer in the document.
fn inline<'d>(children: &'d [ParagraphChild], held: &mut Inline<'d, '_>) {
    for child in children {
        match child {
            ParagraphChild::Run(r) => run(r, held),
            ParagraphChild::Hyperlink(link) => inline(&link.children, held),
            ParagraphChild::Insert(ins) => ins.children.iter().for_each(|c| {
                if let InsertChild::Run(r) = c {
                    run(r, held);
                }
            }),
            ParagraphChild::MoveTo(to) => to.children.iter().for_each(|c| {
                if let MoveToChild::Run(r) = c {
                    run(r, held);
                }
            }),
            ParagraphChild::StructuredDataTag(tag) => tag.children.iter().for_each(|c| {
                if let StructuredDataTagChild::Run(r) = c {
                    run(r, held);
                }
            }),
            _ => {}
        }
    }
}

/// A run's text, a tab as `\t`, and its text boxes; breaks are layout. A run is bold by its
/// own `w:b` (docx-rs reads `w:val` 0, false or off as off, and as on otherwise), or else by
/// its character style.
fn run<'d>(r: &'d docx_rs::Run, held: &mut Inline<'d, '_>) {
    let strong = match &r.run_property.bold {
        Some(bold) => *bold == Bold::new(),
        None => r
            .run_property
            .style
            .as_ref()
            .is_some_and(|s| held.styles.bold.contains(&s.val)),
    };
    for child in &r.children {
        match child {
            RunChild::Text(t) => push(&mut held.runs, &t.text.replace('\t', " "), strong),
            RunChild::Tab(_) => push(&mut held.runs, "\t", strong),
            RunChild::Drawing(d) => {
                if let Some(DrawingData::TextBox(text_box)) = &d.data {
                    held.boxes.push(text_box);
                }
            }
            _ => {}
        }
    }
}

/// Text joined to the run before when both are bold or both are not.
pub(super) fn push(runs: &mut Vec<Run>, text: &str, strong: bool) {
    match runs.last_mut() {
        _ if text.is_empty() => {}
        Some(last) if last.strong == strong => last.text.push_str(text),
        _ => runs.push(Run {
            text: text.to_owned(),
            strong,
        }),
    }
}
