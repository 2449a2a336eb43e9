//! The checks of one value's type and shape: mappings and their keys, lists, text, numbers
//! and dates. Each reports what is wrong and gives back the typed value when it is right.

use std::collections::HashMap;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::Arc;

use chrono::NaiveDate;

use super::slips;
use crate::check::lint::{self, Lint};
use crate::diag::allow::Allowed;
use crate::diag::{Code, Diagnostic, Fix};
use crate::i18n::Msg;
use crate::input::schema::Shape;
use crate::input::yaml::{Node, Value, comment_after};
use crate::issue::{Sp, Text};
use crate::msg;
use crate::text::quote::excerpt;
use crate::text::stand_in::{STAND_IN_WORDS, stand_in};

/// Whether the typography lints run: not on a file read only as the previous issue of
/// another, where only errors matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lints {
    On,
    Off,
}

/// The known entries of one mapping, and where to point when one is missing.
pub(super) struct Fields<'n> {
    pub(super) entries: Vec<(&'n str, &'n Node<'n>, &'n Node<'n>)>,
    pub(super) what_zh: &'static str,
    /// Whether the mapping had keys the shape does not know.
    pub(super) unknown: bool,
    pub(super) what: &'static str,
}

impl<'n> Fields<'n> {
    pub(super) fn get(&self, key: &str) -> Option<&'n Node<'n>> {
        self.entries
            .iter()
            .find(|(k, _, _)| *k == key)
            .map(|(_, _, v)| *v)
    }

    pub(super) fn key_span(&self, key: &str) -> Option<Range<usize>> {
        self.entries
            .iter()
            .find(|(k, _, _)| *k == key)
            .map(|(_, k, _)| k.span.clone())
    }
}

/// Walks a file's node tree once, collecting findings as it goes.
pub(super) struct Checker<'s> {
    pub(super) source: &'s str,
    pub(super) lints: Lints,
    pub(super) diags: Vec<Diagnostic>,
    /// The masthead's dates, once read: directives are checked against them.
    pub(super) dates: Option<IssueDates>,
    /// Warnings switched off by the file's `lint: { allow: [...] }`.
    pub(super) allowed: Allowed,
    /// Whether a text of the file may hold a draft's stand-in: most files are passed at a few
    /// searches of the whole, not one for each text.
    stand_ins: bool,
}

#[derive(Clone, Copy)]
pub(super) struct IssueDates {
    pub(super) start: NaiveDate,
    pub(super) published: NaiveDate,
}

