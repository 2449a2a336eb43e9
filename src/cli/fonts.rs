//! The fonts a PDF may use, found on disk: the font files of the folders `--font-path` names,
//! then of the system's font folders (those fontconfig names on Linux, the usual ones
//! elsewhere). Each file is looked over before the typesetter reads it, and one that is not
//! fit is left out with a warning that names it; what a file holds is kept in an index in the
//! user's cache folder, so that the next run reads only the fonts a bulletin uses.

use std::collections::HashSet;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::render::font_check::{MAX_FONT_BYTES, Problem};
use crate::render::{FontFile, FontIndex, Fonts, MAX_INDEX_BYTES, Stamp};

/// Folders below a font folder that are looked into: system font trees are three or four
/// deep.
const MAX_DEPTH: usize = 16;

/// The fonts found, the font files left out with why, and how many files were read rather
/// than known from the index.
pub struct Found {
    pub fonts: Fonts,
    pub refused: Vec<(PathBuf, Problem)>,
    pub files: usize,
    pub read: usize,
    /// Whether the index holds what the run knows: it did, or it was written.
    pub kept: bool,
}

/// The fonts of `folders`, then, with `system`, the system's. With `index`, the file where
/// the faces of font files are kept between runs: a file it knows at its length and time is
/// not read, and it is written again when what it knows has changed. An index that cannot be
/// read is read no further, and one that cannot be written is left as it was: either way the
/// fonts are those on disk.
pub fn fonts(folders: &[PathBuf], system: bool, index: Option<&Path>) -> Found {
    let mut seen = HashSet::new();
    let mut paths = Vec::new();
    let system_folders = if system { system_folders() } else { Vec::new() };
    for folder in folders.iter().chain(&system_folders) {
        font_files(folder, 0, &mut seen, &mut paths);
    }
    let walked: HashSet<PathBuf> = paths.iter().cloned().collect();
    let known = index.and_then(read_index).unwrap_or_default();
    let mut refused = Vec::new();
    let mut files = Vec::new();
    let mut read = 0;
    for path in paths {
        let meta = match fs::metadata(&path) {
            Ok(meta) if !meta.is_file() => {
                refused.push((path, Problem::NotAFont));
                continue;
            }
            Ok(meta) if meta.len() > MAX_FONT_BYTES as u64 => {
                refused.push((path, Problem::TooLarge));
                continue;
            }
            Ok(meta) => meta,
            Err(_) => continue,
        };
        let stamp = stamp(&meta);
        if let Some(file) = known.get(&path, stamp) {
            files.push(file.clone());
            continue;
        }
        let Ok(data) = fs::read(&path) else {
            continue;
        };
        read += 1;
        match FontFile::read(path.clone(), stamp, &data) {
            Ok(file) => files.push(file),
            Err(problem) => refused.push((path, problem)),
        }
    }
    refused.sort_by(|a, b| a.0.cmp(&b.0));
    let fonts = Fonts::new(&files);
    let count = files.len() + refused.len();
    let kept = index.is_some_and(|index| {
        let now = known.after(&files, &walked);
        now == known || write_index(index, &now)
    });
    Found {
        fonts,
        refused,
        files: count,
        read,
        kept,
    }
}

/// A font file's length and time of last writing.
fn stamp(meta: &fs::Metadata) -> Stamp {
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    Stamp {
        len: meta.len(),
        modified,
    }
}

/// The index at `path`, if it is one weekly wrote and no larger than any real one.
fn read_index(path: &Path) -> Option<FontIndex> {
    let meta = fs::symlink_metadata(path).ok()?;
    if !meta.is_file() || meta.len() > MAX_INDEX_BYTES {
        return None;
    }
    let mut bytes = Vec::new();
    fs::File::open(path)
        .ok()?
        .take(MAX_INDEX_BYTES)
        .read_to_end(&mut bytes)
        .ok()?;
    FontIndex::parse(&bytes)
}

