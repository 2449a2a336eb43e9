//! The JSON Schema for editors agrees with `weekly check`: it is generated from the same
//! description of the format, accepts every example, and rejects what the checker rejects as
//! a wrong type or a missing key.

use std::fs;
use weekly::check::validate::{self, Lints};
use weekly::input::yaml;

use crate::fixture;
use crate::util::{assert_same_text, root, weekly, yaml_files};

fn schema() -> serde_json::Value {
    serde_json::from_str(&fs::read_to_string(root().join("schema/weekly.schema.json")).unwrap())
        .unwrap()
}

#[test]
fn the_shipped_schema_is_what_weekly_prints() {
    let out = weekly().arg("schema").run();
    out.success();
    let printed = String::from_utf8(out.stdout).unwrap();
    let shipped = fs::read_to_string(root().join("schema/weekly.schema.json")).unwrap();
    assert_same_text(
        "schema/weekly.schema.json, stale (weekly schema > schema/weekly.schema.json),",
        &shipped,
        &printed,
    );
}

#[test]
fn every_example_is_valid_and_names_the_schema() {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    let examples = yaml_files(&root().join("examples"));
    assert!(examples.len() >= 5);
    for path in examples {
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with("# yaml-language-server: $schema="),
            "{}",
            path.display()
        );
        let json = yaml::parse(&text).unwrap().to_json();
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
    }
}

/// Over every fixture that parses as YAML: a file the schema rejects is one weekly rejects,
/// and a file weekly rejects for a wrong type (E002) or a missing key (E004) the schema rejects.
#[test]
fn schema_and_checker_agree_on_the_fixtures() {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    let (_copies, files) = fixture::yaml_inputs();
    let (mut compared, mut rejected) = (0, 0);
    for path in files {
        let Ok(text) = fs::read_to_string(&path) else {
            continue;
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let Ok(node) = yaml::parse(text) else {
            continue;
        };
        let valid_json = validator.is_valid(&node.to_json());
        let report = validate::validate(&node, text, Lints::On);
        let errors: Vec<&str> = report
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.code.as_str())
            .collect();
        if !valid_json {
            rejected += 1;
            assert!(
                !errors.is_empty(),
                "{}: the schema rejects it, weekly does not",
                path.display()
            );
        }
        if errors.iter().any(|c| *c == "E002" || *c == "E004") {
            assert!(
                !valid_json,
                "{}: weekly finds {errors:?}, the schema accepts it",
                path.display()
            );
        }
        compared += 1;
    }
    assert!(
        compared > 50 && rejected > 10,
        "{compared} compared, {rejected} rejected"
    );
}
