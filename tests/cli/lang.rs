//! Findings speak Chinese or English: every code, in both, with the same codes and places.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::{self, root};

fn weekly(dir: &Path) -> Command {
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
    let mut runs: Vec<(PathBuf, Vec<String>, String)> = Vec::new();
    for case in fs::read_dir(root().join("tests/fixtures")).unwrap() {
        let case = case.unwrap().path();
        let Ok(cmd) = fs::read_to_string(case.join("cmd")) else {
            continue;
        };
        let words: Vec<&str> = cmd.split_whitespace().collect();
        if !matches!(words.first(), Some(&"check" | &"build")) {
            continue;
        }
        let inputs: Vec<String> = words[1..]
            .iter()
            .filter(|w| w.ends_with(".yaml") || case.join(w).is_dir())
            .map(|w| w.to_string())
            .collect();
        let label = case.file_name().unwrap().to_string_lossy().into_owned();
        runs.push((case, inputs, label));
    }
    runs.push((
        root().join("tests/hostile"),
        vec![".".into()],
        "hostile".into(),
    ));
    // A file over the size cap is made here rather than kept in the repository.
    let big = tempfile::tempdir().unwrap();
    fs::write(big.path().join("big.yaml"), "#".repeat(4 * 1024 * 1024 + 1)).unwrap();
    runs.push((
        big.path().to_path_buf(),
        vec!["big.yaml".into()],
        "big".into(),
    ));
    let mut out: BTreeMap<String, Vec<(String, String, String)>> = BTreeMap::new();
    for (dir, inputs, label) in runs {
        let run = weekly(&dir)
            .arg("check")
            .args(&inputs)
            .args(["--message-format", "json", "--lang", lang])
            .output()
            .unwrap();
        for line in String::from_utf8(run.stdout).unwrap().lines() {
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
        .output()
        .unwrap();
    let stderr = String::from_utf8(zh.stderr).unwrap();
    assert_eq!(zh.status.code(), Some(1));
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
        .output()
        .unwrap();
    assert!(
        String::from_utf8(en.stderr)
            .unwrap()
            .starts_with("error[E003]: unknown key `yaer`")
    );
    let forced = weekly(&dir)
        .env("LANG", "zh_CN.UTF-8")
        .args(["check", "input.yaml", "--lang", "en"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(forced.stderr)
            .unwrap()
            .starts_with("error[E003]")
    );
}
