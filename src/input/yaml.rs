//! YAML text to a tree of nodes that remember their byte span in the source.

use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Range;

use granit_parser::{ErrorKind, Event, Marker, Parser, ScalarStyle, ScanError, Span, Tag};

use crate::diag::{Code, Diagnostic};
use crate::input::decode::first_unprintable;

use crate::i18n::Msg;

use crate::msg;
use crate::text::quote::excerpt;

/// A YAML value and the bytes of the source it was read from. Text is borrowed from the
/// source where the parser can, to spare a copy of every value.
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'a> {
    pub value: Value<'a>,
    pub span: Range<usize>,
}

/// The value of a node, as YAML's core schema types it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    Str(Cow<'a, str>),
    Seq(Vec<Node<'a>>),
    Map(Vec<(Node<'a>, Node<'a>)>),
}

impl Node<'_> {
    /// The value as JSON, for checking a file against the JSON Schema; keys that are not text
    /// are written as JSON would print them.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.value {
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Int(n) => i64::try_from(*n).map_or_else(|_| J::from(*n as f64), J::from),
            Value::Float(x) => serde_json::Number::from_f64(*x).map_or(J::Null, J::Number),
            Value::Str(s) => J::String(s.to_string()),
            Value::Seq(items) => J::Array(items.iter().map(Node::to_json).collect()),
            Value::Map(entries) => J::Object(
                entries
                    .iter()
                    .map(|(k, v)| {
                        let key = match k.to_json() {
                            J::String(s) => s,
                            other => other.to_string(),
                        };
                        (key, v.to_json())
                    })
                    .collect(),
            ),
        }
    }
}

/// Deeper than any bulletin nests (its deepest value sits at level 7).
pub const MAX_DEPTH: usize = 32;

/// More values than any bulletin holds (a real issue has a few hundred): the margin leaves
/// room for 100-fold benchmark inputs while bounding memory.
pub const MAX_NODES: usize = 200_000;

