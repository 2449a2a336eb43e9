//! A fixture folder of tests/fixtures, as the tests read it: one run of the real binary with
//! its arguments, its inputs and what it must print.

use std::fs;
use std::path::PathBuf;

use crate::util::root;

pub struct Fixture {
    /// The folder's name, which names the test.
    pub name: String,
    /// The folder in tests/fixtures.
    pub dir: PathBuf,
}

impl Fixture {
    /// Every fixture folder in tests/fixtures, by name.
    pub fn all() -> Vec<Fixture> {
        let mut all: Vec<Fixture> = fs::read_dir(root().join("tests/fixtures"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_dir())
            .map(|dir| Fixture {
                name: dir.file_name().unwrap().to_string_lossy().into_owned(),
                dir,
            })
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
}
