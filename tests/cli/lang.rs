//! Findings speak Chinese or English: every code, in both, with the same codes and places.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::fixture::Fixture;
use crate::util::{self, TestCommand, root};

fn weekly(dir: &Path) -> TestCommand {
    let mut cmd = util::weekly();
    cmd.current_dir(dir);
    cmd
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Every finding the fixtures and the hostile corpus produce, by code: (location, message,
/// help) in one language.
fn findings(lang: &str) -> BTreeMap<String, Vec<(String, String, String)>> {
    // (folder, command, inputs, label): `check` for the files of a check or a build, `stats`
    // and `import` for theirs, whose findings go to stderr beside what they write on stdout.
    let mut runs: Vec<(PathBuf, String, Vec<String>, String)> = Vec::new();
    // Each fixture's command runs in a copy of its inputs, kept until the runs are done.
    let mut copies = Vec::new();
    for fixture in Fixture::all() {
        let words = fixture.args().unwrap();
        if !matches!(
            words.first().map(String::as_str),
            Some("check" | "build" | "stats" | "import")
        ) {
            continue;
        }
        let work = fixture.prepare().unwrap();
        let case = work.dir.clone();
        let command = words[0].to_owned();
        let import = command == "import";
        let inputs: Vec<String> = words[1..]
            .iter()
            .filter(|w| {
                w.ends_with(".yaml") || case.join(w).is_dir() || import && case.join(w).is_file()
            })
            .cloned()
            .collect();
        runs.push((case, command, inputs, fixture.name));
        copies.push(work);
    }
    runs.push((
        root().join("tests/hostile"),
        "check".into(),
        vec![".".into()],
        "hostile".into(),
    ));
    // A file over the size cap is made here rather than kept in the repository.
    let big = tempfile::tempdir().unwrap();
    fs::write(big.path().join("big.yaml"), "#".repeat(4 * 1024 * 1024 + 1)).unwrap();
    runs.push((
        big.path().to_path_buf(),
        "check".into(),
        vec!["big.yaml".into()],
        "big".into(),
    ));
    let mut out: BTreeMap<String, Vec<(String, String, String)>> = BTreeMap::new();
    for (dir, command, inputs, label) in runs {
        let (command, stats) = match command.as_str() {
            "stats" => ("stats", true),
            "import" => ("import", true),
            _ => ("check", false),
        };
        let run = weekly(&dir)
            .arg(command)
            .args(&inputs)
            .args(["--message-format", "json", "--lang", lang])
            .run();
        let findings = if stats { run.stderr } else { run.stdout };
        let findings = String::from_utf8(findings).unwrap();
        for line in findings.lines().filter(|l| l.starts_with('{')) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let at = format!("{label}/{}:{}:{}", v["file"], v["line"], v["column"]);
            let help = v["help"].as_str().unwrap_or_default().to_owned();
            out.entry(v["code"].as_str().unwrap().to_owned())
                .or_default()
                .push((at, v["message"].as_str().unwrap().to_owned(), help));
        }
    }
    out
}

#[test]
fn every_code_is_written_in_both_languages() {
    let en = findings("en");
    let zh = findings("zh");
    for code in weekly::diag::Code::ALL {
        // Symbolic links (W025) are in the fixtures on Unix only (CONTRIBUTING.md, Windows).
        if cfg!(not(unix)) && code.as_str() == "W025" {
            continue;
        }
        assert!(en.contains_key(code.as_str()), "no fixture produces {code}");
    }
    assert_eq!(en.keys().collect::<Vec<_>>(), zh.keys().collect::<Vec<_>>());
    for (code, en_findings) in &en {
        let zh_findings = &zh[code];
        assert_eq!(en_findings.len(), zh_findings.len(), "{code}");
        for ((at_en, message_en, help_en), (at_zh, message_zh, help_zh)) in
            en_findings.iter().zip(zh_findings)
        {
            assert_eq!(at_en, at_zh, "{code}: the same finding at the same place");
            assert!(
                message_zh.chars().any(is_han),
                "{code} at {at_zh}: `{message_zh}` is not Chinese"
            );
            assert_ne!(message_en, message_zh, "{code} at {at_zh}");
            assert!(
                !message_en
                    .chars()
                    .any(|c| ('\u{3040}'..='\u{30FF}').contains(&c))
            );
            if !help_en.is_empty() {
                assert!(
                    help_zh.chars().any(is_han),
                    "{code} at {at_zh}: help `{help_zh}` is not Chinese"
                );
            }
        }
    }
}

#[test]
fn the_locale_chooses_chinese() {
    let dir = root().join("tests/fixtures/many-problems-at-once");
    let zh = weekly(&dir)
        .env("LANG", "zh_CN.UTF-8")
        .args(["check", "input.yaml"])
        .run();
    zh.code(1);
    let stderr = String::from_utf8(zh.stderr).unwrap();
    assert!(
        stderr.starts_with("错误[E003]: 报头中没有 `yaer` 这个字段"),
        "{stderr}"
    );
    assert!(stderr.trim_end().ends_with("5 个错误"), "{stderr}");
    // LC_ALL wins over LANG, and --lang over both.
    let en = weekly(&dir)
        .env("LANG", "zh_CN.UTF-8")
        .env("LC_ALL", "en_US.UTF-8")
        .args(["check", "input.yaml"])
        .run();
    assert!(
        String::from_utf8(en.stderr)
            .unwrap()
            .starts_with("error[E003]: unknown key `yaer`")
    );
    let forced = weekly(&dir)
        .env("LANG", "zh_CN.UTF-8")
        .args(["check", "input.yaml", "--lang", "en"])
        .run();
    assert!(
        String::from_utf8(forced.stderr)
            .unwrap()
            .starts_with("error[E003]")
    );
}

/// The words of a line of human output that weekly wrote itself: snippets (source lines,
/// carets, locations), quoted source and paths in backticks are left out. `None` for a line
/// with nothing of weekly's own.
fn own_words(line: &str) -> Option<String> {
    let t = line.trim_start();
    let snippet = t.starts_with("-->")
        || t.starts_with('|')
        || t.split_once('|').is_some_and(|(n, _)| {
            !n.trim().is_empty() && n.trim().chars().all(|c| c.is_ascii_digit())
        });
    if t.is_empty() || snippet {
        return None;
    }
    let mut words = String::new();
    let mut quoted = false;
    for c in t.chars() {
        if c == '`' {
            quoted = !quoted;
        } else if !quoted {
            words.push(c);
        }
    }
    Some(words)
}

/// Every fixture's command and every hostile file, run with `--lang zh`: no message, help
/// line, note or summary weekly writes is English. clap's own usage errors are excepted, as
/// the README says.
#[test]
fn every_message_in_chinese_is_chinese() {
    let mut english = Vec::new();
    // Runs `words` in `copy`, a copy of the folder `dir`, so that a command that writes
    // (`new`, `-o`) leaves the folder alone.
    let mut look = |dir: &Path, copy: &Path, words: &[String], stdin: Option<Vec<u8>>| {
        let mut cmd = weekly(copy);
        cmd.args(words).args(["--lang", "zh"]);
        if let Some(bytes) = stdin {
            cmd.stdin(bytes);
        }
        let out = cmd.run();
        let stderr = String::from_utf8_lossy(&out.stderr);
        // clap's usage errors end so; the tool's own usage messages in them are checked
        // by `usage_messages_of_weekly_are_chinese`.
        if stderr.contains("For more information, try '--help'.") {
            return;
        }
        for line in stderr.lines() {
            if let Some(words) = own_words(line)
                && words.chars().any(|c| c.is_ascii_alphabetic())
                && !words.chars().any(is_han)
            {
                english.push(format!("{} {words:?}: {line}", dir.display()));
            }
        }
    };
    for fixture in Fixture::all() {
        let words: Vec<String> = fixture
            .args()
            .unwrap()
            .into_iter()
            .filter(|w| w != "--lang" && w != "en" && w != "zh")
            .collect();
        let work = fixture.prepare().unwrap();
        look(&fixture.dir, &work.dir, &words, fixture.stdin());
    }
    let hostile = root().join("tests/hostile");
    for file in fs::read_dir(&hostile).unwrap() {
        let name = file.unwrap().file_name().to_string_lossy().into_owned();
        let tmp = tempfile::tempdir().unwrap();
        util::copy_dir(&hostile, tmp.path());
        look(&hostile, tmp.path(), &["check".into(), name], None);
    }
    assert!(english.is_empty(), "{}", english.join("\n"));
}

#[test]
fn usage_messages_of_weekly_are_chinese() {
    let dir = root().join("examples");
    for args in [
        &["build", "2023-39.yaml", "-o", "x.odt"][..],
        &["build", "2023-39.yaml", "-o", "x.docx", "--format", "md"],
        &["build", "2023-39.yaml", "--width", "40"],
        &["build", "2023-39.yaml", "--templates", ".", "-o", "x.docx"],
    ] {
        let out = weekly(&dir).args(args).args(["--lang", "zh"]).run();
        out.code(2);
        let stderr = String::from_utf8(out.stderr).unwrap();
        let first = stderr.lines().next().unwrap_or_default();
        assert!(
            first.starts_with("error: ") && first.chars().any(is_han),
            "{args:?}: {stderr}"
        );
    }
}
