//! YAML text to a tree of nodes that remember their byte span in the source.

use std::fmt;
use std::ops::Range;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::{Error as YamlError, Location, Spanned};

use crate::diag::Diagnostic;

/// A YAML value and the bytes of the source it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub span: Range<usize>,
}

/// The value of a node, as YAML's core schema types it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<Value>::deserialize(d)?;
        let span = spanned.referenced.span();
        let start = span.byte_offset().unwrap_or(0) as usize;
        let len = span.byte_len().unwrap_or(0) as usize;
        Ok(Node {
            value: spanned.value,
            span: start..start + len,
        })
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Int(v.into()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Int(v.into()))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Value, E> {
        Ok(Value::Int(v))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Value, E> {
        Ok(i128::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Float(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Str(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::Str(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Node>()? {
            items.push(item);
        }
        Ok(Value::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Node>()? {
            let value = map.next_value::<Node>()?;
            entries.push((key, value));
        }
        Ok(Value::Map(entries))
    }
}

/// The file as UTF-8 text without its byte-order mark; otherwise the text that can be shown
/// and a finding that points at the first bad byte or character.
pub fn decode(bytes: &[u8]) -> Result<&str, (&str, Diagnostic)> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let d = Diagnostic::error("E014", 0..0, "the file is UTF-16 text, not UTF-8")
            .with_help("save the file with the encoding UTF-8");
        return Err(("", d));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.strip_prefix('\u{feff}').unwrap_or(text),
        Err(e) => {
            let at = e.valid_up_to();
            let prefix = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
            let d = Diagnostic::error(
                "E014",
                at..at,
                format!(
                    "the file is not UTF-8 text: byte 0x{:02X} cannot start a character here",
                    bytes[at]
                ),
            )
            .with_help("save the file with the encoding UTF-8 (GBK and GB2312 are not read)");
            return Err((prefix, d));
        }
    };
    let control = text
        .char_indices()
        .find(|(_, c)| crate::emit::is_unprintable(*c) && !matches!(c, '\n' | '\r' | '\t'));
    if let Some((at, c)) = control {
        let d = Diagnostic::error(
            "E016",
            at..at + c.len_utf8(),
            format!("the file contains the control character U+{:04X}", c as u32),
        )
        .with_help("remove it; a bulletin is plain text");
        return Err((text, d));
    }
    Ok(text)
}

/// Reads one YAML document into a node tree, with the limits a bulletin needs: a single
/// document, no anchors, aliases, merge keys or tags, and bounded size and depth.
pub fn parse(source: &str) -> Result<Node, Diagnostic> {
    let options = serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_documents: 1,
            max_depth: MAX_DEPTH,
            max_nodes: 200_000,
            max_anchors: 0,
            max_aliases: 0,
        },
        merge_keys: serde_saphyr::MergeKeyPolicy::Error,
        strict_booleans: true,
        reject_unsupported_tags: true,
        with_snippet: false,
    };
    serde_saphyr::from_str_with_options::<Node>(source, options)
        .map_err(|e| to_diagnostic(&e, source))
}

/// Deeper than any bulletin nests (its deepest value sits at level 7).
pub const MAX_DEPTH: usize = 32;

fn to_diagnostic(e: &YamlError, source: &str) -> Diagnostic {
    let at = e.location().map_or(0, |l| byte_offset(source, &l));
    let not_needed = |message: String, help: &str| {
        Diagnostic::error("E015", at..at, message).with_help(help.to_owned())
    };
    match e.without_snippet() {
        YamlError::DuplicateMappingKey { key, .. } => {
            let key = key.as_deref().map_or(String::new(), |k| format!(" `{k}`"));
            Diagnostic::error("E005", at..at, format!("duplicate key{key}"))
                .with_help("a key may appear only once in a mapping; merge the two entries")
        }
        YamlError::UnsupportedTag { tag, .. } => not_needed(
            format!("YAML tag `{tag}` is not allowed"),
            "a bulletin holds plain text, numbers and dates; remove the tag",
        ),
        YamlError::MergeKeyNotAllowed { .. } | YamlError::MergeValueNotMapOrSeqOfMaps { .. } => {
            not_needed(
                "YAML merge keys (`<<`) are not allowed".to_owned(),
                "write the entries out in full",
            )
        }
        YamlError::Budget { breach, .. } => match breach {
            BudgetBreach::Anchors { .. } | BudgetBreach::Aliases { .. } => not_needed(
                "YAML anchors and aliases (`&name`, `*name`) are not allowed".to_owned(),
                "write the value out in full where it is used",
            ),
            BudgetBreach::Documents { .. } => not_needed(
                "more than one YAML document in the file".to_owned(),
                "keep one issue per file, without a second `---`",
            ),
            BudgetBreach::Depth { .. } => not_needed(
                format!("values nested more than {MAX_DEPTH} levels deep"),
                "a bulletin nests a few levels at most; check the indentation",
            ),
            other => not_needed(
                format!("the file is larger than a bulletin can be ({other:?})"),
                "split the content, or check that this is the right file",
            ),
        },
        other => {
            let message = strip_location(&other.to_string());
            // The parser's own guard against deep nesting speaks of recursion.
            if message.contains("recursion limit") {
                not_needed(
                    format!("values nested more than {MAX_DEPTH} levels deep"),
                    "a bulletin nests a few levels at most; check the brackets",
                )
            } else {
                Diagnostic::error("E001", at..at, message)
            }
        }
    }
}

/// The byte offset of a parser location, from its byte span or else its line and column.
fn byte_offset(source: &str, l: &Location) -> usize {
    if let Some(b) = l.span().byte_offset() {
        return (b as usize).min(source.len());
    }
    let (line, column) = (l.line() as usize, l.column() as usize);
    let line_start = if line <= 1 {
        0
    } else {
        source
            .match_indices('\n')
            .nth(line - 2)
            .map_or(source.len(), |(i, _)| i + 1)
    };
    source[line_start..]
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(source.len(), |(i, _)| line_start + i)
}

/// The parser appends ` at line L, column C` to its messages; weekly prints the location itself.
fn strip_location(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) if message[i..].contains(", column ") => message[..i].to_owned(),
        _ => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(src: &str) -> Diagnostic {
        parse(src).expect_err("the input is invalid")
    }

    fn at(src: &str, d: &Diagnostic) -> (usize, usize) {
        crate::diag::line_col(src, d.span.start)
    }

    #[test]
    fn nodes_carry_byte_spans_and_types() {
        let src = "a: 1\nb: '2'\nc: 2023-10-09\nd: [x, 标题]\n";
        let n = parse(src).unwrap();
        let Value::Map(m) = &n.value else {
            panic!("a map")
        };
        let spans: Vec<&str> = m.iter().map(|(_, v)| &src[v.span.clone()]).collect();
        assert_eq!(spans, ["1", "'2'", "2023-10-09", "["]);
        assert_eq!(m[0].1.value, Value::Int(1));
        assert_eq!(m[1].1.value, Value::Str("2".into()));
        assert_eq!(m[2].1.value, Value::Str("2023-10-09".into()));
        let Value::Seq(items) = &m[3].1.value else {
            panic!("a sequence")
        };
        assert_eq!(&src[items[1].span.clone()], "标题");
    }

    #[test]
    fn yes_and_on_stay_text() {
        let n = parse("a: yes\nb: on\nc: true\n").unwrap();
        let Value::Map(m) = n.value else {
            panic!("a map")
        };
        assert_eq!(m[0].1.value, Value::Str("yes".into()));
        assert_eq!(m[1].1.value, Value::Str("on".into()));
        assert_eq!(m[2].1.value, Value::Bool(true));
    }

    #[test]
    fn duplicate_key_is_located() {
        let src = "a: 1\nb: 2\na: 3\n";
        let d = error_of(src);
        assert_eq!((d.code, d.message.as_str()), ("E005", "duplicate key `a`"));
        assert_eq!(at(src, &d), (3, 1));
    }

    #[test]
    fn syntax_error_is_located_without_repeating_the_location() {
        let src = "a: 1\nb: [1, 2\n";
        let d = error_of(src);
        assert_eq!(d.code, "E001");
        assert!(!d.message.contains("line"), "{}", d.message);
        assert_eq!(at(src, &d).0, 2);
    }

    #[test]
    fn tags_anchors_merges_and_streams_are_refused() {
        for src in [
            "a: !include /etc/passwd\n",
            "a: !!python/object:os.system 1\n",
            "a: &x 1\nb: *x\n",
            "<<: {a: 1}\n",
            "a: 1\n---\nb: 2\n",
        ] {
            let d = error_of(src);
            assert_eq!(d.code, "E015", "{src:?}: {}", d.message);
        }
    }

    #[test]
    fn deep_nesting_is_refused() {
        let d = error_of(&format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000)));
        assert!(matches!(d.code, "E015" | "E001"), "{d:?}");
    }
}