impl<'s> Checker<'s> {
    pub(super) fn new(source: &'s str, lints: Lints) -> Checker<'s> {
        Checker {
            source,
            lints,
            diags: Vec::new(),
            dates: None,
            allowed: Allowed::default(),
            stand_ins: may_hold_a_stand_in(source),
        }
    }

    /// Records a finding; its code says whether it is an error or a warning.
    pub(super) fn report(&mut self, code: Code, span: Range<usize>, message: Msg) {
        self.diags.push(Diagnostic::new(code, span, message));
    }

    /// Offers `fix` for the finding just reported, where the value at `span` stands in the
    /// source as `typed` (not quoted or escaped), so that the fix's place is exact.
    fn offer(&mut self, fix: Fix, span: &Range<usize>, typed: &str) {
        if self.source.get(span.clone()) == Some(typed)
            && let Some(d) = self.diags.last_mut()
        {
            d.fix = Some(fix);
        }
    }

    pub(super) fn report_with_help(
        &mut self,
        code: Code,
        span: Range<usize>,
        message: Msg,
        help: Msg,
    ) {
        self.diags
            .push(Diagnostic::new(code, span, message).with_help(help));
    }

    pub(super) fn report_maybe_help(
        &mut self,
        code: Code,
        span: Range<usize>,
        message: Msg,
        help: Option<Msg>,
    ) {
        match help {
            Some(help) => self.report_with_help(code, span, message, help),
            None => self.report(code, span, message),
        }
    }

    /// The entries of a mapping of the given shape. Unknown keys are reported one by one,
    /// missing ones together in one finding at `at`.
    pub(super) fn fields<'n>(
        &mut self,
        node: &'n Node<'n>,
        at: Range<usize>,
        shape: &Shape,
    ) -> Option<Fields<'n>> {
        let (what, what_zh) = (shape.what, shape.zh);
        let Value::Map(map) = &node.value else {
            let found = match node.value {
                Value::Null if what == "issue" => msg!("an empty file", "空文件"),
                _ => kind(node),
            };
            let (found, found_zh) = (found.en, found.zh);
            self.report(
                Code::E002,
                node.span.clone(),
                msg!(
                    "expected a mapping (`key: value` lines) for the {what}, found {found}",
                    "{what_zh}应由若干“字段: 值”行组成，实际为{found_zh}"
                ),
            );
            return None;
        };
        let mut entries = Vec::with_capacity(map.len());
        let mut unknown = false;
        // Keys a mistyped key was taken for: not reported missing as well.
        let mut suggested: Vec<&str> = Vec::new();
        for (k, v) in map {
            let Value::Str(name) = &k.value else {
                let Msg { en: kn, zh: kz } = kind(k);
                self.report_maybe_help(
                    Code::E002,
                    k.span.clone(),
                    msg!(
                        "expected a key name in the {what}, found {kn}",
                        "{what_zh}中应为字段名，实际为{kz}"
                    ),
                    slips::split_number_help(self.source, k.span.clone()),
                );
                continue;
            };
            if shape.allows(name) {
                entries.push((name.as_ref(), k, v));
            } else if let Some((key, value)) = name.split_once('：')
                && let Some(key) = shape.names().into_iter().find(|n| *n == key.trim_end())
            {
                // `{ name：受理 }` parses as the key `name：受理` without a value.
                unknown = true;
                suggested.push(key);
                let value = value.trim_start();
                let at = k.span.start + name.find('：').unwrap_or_default();
                self.report_with_help(
                    Code::E001,
                    at..at + '：'.len_utf8(),
                    msg!(
                        "a full-width colon `：` after the key `{key}`",
                        "字段 `{key}` 后面用了全角冒号“：”"
                    ),
                    msg!(
                        "type a half-width colon and a space: `{key}: {value}`",
                        "请改用半角冒号加空格：`{key}: {value}`"
                    ),
                );
                let with = if name[at - k.span.start + '：'.len_utf8()..].starts_with(' ') {
                    ":"
                } else {
                    ": "
                };
                self.offer(Fix::offered(at..at + '：'.len_utf8(), with), &k.span, name);
            } else {
                unknown = true;
                let shown = excerpt(name);
                let keys = shape.names();
                let list = keys.join(", ");
                let suggestion = suggest(name, &keys);
                let help = match suggestion {
                    Some(s) => {
                        suggested.push(s);
                        msg!("did you mean `{s}`?", "是不是 `{s}`？")
                    }
                    None => msg!(
                        "the {what} has the keys: {list}",
                        "{what_zh}可用的字段：{list}"
                    ),
                };
                self.report_with_help(
                    Code::E003,
                    k.span.clone(),
                    msg!(
                        "unknown key `{shown}` in the {what}",
                        "{what_zh}中没有 `{shown}` 这个字段"
                    ),
                    help,
                );
                if let Some(s) = suggestion {
                    self.offer(Fix::offered(k.span.clone(), s), &k.span, name);
                }
            }
        }
        let missing: Vec<String> = shape
            .required()
            .filter(|key| !entries.iter().any(|(k, _, _)| k == key) && !suggested.contains(key))
            .map(|key| format!("`{key}`"))
            .collect();
        if !missing.is_empty() {
            self.report(Code::E004, at.clone(), {
                let missing = missing.join(", ");
                msg!("missing {missing} in the {what}", "{what_zh}缺少 {missing}")
            });
        }
        Some(Fields {
            entries,
            what_zh,
            unknown,
            what,
        })
    }

    pub(super) fn list<'n>(&mut self, node: &'n Node<'n>, what: &str) -> Option<&'n [Node<'n>]> {
        match &node.value {
            Value::Seq(items) => Some(items),
            // A key left blank (`items:`) is an empty list, as in a draft still being written.
            Value::Null => Some(&[]),
            _ => {
                self.report(Code::E002, node.span.clone(), {
                    let Msg { en: kn, zh: kz } = kind(node);
                    msg!(
                        "expected a list (lines starting with `- `) of {what}, found {kn}",
                        "`{what}` 应为列表（每行以 `- ` 开头），实际为{kz}"
                    )
                });
                None
            }
        }
    }

    pub(super) fn non_empty_list<'n>(
        &mut self,
        f: &Fields<'n>,
        key: &str,
        what: &str,
    ) -> Option<&'n [Node<'n>]> {
        let node = f.get(key)?;
        let items = self.list(node, what)?;
        if items.is_empty() {
            self.report(
                Code::E011,
                node.span.clone(),
                msg!(
                    "`{key}` lists no {what}",
                    "`{key}` 下一项也没有：请至少填写一项"
                ),
            );
            return None;
        }
        Some(items)
    }

    /// A text value. A plain scalar that YAML would type as a number or a truth value
    /// (`title: 010`, `name: 110`, `true`) is text here, as typed: the key says it is text.
    pub(super) fn text_of(&mut self, node: &Node, key: &str) -> Option<Text> {
        self.text_in(node, key, false)
    }

    /// The text of a paragraph, or of a part of one: a comment on its line cuts it whatever
    /// the comment says.
    pub(super) fn paragraph_of(&mut self, node: &Node, key: &str) -> Option<Text> {
        self.text_in(node, key, true)
    }

    pub(super) fn paragraph(&mut self, f: &Fields, key: &str) -> Option<Text> {
        let node = f.get(key)?;
        self.paragraph_of(node, key)
    }

    fn text_in(&mut self, node: &Node, key: &str, paragraph: bool) -> Option<Text> {
        if self.cut_by_comment(node, paragraph) {
            return None;
        }
        let typed;
        let value = match &node.value {
            Value::Int(_) | Value::Float(_) | Value::Bool(_) => {
                typed = Value::Str(self.source.get(node.span.clone())?.into());
                &typed
            }
            value => value,
        };
        match value {
            Value::Str(s) if s.trim().is_empty() => {
                self.report(
                    Code::E011,
                    node.span.clone(),
                    msg!("`{key}` is empty: fill it in", "`{key}` 的内容为空：请填写"),
                );
                None
            }
            Value::Str(s) => {
                let text = Sp {
                    value: s.to_string(),
                    span: node.span.clone(),
                };
                if let Some(word) = self.stand_ins.then(|| stand_in(s)).flatten() {
                    self.report_with_help(
                        Code::E035,
                        node.span.clone(),
                        msg!(
                            "`{word}` is a stand-in that `weekly new` left in the draft: it is not to be printed",
                            "“{word}”是 `weekly new` 在草稿中留下的占位文字，不能印出"
                        ),
                        msg!(
                            "write this week's facts in its place",
                            "请改为本周的实际内容"
                        ),
                    );
                    return None;
                }
                if self.lints == Lints::On {
                    let start = self.lint_start(&text);
                    let lints = lint::text(s);
                    self.diags.reserve(lints.len());
                    // A mistake repeated through a text (a thousand `...`) draws a thousand
                    // findings of one message: they share it rather than hold a copy each.
                    let mut shared: HashMap<Msg, Arc<Msg>> = HashMap::new();
                    let mut share = |m: Msg| match shared.get(&m) {
                        Some(one) => one.clone(),
                        None => shared
                            .entry(m.clone())
                            .or_insert_with(|| Arc::new(m))
                            .clone(),
                    };
                    for l in lints {
                        let span = lint_span(&text, start, &l);
                        let (message, help) = (share(l.message), share(l.help));
                        let found = Diagnostic::new(l.code, span.clone(), message).with_help(help);
                        // A fix is exact only where the text is the source as typed.
                        self.diags.push(match (l.fix, start) {
                            (Some((with, safe)), Some(_)) => {
                                found.with_fix(Fix { span, with, safe })
                            }
                            _ => found,
                        });
                    }
                }
                Some(text)
            }
            Value::Null => {
                self.report(
                    Code::E011,
                    node.span.clone(),
                    msg!(
                        "`{key}` is blank: fill it in",
                        "`{key}` 还没有填写：请补上内容"
                    ),
                );
                None
            }
            _ => {
                let Msg { en: kn, zh: kz } = kind(node);
                self.report(
                    Code::E002,
                    node.span.clone(),
                    msg!(
                        "expected text for `{key}`, found {kn}",
                        "`{key}` 应为文字，实际为{kz}"
                    ),
                );
                None
            }
        }
    }

    /// Reports text that a comment on its line cut short (E034): a comment that begins right
    /// after its `#` (`#话题#`) in any text, any comment after a paragraph's text.
    fn cut_by_comment(&mut self, node: &Node, paragraph: bool) -> bool {
        let Some(comment) = comment_after(self.source, node.span.clone()) else {
            return false;
        };
        let said = &self.source[comment.clone()];
        let topic = said.len() > 1 && !said[1..].starts_with(char::is_whitespace);
        if !(topic || paragraph && !node.span.is_empty()) {
            return false;
        }
        let said = excerpt(said);
        self.report_with_help(
            Code::E034,
            comment,
            msg!(
                "the text stops before `{said}`: after a space, `#` begins a YAML comment, which is not printed",
                "文字在“#”前被截断：空格后的“#”在 YAML 中表示注释，“{said}”不会印出"
            ),
            msg!(
                "put the whole text in quotes ('…') so that the `#` is part of it; a note of your own goes on a line of its own",
                "请给整段文字加上引号（'……'），使“#”成为文字的一部分；如是备注，请单独写在上一行"
            ),
        );
        true
    }

    /// Reports a lint at its characters when the text stands in the source as typed (plain
    /// or simply quoted), else at the whole value.
    pub(super) fn lint(&mut self, text: &Text, l: Lint) {
        let start = self.lint_start(text);
        self.lint_at(text, start, l);
    }

    /// Where the text starts in the source when it stands there as typed. Found once for all
    /// the lints of a text: comparing the text with the source for each would take time in
    /// the square of its length.
    fn lint_start(&self, text: &Text) -> Option<usize> {
        let raw = self.source.get(text.span.clone()).unwrap_or_default();
        let quoted = raw.len() >= 2
            && (raw.starts_with('"') || raw.starts_with('\''))
            && raw.get(1..raw.len() - 1) == Some(text.value.as_str());
        if raw == text.value {
            Some(text.span.start)
        } else if quoted {
            Some(text.span.start + 1)
        } else {
            None
        }
    }

    fn lint_at(&mut self, text: &Text, start: Option<usize>, l: Lint) {
        let span = lint_span(text, start, &l);
        let found = Diagnostic::new(l.code, span.clone(), l.message).with_help(l.help);
        // A fix is exact only where the text is the source as typed.
        self.diags.push(match (l.fix, start) {
            (Some((with, safe)), Some(_)) => found.with_fix(Fix { span, with, safe }),
            _ => found,
        });
    }

    /// A title or the first words of a paragraph: numbering is weekly's job.
    pub(super) fn check_start(&mut self, text: Option<&Text>) {
        if let Some(t) = text
            && let Some(l) = lint::typed_numbering(&t.value)
        {
            self.lint(t, l);
        }
    }

    /// The last words of a paragraph: it ends with terminal punctuation.
    pub(super) fn check_end(&mut self, text: Option<&Text>) {
        if let Some(t) = text
            && let Some(l) = lint::paragraph_end(&t.value)
        {
            self.lint(t, l);
        }
    }

    pub(super) fn text(&mut self, f: &Fields, key: &str) -> Option<Text> {
        let node = f.get(key)?;
        self.text_of(node, key)
    }

    pub(super) fn optional_text(&mut self, f: &Fields, key: &str) -> Option<Option<Text>> {
        match f.get(key) {
            None => Some(None),
            Some(node) => self.text_of(node, key).map(Some),
        }
    }

    /// Checks every entry of a list, so that each broken entry is reported.
    pub(super) fn each<T>(
        &mut self,
        node: &Node,
        what: &str,
        one: fn(&mut Self, &Node) -> Option<T>,
    ) -> Option<Vec<T>> {
        complete(self.each_partial(node, what, one)?)
    }

    /// Every entry of a list checked, `None` for the broken ones: lists are checked as a
    /// whole (for repeats) even when an entry is broken.
    pub(super) fn each_partial<T>(
        &mut self,
        node: &Node,
        what: &str,
        one: fn(&mut Self, &Node) -> Option<T>,
    ) -> Option<Vec<Option<T>>> {
        let items = self.list(node, what)?;
        Some(items.iter().map(|n| one(self, n)).collect())
    }

    /// Reports each text that repeats an earlier one in the same list, at the repeat.
    pub(super) fn no_repeats<'t>(
        &mut self,
        texts: impl Iterator<Item = &'t Text>,
        finding: impl Fn(&str) -> (Code, Msg),
    ) {
        let mut seen: HashSet<&str> = HashSet::new();
        for t in texts {
            let value = t.value.trim();
            if !seen.insert(value) {
                let (code, message) = finding(&excerpt(value));
                self.report_with_help(
                    code,
                    t.span.clone(),
                    message,
                    msg!("merge the two entries into one", "把两条合并为一条"),
                );
            }
        }
    }
}

