//! `weekly check --fix`: the safe fixes of each issue's findings written into its file before
//! it is checked; an issue that a later one follows went out, and is left as it printed.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use anyhow::bail;

use crate::cli::disk::{self, Disk};
use crate::cli::report::{Reporter, Said, Saying, Status};
use crate::cli::write;
use crate::input::files::{Files, MAX_INPUT_BYTES};
use crate::issue_file::mend::{Mend, mend};
use crate::load;
use crate::msg;

/// Mends the issue files `paths` name (a file, or every issue file below a folder); each
/// mended file is replaced whole. Paths that cannot be read are left to the check.
pub fn mend_files(out: &mut Reporter, disk: &Disk, paths: &[PathBuf]) -> anyhow::Result<Status> {
    if paths.iter().any(|p| p == Path::new("-")) {
        bail!(Said::new(msg!(
            "--fix mends files, and standard input is not one: give the file's path",
            "--fix 修改的是文件，标准输入无法修改：请给出文件路径"
        )));
    }
    let mut status = Status::Success;
    // The issues each folder's later issues follow, read once per folder.
    let mut followed: HashMap<PathBuf, HashSet<PathBuf>> = HashMap::new();
    for path in paths {
        let Ok(walk) = disk::issue_files(path) else {
            continue;
        };
        for file in &walk.files {
            let dir = match file.parent() {
                Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
                _ => PathBuf::from("."),
            };
            let went_out = followed
                .entry(dir.clone())
                .or_insert_with(|| load::followed(disk, &dir));
            let shown = crate::text::quote::path(file);
            if disk.resolve(file).is_ok_and(|key| went_out.contains(&key)) {
                if has_fixes(disk, file, out) {
                    out.note(msg!(
                        "`{shown}` is left as it printed: a later issue follows it; mend it by hand if it is to change",
                        "`{shown}` 保持印发时的原样：已有下一期接续它；如确需修改，请手工修改"
                    ));
                }
                continue;
            }
            if let Err(e) = mend_file(out, disk, file) {
                out.error(&e);
                status = Status::Error;
            }
        }
    }
    Ok(status)
}

/// Whether the file at `path` has findings a fix would mend.
fn has_fixes(disk: &Disk, path: &Path, out: &Reporter) -> bool {
    read(disk, path).is_some_and(|(text, _)| mend(&text, out.allowed()) != Mend::Nothing)
}

/// The text of the issue file at `path`, and whether it starts with a byte-order mark.
fn read(disk: &Disk, path: &Path) -> Option<(String, bool)> {
    let bytes = disk.read(path, MAX_INPUT_BYTES).ok()?;
    let text = crate::input::decode::decode(&bytes).ok()?;
    Some((text.to_owned(), bytes.starts_with("\u{feff}".as_bytes())))
}

fn mend_file(out: &mut Reporter, disk: &Disk, path: &Path) -> anyhow::Result<()> {
    let Some((text, bom)) = read(disk, path) else {
        return Ok(());
    };
    let shown = crate::text::quote::path(path);
    match mend(&text, out.allowed()) {
        Mend::Nothing => {}
        Mend::Unsafe => out.note(msg!(
            "`{shown}` is left as it is: its fixes would change how YAML reads it; mend what `weekly check` reports by hand",
            "`{shown}` 未作修改：自动修改会改变 YAML 对文件的理解；请按 `weekly check` 的提示手工修改"
        )),
        Mend::Mended { text, fixed } => {
            let bom = if bom { "\u{feff}" } else { "" };
            let bytes = format!("{bom}{text}");
            let cannot = || msg!("cannot write the fixes into `{shown}`", "无法把修改写入 `{shown}`");
            write::stage_edit(path, bytes.as_bytes())
                .said(cannot)?
                .commit(true)
                .said(cannot)?;
            let n = fixed.len();
            let mut codes: Vec<&str> = fixed.iter().map(|c| c.as_str()).collect();
            codes.sort_unstable();
            codes.dedup();
            let (en, zh) = (codes.join(", "), codes.join("、"));
            out.note(if n == 1 {
                msg!("fixed 1 finding in `{shown}` ({en})", "已修改 `{shown}` 中的 1 处（{zh}）")
            } else {
                msg!("fixed {n} findings in `{shown}` ({en})", "已修改 `{shown}` 中的 {n} 处（{zh}）")
            });
        }
    }
    Ok(())
}
