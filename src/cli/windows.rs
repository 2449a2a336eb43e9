//! Outputs on Windows: a file staged under a name but marked for deletion, so that a killed
//! build leaves nothing behind, put in place by a rename written through to disk.

use std::fs::{self, File};
use std::io;
use std::os::windows::ffi::OsStrExt;
use std::os::windows::fs::OpenOptionsExt;
use std::os::windows::io::AsRawHandle;
use std::path::{Path, PathBuf};

use windows_sys::Win32::Foundation::{
    ERROR_ACCESS_DENIED, ERROR_LOCK_VIOLATION, ERROR_SHARING_VIOLATION, ERROR_USER_MAPPED_FILE,
};
use windows_sys::Win32::Storage::FileSystem::{
    DELETE, FILE_DISPOSITION_INFO, FILE_GENERIC_READ, FILE_GENERIC_WRITE, FILE_SHARE_DELETE,
    FILE_SHARE_READ, FILE_SHARE_WRITE, FileDispositionInfo, MOVEFILE_REPLACE_EXISTING,
    MOVEFILE_WRITE_THROUGH, MoveFileExW, SetFileInformationByHandle,
};

use crate::msg;

/// A file made in a folder under a temporary name, deleted by Windows when its last handle
/// closes unless [`place`] puts it in place first: the process may die at any moment and
/// leave nothing, as an unnamed file on Linux.
pub struct Pending {
    pub file: File,
    name: PathBuf,
}

/// A new file in `folder` named `<prefix>…`, marked for deletion; `None` where the file
/// system cannot mark it (the caller stages a plain temporary file instead).
pub fn pending(folder: &Path, prefix: &str) -> Option<Pending> {
    let made = tempfile::Builder::new()
        .prefix(prefix)
        .make_in(folder, |path| {
            let file = fs::OpenOptions::new()
                .create_new(true)
                .read(true)
                .write(true)
                .access_mode(DELETE | FILE_GENERIC_READ | FILE_GENERIC_WRITE)
                .share_mode(FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE)
                .open(path)?;
            delete_on_close(&file, true)?;
            Ok(file)
        })
        .ok()?;
    // The file removes itself: tempfile has nothing left to remove.
    let (file, mut path) = made.into_parts();
    path.disable_cleanup(true);
    Some(Pending {
        file,
        name: path.to_path_buf(),
    })
}

/// Renames the staged file over `path` (or to it, where nothing is there and not `replace`),
/// the rename on disk before this returns; the file is deleted if it cannot be put in place.
pub fn place(pending: Pending, path: &Path, replace: bool) -> io::Result<()> {
    delete_on_close(&pending.file, false)?;
    let wide = |p: &Path| -> Vec<u16> { p.as_os_str().encode_wide().chain([0]).collect() };
    let (from, to) = (wide(&pending.name), wide(path));
    let flags = MOVEFILE_WRITE_THROUGH
        | if replace {
            MOVEFILE_REPLACE_EXISTING
        } else {
            0
        };
    // SAFETY: both are NUL-terminated wide strings that outlive the call.
    if unsafe { MoveFileExW(from.as_ptr(), to.as_ptr(), flags) } == 0 {
        let e = io::Error::last_os_error();
        let _ = delete_on_close(&pending.file, true);
        return Err(in_use(e));
    }
    Ok(())
}

/// Marks `file` to be deleted when its last handle closes, or takes the mark off.
fn delete_on_close(file: &File, delete: bool) -> io::Result<()> {
    let info = FILE_DISPOSITION_INFO { DeleteFile: delete };
    // SAFETY: the handle is the open file's, and `info` is the structure the class names,
    // with its size, alive across the call.
    let done = unsafe {
        SetFileInformationByHandle(
            file.as_raw_handle(),
            FileDispositionInfo,
            (&raw const info).cast(),
            size_of::<FILE_DISPOSITION_INFO>() as u32,
        )
    };
    match done {
        0 => Err(io::Error::last_os_error()),
        _ => Ok(()),
    }
}

/// Windows refuses to replace a file another program holds open: the error says what to do.
fn in_use(e: io::Error) -> io::Error {
    let msg = match e.raw_os_error().map(|code| code as u32) {
        Some(ERROR_SHARING_VIOLATION | ERROR_LOCK_VIOLATION | ERROR_USER_MAPPED_FILE) => msg!(
            "another program has it open (WPS, Word or a PDF reader): close it there, then run weekly again",
            "另一个程序（WPS、Word 或 PDF 阅读器等）正打开着这个文件：请先在那个程序中关闭它，再重新运行 weekly"
        ),
        Some(ERROR_ACCESS_DENIED) => msg!(
            "Windows refused to replace it: another program (WPS, Word or a PDF reader) may have it open, or you may not write in its folder; close it there, then run weekly again",
            "Windows 拒绝替换这个文件：可能另一个程序（WPS、Word 或 PDF 阅读器等）正打开着它，或者你无权写入它所在的文件夹；请先在那个程序中关闭它，再重新运行 weekly"
        ),
        _ => return e,
    };
    io::Error::new(e.kind(), msg)
}
