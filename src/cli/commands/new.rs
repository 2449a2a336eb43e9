//! `weekly new`: the next issue's file begun from the last, and the figures the last one
//! computed written into it.

use std::path::Path;

use anyhow::bail;

use crate::cli::args::New;
use crate::cli::disk::Disk;
use crate::cli::report::{Reporter, Said, Saying, Status};
use crate::cli::write;
use crate::issue::Issue;
use crate::issue_file::freeze;
use crate::issue_file::next::{self, Next};
use crate::load::{Loaded, Loader};
use crate::msg;

/// `weekly new`: writes the next issue's file, never over an existing one unless forced.
/// The figures the previous issue printed but computed are first written into it, so that
/// every issue of the archive carries what it printed.
pub fn begin_next(out: &mut Reporter, settings: &New) -> anyhow::Result<Status> {
    let New {
        previous,
        output,
        date,
        force,
    } = settings;
    let loaded = Loader::new(Disk).load(previous)?;
    let Some(Loaded {
        text: prev_text,
        bom,
        issue: Some(prev),
        ..
    }) = out.loaded(loaded)
    else {
        return Ok(Status::Invalid);
    };
    let shown = previous.display().to_string();
    let next = Next::after(&prev, *date);
    let Some(target) = output.clone().or_else(|| next.file_name(previous)) else {
        bail!(Said::new(msg!(
            "cannot name the next issue after `{shown}` (names like 2023-39.yaml are moved on); give -o",
            "无法根据 `{shown}` 为下一期命名（只有形如 2023-39.yaml 的文件名才能自动顺延）；请用 -o 指定新文件名"
        )));
    };
    let to_stdout = target == Path::new("-");
    if !to_stdout && !force && target.exists() {
        bail!(write::exists(&target));
    }
    if previous != Path::new("-") {
        freeze(out, previous, &prev_text, bom, &prev)?;
    }
    let link = if to_stdout {
        shown.clone()
    } else {
        write::relative_link(previous, &target)
    };
    let text = next::next_issue(&prev, &link, &next, out.lang());
    if to_stdout {
        write::stdout(text.as_bytes()).said(write::stdout_msg)?;
    } else {
        write::output(&target, text.as_bytes(), *force)?;
        let (name, year, number, total) = (target.display(), next.year, next.number, next.total);
        out.note(msg!(
            "created `{name}`: {year} 年第 {number} 期（总第 {total} 期）",
            "已新建 `{name}`：{year} 年第 {number} 期（总第 {total} 期）"
        ));
    }
    Ok(Status::Success)
}

/// Writes into the issue at `path` the figures it printed but computed; when they cannot be
/// written in without changing the issue, says which to write by hand.
fn freeze(
    out: &mut Reporter,
    path: &Path,
    text: &str,
    bom: bool,
    issue: &Issue,
) -> anyhow::Result<()> {
    let shown = path.display();
    let list = |figures: &[(String, u64)]| {
        let figures: Vec<String> = figures.iter().map(|(n, v)| format!("{n} {v}")).collect();
        figures.join("、")
    };
    match freeze::freeze(text, issue) {
        Ok(None) => {}
        Ok(Some(frozen)) => {
            let bom = if bom { "\u{feff}" } else { "" };
            let bytes = format!("{bom}{}", frozen.text);
            write::output(path, bytes.as_bytes(), true).said(|| {
                msg!(
                    "cannot write the figures into `{shown}`",
                    "无法把数字写入 `{shown}`"
                )
            })?;
            let figures = list(&frozen.figures);
            out.note(msg!(
                "wrote into `{shown}` the figures it computed and printed: {figures}",
                "已把 `{shown}` 中推算出的累计数写入该文件：{figures}"
            ));
        }
        Err(figures) => {
            let figures = list(&figures);
            out.note(msg!(
                "warning: could not write into `{shown}` the figures it printed; write them by hand: {figures}",
                "警告：无法把推算出的累计数写入 `{shown}`，请手工补填：{figures}"
            ))
        }
    }
    Ok(())
}
