//! The file system as the library reads it: issue files with the size cap, standard input,
//! the issue files below a folder, and the user's templates.

use std::collections::HashSet;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::bail;

use super::said::{Said, Saying};

use crate::input::files::{Files, ReadError, is_issue_file};
use crate::msg;
use crate::render::{Format, Templates};

/// Files on disk, and standard input as `-`. Every file read is remembered: no output of
/// the run may replace one ([`Disk::has_read`]).
#[derive(Default)]
pub struct Disk {
    read: Mutex<HashSet<FileId>>,
}

/// One file, however it is named: its device and inode where there are such, else the one
/// path it resolves to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct FileId(#[cfg(unix)] (u64, u64), #[cfg(not(unix))] PathBuf);

impl FileId {
    fn of(path: &Path, meta: &fs::Metadata) -> FileId {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let _ = path;
            FileId((meta.dev(), meta.ino()))
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            FileId(fs::canonicalize(path).unwrap_or_else(|_| path.to_owned()))
        }
    }
}

impl Disk {
    /// Whether the run has read the file at `path`.
    pub fn has_read(&self, path: &Path) -> bool {
        let Ok(meta) = fs::metadata(path) else {
            return false;
        };
        self.read
            .lock()
            .is_ok_and(|read| read.contains(&FileId::of(path, &meta)))
    }

    fn note(&self, path: &Path, meta: &fs::Metadata) {
        if let Ok(mut read) = self.read.lock() {
            read.insert(FileId::of(path, meta));
        }
    }
}

impl Files for Disk {
    /// A regular file or standard input, up to the cap. Anything else (a FIFO with no writer,
    /// `/dev/zero`) is refused before it is opened, so a wrong path never blocks.
    fn read(&self, path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
        let mut bytes = Vec::new();
        if path == Path::new("-") {
            io::stdin().lock().take(limit + 1).read_to_end(&mut bytes)?;
        } else {
            let meta = fs::metadata(path)?;
            if meta.is_dir() {
                let folder = msg!("it is a folder", "这是一个文件夹");
                return Err(io::Error::new(io::ErrorKind::InvalidInput, folder).into());
            }
            if !meta.is_file() {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    msg!(
                        "it is not a regular file (to read a pipe, give `-` and redirect it)",
                        "这不是普通文件（要读取管道，请写 `-` 并重定向输入）"
                    ),
                )
                .into());
            }
            self.note(path, &meta);
            if meta.len() > limit {
                return Err(ReadError::TooLarge);
            }
            fs::File::open(path)?
                .take(limit + 1)
                .read_to_end(&mut bytes)?;
        }
        if bytes.len() as u64 > limit {
            return Err(ReadError::TooLarge);
        }
        Ok(bytes)
    }

    fn resolve(&self, path: &Path) -> io::Result<PathBuf> {
        fs::canonicalize(path)
    }

    fn list(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        let mut paths = Vec::new();
        for entry in fs::read_dir(dir)? {
            let entry = entry?;
            if entry.file_type()?.is_file() && is_issue_file(&entry.path()) {
                paths.push(entry.path());
            }
        }
        paths.sort();
        Ok(paths)
    }
}

/// The issue files a `check` argument names: itself, or every `*.yaml` below a folder, in
/// name order. A folder without any is an error, so that a mistyped path fails loudly.
pub fn issue_files(path: &Path) -> anyhow::Result<Vec<PathBuf>> {
    if path == Path::new("-") || !path.is_dir() {
        return Ok(vec![path.to_owned()]);
    }
    let mut files = Vec::new();
    collect_yaml(path, &mut files).said(|| {
        let path = path.display();
        msg!("cannot read the folder `{path}`", "无法读取文件夹 `{path}`")
    })?;
    if files.is_empty() {
        let path = path.display();
        bail!(Said::new(msg!(
            "no issue files (*.yaml) in `{path}`",
            "`{path}` 中没有周报文件（*.yaml）"
        )));
    }
    files.sort();
    Ok(files)
}

/// Hidden entries (`.git`) are skipped, and symbolic links to folders are not followed, so
/// the walk cannot loop.
fn collect_yaml(dir: &Path, files: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            collect_yaml(&path, files)?;
        } else if is_issue_file(&path) {
            files.push(path);
        }
    }
    Ok(())
}

/// The fonts a PDF may use: those in the folders given, then, with `system`, the system's.
#[cfg(feature = "pdf")]
pub fn fonts(folders: &[PathBuf], system: bool) -> crate::render::Fonts {
    let mut store = typst_kit::fonts::FontStore::new();
    for folder in folders {
        store.extend(typst_kit::fonts::scan(folder));
    }
    if system {
        store.extend(typst_kit::fonts::system());
    }
    crate::render::Fonts::new(store)
}

#[cfg(not(feature = "pdf"))]
pub fn fonts(_: &[PathBuf], _: bool) -> crate::render::Fonts {
    crate::render::Fonts
}

/// The templates for `format`: the file of its name in `dir` when there is one, else the
/// built-in.
pub fn templates(disk: &Disk, format: Format, dir: Option<&Path>) -> anyhow::Result<Templates> {
    let mut templates = Templates::default();
    let (Some(dir), Some((name, _))) = (dir, format.template()) else {
        return Ok(templates);
    };
    if !dir.is_dir() {
        let shown = dir.display();
        if dir.exists() {
            bail!(Said::new(msg!(
                "`{shown}` is a file, not a folder: --templates takes the folder that holds bulletin.md and the others",
                "`{shown}` 是文件而不是文件夹：--templates 要指定存放 bulletin.md 等模板的文件夹"
            )));
        }
        bail!(Said::new(msg!(
            "the templates folder `{shown}` does not exist",
            "模板文件夹 `{shown}` 不存在"
        )));
    }
    let path = dir.join(name);
    if let Ok(meta) = fs::metadata(&path) {
        disk.note(&path, &meta);
    }
    match fs::read_to_string(&path) {
        Ok(source) => templates.replace(format, path.display().to_string(), source),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => {
            let path = path.display();
            bail!(Said::because(
                msg!("cannot read `{path}`", "无法读取 `{path}`"),
                e
            ));
        }
    }
    Ok(templates)
}
