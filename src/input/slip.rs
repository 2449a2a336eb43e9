//! Why a file does not parse as YAML, told at the line of the slip: the mistakes of typing
//! with a Chinese input method (a full-width colon or space, a tab, a colon inside text, a
//! missing colon) found in the source near where the parser gave up, else its message in
//! both languages.

use std::ops::Range;

use crate::diag::{Code, Diagnostic, Fix, Lines};

use super::yaml_message::parser_message;
use crate::i18n::Msg;
use crate::input::schema;
use crate::msg;
use crate::text::quote::excerpt;

/// How many lines before the parser's position a slip is looked for: the parser stops a line
/// or two after the slip, later when comment lines (not counted) stand between.
const LOOK_BACK: usize = 4;

/// The finding for a YAML syntax error the parser reported at byte `at` with `message`.
pub fn explain(source: &str, at: usize, message: &str) -> Diagnostic {
    let lines = Lines::new(source);
    let error_line = lines.line_of(at);
    let mut checked = 0;
    // The line after the parser's position first: a tab or full-width space that starts a
    // line makes the parser fail at the end of the line before.
    let next = error_line + 1..=lines.count().min(error_line + 1);
    for i in next.chain((1..=error_line).rev()) {
        let line = lines.line(i);
        let text = &source[line.clone()];
        if let Some(d) = slip(text, line.start) {
            return d;
        }
        if i <= error_line && !is_blank_or_comment(text) {
            checked += 1;
            if checked > LOOK_BACK {
                break;
            }
        }
    }
    parser_message(at, message)
}

/// A key indented with a full-width space or a tab in a file YAML reads: `　published:` is a
/// key named `　published`, at a depth the clerk did not mean, which would draw one finding
/// for the key and another for the one missing. Only known keys are looked for, so a line of
/// text that starts with `　　` (a paragraph's indent) is left alone.
pub fn key_indented_wrong(source: &str) -> Option<Diagnostic> {
    // Most files hold neither, and are passed at two searches.
    if !source.contains('\t') && !source.contains('\u{3000}') {
        return None;
    }
    let mut base = 0;
    for line in source.split_inclusive('\n') {
        let at = base;
        base += line.len();
        // Most lines are indented with spaces alone: past them, a key or text begins.
        let spaces = line.bytes().take_while(|&b| b == b' ').count();
        if !line[spaces..].starts_with(['\t', '\u{3000}']) {
            continue;
        }
        let indent = line.len() - line.trim_start_matches([' ', '\t', '\u{3000}']).len();
        let body = line[indent..].strip_prefix("- ").unwrap_or(&line[indent..]);
        let key_len = body
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(body.len());
        let after = body[key_len..].trim_start_matches([' ', '\u{3000}']);
        if schema::is_key(&body[..key_len]) && after.starts_with([':', '：']) {
            return slip(line.strip_suffix('\n').unwrap_or(line), at);
        }
    }
    None
}

fn is_blank_or_comment(line: &str) -> bool {
    let t = line.trim_start();
    t.is_empty() || t.starts_with('#')
}

