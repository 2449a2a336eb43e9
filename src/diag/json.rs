//! `--message-format json`: one JSON object a finding, a line each.

use super::finding::Finding;

/// One JSON object, its keys in the order a reader expects them.
#[derive(serde::Serialize)]
struct JsonFinding<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    severity: &'static str,
    code: &'static str,
    message: &'a str,
    help: Option<&'a str>,
}

pub fn json_line(f: &Finding) -> String {
    let finding = JsonFinding {
        file: f.path,
        line: f.at.line,
        column: f.at.column,
        end_line: f.at.end_line,
        end_column: f.at.end_column,
        severity: f.d.severity().name().en,
        code: f.d.code.as_str(),
        message: f.message(),
        help: f.help(),
    };
    serde_json::to_string(&finding).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::finding::tests::finding;
    use crate::diag::{Code, Diagnostic};

    #[test]
    fn json_lines_carry_every_field() {
        let d = Diagnostic::new(
            Code::W012,
            0..1,
            crate::msg!("doubled punctuation `。。`", "标点重复 `。。`"),
        );
        let v: serde_json::Value = serde_json::from_str(&json_line(&finding(&d))).unwrap();
        assert_eq!(v["end_column"], 9);
        assert_eq!(v["severity"], "warning");
        assert_eq!(v["help"], serde_json::Value::Null);
    }
}
