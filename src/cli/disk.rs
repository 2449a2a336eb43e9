//! The file system as the library reads it: issue files with the size cap, standard input,
//! the issue files below a folder, and the user's templates.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::bail;

use super::said::{Said, Saying};

use crate::input::files::{Files, MAX_INPUT_BYTES, ReadError, is_issue_file};
use crate::msg;
use crate::render::{Format, Templates};

/// Files on disk, and standard input as `-`. Every file read is remembered: no output of
/// the run may replace one ([`Disk::has_read`]).
#[derive(Default)]
pub struct Disk {
    read: Mutex<HashSet<FileId>>,
    /// The real path of each path resolved, and of each folder a file was resolved in: an
    /// archive's history is resolved issue by issue back along `previous:`, each path many
    /// times, and the system resolves a path by reading each of its folders as a link.
    resolved: Mutex<HashMap<PathBuf, PathBuf>>,
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

    fn known(&self, path: &Path) -> Option<PathBuf> {
        self.resolved.lock().ok()?.get(path).cloned()
    }

    fn remember(&self, path: &Path, real: PathBuf) -> PathBuf {
        if let Ok(mut resolved) = self.resolved.lock() {
            resolved.insert(path.to_owned(), real.clone());
        }
        real
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
        if let Some(real) = self.known(path) {
            return Ok(real);
        }
        // A regular file is not a link: its real path is its folder's and its name.
        let meta = fs::symlink_metadata(path)?;
        let real = match (path.parent(), path.file_name()) {
            (Some(folder), Some(name)) if meta.is_file() => {
                let folder = if folder.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    folder
                };
                let real = match self.known(folder) {
                    Some(real) => real,
                    None => self.remember(folder, fs::canonicalize(folder)?),
                };
                real.join(name)
            }
            _ => fs::canonicalize(path)?,
        };
        Ok(self.remember(path, real))
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

/// What a `check` or `stats` argument holds: itself, or the issue files below a folder, in
/// name order; and what was not read there, and why.
#[derive(Default)]
pub struct Walk {
    pub files: Vec<PathBuf>,
    /// Symbolic links to outside the folder, or to what is not a file: W025 each.
    pub links: Vec<(PathBuf, LinkTo)>,
    /// Folders below that could not be read.
    pub folders: Vec<anyhow::Error>,
}

/// Where a link that is not read leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum LinkTo {
    Outside,
    NotAFile,
}

/// How many folders below the one named a walk goes: an archive is a folder of years, and a
/// deeper tree (a loop of bind mounts, a generated maze) is cut short with a finding.
pub const MAX_DEPTH: usize = 32;

/// The issue files `path` names: itself, or every `*.yaml` below a folder. Hidden entries
/// (`.git`) are skipped; a link is read only when it leads to a file inside the folder,
/// and links to folders are not followed, so the walk cannot loop or leave the folder. A
/// folder that cannot be read below the one named is reported and the rest walked; a folder
/// without any issue file is an error, so that a mistyped path fails loudly.
pub fn issue_files(path: &Path) -> anyhow::Result<Walk> {
    if path == Path::new("-") || !path.is_dir() {
        return Ok(Walk {
            files: vec![path.to_owned()],
            ..Walk::default()
        });
    }
    let cannot_read = |dir: &Path| {
        let dir = crate::text::quote::path(dir);
        msg!("cannot read the folder `{dir}`", "无法读取文件夹 `{dir}`")
    };
    let root = fs::canonicalize(path).said(|| cannot_read(path))?;
    let mut walk = Walk::default();
    let mut folders = vec![(path.to_owned(), 0)];
    while let Some((dir, depth)) = folders.pop() {
        let entries = fs::read_dir(&dir).and_then(|d| d.collect::<io::Result<Vec<_>>>());
        let entries = match entries {
            Ok(entries) => entries,
            Err(e) if depth == 0 => bail!(Said::because(cannot_read(&dir), e)),
            Err(e) => {
                walk.folders
                    .push(Said::because(cannot_read(&dir), e).into());
                continue;
            }
        };
        for entry in entries {
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() && depth == MAX_DEPTH {
                let shown = crate::text::quote::path(&path);
                walk.folders.push(
                    Said::new(msg!(
                        "`{shown}` is more than {MAX_DEPTH} folders deep: not read",
                        "`{shown}` 的层级超过 {MAX_DEPTH} 层文件夹：未读取"
                    ))
                    .into(),
                );
            } else if kind.is_dir() {
                folders.push((path, depth + 1));
            } else if !is_issue_file(&path) {
            } else if !kind.is_symlink() {
                walk.files.push(path);
            } else {
                match fs::canonicalize(&path).and_then(|real| Ok((fs::metadata(&real)?, real))) {
                    Ok((meta, _)) if !meta.is_file() => walk.links.push((path, LinkTo::NotAFile)),
                    Ok((_, real)) if real.starts_with(&root) => walk.files.push(path),
                    Ok(_) => walk.links.push((path, LinkTo::Outside)),
                    // A dangling link leads nowhere a file can be read.
                    Err(_) => walk.links.push((path, LinkTo::NotAFile)),
                }
            }
        }
    }
    if walk.files.is_empty() && walk.links.is_empty() && walk.folders.is_empty() {
        let path = crate::text::quote::path(path);
        bail!(Said::new(msg!(
            "no issue files (*.yaml) in `{path}`",
            "`{path}` 中没有周报文件（*.yaml）"
        )));
    }
    walk.files.sort();
    walk.links.sort();
    Ok(walk)
}

