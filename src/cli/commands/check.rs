//! `weekly check`: files and folders of issues read, their findings reported, each folder
//! checked as a series; `weekly stats` reads issues the same way.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::check::folder::{self, Member};
use crate::check::validate::Lints;
use crate::cli::disk::{self, Disk};
use crate::cli::report::{Reporter, Status};
use crate::issue::Issue;
use crate::load::{self, Loaded};

/// The issues of one folder: file names, texts and numbers of each issue valid on its own,
/// and what a command keeps of each valid one (which says its file by index).
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
/// cannot be read is reported and the others are still checked. With `fix`, what has a safe
/// fix is mended in each file first, and what is left is reported.
pub fn check(out: &mut Reporter, paths: &[PathBuf], fix: bool) -> anyhow::Result<Status> {
    let disk = Disk::default();
    let mended = if fix {
        super::fix::mend_files(out, &disk, paths)?
    } else {
        Status::Success
    };
    let (status, _) = read_issues(out, &disk, paths, Lints::On, |_, _| ());
    Ok(status.max(mended))
}

/// Reads the issues `paths` name (a file, or every issue file below a folder), reports what
/// loading them found, and checks the issues of each folder named as a series (E027, E028,
/// W008), as `weekly check` does. Returns how that went, and each folder's valid issues
/// with what `keep` takes of each (given the issue and its index in the folder's lists),
/// folder by folder in the order of `paths`.
pub fn read_issues<T>(
    out: &mut Reporter,
    disk: &Disk,
    paths: &[PathBuf],
    lints: Lints,
    keep: impl Fn(&Issue, usize) -> T,
) -> (Status, Vec<(PathBuf, Folder<T>)>) {
    let mut status = Status::Success;
    let mut read = Vec::new();
    for path in paths {
        let walk = match disk::issue_files(path) {
            Ok(walk) => walk,
            Err(e) => {
                out.error(&e);
                status = Status::Error;
                continue;
            }
        };
        for (link, to) in &walk.links {
            let name = load::shown_name(link);
            if !out.file(&name, "", &[disk::link_not_read(path, *to)]) {
                status = status.max(Status::Invalid);
            }
        }
        for e in &walk.folders {
            out.error(e);
            status = Status::Error;
        }
        let files = walk.files;
        let is_folder = path.is_dir();
        let mut folders: BTreeMap<PathBuf, Folder<T>> = BTreeMap::new();
        for (file, loaded) in files.iter().zip(load::load_all(disk, &files, lints)) {
            let loaded = match loaded {
                Ok(loaded) => loaded,
                Err(e) => {
                    out.error(&e.into());
                    status = Status::Error;
                    continue;
                }
            };
            let passes = out.file(&loaded.name, &loaded.text, &loaded.diagnostics);
            let Loaded {
                name,
                text,
                issue,
                masthead: Some(m),
                ..
            } = loaded
            else {
                status = status.max(Status::Invalid);
                continue;
            };
            let issue = issue.filter(|_| passes);
            if issue.is_none() {
                status = status.max(Status::Invalid);
            }
            // A file with errors against the issue before it still holds its number: the
            // folder's checks count it, so that it is not also reported missing.
            let folder = file.parent().map(Path::to_path_buf).unwrap_or_default();
            let series = folders.entry(folder).or_default();
            series.members.push(Member {
                file: series.names.len(),
                year: m.year.value,
                number: m.number.value,
                number_span: m.number.span.clone(),
                total: m.total.value,
                total_span: m.total.span.clone(),
            });
            if let Some(issue) = issue {
                series.kept.push(keep(&issue, series.names.len()));
            }
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
