//! The documentation tells the truth: `docs/codes.md` is made from the code table, the README's quick start is what CI runs, every code is produced by some test's
//! expected output, every relative link points at a file, and the README stays short.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use weekly::diag::Code;
use weekly::diag::codes::Subject;

use crate::util::{assert_golden, root};

fn readme() -> String {
    fs::read_to_string(root().join("README.md")).unwrap()
}

/// `docs/codes.md` is made from the code table, as `weekly explain` shows it: a section per
/// subject, each code with its meaning, example and explanation in English and Chinese.
#[test]
fn docs_codes_is_the_code_table() {
    let mut doc = String::from(
        "# Finding codes\n\n\
         Every code weekly reports, by subject: `E` codes are errors, `W` codes warnings.\n\
         `weekly explain CODE` shows the same in the language of your messages; how findings\n\
         are printed and how a warning is switched off is in [the guide](guide.md#checking).\n\
         This file is made from the code table in `src/diag/codes.rs` (`WEEKLY_BLESS=1 cargo\n\
         test docs_codes` writes it again).\n",
    );
    for subject in Subject::ALL {
        let name = subject.name();
        doc += &format!("\n## {} · {}\n", capitalised(name.en), name.zh);
        for code in Code::ALL.iter().filter(|c| c.about().subject == subject) {
            let about = code.about();
            let severity = code.severity().name();
            doc += &format!(
                "\n### {code}: {}\n\n{code}：{}\n\n*{}.* Example: {}\n\n{}\n\n*{}。* 例如：{}\n\n{}\n",
                about.meaning.en,
                about.meaning.zh,
                capitalised(severity.en),
                about.example.en,
                about.explain.en,
                severity.zh,
                about.example.zh,
                about.explain.zh,
            );
        }
    }
    assert_golden(&root().join("docs/codes.md"), &doc);
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// The two commands of the quick start: the first builds the example that exists, the
/// second is the test command, and `.ci/run` runs it as a command of its own.
#[test]
fn readme_quick_start_is_what_ci_runs() {
    let readme = readme();
    let start = readme.find("## Quick start").expect("a quick start");
    let block = readme[start..]
        .split("```sh\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("a shell block in the quick start");
    let commands: Vec<&str> = block
        .lines()
        .map(|l| l.split(" #").next().unwrap().trim())
        .collect();
    assert_eq!(
        commands,
        [
            "cargo run --release -- build examples/2023-39.yaml",
            "cargo test"
        ]
    );
    assert!(root().join("examples/2023-39.yaml").is_file());
    let ci = fs::read_to_string(root().join(".ci/run")).unwrap();
    assert!(
        ci.lines()
            .map(str::trim)
            .any(|l| l == "cargo test" || l.starts_with("cargo test --")),
        ".ci/run does not run `cargo test`:\n{ci}"
    );
}

/// The codes a finding line names: `error[E001]`, `"code":"E001"` (JSON), `title=E001::`
/// (GitHub) and `"ruleId": "E001"` (SARIF).
fn codes_in(output: &str) -> BTreeSet<Code> {
    let mut found = BTreeSet::new();
    for code in Code::ALL {
        let c = code.as_str();
        if output.contains(&format!("[{c}]"))
            || output.contains(&format!("\"code\":\"{c}\""))
            || output.contains(&format!("title={c}::"))
            || output.contains(&format!("\"ruleId\": \"{c}\""))
        {
            found.insert(*code);
        }
    }
    found
}

/// Every code is produced by some test's expected output: a fixture's `stdout` or `stderr`,
/// the expected first finding of a file of the hostile corpus, or of the file over the size
/// cap that the hostile tests make.
#[test]
fn every_code_is_exercised_by_a_test() {
    let mut found = BTreeSet::new();
    for case in fs::read_dir(root().join("tests/fixtures")).unwrap() {
        let case = case.unwrap().path();
        for file in ["stdout", "stderr"] {
            found.extend(codes_in(
                &fs::read_to_string(case.join(file)).unwrap_or_default(),
            ));
        }
    }
    for (name, _, first) in crate::hostile::EXPECTED {
        if let Some(code) = first {
            found.insert(code.parse().unwrap_or_else(|()| panic!("{name}: {code}")));
        }
    }
    found.insert(crate::hostile::OVER_THE_CAP.parse().unwrap());
    let missing: Vec<&Code> = Code::ALL.iter().filter(|c| !found.contains(c)).collect();
    assert!(missing.is_empty(), "no test expects {missing:?}");
}

/// The README is for the people who use weekly: what it is, how to install it, the weekly
/// routine, the commands and where to read more. The rest is in `docs/` and CONTRIBUTING.md.
#[test]
fn readme_stays_short() {
    let lines = readme().lines().count();
    assert!(lines <= 250, "README.md has {lines} lines, more than 250");
}

/// The documents whose links are checked: the README, CONTRIBUTING.md and every `docs/*.md`.
fn documents() -> Vec<PathBuf> {
    let mut docs = vec![root().join("README.md"), root().join("CONTRIBUTING.md")];
    let mut more: Vec<PathBuf> = fs::read_dir(root().join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    more.sort();
    docs.extend(more);
    docs
}

/// The targets of a Markdown text's inline links and images, `[text](target)` and
/// `![alt](target)`, outside fenced code blocks and code spans (which may run over lines).
fn link_targets(markdown: &str) -> Vec<String> {
    let mut prose = String::new();
    let mut fenced = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if !fenced {
            prose.push_str(line);
            prose.push('\n');
        }
    }
    let outside_code: String = prose.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    outside_code
        .split("](")
        .skip(1)
        .filter_map(|rest| rest.split(')').next())
        .map(|target| {
            let target = target.split_whitespace().next().unwrap_or("");
            target.trim_matches(['<', '>']).to_owned()
        })
        .collect()
}

/// Whether a link target is a file of the repository rather than the web, mail, or a place
/// in the same document.
fn is_relative(target: &str) -> bool {
    !(target.is_empty()
        || target.starts_with('#')
        || target.contains("://")
        || target.starts_with("mailto:"))
}

/// Every relative link and image in the README, CONTRIBUTING.md and `docs/*.md` points at a
/// file or folder that exists, from the folder of the document that holds it.
#[test]
fn every_relative_link_points_at_a_file() {
    let mut broken = Vec::new();
    let mut checked = 0;
    for doc in documents() {
        let text = fs::read_to_string(&doc).unwrap();
        let folder = doc.parent().unwrap_or(Path::new("."));
        for target in link_targets(&text) {
            if !is_relative(&target) {
                continue;
            }
            checked += 1;
            let path = target.split('#').next().unwrap_or_default();
            if !folder.join(path).exists() {
                let shown = doc.strip_prefix(root()).unwrap_or(&doc).display();
                broken.push(format!("{shown}: {target}"));
            }
        }
    }
    assert!(
        checked > 0,
        "no relative links found: the link reader is broken"
    );
    assert!(
        broken.is_empty(),
        "links to nothing:\n{}",
        broken.join("\n")
    );
}

/// The link reader sees links and images, and not what only looks like one inside code.
#[test]
fn link_targets_are_read_outside_code() {
    let text = "[a](x.md) and ![b](docs/y.png \"title\") and `[c](not-a-link)`\n\
                ```sh\n[d](fenced)\n```\n\
                [e](https://example.org) [f](#here) [g](z.md#part) `code\nover lines](no)`\n";
    assert_eq!(
        link_targets(text),
        [
            "x.md",
            "docs/y.png",
            "https://example.org",
            "#here",
            "z.md#part"
        ]
    );
    assert!(!is_relative("https://example.org") && !is_relative("#here"));
    assert!(is_relative("z.md#part") && is_relative("../examples/archive"));
}

/// `docs/60-weekly-fonts.conf` is made from the table of faces the templates and the Word
/// document name (`WEEKLY_BLESS=1 cargo test fontconfig` writes it again).
#[test]
fn the_fontconfig_file_is_the_table_of_faces() {
    assert_golden(
        &root().join("docs/60-weekly-fonts.conf"),
        &weekly::render::faces::fontconfig(),
    );
}
