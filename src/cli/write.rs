//! Writing outputs: atomic files, stdout that may close early, relative links.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Whether two paths name one file.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Writes to a temporary file beside `path`, then renames it over `path`: readers see the old
/// file or the new one, never a part, and a failure leaves the old one as it was. Without
/// `replace`, an existing `path` is an error and is left alone.
pub fn atomically(path: &Path, bytes: &[u8], replace: bool) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".weekly-")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    // A temporary file is private; the output gets the old file's permissions or the usual ones.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(path).map_or(0o644, |m| m.permissions().mode());
        tmp.as_file()
            .set_permissions(fs::Permissions::from_mode(mode))?;
    }
    tmp.as_file().sync_all()?;
    if replace {
        tmp.persist(path).map_err(|e| e.error)?;
    } else {
        tmp.persist_noclobber(path).map_err(|e| e.error)?;
    }
    Ok(())
}

/// A reader that stops early (`weekly build … | head`) is not an error.
pub fn stdout(bytes: &[u8]) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// How a file written at `new` names `old` in its `previous` key: relative to the new
/// file's folder.
pub fn relative_link(old: &Path, new: &Path) -> String {
    let folder = |p: &Path| {
        let dir = p
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        fs::canonicalize(dir).ok()
    };
    let name = old
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (Some(from), Some(to)) = (folder(new), folder(old)) else {
        return old.display().to_string();
    };
    let common = from
        .components()
        .zip(to.components())
        .take_while(|(a, b)| a == b)
        .count();
    let mut link = PathBuf::new();
    for _ in from.components().skip(common) {
        link.push("..");
    }
    for part in to.components().skip(common) {
        link.push(part);
    }
    link.push(name);
    link.to_string_lossy().replace('\\', "/")
}
