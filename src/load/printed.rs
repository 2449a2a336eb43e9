//! The issues before one, read back along `previous:` for what they printed.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use super::{Loader, beside, check};
use crate::check::history::{ISSUES, Printed};
use crate::check::validate::Lints;
use crate::input::files::{Files, MAX_INPUT_BYTES};
use crate::issue::Issue;

/// What one issue printed, and the path its `previous:` names; `None` for a file that is not
/// an issue valid on its own, where a walk back ends.
pub(super) type Read = Option<(Rc<Printed>, Option<PathBuf>)>;

impl<F: Files> Loader<F> {
    /// What the issue at `path` and those before it printed, newest first: up to `ISSUES`
    /// of them along `previous:`. The walk ends quietly at a file that cannot be read or is
    /// not valid on its own, and at one met before: the checks it serves are a help, and
    /// never a condition of building.
    pub(super) fn history(&mut self, path: &Path) -> Vec<Rc<Printed>> {
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        let mut next = Some(path.to_path_buf());
        while out.len() < ISSUES
            && let Some(path) = next.take()
        {
            let Ok(key) = self.files.resolve(&path) else {
                break;
            };
            if !seen.insert(key.clone()) {
                break;
            }
            let read = match self.printed.get(&key) {
                Some(read) => read.clone(),
                None => {
                    let read = self.read_printed(&key, &path);
                    self.printed.insert(key, read.clone());
                    read
                }
            };
            let Some((printed, link)) = read else {
                break;
            };
            out.push(printed);
            next = link;
        }
        out
    }

    /// Keeps what `issue`, read whole from `path`, printed: an archive loaded in order is
    /// then read once, not again for each later issue's history.
    pub(super) fn keep_printed(&mut self, path: &Path, issue: &Issue) {
        if let Ok(key) = self.files.resolve(path) {
            self.printed
                .entry(key)
                .or_insert_with(|| Some(printed(path, issue)));
        }
    }

    fn read_printed(&self, key: &Path, path: &Path) -> Read {
        let bytes = self.files.read(key, MAX_INPUT_BYTES).ok()?;
        let (_, checked) = check(&bytes, Lints::Off).ok()?;
        Some(printed(path, &checked.issue?))
    }
}

/// What the issue read from `path` printed, and the path its `previous:` names.
fn printed(path: &Path, issue: &Issue) -> (Rc<Printed>, Option<PathBuf>) {
    let link = issue.previous.as_ref().map(|l| beside(path, &l.value));
    (Rc::new(Printed::of(issue)), link)
}