/// A slip in one line, as a finding with byte spans from `base`.
fn slip(line: &str, base: usize) -> Option<Diagnostic> {
    let line = line.strip_suffix('\r').unwrap_or(line);
    let indent_len = line
        .char_indices()
        .find(|(_, c)| !matches!(c, ' ' | '\t' | '\u{3000}'))
        .map_or(line.len(), |(i, _)| i);
    if indent_len == line.len() || line[indent_len..].starts_with('#') {
        return None;
    }
    let indent = &line[..indent_len];
    if let Some(i) = indent.find('\t') {
        // Issue files are indented two spaces a level, as `weekly new` writes them.
        let span = base + i..base + i + 1;
        let fix = Fix::offered(span.clone(), "  ");
        return Some(
            finding(
                span,
                msg!("a tab (⇥) in the indentation", "缩进中有 Tab 字符（⇥）"),
                msg!(
                    "indent with spaces only: YAML does not allow tabs or full-width spaces there",
                    "缩进只能用半角空格，不能用 Tab 或全角空格"
                ),
            )
            .with_fix(fix),
        );
    }
    if let Some(i) = indent.find('\u{3000}') {
        // The space bar types one in full-width mode, where a half-width one was meant.
        let span = base + i..base + i + '\u{3000}'.len_utf8();
        let fix = Fix::offered(span.clone(), " ");
        return Some(
            finding(
                span,
                msg!(
                    "a full-width space (□, U+3000) in the indentation",
                    "缩进中有全角空格（□，U+3000）"
                ),
                msg!(
                    "indent with half-width spaces only; switch the input method to half-width",
                    "缩进只能用半角空格；请把输入法切换到半角状态"
                ),
            )
            .with_fix(fix),
        );
    }
    let body = &line[indent_len..];
    let body_at = base + indent_len;
    // A list item's key follows its dash; a flow mapping's keys follow `{` or `,`.
    let (entry, entry_at) = match body.strip_prefix("- ") {
        Some(rest) => (
            rest.trim_start(),
            body_at + body.len() - rest.trim_start().len(),
        ),
        None => (body, body_at),
    };
    if let Some(d) = value_of(entry, entry_at).and_then(|(v, at)| text_with_a_mark_first(v, at)) {
        return Some(d);
    }
    if let Some(d) = flow_full_width_colon(line, base).or_else(|| unclosed_flow(line, base)) {
        return Some(d);
    }
    let key_len = entry
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(entry.len());
    let key = &entry[..key_len];
    let after = &entry[key_len..];
    if key.is_empty() {
        return None;
    }
    let after_trimmed = after.trim_start_matches([' ', '\u{3000}']);
    if after_trimmed.starts_with('：') && schema::is_key(key) {
        let at = entry_at + key_len + (after.len() - after_trimmed.len());
        return Some(full_width_colon(key, at, &after_trimmed['：'.len_utf8()..]));
    }
    if let Some(value) = after.strip_prefix(": ") {
        return colon_in_text(value, entry_at + key_len + 2);
    }
    if schema::is_key(key)
        && !after.is_empty()
        && !after.starts_with(':')
        && !after_trimmed.starts_with('#')
    {
        let value: String = after_trimmed.chars().take(20).collect();
        let at = entry_at + key_len;
        return Some(finding(
            at..at + after.chars().next().map_or(0, char::len_utf8),
            msg!(
                "no colon after the key `{key}`",
                "字段 `{key}` 后面缺少冒号"
            ),
            msg!(
                "write a half-width colon and a space after the key: `{key}: {value}`",
                "请在字段名后加半角冒号和空格：`{key}: {value}`"
            ),
        ));
    }
    None
}

/// The finding for `：` at `at` after `key`, with the colon and space that mend it (`rest`
/// follows it).
fn full_width_colon(key: &str, at: usize, rest: &str) -> Diagnostic {
    let span = at..at + '：'.len_utf8();
    let with = if rest.starts_with(' ') || rest.trim_end().is_empty() {
        ":"
    } else {
        ": "
    };
    let fix = Fix::offered(span.clone(), with);
    finding(
        span,
        msg!(
            "a full-width colon `：` after the key `{key}`",
            "字段 `{key}` 后面用了全角冒号“：”"
        ),
        msg!(
            "type a half-width colon and a space: `{key}: …`",
            "请改用半角冒号加空格：`{key}: …`"
        ),
    )
    .with_fix(fix)
}

/// `{ name：受理, … }`: a known key and a full-width colon inside a flow mapping.
fn flow_full_width_colon(line: &str, base: usize) -> Option<Diagnostic> {
    for (i, _) in line.match_indices('：') {
        let before = line[..i].trim_end_matches([' ', '\u{3000}']);
        let key_start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_alphanumeric() || *c == '_')
            .last()
            .map_or(before.len(), |(j, _)| j);
        let key = &before[key_start..];
        let lead = before[..key_start].trim_end();
        if !key.is_empty() && schema::is_key(key) && (lead.ends_with('{') || lead.ends_with(',')) {
            return Some(full_width_colon(
                key,
                base + i,
                &line[i + '：'.len_utf8()..],
            ));
        }
    }
    None
}