/// All entries, when none is broken.
/// Where a lint of `text` stands in the source: at its characters when the text stands there
/// as typed (from `start`), else over the whole value.
/// Whether `source` holds a stand-in word, or an escape that could make one in a quoted text.
fn may_hold_a_stand_in(source: &str) -> bool {
    source.contains('\\') || STAND_IN_WORDS.iter().any(|w| source.contains(w))
}

fn lint_span(text: &Text, start: Option<usize>, l: &Lint) -> Range<usize> {
    match start {
        Some(start) => start + l.range.start..start + l.range.end,
        None => text.span.clone(),
    }
}

pub(super) fn complete<T>(entries: Vec<Option<T>>) -> Option<Vec<T>> {
    entries.into_iter().collect()
}

/// How a value is described in messages.
pub(super) fn kind(node: &Node) -> Msg {
    match &node.value {
        Value::Null => msg!("nothing", "空白（未填写）"),
        Value::Bool(b) => msg!("`{b}`", "`{b}`"),
        Value::Int(n) => msg!("the number {n}", "数字 {n}"),
        Value::Float(x) => msg!("the number {x}", "数字 {x}"),
        Value::Str(s) => {
            let s = excerpt(s);
            msg!("the text `{s}`", "文字 `{s}`")
        }
        Value::Seq(_) => msg!("a list", "列表"),
        Value::Map(_) => msg!("a mapping", "一组字段"),
    }
}

/// `2023-02-30`-shaped text: a date that was meant, but does not exist.
pub(super) fn looks_like_iso_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == 3
        && parts[0].len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// The allowed key closest to a mistyped one, if it is close enough to be what was meant.
pub(super) fn suggest<'a>(typed: &str, allowed: &[&'a str]) -> Option<&'a str> {
    let length = typed.chars().count();
    allowed
        .iter()
        // The distance is at least the difference in length: a key far longer than any the
        // shape has is not measured (the measure takes time and memory in the product of
        // the lengths).
        .filter(|k| length.abs_diff(k.chars().count()) <= 2.max(k.len() / 3))
        .map(|k| (strsim::damerau_levenshtein(typed, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}
