//! Where issue files come from: the [`Files`] a caller supplies to the loader (the disk and
//! standard input for the command line, [`Memory`] for tests, benchmarks and fuzzing), and
//! the size cap every reading keeps to.

use std::collections::HashMap;
use std::io;
use std::path::{Component, Path, PathBuf};

/// Files larger than this are refused: a bulletin is a few kilobytes, 100 times that is
/// still well under it, and a cap keeps a wrong path (a log, `/dev/zero`) from being read whole.
pub const MAX_INPUT_BYTES: u64 = 4 * 1024 * 1024;

/// Why a file's bytes could not be had.
#[derive(Debug)]
pub enum ReadError {
    TooLarge,
    Io(io::Error),
}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> ReadError {
        ReadError::Io(e)
    }
}

/// An I/O error says itself: it is no cause of its own.
impl std::error::Error for ReadError {}

crate::in_english!(ReadError);

impl crate::i18n::Localized for ReadError {
    fn message(&self) -> crate::i18n::Msg {
        let mib = MAX_INPUT_BYTES / (1024 * 1024);
        match self {
            ReadError::TooLarge => {
                crate::msg!("the file is larger than {mib} MiB", "文件大于 {mib} MiB")
            }
            ReadError::Io(e) => crate::i18n::io_message(e),
        }
    }
}

/// Where issue files come from: the file system and standard input for the command line, a
/// map in memory for tests, benchmarks and fuzzing.
pub trait Files {
    /// The bytes of the file at `path` (`-` is standard input), refused with
    /// [`ReadError::TooLarge`] past `limit` bytes.
    fn read(&self, path: &Path, limit: u64) -> Result<Vec<u8>, ReadError>;

    /// The one name of the file at `path`, however the path is written (`a/../b.yaml`, a
    /// link): previous issues are read once per name. An error when there is no such file.
    fn resolve(&self, path: &Path) -> io::Result<PathBuf>;

    /// The issue files (`*.yaml`, `*.yml`) in the folder `dir`, not below it.
    fn list(&self, dir: &Path) -> io::Result<Vec<PathBuf>>;
}

impl<T: Files + ?Sized> Files for &T {
    fn read(&self, path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
        (**self).read(path, limit)
    }

    fn resolve(&self, path: &Path) -> io::Result<PathBuf> {
        (**self).resolve(path)
    }

    fn list(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        (**self).list(dir)
    }
}

/// Files held in memory; paths are compared once `.` and `..` are taken out.
#[derive(Debug, Default, Clone)]
pub struct Memory {
    files: HashMap<PathBuf, Vec<u8>>,
}

impl Memory {
    pub fn with(mut self, path: impl AsRef<Path>, bytes: impl Into<Vec<u8>>) -> Memory {
        self.files.insert(normal(path.as_ref()), bytes.into());
        self
    }
}

impl Files for Memory {
    fn read(&self, path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
        let bytes = self.files.get(&normal(path)).ok_or_else(not_found)?;
        if bytes.len() as u64 > limit {
            return Err(ReadError::TooLarge);
        }
        Ok(bytes.clone())
    }

    fn resolve(&self, path: &Path) -> io::Result<PathBuf> {
        let path = normal(path);
        if self.files.contains_key(&path) {
            Ok(path)
        } else {
            Err(not_found())
        }
    }

    fn list(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        let dir = normal(dir);
        let mut paths: Vec<PathBuf> = self
            .files
            .keys()
            .filter(|p| p.parent() == Some(dir.as_path()) && is_issue_file(p))
            .cloned()
            .collect();
        paths.sort();
        Ok(paths)
    }
}

/// `*.yaml` and `*.yml`.
pub fn is_issue_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "yaml" || e == "yml")
}

fn not_found() -> io::Error {
    io::Error::from(io::ErrorKind::NotFound)
}

/// `path` with `.` and `..` taken out, as far as the path itself tells.
fn normal(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir if out.file_name().is_some() => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_paths_are_compared_without_dots() {
        let files = Memory::default().with("a/b.yaml", "x");
        assert_eq!(
            files.resolve(Path::new("a/./c/../b.yaml")).unwrap(),
            PathBuf::from("a/b.yaml")
        );
        assert!(files.resolve(Path::new("b.yaml")).is_err());
        assert!(
            files.resolve(Path::new("../a/b.yaml")).is_err(),
            "`..` above the root stays"
        );
        assert!(matches!(
            files.read(Path::new("a/b.yaml"), 0),
            Err(ReadError::TooLarge)
        ));
        assert_eq!(files.read(Path::new("a/b.yaml"), 1).unwrap(), b"x");
    }

    #[test]
    fn memory_lists_the_issue_files_of_one_folder() {
        let files = Memory::default()
            .with("a/1.yaml", "")
            .with("a/2.yml", "")
            .with("a/notes.txt", "")
            .with("a/b/3.yaml", "")
            .with("4.yaml", "");
        let listed = files.list(Path::new("a")).unwrap();
        assert_eq!(
            listed,
            [PathBuf::from("a/1.yaml"), PathBuf::from("a/2.yml")]
        );
    }
}
