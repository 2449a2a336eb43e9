//! Reading issues: bytes from the [`Files`] the caller supplies, through decode → parse →
//! validate, then linked to the chain of previous issues, each of which is read once.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::diag::{self, Code, Diagnostic};

use crate::check::history;
use crate::check::previous::Previous;
use crate::check::series::{self, Link};
use crate::check::validate::{self, Lints};
use crate::i18n::Msg;
use crate::input::files::{Files, MAX_INPUT_BYTES, ReadError};
use crate::input::yaml;
use crate::issue::{Issue, Masthead};
use crate::msg;

/// How far back previous issues are followed for year-to-date figures left out. The count
/// starts again every year, so a chain needs at most one year's issues.
const MAX_CHAIN: usize = 60;

/// How many bytes of files before the one named by `previous:` are read for figures left out:
/// a year of bulletins takes half a megabyte; a chain of files at the size cap would take
/// seconds and the memory of every file on the way.
const CHAIN_BYTES: u64 = 8 << 20;

mod failure;
mod printed;
mod read;

use failure::Failure;
pub use read::{Unreadable, beside, check, followed, shown_name, too_large};

/// One file read and checked.
#[derive(Debug)]
pub struct Loaded {
    /// The file's name as messages show it (`<stdin>` for standard input).
    pub name: String,
    /// The text the findings' spans point into (without a byte-order mark).
    pub text: String,
    /// Whether the file starts with a byte-order mark, to be kept when it is written back.
    pub bom: bool,
    /// Every finding, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// The issue, when the file has no errors.
    pub issue: Option<Issue>,
    /// The masthead of an issue valid on its own, errors against the issue before it or
    /// not: what a folder's checks know the file as.
    pub masthead: Option<Masthead>,
}

/// Reads issues from `files`; each previous issue is read once however many issues name it.
pub struct Loader<F> {
    files: F,
    previous: HashMap<PathBuf, Result<Previous, Failure>>,
    /// What each issue read for its history printed.
    back: printed::Back,
    lints: Lints,
}

impl<F: Files> Loader<F> {
    pub fn new(files: F) -> Loader<F> {
        Loader {
            files,
            previous: HashMap::new(),
            back: printed::Back::default(),
            lints: Lints::On,
        }
    }

    /// A loader that checks files with or without the typography lints (an archive read for
    /// its figures needs only what makes them right).
    pub fn with_lints(self, lints: Lints) -> Loader<F> {
        Loader { lints, ..self }
    }

    /// Reads and checks the file at `path` (`-` for standard input) and links it to the issue
    /// its `previous` names: the one entry point of every command, benchmark and fuzz target.
    pub fn load(&mut self, path: &Path) -> Result<Loaded, Unreadable> {
        let name = shown_name(path);
        let bytes = match self.files.read(path, MAX_INPUT_BYTES) {
            Ok(bytes) => bytes,
            Err(ReadError::TooLarge) => {
                return Ok(Loaded {
                    name,
                    text: String::new(),
                    bom: false,
                    diagnostics: vec![too_large(MAX_INPUT_BYTES)],
                    issue: None,
                    masthead: None,
                });
            }
            Err(ReadError::Io(source)) => return Err(Unreadable { name, source }),
        };
        let (text, mut diagnostics, issue) = match check(&bytes, self.lints) {
            Ok((text, checked)) => (text, checked.diagnostics, checked.issue),
            Err((text, d)) => (text, vec![d], None),
        };
        let text = text.to_owned();
        let bom = bytes.starts_with("\u{feff}".as_bytes());
        let Some(mut issue) = issue else {
            return Ok(Loaded {
                name,
                text,
                bom,
                diagnostics,
                issue: None,
                masthead: None,
            });
        };
        if path != Path::new("-") {
            self.back.keep(&self.files, path, &issue, bytes.len());
        }
        let mut found = self.link(path, &mut issue);
        issue.allow.retain(&mut found);
        diagnostics.extend(found);
        validate::sort_by_place(&mut diagnostics);
        let valid = !diagnostics.iter().any(Diagnostic::is_error);
        // An issue loaded whole is what the next week's issue would read as its previous:
        // kept, so that an archive loaded in order reads each file once.
        if valid
            && path != Path::new("-")
            && let Ok(key) = self.files.resolve(path)
        {
            self.previous
                .entry(key)
                .or_insert_with(|| Ok(Previous::of(&issue)));
        }
        Ok(Loaded {
            name,
            text,
            bom,
            diagnostics,
            masthead: Some(issue.masthead.clone()),
            issue: valid.then_some(issue),
        })
    }

