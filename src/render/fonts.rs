//! The fonts a PDF may use: each font file's faces as Typst describes them, kept in an index
//! that the next run reads instead of the font files, and a face read from its file only when
//! a document uses it, looked over again before Typst parses it.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use typst::foundations::Bytes;
use typst::text::{
    Coverage, Font, FontAxis, FontFlags, FontInfo, FontStyle, FontVariant, FontWeight,
};
use typst_kit::fonts::{FontSource, FontStore};

use super::font_check::{self, Problem};

/// Which version of a font file a description is of: its length and when it was last
/// written, to the nanosecond. A font replaced or edited in place changes one or the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub len: u64,
    pub modified: u128,
}

/// One font file and the faces it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct FontFile {
    pub path: PathBuf,
    pub stamp: Stamp,
    faces: Vec<(u32, FontInfo)>,
}

impl FontFile {
    /// The faces of the font file `data`, read at `path`, looked over first ([`font_check`]).
    pub fn read(path: PathBuf, stamp: Stamp, data: &[u8]) -> Result<FontFile, Problem> {
        let count = font_check::faces(data)?;
        let faces = (0..count)
            .filter_map(|index| FontInfo::new(data, index).map(|info| (index, info)))
            .collect();
        Ok(FontFile { path, stamp, faces })
    }
}

/// Font files a run read before, as the index on disk holds them. It is read as untrusted
/// input: a damaged one is not read at all, and a face is looked over before Typst parses
/// it, whatever an index says of its file.
#[derive(Debug, Default, PartialEq)]
pub struct FontIndex {
    files: BTreeMap<PathBuf, FontFile>,
}

/// The index's format: another weekly, or another Typst describing faces differently,
/// starts a new one.
const INDEX_FORMAT: &str = concat!("weekly ", env!("CARGO_PKG_VERSION"), ", font index 2");

/// An index larger than this is not read: the index of 43 font files, four of them CJK
/// collections of 5 faces, is 325 KB.
pub const MAX_INDEX_BYTES: u64 = 16 * 1024 * 1024;

/// Font files an index holds at most: enough for every font folder a machine has. One that
/// claims more is not read.
pub const MAX_INDEXED_FILES: usize = 4096;

/// The index as JSON: the `faces` of each file as Typst's `FontInfo` describes them, but for
/// the characters covered: the lengths of the runs of code points in and out of the face, in
/// one string (`"32 95 …"`), which reads at a tenth of the cost of an array of numbers.
#[derive(Serialize, Deserialize)]
struct Stored {
    format: String,
    files: Vec<StoredFile>,
}

#[derive(Serialize, Deserialize)]
struct StoredFile {
    path: PathBuf,
    stamp: Stamp,
    faces: Vec<(u32, StoredInfo)>,
}

#[derive(Serialize, Deserialize)]
struct StoredInfo {
    family: String,
    variant: FontVariant,
    flags: FontFlags,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    axes: Vec<FontAxis>,
    coverage: String,
}

impl StoredInfo {
    fn of(info: &FontInfo) -> StoredInfo {
        let runs: Vec<u32> = serde_json::to_value(&info.coverage)
            .and_then(serde_json::from_value)
            .expect("a coverage is a list of runs");
        let runs: Vec<String> = runs.iter().map(u32::to_string).collect();
        StoredInfo {
            family: info.family.clone(),
            variant: info.variant,
            flags: info.flags,
            axes: info.axes.clone(),
            coverage: runs.join(" "),
        }
    }

    /// The face, if its runs are numbers that stay within Unicode (a `Coverage` adds them
    /// up as it is looked into).
    fn info(self) -> Option<FontInfo> {
        let runs = runs(&self.coverage)?;
        let runs =
            serde::de::value::SeqDeserializer::<_, serde::de::value::Error>::new(runs.into_iter());
        Some(FontInfo {
            family: self.family,
            variant: self.variant,
            flags: self.flags,
            axes: self.axes,
            coverage: Coverage::deserialize(runs).ok()?,
        })
    }
}

