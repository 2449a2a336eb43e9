//! `weekly import`: past bulletins read back into issue files, one to stdout or `-o`, or a
//! batch into a folder, named after their mastheads and linked week to week.

use std::collections::BTreeMap;
use std::fs;
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
    let disk = Disk::default();
    for path in &settings.files {
        let name = load::shown_name(path);
        let bytes = match disk.read(path, MAX_IMPORT_BYTES) {
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
                if !settings.force && path.exists() {
                    bail!(write::exists(path));
                }
                write::output(path, text.as_bytes(), settings.force, &disk)?;
            }
        }
        return Ok(status);
    };
    write_folder(out, dir, read, settings.force, &disk)?;
    Ok(status)
}

/// The issues into `dir` as `YEAR-NN.yaml`, in the order of their running totals, each
/// naming the one before when that one is the week before and in the batch. The batch is
/// planned whole before any file is written: two bulletins of one name, a name taken (without
/// `force`), a symbolic link in the folder or a file the run reads stop it with nothing
/// written.
fn write_folder(
    out: &mut Reporter,
    dir: &Path,
    read: Vec<Read>,
    force: bool,
    disk: &Disk,
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
    let mut named: BTreeMap<String, &str> = BTreeMap::new();
    let mut files = Vec::new();
    let mut before: Option<(u64, String)> = None;
    for (total, r) in &by_total {
        let file = name(&r.draft);
        if let Some(other) = named.insert(file.clone(), &r.name) {
            let (a, b) = (other, &r.name);
            bail!(Said::new(msg!(
                "`{a}` and `{b}` would both be written as `{file}` (one year, one number): import one of them, or correct the issue number of the other",
                "`{a}` 和 `{b}` 都将写为 `{file}`（年份和期号相同）：请只导入其中一份，或改正另一份的期号"
            )));
        }
        let path = dir.join(&file);
        if fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
            let shown = crate::text::quote::path(&path);
            bail!(Said::new(msg!(
                "`{shown}` is a symbolic link: weekly writes issue files into the folder, never through a link; remove it or choose another folder",
                "`{shown}` 是符号链接：weekly 只把周报文件写在该文件夹中，不经由链接写到别处；请删去该链接或另选文件夹"
            )));
        }
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
    if files.is_empty() {
        return Ok(());
    }
    write::folder(dir)?;
    let mut staged = Vec::new();
    for (path, text, r) in files {
        let ready = write::target(&path)
            .and_then(|target| {
                write::stage(target, text.as_bytes(), disk)
                    .said(|| write::cannot_write(&path))
                    .map_err(anyhow::Error::from)
            })
            .map_err(|e| {
                e.context(Said::new(msg!(
                    "no issue file was written",
                    "所有周报文件均未写入"
                )))
            })?;
        staged.push((path, ready, r));
    }
    for (path, ready, r) in staged {
        ready.commit(force).said(|| write::cannot_write(&path))?;
        let (shown, from, m) = (crate::text::quote::path(&path), &r.name, &r.draft.masthead);
        let (year, number, total) = (m.year, m.number, m.total);
        out.note(msg!(
            "imported `{from}` into `{shown}`: {year} 年第 {number} 期（总第 {total} 期）",
            "已将 `{from}` 导入为 `{shown}`：{year} 年第 {number} 期（总第 {total} 期）"
        ));
    }
    Ok(())
}