    /// Links an issue, valid on its own, to the one its `previous` names: the findings of
    /// the series checks, or why the previous issue cannot be used.
    fn link(&mut self, path: &Path, issue: &mut Issue) -> Vec<Diagnostic> {
        match issue.previous.clone() {
            None => series::follow(issue, Link::None),
            Some(link) => match self.previous(&beside(path, &link.value), 0, 0) {
                Ok(prev) => {
                    let mut found = series::follow(issue, Link::Checked(&prev));
                    if let Some(d) = found.iter_mut().find(|d| d.code == Code::E029) {
                        if let Some(name) = self.follows_on(path, issue.masthead.total.value - 1) {
                            d.help = Some(
                                msg!(
                                    "point `previous` at `{name}`, last week's issue",
                                    "请把 `previous` 改为 `{name}`（上一周的周报）"
                                )
                                .into(),
                            );
                        }
                    } else {
                        let before = self.back.history(&self.files, &beside(path, &link.value));
                        found.extend(history::unusual(issue, &before));
                    }
                    found
                }
                // Without the figures it would compute, the issue is incomplete; with all of
                // them written, it still stands, unchecked against the week before.
                Err(failure) if issue.needs_previous() => vec![
                    Diagnostic::new(Code::E025, link.span, failure.message).with_help(failure.help),
                ],
                Err(failure) => {
                    let Msg { en, zh } = failure.message;
                    let mut found = series::follow(issue, Link::None);
                    found.push(
                        Diagnostic::new(
                            Code::W009,
                            link.span,
                            msg!(
                                "{en}; continuity with it is not checked",
                                "{zh}；未检查本期与上一期的衔接"
                            ),
                        )
                        .with_help(msg!(
                            "this issue writes all its figures, so it still builds; check the path, or keep the older issues beside it",
                            "本期数字均已写明，仍可生成；请核对路径，或把往期周报放在与本期相同的文件夹中"
                        )),
                    );
                    found
                }
            },
        }
    }

    /// The name of the issue file beside `path` whose running total is `total`: the issue
    /// that a stale `previous` should name.
    fn follows_on(&mut self, path: &Path, total: u64) -> Option<String> {
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        self.files
            .list(dir)
            .ok()?
            .into_iter()
            .find_map(|candidate| {
                let bytes = self.files.read(&candidate, MAX_INPUT_BYTES).ok()?;
                let (_, checked) = check(&bytes, Lints::Off).ok()?;
                let issue = checked.issue?;
                (issue.masthead.total.value == total)
                    .then(|| candidate.file_name())
                    .flatten()
                    .map(|n| n.to_string_lossy().into_owned())
            })
    }

    /// What the issue in `path` passes on to the next, or why it cannot be used; `depth`
    /// issues and `spent` bytes were read on the way to it.
    fn previous(&mut self, path: &Path, depth: usize, spent: u64) -> Result<Previous, Failure> {
        let shown = crate::text::quote::excerpt_path(path);
        let key = self
            .files
            .resolve(path)
            .map_err(|e| Failure::io(&shown.to_string(), &e))?;
        if let Some(known) = self.previous.get(&key) {
            return known.clone();
        }
        if depth >= MAX_CHAIN {
            return Err(Failure::unusable(msg!(
                "the previous issues were followed back {MAX_CHAIN} issues without finding one whose year-to-date figures are written",
                "向前追溯了 {MAX_CHAIN} 期，仍未找到写明的累计数"
            ))
            .with_help(msg!(
                "write the figures into one of the issues in between",
                "请在中间任意一期中写明各项累计数"
            )));
        }
        // Until it is read, an issue that leads back to itself meets this answer.
        self.previous.insert(
            key.clone(),
            Err(Failure::unusable(msg!(
                "the previous issues lead back to `{shown}` in a circle",
                "沿 `previous` 逐期往前查，又回到了 `{shown}`，形成了循环"
            ))
            .with_help(msg!(
                "each `previous:` names the week before; one of them names a later week",
                "每期的 `previous` 都应指向前一周；其中有一处指向了之后的一期"
            ))),
        );
        let result = self.read_previous(path, &key, depth, spent);
        self.previous.insert(key, result.clone());
        result
    }

