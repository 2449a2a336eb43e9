//! The commands: each reads what it needs through the library loader, reports findings, and
//! returns how it ended, or the error that stopped it for the caller to print.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::bail;

use super::args::{self, Build, New};
use super::disk::{self, Disk};
use super::outputs::Output;
use super::report::{Reporter, Said, Saying, Status};
use super::write::{self, Target};
use crate::diag::Msg;
use crate::folder::{self, Member};
use crate::freeze;
use crate::issue::Issue;
use crate::load::{self, Loaded, Loader};
use crate::model::Bulletin;
use crate::msg;
use crate::new::{self, Next};
use crate::render::{self, Format, Options};
use crate::validate::Lints;

/// Reports what loading a file found: the issue and its text when the file passes, `None`
/// when it is invalid.
fn show_findings(out: &mut Reporter, loaded: Loaded) -> Option<Loaded> {
    let passes = out.file(&loaded.name, &loaded.text, &loaded.diagnostics);
    Some(loaded).filter(|l| passes && l.issue.is_some())
}

/// `weekly build`: one issue in, one document out per output. Every output is rendered and
/// prepared before any is put in place, so an error leaves every old file as it was.
pub fn build(out: &mut Reporter, settings: &Build) -> anyhow::Result<Status> {
    let Build {
        file,
        outputs,
        templates,
        width,
        font_path,
        system_fonts,
        verbose,
    } = settings;
    let mut targets: Vec<(&Output, Target)> = Vec::new();
    for output in outputs {
        let target = match &output.path {
            None => Target::Stdout,
            Some(path) if file != Path::new("-") && write::same_file(file, path) => {
                let path = path.display();
                bail!(Said::new(msg!(
                    "`{path}` is the input file; choose another output",
                    "`{path}` 是输入文件；请另选输出文件"
                )))
            }
            Some(path) => write::target(path)?,
        };
        if targets.iter().any(|(_, t)| *t == target) {
            let name = shown(output);
            bail!(Said::new(msg!(
                "two outputs name one file: `{name}`",
                "两个输出指向同一个文件：`{name}`"
            )));
        }
        targets.push((output, target));
    }
    let loaded = Loader::new(Disk).load(file)?;
    let Some(issue) = show_findings(out, loaded).and_then(|l| l.issue) else {
        return Ok(Status::Invalid);
    };
    let bulletin = Bulletin::new(&issue);
    let fonts = if outputs.iter().any(|o| o.format == Format::Pdf) {
        disk::fonts(font_path, *system_fonts)
    } else {
        Default::default()
    };
    let mut staged = Vec::new();
    for (output, target) in targets {
        if output.format.is_binary() && target == Target::Stdout && std::io::stdout().is_terminal()
        {
            let ext = output.format.extensions()[0];
            let what = match output.format {
                Format::Pdf => msg!("a PDF", "PDF 文件"),
                _ => msg!("a Word document", "Word 文档"),
            };
            let Msg { en, zh } = what;
            bail!(Said::new(msg!(
                "{en} is binary: give -o FILE.{ext}, or redirect stdout to a file",
                "{zh}是二进制文件：请用 -o 文件名.{ext}，或把标准输出重定向到文件"
            )));
        }
        let options = Options {
            templates: disk::templates(output.format, templates.as_deref())?,
            width: *width,
            fonts: fonts.clone(),
        };
        let document = render::typeset(&bulletin, output.format, &options)?;
        if *verbose && !document.families.is_empty() {
            let (name, families) = (shown(output), document.families.join(", "));
            out.note(msg!(
                "{name}: set in {families}",
                "{name}：所用字体 {families}"
            ));
        }
        let ready = write::stage(target, &document.bytes).said(|| {
            let Msg { en, zh } = cannot_write(output);
            msg!("{en}; no output was written", "{zh}；所有输出均未写入")
        })?;
        staged.push((output, ready));
    }
    let mut status = Status::Success;
    for (output, ready) in staged {
        if let Err(e) = ready.commit(true).said(|| cannot_write(output)) {
            out.error(&e.into());
            status = Status::Error;
        }
    }
    Ok(status)
}

/// An output as the user named it.
fn shown(output: &Output) -> String {
    output
        .path
        .as_ref()
        .map_or_else(|| "stdout".to_owned(), |p| p.display().to_string())
}

fn cannot_write(output: &Output) -> Msg {
    match &output.path {
        Some(path) => {
            let path = path.display();
            msg!("cannot write `{path}`", "无法写入 `{path}`")
        }
        None => msg!("cannot write to stdout", "无法写入标准输出"),
    }
}

/// The valid issues of one folder: file names, texts, numbers, and what a command keeps of
/// each.
pub struct Folder<T> {
    pub names: Vec<String>,
    pub texts: Vec<String>,
    members: Vec<Member>,
    pub kept: Vec<T>,
}

