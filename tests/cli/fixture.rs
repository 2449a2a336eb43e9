//! A fixture folder of tests/fixtures, as the tests read it: one run of the real binary, its
//! arguments, its inputs, and what it must print. tests/fixtures.rs, which runs each fixture
//! as a test of its own, describes the files of a fixture folder.

use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::util::{root, yaml_files};

/// The files of a fixture folder that say how to run it and what it must print; all its
/// other files are inputs.
pub const FIXTURE_FILES: [&str; 7] = [
    "args",
    "shared",
    "stdin",
    "code",
    "stdout",
    "stderr",
    "unix-only",
];

/// The folder of inputs that several fixtures share: not a fixture itself.
pub const SHARED: &str = "_shared";

pub struct Fixture {
    /// The folder's name, which names the test.
    pub name: String,
    /// The folder in tests/fixtures.
    pub dir: PathBuf,
}

/// A fixture's inputs copied into a fresh temporary folder, removed when this is dropped.
pub struct Prepared {
    _tmp: tempfile::TempDir,
    /// The folder the command runs in, `<temporary folder>/<fixture name>`.
    pub dir: PathBuf,
}

impl Fixture {
    /// Every fixture folder in tests/fixtures, by name: all but those whose name begins with
    /// `_` (or `.`), such as `_shared`.
    pub fn all() -> Vec<Fixture> {
        let mut all: Vec<Fixture> = fs::read_dir(root().join("tests/fixtures"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_dir())
            .map(|dir| Fixture {
                name: dir.file_name().unwrap().to_string_lossy().into_owned(),
                dir,
            })
            .filter(|f| !f.name.starts_with(['_', '.']))
            .collect();
        all.sort_by(|a, b| a.name.cmp(&b.name));
        all
    }

    /// The arguments, from `args`: one a line, as written, spaces and all.
    pub fn args(&self) -> Result<Vec<String>, String> {
        let text = fs::read_to_string(self.dir.join("args"))
            .map_err(|e| format!("{}/args: {e}", self.name))?;
        let Some(lines) = text.strip_suffix('\n') else {
            return Err(format!(
                "{}/args: no newline at the end of the last argument",
                self.name
            ));
        };
        let args: Vec<String> = lines.split('\n').map(str::to_owned).collect();
        if let Some(i) = args.iter().position(|a| a.is_empty() || a.ends_with('\r')) {
            return Err(format!(
                "{}/args: line {} is empty or ends with a carriage return",
                self.name,
                i + 1
            ));
        }
        Ok(args)
    }

    /// The bytes for stdin, from `stdin` when the fixture has one.
    pub fn stdin(&self) -> Option<Vec<u8>> {
        fs::read(self.dir.join("stdin")).ok()
    }

    /// The shared inputs, from `shared`: (where the copy goes, relative to the folder the
    /// command runs in; the file or folder copied, relative to the fixture's folder).
    pub fn shared(&self) -> Result<Vec<(String, String)>, String> {
        let path = self.dir.join("shared");
        if !path.exists() {
            return Ok(Vec::new());
        }
        let text = fs::read_to_string(&path).map_err(|e| format!("{}/shared: {e}", self.name))?;
        text.lines()
            .enumerate()
            .map(|(i, line)| {
                line.split_once(" <- ")
                    .map(|(to, from)| (to.to_owned(), from.to_owned()))
                    .ok_or_else(|| {
                        format!(
                            "{}/shared:{}: `{line}` is not `COPY <- ../{SHARED}/SOURCE`",
                            self.name,
                            i + 1
                        )
                    })
            })
            .collect()
    }

    /// A fresh copy of the fixture's inputs, its own files and its shared ones, in a
    /// temporary folder named after the fixture, where its command runs.
    pub fn prepare(&self) -> Result<Prepared, String> {
        let tmp = tempfile::tempdir().map_err(|e| format!("a temporary folder: {e}"))?;
        let dir = tmp.path().join(&self.name);
        fs::create_dir(&dir).unwrap();
        for entry in fs::read_dir(&self.dir).unwrap() {
            let entry = entry.unwrap();
            let name = entry.file_name();
            if FIXTURE_FILES.iter().any(|f| name == *f) {
                continue;
            }
            copy(&entry.path(), &dir.join(name));
        }
        let shared = root().join("tests/fixtures").join(SHARED);
        for (to, from) in self.shared()? {
            let bad = |why: &str| format!("{}/shared: `{to} <- {from}`: {why}", self.name);
            let source = normal(&self.dir.join(&from))
                .filter(|s| s.starts_with(&shared) && s.exists())
                .ok_or_else(|| {
                    bad(&format!(
                        "no such file or folder in tests/fixtures/{SHARED}"
                    ))
                })?;
            let target = normal(&dir.join(&to))
                .filter(|t| t.starts_with(tmp.path()) && t != tmp.path() && t != &dir)
                .ok_or_else(|| bad("the copy must go inside the fixture's folder or beside it"))?;
            if target.exists() {
                return Err(bad("the fixture has a file of that name already"));
            }
            fs::create_dir_all(target.parent().unwrap()).unwrap();
            copy(&source, &target);
        }
        Ok(Prepared { _tmp: tmp, dir })
    }
}

/// Every `*.yaml` input of every fixture as its command sees it: in a copy of the fixture's
/// inputs with its shared ones, so a file shared by several fixtures comes once for each, as
/// when each kept its own. The copies last as long as the `Prepared` returned with them.
pub fn yaml_inputs() -> (Vec<Prepared>, Vec<PathBuf>) {
    let copies: Vec<Prepared> = Fixture::all()
        .iter()
        .map(|f| f.prepare().unwrap_or_else(|e| panic!("{e}")))
        .collect();
    let files = copies.iter().flat_map(|c| yaml_files(&c.dir)).collect();
    (copies, files)
}

/// Copies a file, or a folder with all it holds; a symbolic link stays a link.
fn copy(from: &Path, to: &Path) {
    if fs::symlink_metadata(from).is_ok_and(|m| m.file_type().is_symlink()) {
        crate::util::symlink(fs::read_link(from).unwrap(), to).unwrap();
    } else if from.is_dir() {
        crate::util::copy_dir(from, to);
    } else {
        fs::copy(from, to).unwrap_or_else(|e| panic!("{}: {e}", from.display()));
    }
}

/// `path` with `.` and `..` taken out, as written: `None` when a `..` goes above its root.
fn normal(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            other => out.push(other),
        }
    }
    Some(out)
}