    /// Reads a previous issue (its own previous issue only when its figures are needed).
    fn read_previous(
        &mut self,
        path: &Path,
        key: &Path,
        depth: usize,
        spent: u64,
    ) -> Result<Previous, Failure> {
        let shown = crate::text::quote::excerpt_path(path);
        // The issue `previous:` names is read whole, up to the size cap; those before it
        // only within what is left of the chain's bytes.
        let room = match depth {
            0 => MAX_INPUT_BYTES,
            _ => CHAIN_BYTES.saturating_sub(spent).min(MAX_INPUT_BYTES),
        };
        let bytes = self.files.read(key, room).map_err(|e| match e {
            ReadError::TooLarge if room < MAX_INPUT_BYTES => {
                let mib = CHAIN_BYTES >> 20;
                Failure::unusable(msg!(
                    "the previous issues were followed back {depth} issues and {mib} MiB of files without finding one whose year-to-date figures are written",
                    "向前追溯了 {depth} 期、{mib} MB 的文件，仍未找到写明的累计数"
                ))
                .with_help(msg!(
                    "write the figures into one of the issues in between",
                    "请在中间任意一期中写明各项累计数"
                ))
            }
            ReadError::TooLarge => {
                let Msg { en, zh } = (*too_large(MAX_INPUT_BYTES).message).clone();
                Failure::unusable(msg!(
                    "the previous issue `{shown}`: {en}",
                    "上一期 `{shown}`：{zh}"
                ))
            }
            ReadError::Io(e) => Failure::io(&shown.to_string(), &e),
        })?;
        // The cause in that file, and its own way out, rather than a word on the path.
        let text = crate::input::decode::decode(&bytes).map_err(|(_, d)| {
            let Msg { en, zh } = (*d.message).clone();
            let failure = Failure::unusable(msg!(
                "the previous issue `{shown}`: {en}",
                "上一期 `{shown}`：{zh}"
            ));
            match d.help {
                Some(help) => failure.with_help((*help).clone()),
                None => failure,
            }
        })?;
        let root = yaml::parse(text).map_err(|d| {
            let Msg { en, zh } = (*d.message).clone();
            let (line, _) = diag::lines::line_col(text, d.span.start);
            Failure::unusable(msg!(
                "the previous issue `{shown}` is not valid YAML at line {line}: {en}",
                "上一期 `{shown}` 第 {line} 行格式有误：{zh}"
            ))
            .with_help(msg!(
                "mend it first (`weekly check {shown}` shows where): this issue's figures follow from it",
                "请先改正该期（运行 `weekly check {shown}` 可查看出错位置），因为本期的数字要根据它推算"
            ))
        })?;
        let checked = validate::validate(&root, text, Lints::Off);
        let mut errors = checked.diagnostics.iter().filter(|d| d.is_error()).count();
        if let Some(mut issue) = checked.issue {
            self.back.keep(&self.files, path, &issue, bytes.len());
            let found = match &issue.previous {
                Some(link) if issue.needs_previous() => {
                    let (line, _) = diag::lines::line_col(text, link.span.start);
                    let before = self
                        .previous(
                            &beside(path, &link.value),
                            depth + 1,
                            spent + bytes.len() as u64,
                        )
                        .map_err(|f| f.named_in(&shown, line))?;
                    series::follow(&mut issue, Link::Figures(&before))
                }
                _ => series::follow(&mut issue, Link::None),
            };
            errors = found.iter().filter(|d| d.is_error()).count();
            if errors == 0 {
                return Ok(Previous::of(&issue));
            }
        }
        let errors = match errors {
            0 => msg!("cannot be used", "无法使用"),
            1 => msg!("has an error", "有 1 处错误"),
            n => msg!("has {n} errors", "有 {n} 处错误"),
        };
        let Msg { en, zh } = errors;
        Err(Failure::unusable(msg!(
            "the previous issue `{shown}` {en}; run `weekly check {shown}`",
            "上一期 `{shown}` {zh}；请运行 `weekly check {shown}`"
        )))
    }
}

