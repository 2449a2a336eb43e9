//! `weekly import`: past bulletins read back into issue files, one to stdout or `-o`, or a
//! batch into a folder, named after their mastheads and linked week to week.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use anyhow::bail;

use crate::check::validate::Lints;
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
    let mut failed = Vec::new();
    let disk = Disk::default();
    for path in &settings.files {
        let name = load::shown_name(path);
        let bytes = match disk.read(path, MAX_IMPORT_BYTES) {
            Ok(bytes) => bytes,
            Err(ReadError::TooLarge) => {
                out.file(&name, "", &[load::too_large(MAX_IMPORT_BYTES)]);
                status = Status::Invalid;
                failed.push(name);
                continue;
            }
            Err(ReadError::Io(source)) => return Err(Unreadable { name, source }.into()),
        };
        let from = settings.from.unwrap_or_else(|| From::detect(path, &bytes));
        let imported = import::import(&bytes, from);
        let passes = out.file(&name, &imported.text, &imported.findings);
        match imported.draft {
            Some(draft) if passes => read.push(Read { name, draft }),
            _ => {
                status = Status::Invalid;
                failed.push(name);
            }
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
    // The batch goes on past a bulletin that fails: the summary names each one left out.
    for name in failed.iter().filter(|_| settings.files.len() > 1) {
        out.note(msg!(
            "`{name}` was not imported: see its errors above",
            "`{name}` 未导入：原因见上方错误信息"
        ));
    }
    Ok(status)
}

/// An issue of the batch or of the folder, as the batch is linked to it.
#[derive(Debug, Clone)]
struct Week {
    file: String,
    total: Option<u64>,
    start: chrono::NaiveDate,
    end: chrono::NaiveDate,
}

impl Week {
    /// Whether this week begins the day after `before` ends.
    fn follows(&self, before: &Week) -> bool {
        before.end.checked_add_days(chrono::Days::new(1)) == Some(self.start)
    }
}

/// The issues already in `dir` that the batch does not replace: each regular `.yaml` file
/// there that reads as an issue. What does not read is left alone (`weekly check` tells of it).
fn already_in(dir: &Path, replaced: &[String], disk: &Disk) -> Vec<Week> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let regular = entry.file_type().is_ok_and(|t| t.is_file());
        if !regular
            || !crate::input::files::is_issue_file(&entry.path())
            || replaced.contains(&file)
        {
            continue;
        }
        let Ok(bytes) = disk.read(&entry.path(), crate::input::files::MAX_INPUT_BYTES) else {
            continue;
        };
        let Ok((_, checked)) = load::check(&bytes, Lints::Off) else {
            continue;
        };
        if let Some(m) = checked.issue.map(|i| i.masthead) {
            out.push(Week {
                file,
                total: Some(m.total.value),
                start: m.start.value,
                end: m.end.value,
            });
        }
    }
    out.sort_by(|a, b| a.file.cmp(&b.file));
    out
}

/// Running totals the bulletins did not print, from an issue of the week before (its total
/// plus one) or after (minus one), in the batch or the folder, as far as such weeks reach.
fn fill_totals(batch: &mut [Week], folder: &[Week]) {
    loop {
        let known: Vec<Week> = batch
            .iter()
            .chain(folder)
            .filter(|w| w.total.is_some())
            .cloned()
            .collect();
        let mut filled = false;
        for w in batch.iter_mut().filter(|w| w.total.is_none()) {
            let before = known.iter().find(|k| w.follows(k));
            let after = known.iter().find(|k| k.follows(w));
            w.total = before
                .and_then(|k| k.total?.checked_add(1))
                .or_else(|| after.and_then(|k| k.total?.checked_sub(1)));
            filled |= w.total.is_some();
        }
        if !filled {
            return;
        }
    }
}