/// `- { name: 受理, unit: 件`: a flow mapping or list left open at the end of its line (the
/// format writes each on one line).
fn unclosed_flow(line: &str, base: usize) -> Option<Diagnostic> {
    let mut open: Vec<(usize, char)> = Vec::new();
    let mut quote: Option<char> = None;
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') if !open.is_empty() => quote = Some(c),
            (None, '#') if open.is_empty() => break,
            (None, '{' | '[') => open.push((i, c)),
            (None, '}' | ']') => {
                open.pop();
            }
            _ => {}
        }
    }
    let (i, c) = *open.first()?;
    let close = if c == '{' { '}' } else { ']' };
    Some(finding(
        base + i..base + i + 1,
        msg!(
            "`{c}` is not closed on its line",
            "“{c}”在这一行没有对应的“{close}”"
        ),
        msg!(
            "close it with `{close}` at the end of the line",
            "请在行尾补上“{close}”"
        ),
    ))
}

/// `title: 主题: 优化营商环境`: a plain value holding `: `, which YAML takes for a new key.
/// The value an entry holds on its line, and where it starts: all of a list item that is not
/// a mapping, or what follows `key: `.
fn value_of(entry: &str, at: usize) -> Option<(&str, usize)> {
    let key_len = entry
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(entry.len());
    let value = match entry[key_len..].strip_prefix(": ") {
        Some(value) if key_len > 0 => value,
        _ => entry,
    };
    let trimmed = value.trim_start();
    Some((trimmed, at + entry.len() - trimmed.len()))
}

/// The finding for text that starts with a character YAML reads as a mark there, when what
/// follows it is Chinese, so the clerk meant text: `*重要*`, `&`, `!`, `|`, `>`, `[`, `{`
/// followed by a Chinese character, or the reserved `@`, `` ` ``, `%` before anything.
pub fn text_with_a_mark_first(value: &str, at: usize) -> Option<Diagnostic> {
    let mut chars = value.chars();
    let mark = chars.next()?;
    let next = chars.next()?;
    let (what, what_zh) = match mark {
        '*' => ("an alias", "别名"),
        '&' => ("an anchor", "锚点"),
        '!' => ("a tag", "标签"),
        '|' | '>' => ("the mark of a block of text", "多行文字的标记"),
        '[' => ("the start of a list", "列表的开头"),
        '{' => ("the start of a mapping", "映射的开头"),
        '@' | '`' | '%' => ("a character kept for its own use", "保留字符"),
        _ => return None,
    };
    let reserved = matches!(mark, '@' | '`' | '%');
    if !(reserved && !next.is_whitespace() || !next.is_ascii()) {
        return None;
    }
    let text = value.split(" #").next().unwrap_or(value).trim_end();
    let fix = quoted(text, at);
    let quoted = excerpt(&text.replace('\'', "''")).into_owned();
    Some(
        finding(
            at..at + mark.len_utf8(),
            msg!(
                "the text starts with `{mark}`, which YAML reads as {what} at the start of a value",
                "文字以“{mark}”开头，YAML 把值开头的“{mark}”当作{what_zh}"
            ),
            msg!(
                "put the whole text in quotes: `'{quoted}'`",
                "请给整段文字加上引号：`'{quoted}'`"
            ),
        )
        .with_fix(fix),
    )
}

/// The finding for a mark at the start of the text on the line holding byte `at`, if any.
pub fn mark_first_on_line(source: &str, at: usize) -> Option<Diagnostic> {
    let start = source[..at].rfind('\n').map_or(0, |n| n + 1);
    let end = source[at..].find('\n').map_or(source.len(), |n| at + n);
    let line = source[start..end].trim_end_matches('\r');
    let indent = line.len() - line.trim_start().len();
    let body = &line[indent..];
    let entry = body.strip_prefix("- ").map_or(body, str::trim_start);
    let entry_at = start + line.len() - entry.len();
    value_of(entry, entry_at).and_then(|(v, at)| text_with_a_mark_first(v, at))
}

fn colon_in_text(value: &str, at: usize) -> Option<Diagnostic> {
    let lead = value.len() - value.trim_start().len();
    let value = value.trim_start();
    if value.starts_with(['"', '\'', '[', '{', '|', '>', '#']) {
        return None;
    }
    let text = value.split(" #").next().unwrap_or(value);
    let i = text
        .find(": ")
        .or_else(|| text.strip_suffix(':').map(str::len))?;
    let quoted = quoted(text.trim_end(), at + lead);
    let at = at + lead + i;
    Some(
        finding(
            at..at + 1,
            msg!(
                "the text holds `: `, which YAML reads as the start of a key",
                "文字中含有半角冒号加空格“: ”，程序会把冒号前的部分当作字段名"
            ),
            msg!(
                "put the whole text in quotes, or type the full-width colon `：`",
                "请给整段文字加引号，或改用全角冒号“：”"
            ),
        )
        .with_fix(quoted),
    )
}

