//! The machine formats of `weekly check` hold to the syntax their readers expect.

use std::path::PathBuf;

use crate::util::{root, weekly};

fn every_finding() -> PathBuf {
    root().join("tests/fixtures/_shared/every-finding.yaml")
}

fn check(format: &str) -> String {
    let out = weekly()
        .args(["check", "--message-format", format])
        .arg(every_finding())
        .run();
    out.code(1);
    String::from_utf8(out.stdout).unwrap()
}

/// The SARIF 2.1.0 schema as the serde-sarif crate (a dev-dependency) ships it, from the
/// registry sources cargo unpacked for the build.
fn sarif_schema() -> serde_json::Value {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .expect("CARGO_HOME or HOME");
    let mut found = Vec::new();
    for registry in std::fs::read_dir(cargo_home.join("registry/src")).unwrap() {
        for krate in std::fs::read_dir(registry.unwrap().path()).unwrap() {
            let path = krate.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.starts_with("serde-sarif-") && path.join("src/schema.json").is_file() {
                found.push(path.join("src/schema.json"));
            }
        }
    }
    found.sort();
    let schema = found
        .last()
        .expect("serde-sarif's schema.json in the cargo registry");
    // The published schema's `language` patterns end in a lone `]`, which ECMA-262 regexes
    // read as a literal and Rust's refuse; they are replaced by the pattern they mean.
    let text = std::fs::read_to_string(schema).unwrap().replace(
        r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#,
        r#""^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#,
    );
    serde_json::from_str(&text).unwrap()
}

#[test]
fn sarif_validates_against_the_sarif_schema() {
    let log: serde_json::Value = serde_json::from_str(&check("sarif")).unwrap();
    let validator = jsonschema::validator_for(&sarif_schema()).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let typed: serde_sarif::sarif::Sarif = serde_json::from_value(log.clone()).unwrap();
    assert_eq!(typed.runs[0].results.as_ref().unwrap().len(), 27);
    // A log that breaks the schema is caught, so the check above can fail.
    let mut broken = log;
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&broken));
}

/// `::error file=F,line=L,col=C,endLine=L,endColumn=C,title=T::message`, as GitHub Actions
/// parses workflow commands: properties without raw `,` `:` or line breaks.
#[test]
fn github_lines_are_workflow_commands() {
    let out = check("github");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 27);
    for line in lines {
        let rest = line
            .strip_prefix("::error ")
            .or_else(|| line.strip_prefix("::warning "))
            .unwrap_or_else(|| panic!("not a command: {line}"));
        let (properties, message) = rest.split_once("::").unwrap();
        assert!(!message.is_empty() && !message.contains('\n'));
        let keys: Vec<&str> = properties
            .split(',')
            .map(|p| {
                let (key, value) = p.split_once('=').unwrap();
                assert!(!value.is_empty() && !value.contains(':'), "{p}");
                if key != "file" && key != "title" {
                    assert!(value.parse::<usize>().unwrap() >= 1, "{p}");
                }
                key
            })
            .collect();
        assert_eq!(
            keys,
            ["file", "line", "col", "endLine", "endColumn", "title"]
        );
    }
}

/// Each SARIF region, read from the source by its 1-based lines and code-point columns (end
/// exclusive), is the text the finding is about.
#[test]
fn sarif_regions_point_at_the_text_of_each_finding() {
    let log: serde_json::Value = serde_json::from_str(&check("sarif")).unwrap();
    let source = std::fs::read_to_string(every_finding()).unwrap();
    let lines: Vec<Vec<char>> = source.lines().map(|l| l.chars().collect()).collect();
    let found: Vec<(String, String)> = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let region = &r["locations"][0]["physicalLocation"]["region"];
            let at = |key: &str| region[key].as_u64().unwrap() as usize;
            assert_eq!(at("startLine"), at("endLine"), "{r}");
            let line = &lines[at("startLine") - 1];
            let text: String = line[at("startColumn") - 1..at("endColumn") - 1]
                .iter()
                .collect();
            (r["ruleId"].as_str().unwrap().to_owned(), text)
        })
        .collect();
    let expected = [
        ("E021", "W999"),
        ("E018", "30"),
        ("W001", "2023-10-12"),
        ("W002", "2023-11-10"),
        ("E003", "colour"),
        ("W017", "一、"),
        ("E019", "2022-12-30"),
        ("W003", "验"),
        ("E006", "2023-10-32"),
        ("E002", "'2881'"),
        ("E009", "500"),
        ("E020", "受理"),
        ("E010", "1700"),
        ("W010", ","),
        ("W011", "”"),
        ("W012", "。。"),
        ("W013", "..."),
        ("W014", "-"),
        ("W015", "07日"),
        ("W016", "２８８１"),
        ("W018", " "),
        ("E011", "\"  \""),
        ("E012", "directives"),
        ("W004", "水利厅"),
        // A missing key is reported at the start of the mapping that lacks it.
        ("E004", "s"),
        ("E003", "heading"),
        ("E013", "0"),
    ]
    .map(|(code, text)| (code.to_owned(), text.to_owned()));
    assert_eq!(found, expected);
}

#[test]
fn json_lines_have_every_field() {
    let out = check("json");
    assert_eq!(out.lines().count(), 27, "one line per finding:\n{out}");
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        assert_eq!(keys.len(), 9, "{line}");
        for key in [
            "file",
            "line",
            "column",
            "end_line",
            "end_column",
            "severity",
            "code",
            "message",
            "help",
        ] {
            assert!(v.get(key).is_some(), "{key} in {line}");
        }
    }
}

/// The formats meant for tools report every finding: the cap of fifty a code is for people.
#[test]
fn machine_formats_report_past_the_cap() {
    let input = root().join("tests/fixtures/_shared/many-findings-of-one-code.yaml");
    for (format, per_finding) in [("json", "\"code\":\"W013\""), ("github", "title=W013::")] {
        let out = weekly()
            .args(["check", "--message-format", format])
            .arg(&input)
            .run();
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert_eq!(stdout.matches(per_finding).count(), 53, "{format}");
        assert_eq!(String::from_utf8(out.stderr).unwrap(), "54 warnings\n");
    }
    let out = weekly()
        .args(["check", "--message-format", "sarif"])
        .arg(&input)
        .run();
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 54);
}
