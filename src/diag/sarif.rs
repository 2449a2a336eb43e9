//! Findings as one SARIF 2.1.0 log, written as it is serialized.

use std::io::{self, Write};

use serde::Serialize;
use serde::ser::Serializer;

use crate::diag::Code;
use crate::diag::finding::Finding;

// The fields of each object are in the order of their names: the log has always been written
// with its keys sorted, and tools and tests compare it byte for byte.

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    runs: [Run<'a>; 1],
    version: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    column_kind: &'static str,
    results: Results<'a>,
    tool: Tool,
}

/// Each result is made as it is written: a log of a million findings is never held whole.
struct Results<'a>(&'a [Finding<'a>]);

impl Serialize for Results<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(result))
    }
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
struct Driver {
    name: &'static str,
    rules: Vec<Rule>,
    version: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    default_configuration: Level,
    id: &'static str,
    short_description: Text<&'static str>,
}

#[derive(Serialize)]
struct Level {
    level: &'static str,
}

#[derive(Serialize)]
struct Text<T> {
    text: T,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    level: &'static str,
    locations: [Location; 1],
    message: Text<String>,
    rule_id: &'static str,
    rule_index: Option<usize>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    end_column: usize,
    end_line: usize,
    start_column: usize,
    start_line: usize,
}

fn result(f: &Finding) -> SarifResult {
    let mut text = f.message().to_owned();
    if let Some(help) = f.help() {
        text.push_str(&format!(" (help: {help})"));
    }
    SarifResult {
        level: f.d.severity().name().en,
        locations: [Location {
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation { uri: uri(f.path) },
                region: Region {
                    end_column: f.at.end_column,
                    end_line: f.at.end_line,
                    start_column: f.at.column,
                    start_line: f.at.line,
                },
            },
        }],
        message: Text { text },
        rule_id: f.d.code.as_str(),
        rule_index: Code::ALL.iter().position(|c| *c == f.d.code),
    }
}

/// Writes a SARIF 2.1.0 log of all findings, with every code as a rule.
pub fn write(findings: &[Finding], out: impl Write) -> io::Result<()> {
    let rules = Code::ALL
        .iter()
        .map(|code| Rule {
            default_configuration: Level {
                level: code.severity().name().en,
            },
            id: code.as_str(),
            short_description: Text {
                text: code.about().meaning.en,
            },
        })
        .collect();
    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        runs: [Run {
            column_kind: "unicodeCodePoints",
            results: Results(findings),
            tool: Tool {
                driver: Driver {
                    name: "weekly",
                    rules,
                    version: env!("CARGO_PKG_VERSION"),
                },
            },
        }],
        version: "2.1.0",
    };
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut out, &log)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// A relative URI reference for a path as typed: separators as `/`, and characters that a
/// URI cannot hold percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sarif_uris_are_encoded() {
        assert_eq!(
            uri("issues/2023 年/第39期.yaml"),
            "issues/2023%20%E5%B9%B4/%E7%AC%AC39%E6%9C%9F.yaml"
        );
    }
}
