//! PDF typeset by the Typst compiler in-process, from the Typst source the template makes: a
//! world of that one file and the fonts the caller found.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::layout::{Frame, FrameItem};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook, FontInfo, FontStyle, FontVariant, FontWeight};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_kit::fonts::{FontPath, FontStore};

use super::font_check::{self, Problem};
use typst_layout::PagedDocument;

/// Why no PDF was made.
#[derive(Debug)]
pub enum Failure {
    NoChineseFont,
    /// Typst's errors, each with its line in the source.
    Typst(String),
}

/// The fonts a PDF may use, found by the caller (the system's, and folders the user names).
/// Font files are read only when a document needs them.
#[derive(Clone, Default)]
pub struct Fonts(Arc<FontStore>);

impl Fonts {
    /// The faces of the font files given (each its path and its bytes, read as they are
    /// asked for), each file looked over first ([`font_check`]): the fonts, and the files
    /// refused with why. Typst reads a face again from its path only when a document uses it.
    pub fn collect(
        files: impl IntoIterator<Item = (PathBuf, Vec<u8>)>,
    ) -> (Fonts, Vec<(PathBuf, Problem)>) {
        let mut store = FontStore::new();
        let mut refused = Vec::new();
        for (path, data) in files {
            match font_check::faces(&data) {
                Ok(faces) => {
                    for index in 0..faces {
                        if let Some(info) = FontInfo::new(&data, index) {
                            let at = FontPath {
                                path: path.clone(),
                                index,
                            };
                            store.push((at, info));
                        }
                    }
                }
                Err(problem) => refused.push((path, problem)),
            }
        }
        (Fonts(Arc::new(store)), refused)
    }

    /// Whether any font covers Chinese: without one, a bulletin cannot be typeset.
    fn has_chinese(&self) -> bool {
        let variant = FontVariant::new(FontStyle::Normal, FontWeight::REGULAR, Default::default());
        self.0
            .book()
            .select_fallback(None, variant, "周报")
            .is_some()
    }
}

impl std::fmt::Debug for Fonts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Fonts({} faces)", self.0.book().families().count())
    }
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
        self.fonts.0.book()
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
        self.fonts.0.font(index)
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
        let (empty, refused) = Fonts::collect([]);
        assert!(refused.is_empty());
        let result = typeset("#\"周报\"", &empty, (2023, 10, 20));
        assert!(matches!(result, Err(Failure::NoChineseFont)));
    }
}