/// Loads `files` on as many threads as there are cores (each with its own cache of previous
/// issues), with or without the typography lints, and returns their outcomes in order.
pub fn load_all<F: Files + Sync>(
    files: &F,
    paths: &[PathBuf],
    lints: Lints,
) -> Vec<Result<Loaded, Unreadable>> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    // A thread pays for itself only over a handful of files.
    let workers = cores.min(paths.len() / 8).max(1);
    if workers == 1 {
        let mut loader = Loader::new(files).with_lints(lints);
        return paths.iter().map(|p| loader.load(p)).collect();
    }
    let chunk = paths.len().div_ceil(workers);
    std::thread::scope(|scope| {
        let parts: Vec<_> = paths
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    let mut loader = Loader::new(files).with_lints(lints);
                    part.iter().map(|p| loader.load(p)).collect::<Vec<_>>()
                })
            })
            .collect();
        parts
            .into_iter()
            .flat_map(|part| part.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::files::Memory;

    const EXAMPLE: &str = include_str!("../../examples/2023-39.yaml");
    const BEFORE: &str = include_str!("../../examples/2023-38.yaml");

    /// A `previous` that names the wrong week is one finding, and its help names the file of
    /// the folder that the issue follows on from.
    #[test]
    fn a_stale_link_names_the_file_that_follows_on() {
        let this = EXAMPLE
            .replace("number: 39 ", "number: 40 ")
            .replace("total: 459 ", "total: 460 ")
            .replace("start: 2023-10-07", "start: 2023-10-14")
            .replace("end: 2023-10-13", "end: 2023-10-20")
            .replace("published: 2023-10-20", "published: 2023-10-27")
            .replace("2023-10-09", "2023-10-16")
            .replace("2023-10-13\n", "2023-10-20\n");
        let files = Memory::default()
            .with("i/2023-38.yaml", BEFORE)
            .with("i/2023-39.yaml", EXAMPLE)
            .with("i/2023-40.yaml", this);
        // 2023-40.yaml still names 2023-38.yaml, as 2023-39.yaml does.
        let loaded = Loader::new(&files)
            .load(Path::new("i/2023-40.yaml"))
            .unwrap();
        let codes: Vec<Code> = loaded.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, [Code::E029], "{:#?}", loaded.diagnostics);
        let help = loaded.diagnostics[0].help.as_ref().unwrap();
        assert_eq!(
            help.en,
            "point `previous` at `2023-39.yaml`, last week's issue"
        );
    }

    #[test]
    fn an_issue_is_linked_to_the_previous_one() {
        let files = Memory::default()
            .with("issues/2023-39.yaml", EXAMPLE)
            .with("issues/2023-38.yaml", BEFORE);
        let loaded = Loader::new(&files)
            .load(Path::new("issues/2023-39.yaml"))
            .unwrap();
        assert_eq!(loaded.diagnostics, []);
        assert_eq!(loaded.issue.unwrap().masthead.number.value, 39);
    }

    /// An issue that writes all its figures stands without its previous issue, with a
    /// warning; one that needs figures from it cannot.
    #[test]
    fn a_missing_previous_issue_is_a_finding_at_the_link() {
        let files = Memory::default().with("2023-39.yaml", EXAMPLE);
        let loaded = Loader::new(&files).load(Path::new("2023-39.yaml")).unwrap();
        let codes: Vec<Code> = loaded.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, [Code::W009]);
        let d = &loaded.diagnostics[0];
        assert_eq!(&loaded.text[d.span.clone()], "2023-38.yaml");
        assert!(loaded.issue.is_some());

        let computed = EXAMPLE.replace(", year_to_date: 59029", "");
        let files = Memory::default().with("2023-39.yaml", computed);
        let loaded = Loader::new(&files).load(Path::new("2023-39.yaml")).unwrap();
        let codes: Vec<Code> = loaded.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, [Code::E025]);
        assert!(loaded.issue.is_none());
    }

    #[test]
    fn an_unreadable_file_is_an_error_not_a_finding() {
        let e = Loader::new(Memory::default())
            .load(Path::new("none.yaml"))
            .unwrap_err();
        assert_eq!(e.name, "none.yaml");
        assert_eq!(e.source.kind(), std::io::ErrorKind::NotFound);
    }

    /// A chain of issues that all leave their figures out is followed 60 issues back, and
    /// no further.
    #[test]
    fn a_chain_without_figures_ends_after_sixty_issues() {
        let mut files = Memory::default();
        for n in 1..=70u64 {
            let start = chrono::NaiveDate::from_ymd_opt(2020, 1, 4).unwrap()
                + chrono::Days::new(7 * (n - 1));
            let end = start + chrono::Days::new(6);
            let previous = if n > 1 {
                format!("previous: {}.yaml\n", n - 1)
            } else {
                String::new()
            };
            let text = format!(
                "{previous}masthead: {{ title: 周报, year: 2020, number: {n}, total: {n}, \
                 period: {{ start: {start}, end: {end} }}, publisher: 中心, published: {} }}\n\
                 sections: [{{ title: 统计, counters: [{{ name: 咨询, unit: 人次, week: 10 }}] }}]\n\
                 footer: {{ send: 甲, distribute: 乙, copies: 1 }}\n",
                end + chrono::Days::new(7)
            );
            files = files.with(format!("{n}.yaml"), text);
        }
        let near = Loader::new(&files).load(Path::new("50.yaml")).unwrap();
        assert_eq!(near.diagnostics, []);
        let far = Loader::new(&files).load(Path::new("70.yaml")).unwrap();
        let d = &far.diagnostics[0];
        assert_eq!(d.code, Code::E025);
        assert!(
            d.message.en.contains("followed back 60 issues"),
            "{}",
            d.message.en
        );
    }

    #[test]
    fn links_are_read_beside_the_file() {
        assert_eq!(
            beside(Path::new("a/b.yaml"), "c.yaml"),
            PathBuf::from("a/c.yaml")
        );
        assert_eq!(
            beside(Path::new("b.yaml"), "../c.yaml"),
            PathBuf::from("../c.yaml")
        );
        assert_eq!(beside(Path::new("-"), "c.yaml"), PathBuf::from("c.yaml"));
    }

    /// Issue `k` (第 k+1 期 of 2023) of a chain, linked to the one before, with one counter
    /// of `week` and `ytd` (the first always written), and an item of `pad` characters.
    fn linked(k: usize, week: u64, ytd: Option<u64>, pad: usize) -> String {
        let start =
            chrono::NaiveDate::from_ymd_opt(2023, 1, 7).unwrap() + chrono::Days::new(7 * k as u64);
        let (end, published) = (start + chrono::Days::new(6), start + chrono::Days::new(13));
        let ytd = match (ytd, k) {
            (Some(ytd), _) => format!(", year_to_date: {ytd}"),
            (None, 0) => format!(", year_to_date: {week}"),
            (None, _) => String::new(),
        };
        let previous = if k == 0 {
            String::new()
        } else {
            format!("previous: {:02}.yaml\n", k - 1)
        };
        format!(
            "{previous}masthead: {{ title: 周报, year: 2023, number: {n}, total: {n}, period: {{ start: {start}, end: {end} }}, publisher: 中心, published: {published} }}\n\
             sections:\n\
             - {{ title: 统计, counters: [{{ name: 咨询, unit: 人次, week: {week}{ytd} }}] }}\n\
             - {{ title: 动态, items: [本周，{}。] }}\n\
             footer: {{ send: 甲, distribute: 乙, copies: 1 }}\n",
            "甲".repeat(pad),
            n = k + 1
        )
    }

    /// The findings of the last of `n` linked issues, each written by `issue(k)`.
    fn last_of(n: usize, issue: impl Fn(usize) -> String) -> Vec<(Code, String)> {
        let mut files = Memory::default();
        for k in 0..n {
            files = files.with(format!("{k:02}.yaml"), issue(k));
        }
        let loaded = Loader::new(&files)
            .load(Path::new(&format!("{:02}.yaml", n - 1)))
            .unwrap();
        loaded
            .diagnostics
            .iter()
            .map(|d| (d.code, d.message.en.clone()))
            .collect()
    }

    #[test]
    fn the_issues_before_are_read_back_for_their_weeks_within_a_megabyte() {
        // Small files: the dropped digit stands out against the five weeks before.
        let week = |k: usize| if k == 5 { 300 } else { 3000 };
        let ytd = |k: usize| Some((0..=k).map(week).sum());
        let small = last_of(6, |k| linked(k, week(k), ytd(k), 10));
        assert_eq!(small.len(), 1, "{small:?}");
        assert_eq!(small[0].0, Code::W028);
        // Files of 600 KB: one is read back, and one week says too little.
        let large = last_of(6, |k| linked(k, week(k), ytd(k), 200_000));
        assert_eq!(large, []);
    }

    #[test]
    fn the_chain_for_figures_left_out_is_followed_within_eight_megabytes() {
        // 3 MB files whose figures are left out: the one `previous:` names is read whole,
        // the ones before it until 8 MiB are spent.
        let found = last_of(6, |k| linked(k, 10, None, 1_000_000));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, Code::E025);
        assert!(
            found[0]
                .1
                .starts_with("the previous issues were followed back 2 issues and 8 MiB of files"),
            "{}",
            found[0].1
        );
        // Small ones are followed back to the first, whose figures are written.
        assert_eq!(last_of(6, |k| linked(k, 10, None, 10)), []);
    }
}
