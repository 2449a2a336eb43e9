//! `weekly stats`: the issues of an archive read and checked as `weekly check` reads a
//! folder, their figures reported in the chosen format.

use std::io::IsTerminal;

use anyhow::bail;

use super::check::read_issues;
use crate::check::validate::Lints;
use crate::cli::args::Stats;
use crate::cli::disk::Disk;
use crate::cli::report::{Reporter, Said, Saying, Status};
use crate::cli::write::{self, Target};
use crate::i18n::Lang;
use crate::msg;
use crate::stats::format;
use crate::stats::{self, Report, Series, Week, words};

/// Reads the archive, reports its findings (an invalid issue is left out of the figures and
/// makes the exit code 1, the others are still reported), and writes the statistics.
pub fn stats(out: &mut Reporter, settings: &Stats) -> anyhow::Result<Status> {
    let Stats {
        paths,
        format,
        output,
        selection,
    } = settings;
    let target = match output {
        None => Target::Stdout,
        Some(path) => write::target(path)?,
    };
    if format.is_binary() && target == Target::Stdout && std::io::stdout().is_terminal() {
        bail!(Said::new(msg!(
            "an Excel workbook is binary: give -o FILE.xlsx, or redirect stdout to a file",
            "Excel 工作簿是二进制文件：请用 -o 文件名.xlsx，或把标准输出重定向到文件"
        )));
    }
    // Typography does not change a figure; continuity and the checks across a folder do.
    let disk = Disk::default();
    let (mut status, folders) = read_issues(out, &disk, paths, Lints::Off, Week::of);
    let mut archive: Vec<(Series, Vec<String>, Vec<String>)> = Vec::new();
    for (folder, read) in folders {
        let name = crate::text::quote::path(&folder);
        let name = if name.is_empty() {
            ".".to_owned()
        } else {
            name
        };
        // A folder named twice, or a file named beside its folder, is one series.
        match archive.iter_mut().find(|(s, _, _)| s.name == name) {
            Some((series, names, texts)) => {
                for week in read.kept {
                    let file = &read.names[week.file];
                    if !names.contains(file) {
                        let text = read.texts[week.file].clone();
                        names.push(file.clone());
                        texts.push(text);
                        series.weeks.push(Week {
                            file: names.len() - 1,
                            ..week
                        });
                    }
                }
                let weeks = std::mem::take(&mut series.weeks);
                *series = Series::new(name, weeks);
            }
            None => archive.push((Series::new(name, read.kept), read.names, read.texts)),
        }
    }
    for (series, names, texts) in &archive {
        for (file, d) in stats::check_totals(series) {
            if !out.file(&names[file], &texts[file], &[d]) {
                status = status.max(Status::Invalid);
            }
        }
    }
    let lang = out.lang();
    for name in &selection.names {
        let known = archive.iter().any(|(s, _, _)| {
            s.weeks.iter().any(|w| {
                w.counters.iter().any(|c| &c.name == name)
                    || w.progress.iter().any(|p| &p.work == name)
            })
        });
        if !known {
            bail!(Said::new(msg!(
                "no counter or progress item is named `{name}` in the issues read",
                "所读各期中没有名为 `{name}` 的统计项或工作进度"
            )));
        }
    }
    let report = Report {
        series: archive
            .iter()
            .map(|(s, _, _)| stats::report(s, selection))
            .filter(|r| !r.issues.is_empty())
            .collect(),
    };
    if report.series.is_empty() {
        if archive.iter().all(|(s, _, _)| s.weeks.is_empty()) {
            bail!(Said::new(msg!(
                "no valid issue to report on",
                "没有可供统计的有效周报"
            )));
        }
        bail!(Said::new(msg!(
            "no issue falls in the selection (--from, --to, --year)",
            "没有周报落在所选范围内（--from、--to、--year）"
        )));
    }
    if !format.carries_notes() {
        for s in &report.series {
            let figures = s
                .counters
                .iter()
                .map(|c| (&c.name, &c.missing))
                .chain(s.progress.iter().map(|p| (&p.work, &p.missing)));
            for (name, missing) in figures.filter(|(_, m)| !m.is_empty()) {
                let runs = stats::runs(missing);
                let note = |lang| words::missing(name, &words::runs(&runs, lang), lang);
                let (en, zh, series) = (note(Lang::En), note(Lang::Zh), &s.name);
                out.note(msg!("note: {series}: {en}", "注意：{series}：{zh}"));
            }
        }
    }
    let bytes = format::render(&report, *format, lang)?;
    let what = || match output {
        Some(path) => {
            let path = crate::text::quote::path(path);
            msg!("cannot write `{path}`", "无法写入 `{path}`")
        }
        None => write::stdout_msg(),
    };
    write::stage(target, &bytes, &disk)
        .and_then(|staged| staged.commit(true))
        .said(what)?;
    Ok(status)
}
