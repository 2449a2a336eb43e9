//! `weekly new`: the next issue's file begun from the last, and the figures the last one
//! computed written into it.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::bail;

use crate::cli::args::New;
use crate::cli::disk::Disk;
use crate::cli::report::{Reporter, Said, Saying, Status};
use crate::cli::write::{self, Target};
use crate::i18n::Msg;
use crate::issue_file::freeze;
use crate::issue_file::next::{self, Next};
use crate::load::{Loaded, Loader};
use crate::msg;

/// `weekly new`: writes the next issue's file, never over an existing one unless forced, and
/// never over a file the run read. Then, once that is in place, the figures the previous
/// issue printed but computed are written into it, so that every issue of the archive
/// carries what it printed.
pub fn begin_next(out: &mut Reporter, settings: &New) -> anyhow::Result<Status> {
    let New {
        previous,
        output,
        date,
        force,
    } = settings;
    let disk = Disk::default();
    let loaded = Loader::new(&disk).load(previous)?;
    let Some(Loaded {
        text: prev_text,
        bom,
        issue: Some(prev),
        ..
    }) = out.loaded(loaded)
    else {
        return Ok(Status::Invalid);
    };
    let shown = crate::text::quote::path(previous);
    let next = Next::after(&prev, *date);
    let Some(path) = output.clone().or_else(|| next.file_name(previous)) else {
        bail!(Said::new(msg!(
            "cannot name the next issue after `{shown}` (names like 2023-39.yaml are moved on); give -o",
            "无法根据 `{shown}` 为下一期命名（只有形如 2023-39.yaml 的文件名才能自动顺延）；请用 -o 指定新文件名"
        )));
    };
    let to_stdout = path == Path::new("-");
    if !to_stdout && !force && path.exists() {
        bail!(write::exists(&path));
    }
    // A draft on stdout is saved where the clerk redirects it, which weekly cannot see: it
    // names the previous issue as seen from beside it, where `weekly new` would have put it.
    let beside = previous
        .file_name()
        .filter(|_| to_stdout && previous != Path::new("-"));
    let link = match beside {
        Some(name) => name.to_string_lossy().into_owned(),
        None if to_stdout => shown.clone(),
        None => relative_link(previous, &path),
    };
    let text = next::next_issue(&prev, &link, &next, out.lang());
    let target = if to_stdout {
        Target::Stdout
    } else {
        write::target(&path)?
    };
    let draft = write::stage(target, text.as_bytes(), &disk).said(|| write::cannot_write(&path))?;
    let frozen = if previous == Path::new("-") {
        Ok(None)
    } else {
        freeze::freeze(&prev_text, &prev)
    };
    // The draft first: the previous issue is written into only once the new one is in place.
    if to_stdout {
        draft.commit(true).said(write::stdout_msg)?;
        let folder = previous.parent().filter(|d| !d.as_os_str().is_empty());
        if let (Some(folder), Some(name)) = (folder, beside) {
            let (folder, name) = (
                crate::text::quote::path(folder),
                crate::text::quote::path(Path::new(name)),
            );
            out.note(msg!(
                "the draft names `{name}` as its previous issue, as seen from `{folder}`: save it in that folder",
                "草稿中的上一期写作 `{name}`，是相对于 `{folder}` 文件夹而言的：请把草稿保存在该文件夹中"
            ));
        }
    } else {
        draft.commit(*force).said(|| write::cannot_write(&path))?;
        let (name, year, number, total) = (
            crate::text::quote::path(&path),
            next.year,
            next.number,
            next.total,
        );
        out.note(msg!(
            "created `{name}`: {year} 年第 {number} 期（总第 {total} 期）",
            "已新建 `{name}`：{year} 年第 {number} 期（总第 {total} 期）"
        ));
    }
    match frozen {
        Ok(None) => {}
        Ok(Some(frozen)) => write_figures(out, previous, &frozen, bom)?,
        Err(figures) => out.note(by_hand(previous, &figures, None)),
    }
    Ok(Status::Success)
}

/// `咨询 59029、受理 15288`.
fn list(figures: &[(String, u64)]) -> String {
    let figures: Vec<String> = figures.iter().map(|(n, v)| format!("{n} {v}")).collect();
    figures.join("、")
}

/// The note that the figures could not be written into `path`, and why when known.
fn by_hand(path: &Path, figures: &[(String, u64)], why: Option<&Msg>) -> Msg {
    let (shown, figures) = (crate::text::quote::path(path), list(figures));
    let (why, why_zh) = why.map_or((String::new(), String::new()), |m| {
        (format!(" ({})", m.en), format!("（{}）", m.zh))
    });
    msg!(
        "warning: could not write into `{shown}` the figures it printed{why}; write them by hand: {figures}",
        "警告：无法把推算出的累计数和累计完成数写入 `{shown}`{why_zh}，请手工补填：{figures}"
    )
}

/// Writes into the issue at `path` the figures it printed but computed. A file that may not
/// be written (read-only, another user's) is left as it is, with a note of the figures to
/// write by hand.
fn write_figures(
    out: &mut Reporter,
    path: &Path,
    frozen: &freeze::Frozen,
    bom: bool,
) -> anyhow::Result<()> {
    let bom = if bom { "\u{feff}" } else { "" };
    let bytes = format!("{bom}{}", frozen.text);
    let staged = match write::stage_edit(path, bytes.as_bytes()) {
        Ok(staged) => staged,
        Err(e) => {
            let why = e
                .downcast_ref::<std::io::Error>()
                .map(crate::i18n::io_message);
            out.note(by_hand(path, &frozen.figures, why.as_ref()));
            return Ok(());
        }
    };
    let shown = crate::text::quote::path(path);
    staged.commit(true).said(|| {
        msg!(
            "cannot write the figures into `{shown}`",
            "无法把数字写入 `{shown}`"
        )
    })?;
    let figures = list(&frozen.figures);
    out.note(msg!(
        "wrote into `{shown}` the figures it computed and printed: {figures}",
        "已把 `{shown}` 中推算出的累计数和累计完成数写入该文件：{figures}"
    ));
    Ok(())
}

/// How a file written at `new` names `old` in its `previous` key: relative to the new
/// file's folder.
fn relative_link(old: &Path, new: &Path) -> String {
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