/// Writes the index whole or not at all: a temporary file beside it, renamed over it. What
/// is at its path and is not a regular file (a link, a folder) is left alone. Whether it was
/// written.
fn write_index(path: &Path, index: &FontIndex) -> bool {
    let Some(folder) = path.parent() else {
        return false;
    };
    if fs::symlink_metadata(path).is_ok_and(|m| !m.is_file()) || fs::create_dir_all(folder).is_err()
    {
        return false;
    }
    let Ok(mut file) = tempfile::NamedTempFile::new_in(folder) else {
        return false;
    };
    file.write_all(&index.to_bytes()).is_ok() && file.persist(path).is_ok()
}

/// Where the font index is kept: the user's cache folder, as each system names it.
pub fn index_path() -> Option<PathBuf> {
    let env = |name| {
        std::env::var_os(name)
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
    };
    let folder = if cfg!(windows) {
        env("LOCALAPPDATA")?
    } else if cfg!(target_os = "macos") {
        env("HOME")?.join("Library/Caches")
    } else {
        env("XDG_CACHE_HOME").or_else(|| env("HOME").map(|h| h.join(".cache")))?
    };
    Some(folder.join("weekly").join("fonts.json"))
}

/// The font files below `folder`, each once however it is reached: links are followed, and a
/// folder reached twice (by a link back up) is walked once.
fn font_files(folder: &Path, depth: usize, seen: &mut HashSet<PathBuf>, out: &mut Vec<PathBuf>) {
    let Ok(real) = fs::canonicalize(folder) else {
        return;
    };
    if depth > MAX_DEPTH || !seen.insert(real) {
        return;
    }
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            font_files(&path, depth + 1, seen, out);
        } else if is_font_file(&path)
            && let Ok(real) = fs::canonicalize(&path)
            && seen.insert(real)
        {
            out.push(path);
        }
    }
}

/// `.ttf`, `.otf`, `.ttc`, `.otc`, in any case.
fn is_font_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["ttf", "otf", "ttc", "otc"].contains(&e.to_ascii_lowercase().as_str()))
}

/// The system's font folders, as fontdb looks for them.
fn system_folders() -> Vec<PathBuf> {
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let mut out = Vec::new();
    #[cfg(target_os = "windows")]
    {
        let root = std::env::var_os("SYSTEMROOT")
            .map_or_else(|| PathBuf::from("C:\\Windows"), PathBuf::from);
        out.push(root.join("Fonts"));
        if let Some(profile) = std::env::var_os("USERPROFILE").map(PathBuf::from) {
            out.push(profile.join("AppData\\Local\\Microsoft\\Windows\\Fonts"));
            out.push(profile.join("AppData\\Roaming\\Microsoft\\Windows\\Fonts"));
        }
    }
    #[cfg(target_os = "macos")]
    {
        out.extend(
            [
                "/Library/Fonts",
                "/System/Library/Fonts",
                "/Network/Library/Fonts",
            ]
            .map(PathBuf::from),
        );
        if let Ok(assets) = fs::read_dir("/System/Library/AssetsV2") {
            out.extend(
                assets
                    .flatten()
                    .filter(|e| {
                        e.file_name()
                            .to_string_lossy()
                            .starts_with("com_apple_MobileAsset_Font")
                    })
                    .map(|e| e.path()),
            );
        }
        out.extend(home.iter().map(|h| h.join("Library/Fonts")));
    }
    #[cfg(all(unix, not(target_os = "macos")))]
    {
        out.extend(fontconfig_folders(home.as_deref()));
        if out.is_empty() {
            out.extend(["/usr/share/fonts", "/usr/local/share/fonts"].map(PathBuf::from));
            out.extend(
                home.iter()
                    .flat_map(|h| [h.join(".fonts"), h.join(".local/share/fonts")]),
            );
        }
    }
    let _ = home;
    out
}

