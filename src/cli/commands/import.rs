//! `weekly import`: past bulletins read back into issue files, one to stdout or `-o`, or a
//! batch into a folder, named after their mastheads and linked week to week.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::bail;

use crate::cli::args::Import;
use crate::cli::disk::Disk;
use crate::cli::report::{Reporter, Said, Saying, Status};
use crate::cli::write;
use crate::import::{self, Draft, From};
use crate::input::files::{Files, ReadError};
use crate::issue_file;
use crate::load::{self, Unreadable};
use crate::msg;

/// A Word document with pictures may be larger than an issue file: up to this is read.
const MAX_IMPORT_BYTES: u64 = 64 * 1024 * 1024;

/// One bulletin read, with the name it is reported under.
struct Read {
    name: String,
    draft: Draft,
}

pub fn import(out: &mut Reporter, settings: &Import) -> anyhow::Result<Status> {
    let mut status = Status::Success;
    let mut read = Vec::new();
    for path in &settings.files {
        let name = load::shown_name(path);
        let bytes = match Disk.read(path, MAX_IMPORT_BYTES) {
            Ok(bytes) => bytes,
            Err(ReadError::TooLarge) => {
                out.file(&name, "", &[load::too_large(MAX_IMPORT_BYTES)]);
                status = Status::Invalid;
                continue;
            }
            Err(ReadError::Io(source)) => return Err(Unreadable { name, source }.into()),
        };
        let from = settings.from.unwrap_or_else(|| From::detect(path, &bytes));
        let imported = import::import(&bytes, from);
        let passes = out.file(&name, &imported.text, &imported.findings);
        match imported.draft {
            Some(draft) if passes => read.push(Read { name, draft }),
            _ => status = Status::Invalid,
        }
    }
    let Some(dir) = &settings.dir else {
        // One file: to stdout, or to -o.
        let Some(one) = read.first() else {
            return Ok(status);
        };
        let text = issue_file::imported::issue_file(&one.draft, &one.name, None, out.lang());
        match settings.output.as_deref().filter(|p| *p != Path::new("-")) {
            None => write::stdout(text.as_bytes())
                .said(|| msg!("cannot write to stdout", "无法写入标准输出"))?,
            Some(path) => {
                if settings.files.iter().any(|f| write::same_file(f, path)) {
                    let path = path.display();
                    bail!(Said::new(msg!(
                        "`{path}` is the bulletin being imported; choose another output",
                        "`{path}` 是正在导入的周报；请另选输出文件"
                    )));
                }
                if !settings.force && path.exists() {
                    bail!(write::exists(path));
                }
                write::output(path, text.as_bytes(), settings.force)?;
            }
        }
        return Ok(status);
    };
    write_folder(out, dir, read, settings.force)?;
    Ok(status)
}

/// The issues into `dir` as `YEAR-NN.yaml`, in the order of their running totals, each
/// naming the one before when that one is the week before and in the batch. Every name is
/// checked before any file is written.
fn write_folder(
    out: &mut Reporter,
    dir: &Path,
    read: Vec<Read>,
    force: bool,
) -> anyhow::Result<()> {
    let mut by_total: BTreeMap<u64, Read> = BTreeMap::new();
    for r in read {
        let total = r.draft.masthead.total;
        if let Some(other) = by_total.get(&total) {
            let (a, b) = (&other.name, &r.name);
            bail!(Said::new(msg!(
                "`{a}` and `{b}` are both 总第 {total} 期: import one of them",
                "`{a}` 和 `{b}` 都是总第 {total} 期：请只导入其中一份"
            )));
        }
        by_total.insert(total, r);
    }
    let name = |d: &Draft| format!("{}-{:02}.yaml", d.masthead.year, d.masthead.number);
    let mut files = Vec::new();
    let mut before: Option<(u64, String)> = None;
    for (total, r) in &by_total {
        let file = name(&r.draft);
        let path = dir.join(&file);
        if !force && path.exists() {
            bail!(write::exists(&path));
        }
        let previous = before
            .as_ref()
            .filter(|(t, _)| t + 1 == *total)
            .map(|(_, f)| f.as_str());
        let text = issue_file::imported::issue_file(&r.draft, &r.name, previous, out.lang());
        files.push((path, text, r));
        before = Some((*total, file));
    }
    if !files.is_empty() {
        write::folder(dir)?;
    }
    for (path, text, r) in files {
        write::output(&path, text.as_bytes(), force)?;
        let (shown, from, m) = (path.display(), &r.name, &r.draft.masthead);
        let (year, number, total) = (m.year, m.number, m.total);
        out.note(msg!(
            "imported `{from}` into `{shown}`: {year} 年第 {number} 期（总第 {total} 期）",
            "已将 `{from}` 导入为 `{shown}`：{year} 年第 {number} 期（总第 {total} 期）"
        ));
    }
    Ok(())
}