/// Reads one YAML document into a node tree, typing plain scalars by YAML 1.2's core schema
/// (only `true` and `false` are booleans). What a bulletin never needs is refused, each with
/// its own finding: a second document, anchors and aliases, merge keys, tags, duplicate keys,
/// nesting deeper than [`MAX_DEPTH`] and more than [`MAX_NODES`] values.
// A finding is large for a `Result`, but a file is parsed once: boxing buys nothing.
#[allow(clippy::result_large_err)]
pub fn parse(source: &str) -> Result<Node<'_>, Diagnostic> {
    let mut parser = Parser::new_from_str(source);
    // Open collections, each with its node and, for a mapping, the key awaiting its value and
    // the text keys it has: a set, so that finding a duplicate among many keys stays linear.
    let mut open: Vec<(Node<'_>, Option<Node<'_>>, HashSet<Cow<'_, str>>)> = Vec::new();
    let mut root: Option<Node<'_>> = None;
    let mut nodes = 0usize;
    let mut documents = 0usize;
    while let Some(next) = parser.next_event() {
        let (event, span) = next.map_err(|e| scan_error(&e, source))?;
        let at = span_of(&span, source);
        let node = match event {
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd => continue,
            Event::DocumentStart(..) => {
                documents += 1;
                if documents > 1 {
                    return Err(not_needed(
                        at,
                        msg!(
                            "more than one YAML document in the file",
                            "文件中有不止一个 YAML 文档"
                        ),
                        msg!(
                            "keep one issue per file, without a second `---`",
                            "每个文件只放一期，不要第二个 `---`"
                        ),
                    ));
                }
                continue;
            }
            Event::Alias(_) | Event::Anchor(..) | Event::UnresolvedAlias(_) => {
                return Err(mark_first(source, &at).unwrap_or_else(|| anchors(at)));
            }
            Event::Scalar(text, style, anchor, tag) => {
                refuse_extras(anchor, tag.as_deref(), &at)
                    .map_err(|refused| mark_first(source, &at).unwrap_or(refused))?;
                // Escapes in double quotes can make what the file itself may not hold.
                if style == ScalarStyle::DoubleQuoted
                    && let Some((_, c)) = first_unprintable(&text)
                {
                    return Err(Diagnostic::new(
                        Code::E016,
                        at,
                        msg!(
                            "the text contains the control character U+{:04X}",
                            "文字中含有控制字符 U+{:04X}",
                            c as u32
                        ),
                    )
                    .with_help(msg!(
                        "remove the escape; a bulletin is plain text",
                        "请删去转义；周报是纯文本"
                    )));
                }
                Node {
                    value: scalar(text, style),
                    span: at,
                }
            }
            Event::SequenceStart(_, anchor, ref tag) | Event::MappingStart(_, anchor, ref tag) => {
                refuse_extras(anchor, tag.as_deref(), &at)?;
                if open.len() >= MAX_DEPTH {
                    return Err(not_needed(
                        at,
                        msg!(
                            "values nested more than {MAX_DEPTH} levels deep",
                            "嵌套超过 {MAX_DEPTH} 层"
                        ),
                        msg!(
                            "a bulletin nests a few levels at most; check the indentation",
                            "周报只有几层嵌套；请检查缩进"
                        ),
                    ));
                }
                let value = if matches!(event, Event::SequenceStart(..)) {
                    Value::Seq(Vec::new())
                } else {
                    Value::Map(Vec::new())
                };
                open.push((Node { value, span: at }, None, HashSet::new()));
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => match open.pop() {
                Some((node, ..)) => node,
                None => continue,
            },
            // Events added in later versions of the parser carry nothing a bulletin holds.
            _ => continue,
        };
        nodes += 1;
        if nodes > MAX_NODES {
            return Err(not_needed(
                node.span,
                msg!(
                    "the file holds more than {MAX_NODES} values, far more than a bulletin",
                    "文件含有超过 {MAX_NODES} 个值，远超一期周报"
                ),
                msg!(
                    "split the content, or check that this is the right file",
                    "请拆分内容，或确认文件是否正确"
                ),
            ));
        }
        match open.last_mut() {
            None => root = Some(node),
            Some((parent, pending, keys)) => match &mut parent.value {
                Value::Seq(items) => items.push(node),
                Value::Map(entries) => match pending.take() {
                    None => {
                        if let Value::Str(key) = &node.value {
                            let shown = excerpt(key);
                            if key == "<<" {
                                return Err(not_needed(
                                    node.span,
                                    msg!(
                                        "YAML merge keys (`<<`) are not allowed",
                                        "不允许使用 YAML 合并键（`<<`）"
                                    ),
                                    msg!("write the entries out in full", "请把各项完整写出"),
                                ));
                            }
                            if !keys.insert(key.clone()) {
                                return Err(Diagnostic::new(Code::E005,
                                    node.span,
                                    msg!("duplicate key `{shown}`", "字段 `{shown}` 重复"),
                                )
                                .with_help(msg!(
                                    "a key may appear only once in a mapping; merge the two entries",
                                    "同一层中一个字段只能出现一次；请合并两处"
                                )));
                            }
                        }
                        *pending = Some(node);
                    }
                    Some(key) => entries.push((key, node)),
                },
                _ => {}
            },
        }
    }
    if let Some(slip) = crate::input::slip::key_indented_wrong(source) {
        return Err(slip);
    }
    Ok(root.unwrap_or(Node {
        value: Value::Null,
        span: source.len()..source.len(),
    }))
}

/// The value of a scalar: quoted and block scalars are text; plain ones are typed.
fn scalar(text: Cow<'_, str>, style: ScalarStyle) -> Value<'_> {
    if style != ScalarStyle::Plain {
        return Value::Str(text);
    }
    match text.as_ref() {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        _ => {}
    }
    if let Some(n) = integer(&text) {
        return Value::Int(n);
    }
    if let Some(x) = float(&text) {
        return Value::Float(x);
    }
    Value::Str(text)
}

/// `[-+]?[0-9]+`, `0o[0-7]+` or `0x[0-9a-fA-F]+`.
fn integer(s: &str) -> Option<i128> {
    let digits = |t: &str, radix: u32| !t.is_empty() && t.chars().all(|c| c.is_digit(radix));
    if let Some(hex) = s.strip_prefix("0x") {
        return digits(hex, 16)
            .then(|| i128::from_str_radix(hex, 16).ok())
            .flatten();
    }
    if let Some(oct) = s.strip_prefix("0o") {
        return digits(oct, 8)
            .then(|| i128::from_str_radix(oct, 8).ok())
            .flatten();
    }
    let unsigned = s.strip_prefix(['-', '+']).unwrap_or(s);
    if !digits(unsigned, 10) {
        return None;
    }
    // Too large for i128: still a number, read as a float so that it is reported as too large.
    s.parse::<i128>().ok().or(Some(i128::MAX))
}

/// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `.inf`, `.nan` and their spellings.
fn float(s: &str) -> Option<f64> {
    let unsigned = s.strip_prefix(['-', '+']).unwrap_or(s);
    if matches!(unsigned, ".inf" | ".Inf" | ".INF") {
        return Some(if s.starts_with('-') {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    if matches!(s, ".nan" | ".NaN" | ".NAN") {
        return Some(f64::NAN);
    }
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(i) => (&unsigned[..i], Some(&unsigned[i + 1..])),
        None => (unsigned, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all_digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok =
        all_digits(whole) && all_digits(fraction) && !(whole.is_empty() && fraction.is_empty());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && all_digits(e)
    });
    (mantissa_ok && exponent_ok && (mantissa.contains('.') || exponent.is_some()))
        .then(|| s.parse().ok())
        .flatten()
}

#[allow(clippy::result_large_err)]
fn refuse_extras(anchor: usize, tag: Option<&Tag>, at: &Range<usize>) -> Result<(), Diagnostic> {
    if anchor != 0 {
        return Err(anchors(at.clone()));
    }
    if let Some(tag) = tag {
        let (handle, suffix) = tag.original_parts();
        let tag = format!("{handle}{suffix}");
        let tag = excerpt(&tag);
        return Err(not_needed(
            at.clone(),
            msg!(
                "YAML tag `{tag}` is not allowed",
                "不允许使用 YAML 标签 `{tag}`"
            ),
            msg!(
                "a bulletin holds plain text, numbers and dates; remove the tag",
                "周报只含文字、数字和日期；请删去标签"
            ),
        ));
    }
    Ok(())
}

/// Text typed with `&`, `*` or `!` first, which YAML took for an anchor, an alias or a tag.
fn mark_first(source: &str, at: &Range<usize>) -> Option<Diagnostic> {
    crate::input::slip::mark_first_on_line(source, at.start.min(source.len()))
}

fn anchors(at: Range<usize>) -> Diagnostic {
    not_needed(
        at,
        msg!(
            "YAML anchors and aliases (`&name`, `*name`) are not allowed",
            "不允许使用 YAML 锚点和别名（`&name`、`*name`）"
        ),
        msg!(
            "write the value out in full where it is used",
            "请在用到的地方把值完整写出"
        ),
    )
}

fn not_needed(at: Range<usize>, message: Msg, help: Msg) -> Diagnostic {
    Diagnostic::new(Code::E015, at, message).with_help(help)
}

fn scan_error(e: &ScanError, source: &str) -> Diagnostic {
    let at = offset(e.marker(), source);
    let message = e.info();
    // The parser's own guard against deep nesting speaks of recursion.
    if matches!(e.kind(), ErrorKind::RecursionLimitExceeded) || message.contains("recursion limit")
    {
        return not_needed(
            at..at,
            msg!(
                "values nested more than {MAX_DEPTH} levels deep",
                "嵌套超过 {MAX_DEPTH} 层"
            ),
            msg!(
                "a bulletin nests a few levels at most; check the brackets",
                "周报只有几层嵌套；请检查括号"
            ),
        );
    }
    crate::input::slip::explain(source, at, &message)
}

fn span_of(span: &Span, source: &str) -> Range<usize> {
    let start = offset(&span.start, source);
    let end = offset(&span.end, source).max(start);
    start..end
}

/// The byte offset of a parser position, from its byte offset or else its line and column.
fn offset(m: &Marker, source: &str) -> usize {
    if let Some(b) = m.byte_offset() {
        return b.min(source.len());
    }
    let line_start = if m.line() <= 1 {
        0
    } else {
        source
            .match_indices('\n')
            .nth(m.line() - 2)
            .map_or(source.len(), |(i, _)| i + 1)
    };
    source[line_start..]
        .char_indices()
        .nth(m.col())
        .map_or(source.len(), |(i, _)| line_start + i)
}

/// The comment that ends the line of a plain scalar at `span`, if one does. YAML reads ` #`
/// and all that follows on its line as a comment, so text typed with a ` #` in it — a Weibo
/// topic, `开展 #政务服务我来评# 话题活动` — stops there. Quoted and block scalars hold `#` as
/// text. An empty span is a value left blank: the comment is the first thing after its key
/// or dash (`text: #话题#`).
pub fn comment_after(source: &str, span: Range<usize>) -> Option<Range<usize>> {
    let line_end = |from: usize| {
        source[from..]
            .find(['\n', '\r'])
            .map_or(source.len(), |n| from + n)
    };
    let after = if span.is_empty() {
        let end = line_end(span.start);
        let line = source.get(span.start..end)?;
        span.start + line.len() - line.trim_start_matches([':', '-', '?', ' ', '\t']).len()
    } else {
        if source[span.start..].starts_with(['"', '\'', '|', '>']) {
            return None;
        }
        let end = line_end(span.end);
        let line = source.get(span.end..end)?;
        let gap = line.len() - line.trim_start_matches([' ', '\t']).len();
        if gap == 0 {
            return None;
        }
        span.end + gap
    };
    source[after..]
        .starts_with('#')
        .then(|| after..line_end(after))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The comment found after the value of `key` in `src`, as text.
    fn comment_of<'s>(src: &'s str, key: &str) -> Option<&'s str> {
        let root = parse(src).expect("valid YAML");
        let Value::Map(entries) = &root.value else {
            panic!("a mapping")
        };
        let (_, value) = entries
            .iter()
            .find(|(k, _)| k.value == Value::Str(key.into()))
            .expect("the key");
        comment_after(src, value.span.clone()).map(|r| &src[r])
    }

    #[test]
    fn a_comment_after_plain_text_is_found_where_it_cuts() {
        let src = "text: 本周开展 #政务服务我来评# 话题活动。\nnote: 甲  # 备注\r\nx: 1 #c\n";
        assert_eq!(comment_of(src, "text"), Some("#政务服务我来评# 话题活动。"));
        assert_eq!(comment_of(src, "note"), Some("# 备注"));
        assert_eq!(comment_of(src, "x"), Some("#c"));
        let blank = "text: #话题# 活动\nnone:\nnext: a\n";
        assert_eq!(comment_of(blank, "text"), Some("#话题# 活动"));
        assert_eq!(comment_of(blank, "none"), None);
        assert_eq!(comment_of(blank, "next"), None);
    }

    #[test]
    fn quoted_and_block_text_holds_its_hash_and_a_hash_inside_a_word_is_text() {
        let src = "a: '甲 #乙'  # c\nb: \"甲 #乙\" #c\nc: |\n  甲 #乙\nd: 甲#乙\ne: 甲\n  乙 #丙\n";
        assert_eq!(comment_of(src, "a"), None);
        assert_eq!(comment_of(src, "b"), None);
        assert_eq!(comment_of(src, "c"), None);
        assert_eq!(comment_of(src, "d"), None);
        assert_eq!(comment_of(src, "e"), Some("#丙"));
    }

    fn error_of(src: &str) -> Diagnostic {
        parse(src).expect_err("the input is invalid")
    }

    fn at(src: &str, d: &Diagnostic) -> (usize, usize) {
        crate::diag::lines::line_col(src, d.span.start)
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
        assert_eq!(
            (d.code, d.message.en.as_str()),
            (Code::E005, "duplicate key `a`")
        );
        assert_eq!(at(src, &d), (3, 1));
    }

    #[test]
    fn syntax_error_is_located_without_repeating_the_location() {
        let src = "a: 1\nb: [1, 2\n";
        let d = error_of(src);
        assert_eq!(d.code, Code::E001);
        assert!(!d.message.en.contains("line 2"), "{}", d.message.en);
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
            assert_eq!(d.code, Code::E015, "{src:?}: {}", d.message.en);
        }
    }

    #[test]
    fn deep_nesting_is_refused() {
        let d = error_of(&format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000)));
        assert!(matches!(d.code, Code::E015 | Code::E001), "{d:?}");
    }
}