impl<T> Default for Folder<T> {
    fn default() -> Self {
        Folder {
            names: Vec::new(),
            texts: Vec::new(),
            members: Vec::new(),
            kept: Vec::new(),
        }
    }
}

/// `weekly check`: every file, and the issues of each folder named as a series. A path that
/// cannot be read is reported and the others are still checked.
pub fn check(out: &mut Reporter, paths: &[PathBuf]) -> anyhow::Result<Status> {
    let (status, _) = read_issues(out, paths, Lints::On, |_, _| ());
    Ok(status)
}

/// Reads the issues `paths` name (a file, or every issue file below a folder), reports what
/// loading them found, and checks the issues of each folder named as a series (E027, E028,
/// W008), as `weekly check` does. Returns how that went, and each folder's valid issues
/// with what `keep` takes of each (given the issue and its index in the folder's lists),
/// folder by folder in the order of `paths`.
pub fn read_issues<T>(
    out: &mut Reporter,
    paths: &[PathBuf],
    lints: Lints,
    keep: impl Fn(&Issue, usize) -> T,
) -> (Status, Vec<(PathBuf, Folder<T>)>) {
    let mut status = Status::Success;
    let mut read = Vec::new();
    for path in paths {
        let files = match disk::issue_files(path) {
            Ok(files) => files,
            Err(e) => {
                out.error(&e);
                status = Status::Error;
                continue;
            }
        };
        let is_folder = path.is_dir();
        let mut folders: BTreeMap<PathBuf, Folder<T>> = BTreeMap::new();
        for (file, loaded) in files.iter().zip(load::load_all(&Disk, &files, lints)) {
            let loaded = match loaded {
                Ok(loaded) => loaded,
                Err(e) => {
                    out.error(&e.into());
                    status = Status::Error;
                    continue;
                }
            };
            let Some(Loaded {
                name,
                text,
                issue: Some(issue),
                ..
            }) = show_findings(out, loaded)
            else {
                status = status.max(Status::Invalid);
                continue;
            };
            let folder = file.parent().map(Path::to_path_buf).unwrap_or_default();
            let series = folders.entry(folder).or_default();
            let m = &issue.masthead;
            series.members.push(Member {
                file: series.names.len(),
                year: m.year.value,
                number: m.number.value,
                number_span: m.number.span.clone(),
                total: m.total.value,
                total_span: m.total.span.clone(),
            });
            series.kept.push(keep(&issue, series.names.len()));
            series.names.push(name);
            series.texts.push(text);
        }
        if is_folder {
            for f in folders.values() {
                for (i, d) in folder::check_folder(&f.members, &f.names) {
                    if !out.file(&f.names[i], &f.texts[i], &[d]) {
                        status = status.max(Status::Invalid);
                    }
                }
            }
        }
        read.extend(folders);
    }
    (status, read)
}

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
    }) = show_findings(out, loaded)
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
    let text = new::next_issue(&prev, &link, &next, out.lang());
    if to_stdout {
        write::stdout(text.as_bytes()).said(stdout_msg)?;
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

/// `weekly templates export DIR`: the built-in templates, each written atomically; one
/// already there is kept unless `force`.
pub fn export_templates(out: &mut Reporter, dir: &Path, force: bool) -> anyhow::Result<Status> {
    write::folder(dir)?;
    let mut status = Status::Success;
    let mut names = Vec::new();
    for (name, source) in Format::ALL.into_iter().filter_map(Format::template) {
        // PDF and Typst share one template.
        if names.contains(&name) {
            continue;
        }
        names.push(name);
        let path = dir.join(name);
        let written = if path.exists() && !force {
            Err(write::exists(&path).into())
        } else {
            write::output(&path, source.as_bytes(), force)
        };
        match written {
            Ok(()) => {
                let path = path.display();
                out.note(msg!("wrote `{path}`", "已写入 `{path}`"))
            }
            Err(e) => {
                out.error(&e);
                status = Status::Error;
            }
        }
    }
    Ok(status)
}

/// `weekly schema`, `completions` and `man`: generated text on stdout.
pub fn print(text: &[u8]) -> anyhow::Result<Status> {
    write::stdout(text).said(stdout_msg)?;
    Ok(Status::Success)
}

pub fn stdout_msg() -> Msg {
    msg!("cannot write to stdout", "无法写入标准输出")
}

pub fn schema() -> anyhow::Result<Status> {
    let text = serde_json::to_string_pretty(&crate::format::json_schema())? + "\n";
    print(text.as_bytes())
}

pub fn completions(shell: clap_complete::Shell) -> anyhow::Result<Status> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut args::command(), "weekly", &mut script);
    print(&script)
}

pub fn man() -> anyhow::Result<Status> {
    let mut page = Vec::new();
    clap_mangen::Man::new(args::command())
        .render(&mut page)
        .said(|| msg!("cannot write the manual page", "无法输出手册页"))?;
    print(&page)
}
