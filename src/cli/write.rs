//! Writing outputs: files replaced whole and made durable, alone or together, and devices and
//! FIFOs written into; what stands at an output's path is [`super::target`]'s to say.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::disk::Disk;
use super::said::{Said, Saying};
pub use super::target::{Target, cannot_write, not_a_file, stdout, stdout_msg, target};
use super::target::{folder_of, open_stream};
use crate::msg;

/// A file that is there and is replaced only with `--force`.
pub fn exists(path: &Path) -> Said {
    let path = crate::text::quote::path(path);
    Said::new(msg!(
        "`{path}` exists; give --force to replace it",
        "`{path}` 已存在；如要替换，请加 --force"
    ))
}

/// The folder `dir` and those above it, made where missing.
pub fn folder(dir: &Path) -> anyhow::Result<()> {
    fs::create_dir_all(dir).said(|| {
        let dir = crate::text::quote::path(dir);
        msg!("cannot make the folder `{dir}`", "无法新建文件夹 `{dir}`")
    })?;
    Ok(())
}

/// An output written but not yet in place: committing it is one rename (or one write into a
/// stream), so that several outputs are all prepared before any is replaced.
pub struct Staged {
    target: Target,
    how: Staging,
}

enum Staging {
    /// A file without a name in the target's folder (Linux `O_TMPFILE`): if the process dies
    /// before it is linked into place, nothing is left behind.
    #[cfg(target_os = "linux")]
    Unnamed(File),
    /// A named file marked for deletion (Windows): if the process dies before it is renamed
    /// into place, Windows removes it.
    #[cfg(windows)]
    Pending(super::windows::Pending),
    /// A named temporary file, removed on drop. One a killed process leaves is never removed
    /// by a later run, which cannot know that weekly made it: it is named
    /// `.weekly-<process>-…`, for the user to see and remove.
    Named(tempfile::NamedTempFile),
    /// The bytes, written at commit into a device, FIFO or stdout.
    Bytes(Vec<u8>),
}

/// Prefix of temporary files: `.weekly-<pid>-`.
const PREFIX: &str = ".weekly-";

/// Prepares `bytes` for `target` without touching what is there. A file the run has read
/// (`disk`) is never a target.
pub fn stage(target: Target, bytes: &[u8], disk: &Disk) -> io::Result<Staged> {
    if let Target::File(path) = &target
        && disk.has_read(path)
    {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            msg!(
                "this run reads it: no output replaces an issue, a previous issue, an issue of the folder, a bulletin being imported or a template the run reads",
                "本次运行要读取这个文件：输出不会覆盖本次读取的周报文件、上一期、文件夹中的各期、正在导入的周报或模板"
            ),
        ));
    }
    stage_any(target, bytes)
}

/// Prepares new bytes for the file at `path`, which the run read: the one file weekly writes
/// that it read is the previous issue of `weekly new`, into which the figures it printed are
/// written.
pub fn stage_edit(path: &Path, bytes: &[u8]) -> anyhow::Result<Staged> {
    match target(path)? {
        Target::File(real) => Ok(stage_any(Target::File(real), bytes)?),
        _ => Err(io::Error::new(io::ErrorKind::InvalidInput, not_a_regular_file()).into()),
    }
}

fn not_a_regular_file() -> crate::i18n::Msg {
    msg!("it is not a regular file", "这不是普通文件")
}

fn stage_any(target: Target, bytes: &[u8]) -> io::Result<Staged> {
    let how = match &target {
        Target::File(path) => {
            let folder = folder_of(path);
            let kept = kept(path)?;
            match unnamed(&folder, bytes, &kept) {
                Some(file) => file,
                None => named(&folder, bytes, &kept)?,
            }
        }
        Target::Stdout | Target::Stream(_) => Staging::Bytes(bytes.to_owned()),
    };
    Ok(Staged { target, how })
}

