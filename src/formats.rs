//! The output formats a file name's extension names, for every command that writes a file.

use std::path::Path;

/// An output format that a file name's extension names (`.docx`, `.csv`), in any case: the
/// formats of `weekly build` and of `weekly stats` alike.
pub trait ByExtension: Copy + PartialEq + 'static {
    /// Every format, in the order they are listed.
    fn all() -> &'static [Self];

    /// The name `--format` takes.
    fn name(self) -> &'static str;

    /// The extensions that mean the format, the usual one first.
    fn extensions(self) -> &'static [&'static str];

    /// The format `path`'s extension names.
    fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Self::all()
            .iter()
            .copied()
            .find(|f| f.extensions().contains(&ext.as_str()))
    }
}
