//! The commands: each reads what it needs through the library loader, reports findings, and
//! returns how it ended, or the error that stopped it for the caller to print.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::{Context, anyhow, bail};

use super::args::{self, Build, New, Output};
use super::disk::{self, Disk};
use super::report::{Reporter, Status};
use super::write::{self, Target};
use crate::folder::{self, Member};
use crate::freeze;
use crate::issue::Issue;
use crate::load::{self, Loaded, Loader};
use crate::model::Bulletin;
use crate::new::{self, Next};
use crate::render::{self, Format, Options};

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
    } = settings;
    let mut targets: Vec<(&Output, Target)> = Vec::new();
    for output in outputs {
        let target = match &output.path {
            None => Target::Stdout,
            Some(path) if file != Path::new("-") && write::same_file(file, path) => {
                bail!(
                    "`{}` is the input file; choose another output",
                    path.display()
                )
            }
            Some(path) => write::target(path)?,
        };
        if targets.iter().any(|(_, t)| *t == target) {
            bail!("two outputs name one file: `{}`", shown(output));
        }
        targets.push((output, target));
    }
    let loaded = Loader::new(Disk).load(file)?;
    let Some(issue) = show_findings(out, loaded).and_then(|l| l.issue) else {
        return Ok(Status::Invalid);
    };
    let bulletin = Bulletin::new(&issue);
    let mut staged = Vec::new();
    for (output, target) in targets {
        if output.format.is_binary() && target == Target::Stdout && std::io::stdout().is_terminal()
        {
            bail!("a Word document is binary: give -o FILE.docx, or redirect stdout to a file");
        }
        let options = Options {
            templates: disk::templates(output.format, templates.as_deref())?,
            width: *width,
        };
        let document = render::render(&bulletin, output.format, &options)?;
        let ready = write::stage(target, &document)
            .with_context(|| format!("{}; no output was written", cannot_write(output)))?;
        staged.push((output, ready));
    }
    let mut status = Status::Success;
    for (output, ready) in staged {
        if let Err(e) = ready.commit(true) {
            out.error(&anyhow::Error::from(e).context(cannot_write(output)));
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

fn cannot_write(output: &Output) -> String {
    match &output.path {
        Some(path) => format!("cannot write `{}`", path.display()),
        None => "cannot write to stdout".to_owned(),
    }
}

/// The valid issues of one folder: file names, texts and numbers.
#[derive(Default)]
struct Folder {
    names: Vec<String>,
    texts: Vec<String>,
    members: Vec<Member>,
}

/// `weekly check`: every file, and the issues of each folder named as a series. A path that
/// cannot be read is reported and the others are still checked.
pub fn check(out: &mut Reporter, paths: &[PathBuf]) -> anyhow::Result<Status> {
    let mut status = Status::Success;
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
        let mut folders: BTreeMap<PathBuf, Folder> = BTreeMap::new();
        for (file, loaded) in files.iter().zip(load::load_all(&Disk, &files)) {
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
            if !is_folder {
                continue;
            }
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
            series.names.push(name);
            series.texts.push(text);
        }
        for f in folders.values() {
            for (i, d) in folder::check_folder(&f.members, &f.names) {
                if !out.file(&f.names[i], &f.texts[i], &[d]) {
                    status = status.max(Status::Invalid);
                }
            }
        }
    }
    Ok(status)
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
    let target = output
        .clone()
        .or_else(|| next.file_name(previous))
        .ok_or_else(|| {
            anyhow!(
                "cannot name the next issue after `{shown}` (names like 2023-39.yaml are moved on); give -o"
            )
        })?;
    let to_stdout = target == Path::new("-");
    if !to_stdout && !force && target.exists() {
        bail!("`{}` exists; give --force to replace it", target.display());
    }
    if previous != Path::new("-") {
        freeze(out, previous, &prev_text, bom, &prev)?;
    }
    let link = if to_stdout {
        shown.clone()
    } else {
        write::relative_link(previous, &target)
    };
    let text = new::next_issue(&prev, &link, &next);
    if to_stdout {
        write::stdout(text.as_bytes()).context("cannot write to stdout")?;
    } else {
        write::output(&target, text.as_bytes(), *force)?;
        out.note(format_args!(
            "created `{}`: {} 年第 {} 期（总第 {} 期）",
            target.display(),
            next.year,
            next.number,
            next.total
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
            write::output(path, bytes.as_bytes(), true)
                .with_context(|| format!("cannot write the figures into `{shown}`"))?;
            out.note(format_args!(
                "wrote into `{shown}` the figures it printed: {}",
                list(&frozen.figures)
            ));
        }
        Err(figures) => out.note(format_args!(
            "warning: could not write into `{shown}` the figures it printed; write them by hand: {}",
            list(&figures)
        )),
    }
    Ok(())
}

/// `weekly templates export DIR`: the built-in templates, each written atomically; one
/// already there is kept unless `force`.
pub fn export_templates(out: &mut Reporter, dir: &Path, force: bool) -> anyhow::Result<Status> {
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot make the folder `{}`", dir.display()))?;
    let mut status = Status::Success;
    for (name, source) in Format::ALL.into_iter().filter_map(Format::template) {
        let path = dir.join(name);
        let written = if path.exists() && !force {
            Err(anyhow!(
                "`{}` exists; give --force to replace it",
                path.display()
            ))
        } else {
            write::output(&path, source.as_bytes(), force)
        };
        match written {
            Ok(()) => out.note(format_args!("wrote `{}`", path.display())),
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
    write::stdout(text).context("cannot write to stdout")?;
    Ok(Status::Success)
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
        .context("cannot write the manual page")?;
    print(&page)
}