/// The runs of a coverage, `"32 95 …"`: numbers under a space each, that add up to no more
/// than all of Unicode. Read a byte at a time: an index holds some 130 000.
fn runs(text: &str) -> Option<Vec<u32>> {
    let mut runs = Vec::with_capacity(text.len() / 3);
    if text.is_empty() {
        return Some(runs);
    }
    let (mut sum, mut run, mut digits) = (0u32, 0u32, 0);
    for &b in text.as_bytes().iter().chain([b' '].iter()) {
        match b {
            b'0'..=b'9' if digits < 7 => {
                run = run * 10 + u32::from(b - b'0');
                digits += 1;
            }
            b' ' if digits > 0 => {
                sum = sum.checked_add(run).filter(|&s| s <= 0x11_0000)?;
                runs.push(run);
                (run, digits) = (0, 0);
            }
            _ => return None,
        }
    }
    Some(runs)
}

impl FontIndex {
    pub fn new(files: impl IntoIterator<Item = FontFile>) -> FontIndex {
        let files = files.into_iter().map(|f| (f.path.clone(), f)).collect();
        FontIndex { files }
    }

    /// The index after a run that walked the paths `walked` and found `files` among them:
    /// those files, and the files this index knew at paths the run did not walk (another
    /// `--font-path`), up to [`MAX_INDEXED_FILES`], this run's first.
    pub fn after(&self, files: &[FontFile], walked: &HashSet<PathBuf>) -> FontIndex {
        let mut kept: BTreeMap<PathBuf, FontFile> = files
            .iter()
            .take(MAX_INDEXED_FILES)
            .map(|f| (f.path.clone(), f.clone()))
            .collect();
        for (path, file) in &self.files {
            if kept.len() >= MAX_INDEXED_FILES {
                break;
            }
            if !walked.contains(path) {
                kept.insert(path.clone(), file.clone());
            }
        }
        FontIndex { files: kept }
    }