impl Staged {
    /// Puts the output in place. Without `replace`, a file already at the path is an error
    /// and is left alone.
    pub fn commit(self, replace: bool) -> io::Result<()> {
        let mut done = commit_all(vec![((), self)], replace);
        done.pop().map_or(Ok(()), |(_, result)| result)
    }

    /// The file staged, if the output is one.
    fn file(&self) -> Option<&File> {
        match &self.how {
            #[cfg(target_os = "linux")]
            Staging::Unnamed(file) => Some(file),
            #[cfg(windows)]
            Staging::Pending(pending) => Some(&pending.file),
            Staging::Named(tmp) => Some(tmp.as_file()),
            Staging::Bytes(_) => None,
        }
    }

    /// Links or renames the staged file into place, or writes the bytes into the stream.
    fn place(self, replace: bool) -> io::Result<()> {
        match (self.target, self.how) {
            #[cfg(target_os = "linux")]
            (Target::File(path), Staging::Unnamed(file)) => {
                if replace {
                    let named = tempfile::Builder::new()
                        .prefix(&prefix())
                        .make_in(folder_of(&path), |at| link(&file, at))
                        .map_err(unnamed_error)?;
                    named.persist(&path).map_err(|e| e.error)?;
                    Ok(())
                } else {
                    link(&file, &path)
                }
            }
            #[cfg(windows)]
            (Target::File(path), Staging::Pending(pending)) => {
                super::windows::place(pending, &path, replace)
            }
            (Target::File(path), Staging::Named(tmp)) => {
                if replace {
                    tmp.persist(&path).map_err(|e| e.error)?;
                } else {
                    tmp.persist_noclobber(&path).map_err(|e| e.error)?;
                }
                Ok(())
            }
            (Target::Stream(path), Staging::Bytes(bytes)) => {
                let mut stream = open_stream(&path)?;
                stream.write_all(&bytes)?;
                stream.flush()
            }
            (Target::Stdout, Staging::Bytes(bytes)) => stdout(&bytes),
            _ => Err(io::Error::other(
                "an output staged for another kind of target",
            )),
        }
    }
}

/// Puts staged outputs in place together, each with what came of it: first the data of every
/// file is made durable, then each is linked or renamed into place, then each folder written
/// into is synced once. A crash leaves each output old or new and whole, as committing them
/// one by one does, with two syncs for a batch rather than two for each file.
pub fn commit_all<T>(staged: Vec<(T, Staged)>, replace: bool) -> Vec<(T, io::Result<()>)> {
    let files: Vec<&File> = staged.iter().filter_map(|(_, s)| s.file()).collect();
    let durable = sync_files(&files);
    let mut folders: Vec<PathBuf> = Vec::new();
    let mut done = Vec::with_capacity(staged.len());
    for (tag, ready) in staged {
        let result = match (&durable, &ready.target) {
            (Err(e), Target::File(_)) => Err(io::Error::new(e.kind(), e.to_string())),
            (_, Target::File(path)) => {
                let folder = folder_of(path);
                let placed = ready.place(replace);
                if placed.is_ok() && !folders.contains(&folder) {
                    folders.push(folder);
                }
                placed
            }
            _ => ready.place(replace),
        };
        done.push((tag, result));
    }
    for folder in folders {
        sync_folder(&folder);
    }
    done
}

/// Makes the data of `files` durable: a file alone synced, several on Linux by one `syncfs`
/// for each file system they are on, elsewhere each synced.
fn sync_files(files: &[&File]) -> io::Result<()> {
    if let [file] = files {
        return file.sync_all();
    }
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::MetadataExt;
        let mut devices = Vec::new();
        for file in files {
            let device = file.metadata()?.dev();
            if !devices.contains(&device) {
                devices.push(device);
                rustix::fs::syncfs(file)?;
            }
        }
        Ok(())
    }
    #[cfg(not(target_os = "linux"))]
    {
        files.iter().try_for_each(|file| file.sync_all())
    }
}