/// W025: a link in a folder that is not read, for where it leads.
pub fn link_not_read(folder: &Path, to: LinkTo) -> crate::diag::Diagnostic {
    let folder = crate::text::quote::path(folder);
    let message = match to {
        LinkTo::Outside => msg!(
            "a symbolic link to a file outside `{folder}`: not read",
            "指向 `{folder}` 之外文件的符号链接：未读取"
        ),
        LinkTo::NotAFile => msg!(
            "a symbolic link to something that is not a file, or to nothing: not read",
            "符号链接指向的不是文件，或指向的文件不存在：未读取"
        ),
    };
    crate::diag::Diagnostic::new(crate::diag::Code::W025, 0..0, message).with_help(msg!(
        "copy the issue into the folder, or name the link itself to `weekly check` to read it",
        "请把该期周报复制到文件夹中；如确要读取，可直接把这个链接作为参数交给 `weekly check`"
    ))
}

/// The templates for `format`: the file of its name in `dir` when there is one, else the
/// built-in.
pub fn templates(disk: &Disk, format: Format, dir: Option<&Path>) -> anyhow::Result<Templates> {
    let mut templates = Templates::default();
    let (Some(dir), Some((name, _))) = (dir, format.template()) else {
        return Ok(templates);
    };
    if !dir.is_dir() {
        let shown = crate::text::quote::path(dir);
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
    // A template is read as an issue file is: a regular file under the cap, or nothing (a
    // FIFO would block, `/dev/zero` would never end).
    match disk.read(&path, MAX_INPUT_BYTES) {
        Ok(bytes) => {
            let source = String::from_utf8(bytes).map_err(|_| {
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    msg!("it is not UTF-8 text", "不是 UTF-8 编码的文本"),
                )
            });
            let source = source.said(|| cannot_read_template(&path))?;
            templates.replace(format, crate::text::quote::path(&path), source);
        }
        Err(ReadError::Io(e)) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => bail!(Said::because(cannot_read_template(&path), e)),
    }
    Ok(templates)
}

fn cannot_read_template(path: &Path) -> crate::i18n::Msg {
    let path = crate::text::quote::path(path);
    msg!("cannot read the template `{path}`", "无法读取模板 `{path}`")
}

/// Links made in a test need a privilege on Windows.
#[cfg(all(test, unix))]
mod tests {
    use super::*;

    /// A path resolves to what the system says it does, through links to files and to
    /// folders, asked once or again; one that leads nowhere is an error.
    #[test]
    fn a_path_resolves_as_the_system_resolves_it() {
        let dir = tempfile::tempdir().unwrap();
        let at = |p: &str| dir.path().join(p);
        fs::create_dir(at("real")).unwrap();
        fs::write(at("real/a.yaml"), "").unwrap();
        std::os::unix::fs::symlink("real", at("folder")).unwrap();
        std::os::unix::fs::symlink("real/a.yaml", at("file.yaml")).unwrap();
        std::os::unix::fs::symlink("gone.yaml", at("dangling.yaml")).unwrap();
        let disk = Disk::default();
        let paths = [
            "real/a.yaml",
            "folder/a.yaml",
            "file.yaml",
            "real/../folder/./a.yaml",
            "real",
            "folder",
        ];
        for _ in 0..2 {
            for p in paths {
                assert_eq!(
                    disk.resolve(&at(p)).unwrap(),
                    fs::canonicalize(at(p)).unwrap(),
                    "{p}"
                );
            }
        }
        assert!(disk.resolve(&at("dangling.yaml")).is_err());
        assert!(disk.resolve(&at("real/b.yaml")).is_err());
    }
}
