//! One issue file's bytes read as an issue, the names and paths the loader gives files, and
//! what a file that cannot be read is.

use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};

use crate::check::validate::{self, Lints};
use crate::diag::{Code, Diagnostic};
use crate::i18n::Msg;
use crate::input::files::{Files, MAX_INPUT_BYTES};
use crate::input::yaml;
use crate::msg;

/// A file that could not be read at all: no findings, an I/O error.
#[derive(Debug)]
pub struct Unreadable {
    pub name: String,
    pub source: io::Error,
}

impl std::error::Error for Unreadable {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

crate::in_english!(Unreadable);

/// What could not be read; the cause is the source.
impl crate::i18n::Localized for Unreadable {
    fn message(&self) -> Msg {
        let name = &self.name;
        msg!("cannot read `{name}`", "无法读取 `{name}`")
    }
}

/// Decodes, parses and validates one file's bytes: the text the findings point into and the
/// result, or the one finding that stopped it before validation.
#[allow(clippy::result_large_err)]
pub fn check(bytes: &[u8], lints: Lints) -> Result<(&str, validate::Checked), (&str, Diagnostic)> {
    let text = crate::input::decode::decode(bytes)?;
    let root = yaml::parse(text).map_err(|d| (text, d))?;
    Ok((text, validate::validate(&root, text, lints)))
}

/// How findings name the file at `path`: `<stdin>` for `-`.
pub fn shown_name(path: &Path) -> String {
    if path == Path::new("-") {
        "<stdin>".to_owned()
    } else {
        crate::text::quote::path(path)
    }
}

/// E017: a file over `limit_bytes`, refused unread.
pub fn too_large(limit_bytes: u64) -> Diagnostic {
    let limit = limit_bytes / 1024 / 1024;
    Diagnostic::new(
        Code::E017,
        0..0,
        msg!("the file is larger than {limit} MiB", "文件超过 {limit} MB"),
    )
    .with_help(msg!(
        "a bulletin is a few kilobytes; check that this is the right file",
        "一期周报只有几 KB；请确认文件是否正确"
    ))
}

/// `link` read relative to the folder of `file` (standard input, `-`, and a bare file name:
/// the working folder, whose path is empty).
pub fn beside(file: &Path, link: &str) -> PathBuf {
    file.parent().unwrap_or(Path::new("")).join(link)
}

/// The issue files of the folder `dir` that a later issue there names as its `previous`,
/// by their one name: the issues that went out, as `weekly new` began the next from them.
pub fn followed<F: Files>(files: &F, dir: &Path) -> HashSet<PathBuf> {
    let mut named = HashSet::new();
    for file in files.list(dir).unwrap_or_default() {
        let Ok(bytes) = files.read(&file, MAX_INPUT_BYTES) else {
            continue;
        };
        let Some(link) = check(&bytes, Lints::Off)
            .ok()
            .and_then(|(_, checked)| checked.issue?.previous)
        else {
            continue;
        };
        if let Ok(target) = files.resolve(&beside(&file, &link.value)) {
            named.insert(target);
        }
    }
    named
}