/// The fix that puts `text`, at `at` of the source, in single quotes.
fn quoted(text: &str, at: usize) -> Fix {
    Fix::offered(
        at..at + text.len(),
        format!("'{}'", text.replace('\'', "''")),
    )
}

fn finding(span: Range<usize>, message: Msg, help: Msg) -> Diagnostic {
    Diagnostic::new(Code::E001, span, message).with_help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The slip found in `source` for a parser error at the start of line `line` (1-based),
    /// as (line, column, Chinese message).
    fn explained(source: &str, line: usize) -> (usize, usize, String) {
        let at = Lines::new(source).line(line).start;
        let d = explain(source, at, "mapping values are not allowed in this context");
        let index = Lines::new(source);
        let (l, c) = index.line_col(d.span.start);
        (l, c, d.message.zh.clone())
    }

    /// `source` with the fix offered for the slip at line `line` made.
    fn mended(source: &str, line: usize) -> String {
        let at = Lines::new(source).line(line).start;
        let d = explain(source, at, "mapping values are not allowed in this context");
        let fix = d
            .fix
            .unwrap_or_else(|| panic!("no fix for {source:?}: {}", d.message.en));
        assert!(!fix.safe, "`weekly check --fix` leaves slips to the clerk");
        let mut out = source.to_owned();
        out.replace_range(fix.span, &fix.with);
        out
    }

    #[test]
    fn the_slips_of_an_input_method_are_offered_their_fix() {
        let cases = [
            (
                "masthead:\n  publisher：中心\n",
                "masthead:\n  publisher: 中心\n",
            ),
            (
                "masthead:\n  publisher： 中心\n",
                "masthead:\n  publisher: 中心\n",
            ),
            (
                "f: { send：甲, copies: 1 }\n",
                "f: { send: 甲, copies: 1 }\n",
            ),
            (
                "masthead:\n\u{3000}\u{3000}year: 2023\n",
                "masthead:\n \u{3000}year: 2023\n",
            ),
            ("masthead:\n\tyear: 2023\n", "masthead:\n  year: 2023\n"),
            (
                "sections:\n  - title: 主题: 优化营商环境 # 注\n",
                "sections:\n  - title: '主题: 优化营商环境' # 注\n",
            ),
            (
                "items:\n  - *重要*本周完成 it's\n",
                "items:\n  - '*重要*本周完成 it''s'\n",
            ),
        ];
        for (typed, fixed) in cases {
            let line = typed.lines().count();
            assert_eq!(mended(typed, line), fixed, "{typed:?}");
        }
    }

    #[test]
    fn a_key_indented_with_a_full_width_space_or_tab_is_one_slip_where_yaml_reads_on() {
        let at =
            |source: &str| key_indented_wrong(source).map(|d| (d.span.start, d.message.en.clone()));
        let space = "masthead:\n  title: 周报\n  \u{3000}published: 2023-10-20\n";
        assert_eq!(
            at(space),
            Some((
                28,
                "a full-width space (□, U+3000) in the indentation".to_owned()
            ))
        );
        let first = "\u{3000}published: 2023-10-20\n";
        assert_eq!(at(first).map(|(start, _)| start), Some(0));
        let item = "sections:\n  - title: 甲\n    items:\n      - a\n\t- title: 乙\n";
        assert!(at(item).is_some_and(|(_, said)| said.contains("tab")));
        // A paragraph's indent in text, and a word that is not a key, are not slips.
        let text =
            "items:\n  - |\n    \u{3000}\u{3000}本周，完成。\n    \u{3000}\u{3000}note: 甲\n";
        assert_eq!(at(text), None);
    }

    /// Text typed with a mark YAML reads first, in an item or after a key, is the slip it is,
    /// in words, for every such mark; YAML's own use of them is left to the parser.
    #[test]
    fn text_that_starts_with_a_mark_yaml_reads_is_named() {
        for mark in ['*', '&', '!', '|', '>', '[', '{', '@', '`', '%'] {
            for src in [
                format!("items:\n  - {mark}重要通知：本周完成。\n"),
                format!("title: {mark}周报\n"),
            ] {
                let d = crate::input::yaml::parse(&src).expect_err(&src);
                assert_eq!(d.code, Code::E001, "{src}");
                let expected = format!("the text starts with `{mark}`");
                assert!(
                    d.message.en.starts_with(&expected),
                    "{src}: {}",
                    d.message.en
                );
                assert_eq!(&src[d.span.clone()], mark.to_string(), "{src}");
            }
        }
        let help = crate::input::yaml::parse("a: *它's #注\n")
            .unwrap_err()
            .help
            .unwrap();
        assert_eq!(help.en, "put the whole text in quotes: `'*它''s'`");
        for src in [
            "a: &x 1\nb: *x\n",
            "a: !!str 1\n",
            "a: |\n  甲\n",
            "a: [1, 2]\n",
        ] {
            let parsed = crate::input::yaml::parse(src);
            assert!(
                parsed
                    .as_ref()
                    .map_or_else(|d| d.code == Code::E015, |_| true),
                "{src}: {parsed:?}"
            );
        }
    }

    #[test]
    fn a_full_width_colon_is_found_on_the_line_before_the_error() {
        let src = "masthead:\n  title：窗口工作周报\n  year: 2023\n";
        assert_eq!(
            explained(src, 3),
            (2, 8, "字段 `title` 后面用了全角冒号“：”".into())
        );
        let flow = "counters:\n  - { name：受理, unit: 件 }\n";
        assert_eq!(explained(flow, 2).2, "字段 `name` 后面用了全角冒号“：”");
        assert_eq!(slip("  - 批示：请办理", 0), None);
    }

    #[test]
    fn a_missing_colon_is_found_at_the_key() {
        let src = "masthead:\n  title 窗口工作周报\n  year: 2023\n";
        assert_eq!(
            explained(src, 3),
            (2, 8, "字段 `title` 后面缺少冒号".into())
        );
        let d = explain(src, Lines::new(src).line(3).start, "x");
        assert_eq!(
            d.help.unwrap().en,
            "write a half-width colon and a space after the key: `title: 窗口工作周报`"
        );
    }

    #[test]
    fn tabs_and_full_width_spaces_in_indentation_are_found_on_the_next_line() {
        let tab = "masthead:\n  title: 周报\n\tyear: 2023\n";
        assert_eq!(explained(tab, 2), (3, 1, "缩进中有 Tab 字符（⇥）".into()));
        let wide = "masthead:\n  title: 周报\n　　year: 2023\n";
        assert_eq!(
            explained(wide, 3),
            (3, 1, "缩进中有全角空格（□，U+3000）".into())
        );
    }

    #[test]
    fn a_colon_in_text_is_found_where_it_stands() {
        let src = "sections:\n  - title: 主题: 优化营商环境\n";
        assert_eq!(
            explained(src, 2),
            (
                2,
                14,
                "文字中含有半角冒号加空格“: ”，程序会把冒号前的部分当作字段名".into()
            )
        );
        // Quoted text and comments are not slips.
        assert_eq!(slip("  title: \"主题: 优化\"", 0), None);
        assert_eq!(slip("  # note: here", 0), None);
        assert_eq!(slip("  year: 2023  # 2023: the year", 0), None);
    }

    #[test]
    fn text_that_starts_like_a_key_is_not_a_missing_colon() {
        assert_eq!(slip("  - hello world", 0), None);
        assert_eq!(slip("  year: 2023", 0), None);
        assert_eq!(slip("  period:", 0), None);
    }

    #[test]
    fn an_unclosed_brace_is_found_on_its_line() {
        let src = "counters:\n  - { name: 受理, unit: 件\n  - { name: 流转, unit: 件 }\n";
        assert_eq!(explained(src, 3), (2, 5, "“{”在这一行没有对应的“}”".into()));
        assert_eq!(slip("  - { name: '{', unit: 件 }", 0), None);
        assert_eq!(slip("  text: 见附件[1]", 0), None);
    }
}
