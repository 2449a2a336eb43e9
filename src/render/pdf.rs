//! PDF typeset by the Typst compiler in-process, from the Typst source the template makes: a
//! world of that one file and the fonts the caller found.

use std::collections::BTreeSet;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::layout::{Frame, FrameItem};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;

use super::fonts::Fonts;

/// Why no PDF was made.
#[derive(Debug)]
pub enum Failure {
    NoChineseFont,
    /// Typst's errors, each with its line in the source.
    Typst(String),
}

/// A typeset bulletin, and the font families it was set in.
pub struct Typeset {
    pub pdf: Vec<u8>,
    pub families: Vec<String>,
}

/// Typesets `source` (Typst markup) to PDF. `date` (year, month, day) is the document's date,
/// so that two builds of one issue give the same bytes.
pub fn typeset(source: &str, fonts: &Fonts, date: (i32, u8, u8)) -> Result<Typeset, Failure> {
    if !fonts.has_chinese() {
        return Err(Failure::NoChineseFont);
    }
    let world = Bulletin::new(source, fonts, date);
    let compiled = typst::compile::<PagedDocument>(&world);
    let document = compiled
        .output
        .map_err(|errors| Failure::Typst(report(&world, &errors)))?;
    let options = typst_pdf::PdfOptions {
        ident: Smart::Custom("weekly".into()),
        creator: Smart::Custom(Some("weekly".into())),
        ..Default::default()
    };
    let pdf = typst_pdf::pdf(&document, &options)
        .map_err(|errors| Failure::Typst(report(&world, &errors)))?;
    let mut families = BTreeSet::new();
    for page in document.pages() {
        collect_families(&page.frame, &mut families);
    }
    Ok(Typeset {
        pdf,
        families: families.into_iter().collect(),
    })
}

fn collect_families(frame: &Frame, out: &mut BTreeSet<String>) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(group) => collect_families(&group.frame, out),
            FrameItem::Text(text) => {
                out.insert(text.font.info().family.clone());
            }
            _ => {}
        }
    }
}

/// Typst's errors, each with its line in the Typst source the template made and that line's
/// text: a template's `{% … %}` tags add and take away lines, so the line is found in the
/// template by its text (`weekly build --format typst` writes the whole source).
fn report(world: &Bulletin, errors: &[SourceDiagnostic]) -> String {
    let source = world.main.text();
    let lines: Vec<String> = errors
        .iter()
        .map(|e| match world.range(e.span) {
            Some(r) => {
                let line = source[..r.start].matches('\n').count() + 1;
                let text = source.lines().nth(line - 1).unwrap_or_default().trim();
                let text = crate::text::quote::printable(text);
                format!("bulletin.typ:{line}: {}\n  {line} | {text}", e.message)
            }
            None => format!("bulletin.typ: {}", e.message),
        })
        .collect();
    lines.join("\n")
}

/// The world Typst compiles in: one source file, the standard library, the fonts, and the
/// issue's date for today.
struct Bulletin<'a> {
    library: LazyHash<Library>,
    fonts: &'a Fonts,
    main: Source,
    today: Option<Datetime>,
}

impl<'a> Bulletin<'a> {
    fn new(source: &str, fonts: &'a Fonts, (y, m, d): (i32, u8, u8)) -> Bulletin<'a> {
        let path = VirtualPath::new("bulletin.typ").expect("a plain file name is a path");
        let id = RootedPath::new(VirtualRoot::Project, path).intern();
        Bulletin {
            library: LazyHash::new(Library::default()),
            fonts,
            main: Source::new(id, source.to_owned()),
            today: Datetime::from_ymd(y, m, d),
        }
    }
}

impl World for Bulletin<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.store().book()
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    /// A bulletin reads no other file: a template that asks for one is refused.
    fn file(&self, _: FileId) -> FileResult<Bytes> {
        Err(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.store().font(index)
    }

    fn today(&self, _: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_chinese_font_nothing_is_compiled() {
        let empty = Fonts::new([]);
        let result = typeset("#\"周报\"", &empty, (2023, 10, 20));
        assert!(matches!(result, Err(Failure::NoChineseFont)));
    }
}