/// Writes `bytes` to `path` as `-o` does: a file is replaced whole or not at all, and never
/// one the run has read.
pub fn output(path: &Path, bytes: &[u8], replace: bool, disk: &Disk) -> anyhow::Result<()> {
    let target = target(path)?;
    stage(target, bytes, disk)
        .and_then(|staged| staged.commit(replace))
        .said(|| cannot_write(path))
        .map_err(anyhow::Error::from)
}

/// What a file that replaces another keeps of it: its permissions, and its owner where that
/// is not the one who writes.
#[cfg_attr(
    not(unix),
    expect(
        dead_code,
        reason = "Windows files have neither mode nor owner to keep"
    )
)]
struct Kept {
    mode: u32,
    owner: Option<(u32, u32)>,
}

/// What the output keeps of the file at `path`, the usual permissions for a new one; an
/// error for a file the user may not write: read-only, or another user's that would become
/// theirs.
fn kept(path: &Path) -> io::Result<Kept> {
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Ok(Kept {
                mode: 0o644,
                owner: None,
            });
        }
        Err(e) => return Err(e),
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let me = rustix::process::geteuid();
        let root = me.is_root();
        let mine = meta.uid() == me.as_raw();
        let mode = meta.mode() & 0o7777;
        // The mode says who may write, root as much as anyone: a read-only file is kept.
        let writable = if mine || root {
            mode & if mine { 0o200 } else { 0o222 } != 0
        } else {
            rustix::fs::access(path, rustix::fs::Access::WRITE_OK).is_ok()
        };
        if !writable {
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                msg!(
                    "it is read-only: weekly replaces only a file you may write (make it writable first, if it is to change)",
                    "该文件是只读的：weekly 只替换你有权写入的文件（如确需更改，请先取消只读）"
                ),
            ));
        }
        if !mine && !root {
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                msg!(
                    "it belongs to another user: replaced, it would become yours; ask its owner, or write another file",
                    "该文件属于另一个用户：替换后会变成你的文件；请联系文件所有者，或另写一个文件"
                ),
            ));
        }
        let owner = (!mine).then(|| (meta.uid(), meta.gid()));
        Ok(Kept { mode, owner })
    }
    #[cfg(not(unix))]
    {
        if meta.permissions().readonly() {
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                msg!(
                    "it is read-only: weekly replaces only a file you may write (make it writable first, if it is to change)",
                    "该文件是只读的：weekly 只替换你有权写入的文件（如确需更改，请先取消只读）"
                ),
            ));
        }
        Ok(Kept {
            mode: 0o644,
            owner: None,
        })
    }
}

fn prefix() -> String {
    format!("{PREFIX}{}-", std::process::id())
}

fn fill(file: &mut File, bytes: &[u8], kept: &Kept) -> io::Result<()> {
    file.write_all(bytes)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Some((uid, gid)) = kept.owner {
            let (uid, gid) = (
                rustix::process::Uid::from_raw(uid),
                rustix::process::Gid::from_raw(gid),
            );
            rustix::fs::fchown(&*file, Some(uid), Some(gid))?;
        }
        file.set_permissions(fs::Permissions::from_mode(kept.mode))?;
    }
    #[cfg(not(unix))]
    let _ = kept;
    Ok(())
}

/// An unnamed file in `folder` holding `bytes`; `None` where the file system has no such
/// files, or `/proc` is missing to link one in later.
#[cfg(target_os = "linux")]
fn unnamed(folder: &Path, bytes: &[u8], kept: &Kept) -> Option<Staging> {
    use rustix::fs::{CWD, Mode, OFlags};
    if !Path::new("/proc/self/fd").is_dir() {
        return None;
    }
    let flags = OFlags::TMPFILE | OFlags::WRONLY | OFlags::CLOEXEC;
    let fd = rustix::fs::openat(CWD, folder, flags, Mode::from_raw_mode(0o600)).ok()?;
    let mut file = File::from(fd);
    fill(&mut file, bytes, kept).ok()?;
    Some(Staging::Unnamed(file))
}

