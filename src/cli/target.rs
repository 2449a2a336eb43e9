//! Where an output goes: stdout, a file to replace whole, or a device or FIFO to write into,
//! decided by what stands at its path; and writing into a stream or stdout.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::bail;

use super::said::{Said, Saying};
use crate::msg;

/// Where an output goes, decided by what stands at its path.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// `-` or `/dev/stdout`.
    Stdout,
    /// A regular file or a name not yet taken, with symbolic links followed: the file is
    /// replaced whole, in its own folder.
    File(PathBuf),
    /// A character device, FIFO or socket (`/dev/null`, a terminal, a pipe): written into,
    /// never replaced.
    Stream(PathBuf),
}

/// Where `path` sends what is written to it, or why nothing can be written there.
pub fn target(path: &Path) -> anyhow::Result<Target> {
    if path == Path::new("-") || path == Path::new("/dev/stdout") {
        return Ok(Target::Stdout);
    }
    let shown = crate::text::quote::path(path);
    match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => {
            bail!(Said::new(msg!(
                "`{shown}` is a folder; give a file name inside it",
                "`{shown}` 是文件夹；请给出其中的文件名"
            )))
        }
        Ok(meta) if meta.is_file() => {
            let real = fs::canonicalize(path).said(|| cannot_follow(path))?;
            Ok(Target::File(real))
        }
        Ok(meta) if is_block_device(&meta) => {
            bail!(Said::new(msg!(
                "`{shown}` is a block device; weekly writes files, terminals, pipes and FIFOs",
                "`{shown}` 是块设备；weekly 只能写入普通文件、终端、管道和命名管道（FIFO）"
            )))
        }
        Ok(_) => Ok(Target::Stream(path.to_owned())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if path.as_os_str().to_string_lossy().ends_with(['/', '\\']) {
                bail!(Said::new(msg!(
                    "`{shown}` names a folder; give a file name",
                    "`{shown}` 以斜杠结尾，表示文件夹；请给出文件名"
                )));
            }
            let real = follow_links(path).said(|| cannot_follow(path))?;
            let folder = folder_of(&real);
            if !folder.is_dir() {
                let folder = crate::text::quote::path(&folder);
                bail!(Said::new(msg!(
                    "the folder `{folder}` does not exist; make it first",
                    "文件夹 `{folder}` 不存在；请先新建"
                )));
            }
            // An absolute path, so that two names of one output compare equal.
            let name = real.file_name().map(PathBuf::from).unwrap_or_default();
            let folder = fs::canonicalize(&folder).said(|| cannot_follow(&folder))?;
            Ok(Target::File(folder.join(name)))
        }
        Err(e) => Err(Said::because(cannot_write(path), e).into()),
    }
}

/// Whether `path` names a device, FIFO or folder rather than a file.
pub fn not_a_file(path: &Path) -> bool {
    !matches!(target(path), Ok(Target::File(_)))
        && (path.is_dir() || path.to_string_lossy().ends_with(['/', '\\']) || path.exists())
}

fn cannot_follow(path: &Path) -> crate::i18n::Msg {
    let path = crate::text::quote::path(path);
    msg!(
        "cannot resolve the path `{path}`",
        "无法确定 `{path}` 的实际位置"
    )
}

pub fn cannot_write(path: &Path) -> crate::i18n::Msg {
    let path = crate::text::quote::path(path);
    msg!("cannot write `{path}`", "无法写入 `{path}`")
}

#[cfg(unix)]
fn is_block_device(meta: &fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    meta.file_type().is_block_device()
}

#[cfg(not(unix))]
fn is_block_device(_: &fs::Metadata) -> bool {
    false
}

/// The path a chain of symbolic links ends at, for a link whose target does not exist yet.
fn follow_links(path: &Path) -> io::Result<PathBuf> {
    let mut path = path.to_owned();
    for _ in 0..40 {
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let to = fs::read_link(&path)?;
                path = folder_of(&path).join(to);
            }
            _ => return Ok(path),
        }
    }
    Err(io::Error::other(msg!(
        "too many levels of symbolic links",
        "符号链接层数过多"
    )))
}

pub(super) fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// Opens a device or FIFO for writing. A FIFO nobody reads is an error rather than a wait.
pub(super) fn open_stream(path: &Path) -> io::Result<File> {
    #[cfg(unix)]
    {
        use rustix::fs::OFlags;
        use std::os::unix::fs::OpenOptionsExt;
        let file = fs::OpenOptions::new()
            .write(true)
            .custom_flags(OFlags::NONBLOCK.bits() as i32)
            .open(path)
            .map_err(|e| match e.raw_os_error() {
                Some(code)
                    if rustix::io::Errno::from_raw_os_error(code) == rustix::io::Errno::NXIO =>
                {
                    io::Error::other(msg!(
                        "nothing is reading from the FIFO",
                        "没有程序在读取这个命名管道（FIFO）"
                    ))
                }
                _ => e,
            })?;
        let flags = rustix::fs::fcntl_getfl(&file)?;
        rustix::fs::fcntl_setfl(&file, flags - OFlags::NONBLOCK)?;
        Ok(file)
    }
    #[cfg(not(unix))]
    fs::OpenOptions::new().write(true).open(path)
}

/// What a failure to write stdout says, in every command.
pub fn stdout_msg() -> crate::i18n::Msg {
    msg!("cannot write to stdout", "无法写入标准输出")
}

/// A reader that stops early (`weekly build … | head`) is not an error.
pub fn stdout(bytes: &[u8]) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_a_missing_folder_and_a_trailing_slash_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let err = |p: &Path| format!("{:#}", target(p).unwrap_err());
        assert!(err(dir.path()).contains("is a folder"));
        assert!(err(&dir.path().join("no/such.md")).contains("does not exist"));
        assert!(err(&dir.path().join("new/")).contains("names a folder"));
    }
}