    /// The index written by [`FontIndex::to_bytes`]; `None` for one of another format,
    /// damaged, or not an index at all.
    pub fn parse(bytes: &[u8]) -> Option<FontIndex> {
        let stored: Stored = serde_json::from_slice(bytes).ok()?;
        if stored.format != INDEX_FORMAT || stored.files.len() > MAX_INDEXED_FILES {
            return None;
        }
        let files = stored
            .files
            .into_iter()
            .map(|file| {
                let faces = file
                    .faces
                    .into_iter()
                    .map(|(index, info)| Some((index, info.info()?)))
                    .collect::<Option<_>>()?;
                Some(FontFile {
                    path: file.path,
                    stamp: file.stamp,
                    faces,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(FontIndex::new(files))
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let stored = Stored {
            format: INDEX_FORMAT.to_owned(),
            files: self
                .files
                .values()
                .map(|f| StoredFile {
                    path: f.path.clone(),
                    stamp: f.stamp,
                    faces: f
                        .faces
                        .iter()
                        .map(|(i, info)| (*i, StoredInfo::of(info)))
                        .collect(),
                })
                .collect(),
        };
        serde_json::to_vec(&stored).expect("an index is plain data")
    }

    /// The file at `path` as the index knows it, if it is still that version.
    pub fn get(&self, path: &Path, stamp: Stamp) -> Option<&FontFile> {
        self.files.get(path).filter(|f| f.stamp == stamp)
    }
}

/// The fonts a PDF may use, found by the caller (the system's, and folders the user names).
/// Font files are read only when a document needs them.
#[derive(Clone, Default)]
pub struct Fonts(Arc<FontStore>);

impl Fonts {
    /// The faces of `files`, in their order: the first of two faces that match is used.
    pub fn new<'a>(files: impl IntoIterator<Item = &'a FontFile>) -> Fonts {
        let mut store = FontStore::new();
        for file in files {
            for (index, info) in &file.faces {
                let face = Face {
                    path: file.path.clone(),
                    index: *index,
                };
                store.push((face, info.clone()));
            }
        }
        Fonts(Arc::new(store))
    }

    /// Whether any font covers Chinese: without one, a bulletin cannot be typeset.
    pub(super) fn has_chinese(&self) -> bool {
        let variant = FontVariant::new(FontStyle::Normal, FontWeight::REGULAR, Default::default());
        self.0
            .book()
            .select_fallback(None, variant, "周报")
            .is_some()
    }

    /// Whether a face of `family` is installed.
    pub(super) fn has_family(&self, family: &str) -> bool {
        self.0.book().contains_family(&family.to_lowercase())
    }

    /// The regular face of each family `template` names in quotes, or that the table of
    /// faces gives it as `fonts`.
    fn named(&self, template: &str) -> Vec<usize> {
        let variant = FontVariant::new(FontStyle::Normal, FontWeight::REGULAR, Default::default());
        let book = self.0.book();
        let table: Vec<&str> = if template.contains("fonts") {
            super::faces::FACES
                .iter()
                .flat_map(|f| f.families())
                .collect()
        } else {
            Vec::new()
        };
        book.families()
            .filter(|(family, _)| {
                table.iter().any(|f| f == family) || template.contains(&format!("\"{family}\""))
            })
            .filter_map(|(family, _)| book.select(&family.to_lowercase(), variant))
            .collect()
    }

    pub(super) fn store(&self) -> &FontStore {
        &self.0
    }

    /// Reads, in threads of their own, the regular face of each family that `template` names
    /// (in quotes, or as `fonts`, the table of faces), while it is filled in and Typst
    /// compiles: a CJK face is some 20 MB, which
    /// Typst hashes whole when it first uses it, and would otherwise read and hash one after
    /// another as it meets them. The template, not the Typst source it makes: a family named
    /// in an issue's text is not read for it. A thread still at work when the run ends is not
    /// waited for.
    pub(super) fn prefetch(&self, template: &str) {
        for index in self.named(template) {
            let store = Arc::clone(&self.0);
            // A thread the system will not give is only a face read later, when it is used.
            let _ = std::thread::Builder::new().spawn(move || {
                if let Some(font) = store.font(index) {
                    typst::utils::hash128(&font);
                }
            });
        }
    }
}

impl std::fmt::Debug for Fonts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Fonts({} faces)", self.0.book().families().count())
    }
}

/// A face of a font file, read when a document first uses it. The file is looked over again
/// as it is read: it may have changed since it was indexed, or the index may not be ours.
struct Face {
    path: PathBuf,
    index: u32,
}

impl FontSource for Face {
    fn load(&self) -> Option<Font> {
        let len = std::fs::metadata(&self.path).ok()?.len();
        if len > font_check::MAX_FONT_BYTES as u64 {
            return None;
        }
        let data = std::fs::read(&self.path).ok()?;
        font_check::face_at(&data, self.index).ok()?;
        Font::new(Bytes::new(data), self.index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp() -> Stamp {
        Stamp {
            len: 10,
            modified: 1_700_000_000_000_000_000,
        }
    }

    fn info(family: &str, coverage: Vec<u32>) -> FontInfo {
        FontInfo {
            family: family.to_owned(),
            variant: FontVariant::default(),
            flags: FontFlags::SERIF,
            axes: Vec::new(),
            coverage: Coverage::from_vec(coverage),
        }
    }

    fn file(path: &str) -> FontFile {
        FontFile {
            path: PathBuf::from(path),
            stamp: stamp(),
            faces: vec![
                (0, info("Noto Serif CJK JP", vec![0x5468, 0x62A5])),
                (2, info("Noto Serif CJK SC", vec![0x41, 0x42, 0x5468])),
            ],
        }
    }

    fn index() -> FontIndex {
        FontIndex::new([file("/fonts/a.ttc")])
    }

    #[test]
    fn an_index_reads_back_as_written() {
        let index = index();
        assert_eq!(FontIndex::parse(&index.to_bytes()), Some(index));
    }

    #[test]
    fn runs_are_numbers_within_unicode() {
        assert_eq!(runs(""), Some(vec![]));
        assert_eq!(runs("32 95 1"), Some(vec![32, 95, 1]));
        assert_eq!(runs("1114112"), Some(vec![0x11_0000]));
        for bad in [
            "1114113",
            "1114112 1",
            "12345678",
            " 1",
            "1 ",
            "1  2",
            "1,2",
            "-1",
            "x",
        ] {
            assert_eq!(runs(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_file_is_found_only_at_its_version() {
        let index = index();
        let path = std::path::Path::new("/fonts/a.ttc");
        assert!(index.get(path, stamp()).is_some());
        let edited = Stamp {
            modified: stamp().modified + 1,
            ..stamp()
        };
        assert!(index.get(path, edited).is_none());
        let cut = Stamp { len: 9, ..stamp() };
        assert!(index.get(path, cut).is_none());
        assert!(
            index
                .get(std::path::Path::new("/fonts/b.ttc"), stamp())
                .is_none()
        );
    }

    #[test]
    fn an_index_of_too_many_files_is_not_read() {
        let files = |n| (0..n).map(|i| file(&format!("/fonts/{i}.ttc")));
        let many = FontIndex::new(files(MAX_INDEXED_FILES + 1));
        assert_eq!(FontIndex::parse(&many.to_bytes()), None);
        let most = FontIndex::new(files(MAX_INDEXED_FILES));
        assert_eq!(FontIndex::parse(&most.to_bytes()), Some(most));
    }

    /// After a run: the files it found, the files of paths it did not walk, not those of
    /// paths it walked and found no more (a font removed, or refused); this run's first.
    #[test]
    fn an_index_keeps_what_a_run_did_not_walk() {
        let known = FontIndex::new(["/a.ttc", "/b.ttc", "/other/c.ttc"].map(file));
        let walked: HashSet<PathBuf> = ["/a.ttc", "/b.ttc", "/d.ttc"].map(PathBuf::from).into();
        let found = [file("/a.ttc"), file("/d.ttc")];
        let after = known.after(&found, &walked);
        assert_eq!(
            after,
            FontIndex::new(["/a.ttc", "/d.ttc", "/other/c.ttc"].map(file))
        );
        let full: Vec<FontFile> = (0..MAX_INDEXED_FILES)
            .map(|i| file(&format!("/fonts/{i}.ttc")))
            .collect();
        let walked: HashSet<PathBuf> = full.iter().map(|f| f.path.clone()).collect();
        assert_eq!(known.after(&full, &walked), FontIndex::new(full));
    }

    #[test]
    fn a_damaged_or_foreign_index_is_not_read() {
        let good = String::from_utf8(index().to_bytes()).unwrap();
        let other = good.replace(INDEX_FORMAT, "weekly 0.0.0, font index 1");
        let past_unicode = good.replacen("\"coverage\":\"65 ", "\"coverage\":\"4294967200 ", 1);
        let not_a_number = good.replacen("\"coverage\":\"65 ", "\"coverage\":\"6x ", 1);
        assert_ne!(past_unicode, good);
        assert_ne!(not_a_number, good);
        for bad in [
            "",
            "{}",
            "null",
            &good[..good.len() / 2],
            &other,
            &past_unicode,
            &not_a_number,
            &"[".repeat(100_000),
        ] {
            assert_eq!(FontIndex::parse(bad.as_bytes()), None, "{bad:.80}");
        }
    }

    /// The faces read ahead are the regular ones of the families the template names, not
    /// those of a family an issue's text names (the template's output is not looked at).
    #[test]
    fn the_families_a_template_names_are_read_ahead() {
        let bold = FontInfo {
            variant: FontVariant::new(FontStyle::Normal, FontWeight::BOLD, Default::default()),
            ..info("Noto Serif CJK SC", vec![0x5468])
        };
        let fonts = Fonts::new(&[FontFile {
            path: PathBuf::from("/fonts/a.ttc"),
            stamp: stamp(),
            faces: vec![
                (0, info("Noto Serif CJK JP", vec![0x5468])),
                (1, bold),
                (2, info("Noto Serif CJK SC", vec![0x5468])),
                (3, info("Noto Sans CJK SC", vec![0x5468])),
            ],
        }]);
        let template = r#"#let song = ("SimSun", "Noto Serif CJK SC", "Noto Sans CJK SC")"#;
        let mut named = fonts.named(template);
        named.sort();
        assert_eq!(named, [2, 3]);
        assert_eq!(fonts.named("#par[{{ text | typ_text }}]"), [] as [usize; 0]);
        // The built-in template names them through the table of faces.
        let mut named = fonts.named("#let song = {{ fonts.song.families | join(sep=\", \") }}");
        named.sort();
        assert_eq!(named, [2, 3]);
        assert_eq!(fonts.named("Noto Serif CJK JP"), [] as [usize; 0]);
    }

    #[test]
    fn a_face_that_is_gone_or_not_a_font_is_not_loaded() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("bad.ttf");
        std::fs::write(&bad, [0, 1, 0, 0, 0]).unwrap();
        for path in [bad, dir.path().join("gone.ttf")] {
            assert!(Face { path, index: 0 }.load().is_none());
        }
    }
}