/// A file in `folder` holding `bytes` that Windows deletes unless it is put in place; `None`
/// where the file system cannot mark a file so.
#[cfg(windows)]
fn unnamed(folder: &Path, bytes: &[u8], kept: &Kept) -> Option<Staging> {
    let mut pending = super::windows::pending(folder, &prefix())?;
    fill(&mut pending.file, bytes, kept).ok()?;
    Some(Staging::Pending(pending))
}

#[cfg(not(any(target_os = "linux", windows)))]
fn unnamed(_: &Path, _: &[u8], _: &Kept) -> Option<Staging> {
    None
}

/// Gives the unnamed `file` the name `at`; fails if `at` exists.
#[cfg(target_os = "linux")]
fn link(file: &File, at: &Path) -> io::Result<()> {
    use rustix::fs::{AtFlags, CWD};
    use std::os::fd::AsRawFd;
    let fd = format!("/proc/self/fd/{}", file.as_raw_fd());
    rustix::fs::linkat(CWD, fd.as_str(), CWD, at, AtFlags::SYMLINK_FOLLOW)?;
    Ok(())
}

fn named(folder: &Path, bytes: &[u8], kept: &Kept) -> io::Result<Staging> {
    let mut tmp = tempfile::Builder::new()
        .prefix(&prefix())
        .tempfile_in(folder)
        .map_err(unnamed_error)?;
    fill(tmp.as_file_mut(), bytes, kept)?;
    Ok(Staging::Named(tmp))
}

/// tempfile's error names the temporary file it could not make, which the user never sees
/// and which does not exist: the message names the output, so the cause is the system's
/// alone.
fn unnamed_error(e: io::Error) -> io::Error {
    if e.raw_os_error().is_some() {
        return e;
    }
    // `Permission denied (os error 13) at path "…"`: the system's error, by its number.
    let text = e.to_string();
    let text = text.split(" at path ").next().unwrap_or_default();
    let code = text
        .rsplit_once("(os error ")
        .and_then(|(_, n)| n.strip_suffix(')')?.parse().ok());
    match code {
        Some(code) => io::Error::from_raw_os_error(code),
        None => io::Error::new(e.kind(), text.to_owned()),
    }
}