/// The font folders fontconfig's configuration names, `~` taken as the home folder.
#[cfg(all(unix, not(target_os = "macos")))]
fn fontconfig_folders(home: Option<&Path>) -> Vec<PathBuf> {
    let mut config = fontconfig_parser::FontConfig::default();
    match std::env::var_os("FONTCONFIG_FILE") {
        Some(file) => {
            let _ = config.merge_config(Path::new(&file));
        }
        None => {
            let user = std::env::var_os("XDG_CONFIG_HOME")
                .map(PathBuf::from)
                .or_else(|| home.map(|h| h.join(".config")));
            let read_user = user.is_some_and(|u| {
                config
                    .merge_config(&u.join("fontconfig/fonts.conf"))
                    .is_ok()
            });
            if !read_user {
                let _ = config.merge_config(Path::new("/etc/fonts/local.conf"));
            }
            let _ = config.merge_config(Path::new("/etc/fonts/fonts.conf"));
        }
    }
    config
        .dirs
        .into_iter()
        .filter_map(|dir| match dir.path.strip_prefix("~") {
            Ok(rest) => home.map(|h| h.join(rest)),
            Err(_) => Some(dir.path),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A font folder with a damaged font, a font that claims too much, a FIFO named like a
    /// font, files past the size bound and at it, and a link back up: the walk ends, and each
    /// bad file is named with why.
    #[test]
    fn bad_font_files_are_left_out_and_named() {
        let dir = tempfile::tempdir().unwrap();
        let fonts = dir.path().join("fonts");
        fs::create_dir_all(fonts.join("sub")).unwrap();
        fs::write(fonts.join("cut.ttf"), [0, 1, 0, 0, 0]).unwrap();
        fs::write(fonts.join("notes.txt"), "not a font").unwrap();
        let mut ttc = b"ttcf".to_vec();
        ttc.extend([0, 1, 0, 0]);
        ttc.extend(u32::MAX.to_be_bytes());
        fs::write(fonts.join("sub/many.TTC"), ttc).unwrap();
        std::os::unix::fs::symlink("..", fonts.join("sub/up")).unwrap();
        // A FIFO is never opened: reading one nobody writes to would wait for ever.
        let fifo = fonts.join("pipe.otf");
        let mode = rustix::fs::Mode::from_raw_mode(0o644);
        rustix::fs::mknodat(rustix::fs::CWD, &fifo, rustix::fs::FileType::Fifo, mode, 0).unwrap();
        // Past the bound, a file is refused unread; at it exactly, read and looked over.
        let sparse = |name: &str, len: usize| {
            let file = fs::File::create(fonts.join(name)).unwrap();
            file.set_len(len as u64).unwrap();
        };
        sparse("huge.ttf", MAX_FONT_BYTES + 1);
        sparse("large.ttf", MAX_FONT_BYTES);
        let refused = super::fonts(std::slice::from_ref(&fonts), false, None).refused;
        let named: Vec<(String, Problem)> = refused
            .into_iter()
            .map(|(p, why)| (p.strip_prefix(&fonts).unwrap().display().to_string(), why))
            .collect();
        assert_eq!(
            named,
            [
                ("cut.ttf".to_owned(), Problem::Damaged),
                ("huge.ttf".to_owned(), Problem::TooLarge),
                ("large.ttf".to_owned(), Problem::NotAFont),
                ("pipe.otf".to_owned(), Problem::NotAFont),
                ("sub/many.TTC".to_owned(), Problem::TooManyFaces(u32::MAX)),
            ]
        );
    }

    /// An index is read only as a regular file within the bound: one padded to the bound is
    /// read, one padded past it is not, though what comes before the bound would read as one.
    #[test]
    fn an_index_past_the_bound_or_not_a_file_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fonts.json");
        let index = FontIndex::new([]);
        fs::write(&path, index.to_bytes()).unwrap();
        assert_eq!(read_index(&path), Some(FontIndex::new([])));
        let mut padded = index.to_bytes();
        padded.resize(MAX_INDEX_BYTES as usize, b' ');
        fs::write(&path, &padded).unwrap();
        assert_eq!(read_index(&path), Some(FontIndex::new([])));
        padded.push(b' ');
        fs::write(&path, padded).unwrap();
        assert_eq!(read_index(&path), None);
        fs::remove_file(&path).unwrap();
        fs::create_dir(&path).unwrap();
        assert_eq!(read_index(&path), None);
    }
}
