//! The body of a Word document read as paragraphs of runs: paragraphs, tables, content
//! controls and text boxes in the order they are read, bold runs marked strong.

use std::ops::Range;

use docx_rs::{
    Bold, Document, DocumentChild, DrawingData, InsertChild, MoveToChild, Paragraph,
    ParagraphChild, RunChild, StructuredDataTagChild, Table, TableCellContent, TableChild,
    TableRowChild, TextBox, TextBoxContentChild,
};

use super::lists::Lists;
use super::source::{drop_front, push};
use super::styles::Styles;
use crate::model::Run;

/// What the body reads as: its paragraphs with text, in reading order, and those that begin
/// a table read cell by cell (a table of counters is read as the counters' sentence).
#[derive(Debug, Default)]
pub struct Paragraphs {
    pub paragraphs: Vec<Vec<Run>>,
    pub tables: Vec<usize>,
}

/// Every paragraph of `document` with text, in reading order.
pub fn paragraphs(document: &Document, lists: Lists, styles: &Styles) -> Paragraphs {
    let mut body = Body {
        lists,
        styles,
        tables: Vec::new(),
    };
    let mut out = Vec::new();
    for child in &document.children {
        match child {
            DocumentChild::Paragraph(p) => paragraph(p, &mut body, &mut out),
            DocumentChild::Table(t) => table(t, &mut body, &mut out),
            DocumentChild::StructuredDataTag(tag) => tag_blocks(&tag.children, &mut body, &mut out),
            _ => {}
        }
    }
    Paragraphs {
        paragraphs: out,
        tables: body.tables,
    }
}

/// What reading the body carries along: the lists as they count, the styles, and where
/// tables were read cell by cell.
struct Body<'s> {
    lists: Lists,
    styles: &'s Styles,
    tables: Vec<usize>,
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
        trim(piece);
        if !piece.is_empty() {
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

/// A paragraph without the spaces it begins and ends with: an indent typed as `　　` or as
/// spaces is layout, as a first-line indent set on the paragraph is.
fn trim(runs: &mut Vec<Run>) {
    let text: String = runs.iter().map(|r| r.text.as_str()).collect();
    drop_front(runs, text.len() - text.trim_start().len());
    while let Some(last) = runs.last_mut() {
        let kept = last.text.trim_end().len();
        last.text.truncate(kept);
        if !last.text.is_empty() {
            break;
        }
        runs.pop();
    }
}

/// Rows a table of counters may have, its headings included.
const MAX_COUNTER_ROWS: usize = 200;

/// A table of counters as the counters' sentence; any other, each cell's paragraphs in turn.
/// The paragraphs go straight into `out`; each cell is where its first one is.
fn table(t: &Table, body: &mut Body, out: &mut Vec<Vec<Run>>) {
    let first = out.len();
    let mut rows: Vec<Vec<Range<usize>>> = Vec::new();
    // A table in a table is not one of counters, and its text is not gathered again at each
    // level it is nested in.
    let mut nested = false;
    for TableChild::TableRow(row) in &t.rows {
        let mut cells = Vec::new();
        for TableRowChild::TableCell(cell) in &row.cells {
            let start = out.len();
            for content in &cell.children {
                match content {
                    TableCellContent::Paragraph(p) => paragraph(p, body, out),
                    TableCellContent::Table(t) => {
                        nested = true;
                        table(t, body, out)
                    }
                    TableCellContent::StructuredDataTag(tag) => {
                        tag_blocks(&tag.children, body, out)
                    }
                    TableCellContent::TableOfContents(_) => {}
                }
            }
            cells.push(start..out.len());
        }
        rows.push(cells);
    }
    // A bulletin counts a handful of counters: a longer table is not looked at as one, and
    // its text is not copied to find out.
    if !nested && rows.len() <= MAX_COUNTER_ROWS {
        let texts: Vec<Vec<String>> = rows
            .iter()
            .map(|cells| {
                cells
                    .iter()
                    .map(|c| {
                        out[c.clone()]
                            .iter()
                            .flatten()
                            .map(|r| r.text.as_str())
                            .collect()
                    })
                    .collect()
            })
            .collect();
        if let Some(sentence) = super::table::counters(&texts) {
            out.truncate(first);
            out.push(vec![Run {
                text: sentence,
                strong: false,
            }]);
            return;
        }
    }
    // A table of data (two rows or more with two cells of text each) that is not one of
    // counters is told of; a table that lays a block out (the closing block in a cell, a
    // masthead beside its emblem) reads in order as its paragraphs.
    let filled =
        |cells: &Vec<std::ops::Range<usize>>| cells.iter().filter(|c| !c.is_empty()).count();
    let data = rows.iter().filter(|cells| filled(cells) >= 2).count() >= 2;
    if data && out.len() > first {
        body.tables.push(first);
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

/// A run's text, a tab as `\t`, and its text boxes; breaks are layout, and so is a zero-width
/// space (weekly's own Word documents put one where a web address may break). A run is bold by its
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
            RunChild::Text(t) => {
                let text = t.text.replace('\t', " ").replace('\u{200B}', "");
                push(&mut held.runs, &text, strong);
            }
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