/// The file an issue names as last week's: the issue of the batch or the folder one before it
/// by the running total, or, a total not known, the one whose week ends the day before.
fn previous_of<'a>(w: &Week, all: &'a [Week]) -> Option<&'a str> {
    all.iter()
        .find(|k| match (k.total, w.total) {
            (Some(a), Some(b)) => a.checked_add(1) == Some(b),
            _ => w.follows(k),
        })
        .map(|k| k.file.as_str())
}

/// The issues into `dir` as `YEAR-NN.yaml`, each naming the one before when that one is the
/// week before, in the batch or already in the folder. The batch is planned whole before any
/// file is written: two bulletins of one name, a name taken (without `force`), a symbolic
/// link in the folder or a file the run reads stop it with nothing written.
fn write_folder(
    out: &mut Reporter,
    dir: &Path,
    mut read: Vec<Read>,
    force: bool,
    disk: &Disk,
) -> anyhow::Result<()> {
    let name = |d: &Draft| format!("{}-{:02}.yaml", d.masthead.year, d.masthead.number);
    let mut named: BTreeMap<String, &str> = BTreeMap::new();
    for r in &read {
        let file = name(&r.draft);
        if let Some(other) = named.insert(file.clone(), &r.name) {
            let (a, b) = (other, &r.name);
            bail!(Said::new(msg!(
                "`{a}` and `{b}` would both be written as `{file}` (one year, one number): import one of them, or correct the issue number of the other",
                "`{a}` 和 `{b}` 都将写为 `{file}`（年份和期号相同）：请只导入其中一份，或改正另一份的期号"
            )));
        }
    }
    let mut by_total: BTreeMap<u64, &str> = BTreeMap::new();
    for r in &read {
        let Some(total) = r.draft.masthead.total else {
            continue;
        };
        if let Some(other) = by_total.insert(total, &r.name) {
            let (a, b) = (other, &r.name);
            bail!(Said::new(msg!(
                "`{a}` and `{b}` are both 总第 {total} 期: import one of them",
                "`{a}` 和 `{b}` 都是总第 {total} 期：请只导入其中一份"
            )));
        }
    }
    let replaced: Vec<String> = named.keys().cloned().collect();
    let folder = already_in(dir, &replaced, disk);
    let mut weeks: Vec<Week> = read
        .iter()
        .map(|r| Week {
            file: name(&r.draft),
            total: r.draft.masthead.total,
            start: r.draft.masthead.start,
            end: r.draft.masthead.end,
        })
        .collect();
    fill_totals(&mut weeks, &folder);
    let all: Vec<Week> = weeks.iter().chain(&folder).cloned().collect();
    let mut files = Vec::new();
    for (r, w) in read.iter_mut().zip(&weeks) {
        r.draft.masthead.total = w.total;
    }
    for (r, w) in read.iter().zip(&weeks) {
        let path = dir.join(&w.file);
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
        let previous = previous_of(w, &all);
        let text = issue_file::imported::issue_file(&r.draft, &r.name, previous, out.lang());
        files.push((path, text, r));
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
        staged.push(((path, r), ready));
    }
    let mut failed = None;
    for ((path, r), done) in write::commit_all(staged, force) {
        if let Err(e) = done.said(|| write::cannot_write(&path)) {
            if let Some(first) = failed.replace(e) {
                out.error(&first.into());
            }
            continue;
        }
        let (shown, from, m) = (crate::text::quote::path(&path), &r.name, &r.draft.masthead);
        let (year, number) = (m.year, m.number);
        out.note(match m.total {
            Some(total) => msg!(
                "imported `{from}` into `{shown}`: {year} 年第 {number} 期（总第 {total} 期）",
                "已将 `{from}` 导入为 `{shown}`：{year} 年第 {number} 期（总第 {total} 期）"
            ),
            None => msg!(
                "imported `{from}` into `{shown}`: {year} 年第 {number} 期, its running total left blank to write",
                "已将 `{from}` 导入为 `{shown}`：{year} 年第 {number} 期，总期号空缺，请填写"
            ),
        });
    }
    failed.map_or(Ok(()), |e| Err(e.into()))
}