/// Makes a rename durable; a file system that cannot sync a folder loses nothing by it.
fn sync_folder(folder: &Path) {
    if let Ok(dir) = File::open(folder) {
        let _ = dir.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A batch: each output is placed or refused on its own, and what was there before a
    /// refused one is left as it was; nothing temporary is left in the folder.
    #[test]
    fn outputs_committed_together_are_each_placed_or_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = |name: &str| dir.path().join(name);
        fs::write(path("b.yaml"), "old").unwrap();
        let disk = Disk::default();
        let staged: Vec<(&str, Staged)> = ["a.yaml", "b.yaml", "c.yaml"]
            .into_iter()
            .map(|name| {
                let target = target(&path(name)).unwrap();
                (name, stage(target, name.as_bytes(), &disk).unwrap())
            })
            .collect();
        let done: Vec<(&str, bool)> = commit_all(staged, false)
            .into_iter()
            .map(|(name, result)| (name, result.is_ok()))
            .collect();
        assert_eq!(
            done,
            [("a.yaml", true), ("b.yaml", false), ("c.yaml", true)]
        );
        for (name, bytes) in [
            ("a.yaml", "a.yaml"),
            ("b.yaml", "old"),
            ("c.yaml", "c.yaml"),
        ] {
            assert_eq!(fs::read_to_string(path(name)).unwrap(), bytes);
        }
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 3);
    }

    /// Where the system has no unnamed files, a named temporary file is put in place: kept
    /// from a file that is there without `replace`, renamed over it with.
    #[test]
    fn a_named_temporary_file_is_put_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        let staged = |bytes: &[u8]| Staged {
            target: Target::File(path.clone()),
            how: named(dir.path(), bytes, &kept(&path).unwrap()).unwrap(),
        };
        staged(b"first").commit(false).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"first");
        assert!(staged(b"second").commit(false).is_err());
        assert_eq!(fs::read(&path).unwrap(), b"first");
        staged(b"third").commit(true).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"third");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_followed_to_the_file_it_names_even_before_it_exists() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink("real.md", &link).unwrap();
        assert_eq!(
            target(&link).unwrap(),
            Target::File(dir.path().join("real.md"))
        );
        output(&link, b"new", true, &Disk::default()).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(dir.path().join("real.md")).unwrap(), b"new");
    }

    /// A file named like weekly's temporary files is the user's as far as weekly can tell:
    /// writing into its folder leaves it.
    #[test]
    fn files_named_like_temporaries_are_never_removed() {
        let dir = tempfile::tempdir().unwrap();
        let files = [
            dir.path().join(format!("{PREFIX}{}-abc", i32::MAX)),
            dir.path().join(format!("{}abc", prefix())),
            dir.path().join(".weekly-2023-39.yaml"),
            dir.path().join(".weekly-4000000-notes.txt"),
        ];
        for f in &files {
            fs::write(f, "mine").unwrap();
        }
        output(&dir.path().join("out.md"), b"x", true, &Disk::default()).unwrap();
        for f in &files {
            assert_eq!(fs::read(f).unwrap(), b"mine", "{}", f.display());
        }
    }

    /// An error names the output, never the temporary file that could not be made.
    #[test]
    fn errors_never_name_a_temporary_file() {
        let from_tempfile = io::Error::new(
            io::ErrorKind::PermissionDenied,
            "Permission denied (os error 13) at path \"/x/.weekly-1-abc\"",
        );
        let e = unnamed_error(from_tempfile);
        assert_eq!(e.raw_os_error(), Some(13));
        assert!(!e.to_string().contains("weekly"), "{e}");
        let odd = unnamed_error(io::Error::other("odd at path \"/x/.weekly-1-abc\""));
        assert_eq!(odd.to_string(), "odd");
        // Where no file can be made, whatever the reason, the message is the output's.
        for path in ["/proc/a.md", "/sys/a.md"] {
            let e = output(Path::new(path), b"x", true, &Disk::default()).unwrap_err();
            assert!(!format!("{e:#}").contains(".weekly-"), "{e:#}");
        }
    }

    /// A read-only file is not replaced, by root neither: its mode says it is not to change.
    #[test]
    fn a_read_only_file_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("2023-39.yaml");
        fs::write(&path, "old").unwrap();
        let mut read_only = fs::metadata(&path).unwrap().permissions();
        read_only.set_readonly(true);
        fs::set_permissions(&path, read_only).unwrap();
        let e = output(&path, b"new", true, &Disk::default()).unwrap_err();
        assert!(format!("{e:#}").contains("read-only"), "{e:#}");
        assert_eq!(fs::read(&path).unwrap(), b"old");
    }

    /// A file the run has read is never a target, however it is named.
    #[test]
    fn a_file_the_run_read_is_never_replaced() {
        use crate::input::files::Files;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("2023-39.yaml");
        fs::write(&path, "old").unwrap();
        let disk = Disk::default();
        disk.read(&path, 100).unwrap();
        let other_name = dir.path().join("sub/../2023-39.yaml");
        fs::create_dir(dir.path().join("sub")).unwrap();
        let e = output(&other_name, b"new", true, &disk).unwrap_err();
        assert!(format!("{e:#}").contains("this run reads it"), "{e:#}");
        assert_eq!(fs::read(&path).unwrap(), b"old");
        output(&dir.path().join("2023-40.yaml"), b"new", true, &disk).unwrap();
    }

    #[test]
    fn without_replace_an_existing_file_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.md");
        fs::write(&path, "old").unwrap();
        assert!(output(&path, b"new", false, &Disk::default()).is_err());
        assert_eq!(fs::read(&path).unwrap(), b"old");
        output(&path, b"new", true, &Disk::default()).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(names.len(), 1, "no temporary file is left");
    }
}
