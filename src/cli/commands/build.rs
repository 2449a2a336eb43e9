//! `weekly build`: one issue in, a document out per output, every output prepared before any
//! is put in place.

use std::io::IsTerminal;

use anyhow::bail;

use crate::cli::args::Build;
use crate::cli::disk::{self, Disk};
use crate::cli::outputs::Output;
use crate::cli::report::{Reporter, Said, Saying, Status};
use crate::cli::watch;
use crate::cli::write::{self, Target};
use crate::formats::Choice;
use crate::i18n::Msg;
use crate::load::Loader;
use crate::model::Bulletin;
use crate::msg;
use crate::render::{self, Format, Options};

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
        font_cache,
        verbose,
        watch: _,
    } = settings;
    let mut targets: Vec<(&Output, Target)> = Vec::new();
    for output in outputs {
        let target = match &output.path {
            None => Target::Stdout,
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
    let disk = Disk::default();
    let loaded = Loader::new(&disk).load(file)?;
    let Some(issue) = out.loaded(loaded).and_then(|l| l.issue) else {
        return Ok(Status::Invalid);
    };
    let bulletin = Bulletin::new(&issue);
    let fonts = if outputs.iter().any(|o| o.format == Format::Pdf) {
        fonts(out, font_path, *system_fonts, *font_cache, *verbose)
    } else {
        Default::default()
    };
    // Every template is read before any output is staged: no output may replace one.
    let mut laid_out = Vec::new();
    for (output, target) in targets {
        let templates = disk::templates(&disk, output.format, templates.as_deref())?;
        laid_out.push((output, target, templates));
    }
    let mut staged = Vec::new();
    for (output, target, templates) in laid_out {
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
            templates,
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
        if !document.stand_ins.is_empty() {
            let name = shown(output);
            out.note(render::faces::stand_in_warning(&name, &document.stand_ins));
        }
        let ready = write::stage(target, &document.bytes, &disk).said(|| {
            let Msg { en, zh } = cannot_write(output);
            msg!("{en}; no output was written", "{zh}；所有输出均未写入")
        })?;
        staged.push((output, ready));
    }
    let mut status = Status::Success;
    for (output, done) in write::commit_all(staged, true) {
        if let Err(e) = done.said(|| cannot_write(output)) {
            out.error(&e.into());
            status = Status::Error;
        }
    }
    Ok(status)
}

/// `weekly build --watch`: a build, then another on every save of the issue's folder's issue
/// files (the issue before this one changes its figures) or of a template, until stopped.
/// A build that fails is reported and the watch goes on.
pub fn build_watching(out: &mut Reporter, settings: &Build) -> anyhow::Result<Status> {
    let watching = watch::start_for(&settings.file, settings.templates.as_deref())?;
    let run = |out: &mut Reporter| {
        if let Err(e) = build(out, settings) {
            out.error(&e);
        }
    };
    run(out);
    let file = crate::text::quote::path(&settings.file);
    out.note(msg!(
        "watching `{file}` for changes; Ctrl-C stops",
        "正在监视 `{file}` 的修改；按 Ctrl-C 结束"
    ));
    watching.each(|| run(out));
    Ok(Status::Success)
}

/// The fonts a PDF may use; each font file left out is a warning that names it, and with
/// `verbose` a note says how many font files there were and how many were read.
#[cfg(feature = "pdf")]
pub(super) fn fonts(
    out: &mut Reporter,
    folders: &[std::path::PathBuf],
    system: bool,
    cache: bool,
    verbose: bool,
) -> render::Fonts {
    let index = cache.then(crate::cli::fonts::index_path).flatten();
    let found = crate::cli::fonts::fonts(folders, system, index.as_deref());
    for (path, why) in found.refused {
        let (path, Msg { en, zh }) = (crate::text::quote::path(&path), why.message());
        out.note(msg!(
            "warning: the font `{path}` is left out: {en}",
            "警告：字体 `{path}` 未使用：{zh}"
        ));
    }
    if verbose {
        out.note(fonts_read(
            found.files,
            found.read,
            index.as_deref(),
            found.kept,
        ));
    }
    found.fonts
}

/// How many font files there were, and how many were read rather than known from `index`;
/// `kept`, whether the index holds what they hold now.
#[cfg(feature = "pdf")]
fn fonts_read(files: usize, read: usize, index: Option<&std::path::Path>, kept: bool) -> Msg {
    let some = if files == 1 {
        "1 font file".to_owned()
    } else {
        format!("{files} font files")
    };
    let Some(index) = index else {
        return msg!(
            "fonts: {some}, all read (no font index)",
            "字体：共 {files} 个字体文件，均已读取（未用字体索引）"
        );
    };
    let index = crate::text::quote::path(index);
    let Msg { en, zh } = if read == files {
        msg!("all read", "均已读取")
    } else if read == 0 {
        msg!("all known from `{index}`", "信息均取自 `{index}`")
    } else {
        msg!(
            "{read} of them read, the others known from `{index}`",
            "读取了其中 {read} 个，其余的信息取自 `{index}`"
        )
    };
    match (kept, read == files) {
        (true, true) => msg!(
            "fonts: {some}, {en}, and kept in `{index}`",
            "字体：共 {files} 个字体文件，{zh}，其信息已存入 `{index}`"
        ),
        (true, false) => msg!("fonts: {some}, {en}", "字体：共 {files} 个字体文件，{zh}"),
        (false, _) => msg!(
            "fonts: {some}, {en}; the font index `{index}` could not be written",
            "字体：共 {files} 个字体文件，{zh}；字体索引 `{index}` 无法写入"
        ),
    }
}

#[cfg(not(feature = "pdf"))]
pub(super) fn fonts(
    _: &mut Reporter,
    _: &[std::path::PathBuf],
    _: bool,
    _: bool,
    _: bool,
) -> render::Fonts {
    render::Fonts
}

/// An output as the user named it.
fn shown(output: &Output) -> String {
    output
        .path
        .as_ref()
        .map_or_else(|| "stdout".to_owned(), |p| crate::text::quote::path(p))
}

fn cannot_write(output: &Output) -> Msg {
    match &output.path {
        Some(path) => {
            let path = crate::text::quote::path(path);
            msg!("cannot write `{path}`", "无法写入 `{path}`")
        }
        None => msg!("cannot write to stdout", "无法写入标准输出"),
    }
}
