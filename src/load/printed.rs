//! The issues before one, read back along `previous:` for what they printed.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use super::read::{beside, check};
use crate::check::history::{ISSUES, Printed};
use crate::check::validate::Lints;
use crate::input::files::{Files, MAX_INPUT_BYTES, ReadError};
use crate::issue::Issue;

/// What one issue printed, the path its `previous:` names, and the file's size; `None` for a
/// file that is not an issue valid on its own, where a walk back ends.
type Read = Option<(Rc<Printed>, Option<PathBuf>, u64)>;

/// How many bytes of issue files one walk back reads at most: a hundred weeks of bulletins
/// of ten kilobytes, and a bound on the time a chain of files at the size cap can take.
const BYTES: u64 = 1 << 20;

/// What each issue file read so far printed, by its one name.
#[derive(Default)]
pub(super) struct Back {
    printed: HashMap<PathBuf, Read>,
}

impl Back {
    /// What the issue at `path` and those before it printed, newest first: up to `ISSUES`
    /// of them along `previous:`. The walk ends quietly at a file that cannot be read or is
    /// not valid on its own, and at one met before: the checks it serves are a help, and
    /// never a condition of building.
    pub(super) fn history<F: Files>(&mut self, files: &F, path: &Path) -> Vec<Rc<Printed>> {
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        let mut bytes = 0;
        let mut next = Some(path.to_path_buf());
        while out.len() < ISSUES
            && let Some(path) = next.take()
        {
            let Ok(key) = files.resolve(&path) else {
                break;
            };
            if !seen.insert(key.clone()) {
                break;
            }
            let read = match self.printed.get(&key) {
                Some(read) => read.clone(),
                // Past what is left of the walk's bytes, the file is not read, nor kept.
                None => match read_printed(files, &key, &path, BYTES - bytes) {
                    Some(read) => {
                        self.printed.insert(key, read.clone());
                        read
                    }
                    None => break,
                },
            };
            let Some((printed, link, size)) = read else {
                break;
            };
            bytes += size;
            if bytes > BYTES {
                break;
            }
            out.push(printed);
            next = link;
        }
        out
    }

    /// Keeps what `issue`, read whole from `path`, printed: an archive loaded in order is
    /// then read once, not again for each later issue's history.
    pub(super) fn keep<F: Files>(&mut self, files: &F, path: &Path, issue: &Issue, size: usize) {
        if let Ok(key) = files.resolve(path) {
            self.printed
                .entry(key)
                .or_insert_with(|| Some(printed(path, issue, size)));
        }
    }
}

/// What the file at `key` printed, read as `path`, if it is at most `limit` bytes (`None`
/// past it).
fn read_printed<F: Files>(files: &F, key: &Path, path: &Path, limit: u64) -> Option<Read> {
    let bytes = match files.read(key, limit.min(MAX_INPUT_BYTES)) {
        Ok(bytes) => bytes,
        Err(ReadError::TooLarge) => return None,
        Err(ReadError::Io(_)) => return Some(None),
    };
    let issue = check(&bytes, Lints::Off)
        .ok()
        .and_then(|(_, checked)| checked.issue);
    Some(issue.map(|issue| printed(path, &issue, bytes.len())))
}

/// What the issue read from `path` printed, the path its `previous:` names, and the size of
/// its file.
fn printed(path: &Path, issue: &Issue, size: usize) -> (Rc<Printed>, Option<PathBuf>, u64) {
    let link = issue.previous.as_ref().map(|l| beside(path, &l.value));
    (Rc::new(Printed::of(issue)), link, size as u64)
}
