//! Node tree → typed `Issue`, reporting every structural and semantic problem in one pass.

use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use crate::diag::{self, Diagnostic, Msg};
use crate::format::{
    CONTENT_KEYS, COUNTER, DEPT_ENTRY, DIRECTIVE, FOOTER, ITEM, LINT, MASTHEAD, PERIOD, PERSON,
    PROGRESS, ROOT, SECTION, SUBSECTION, Shape, VISIT,
};
use crate::issue::{
    Body, Content, Counter, DeptEntry, Directive, Footer, Issue, Item, Masthead, Person, Progress,
    Sp, Subsection, Text, Visit, Visits,
};
use crate::lint::{self, Lint};
use crate::msg;
use crate::series::Previous;
use crate::yaml::{Node, Value};

/// The result of checking one file: the issue when it has no errors, and every finding.
#[derive(Debug)]
pub struct Report {
    pub issue: Option<Issue>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Checks a parsed file and builds the issue it describes. Findings come in file order.
/// What is known of the issue before the one being checked.
#[derive(Debug, Clone, Copy)]
pub enum Link<'a> {
    /// The issue names no `previous`.
    None,
    /// The previous issue, read and checked: this issue must follow on from it, and
    /// year-to-date figures left out are computed from it.
    Checked(&'a Previous),
    /// The previous issue, used only to compute the year-to-date figures left out (when this
    /// issue is itself read as the previous issue of another).
    Figures(&'a Previous),
    /// The previous issue is not used: it could not be read (which is reported at the link),
    /// or its figures are not needed.
    Skipped,
}

pub fn validate(root: &Node, source: &str, link: Link) -> Report {
    check(root, source, link, true)
}

/// Checks a file read as the previous issue of another: only its errors matter, so the
/// typography lints are skipped.
pub fn validate_as_previous(root: &Node, source: &str, link: Link) -> Report {
    check(root, source, link, false)
}

fn check(root: &Node, source: &str, link: Link, lints: bool) -> Report {
    let mut c = Checker {
        source,
        link,
        lints,
        diags: Vec::new(),
        dates: None,
        allowed: Vec::new(),
    };
    let issue = c.issue(root);
    let allowed = c.allowed;
    let mut diagnostics = c.diags;
    diagnostics.retain(|d| d.is_error() || !allowed.contains(&d.code));
    diagnostics.sort_by_key(|d| d.span.start);
    let issue = issue.filter(|_| !diagnostics.iter().any(Diagnostic::is_error));
    Report { issue, diagnostics }
}

/// The `previous` link of a file, as written, with its span: read before the file is
/// checked, so that the previous issue can be loaded first.
pub fn previous_link(root: &Node) -> Option<(String, Range<usize>)> {
    let Value::Map(entries) = &root.value else {
        return None;
    };
    entries
        .iter()
        .find_map(|(k, v)| match (&k.value, &v.value) {
            (Value::Str(key), Value::Str(path)) if key == "previous" && !path.trim().is_empty() => {
                Some((path.to_string(), v.span.clone()))
            }
            _ => None,
        })
}

/// Whether checking the file needs its previous issue's figures: some counter leaves out its
/// year-to-date figure, and the issue is not the first of its year.
pub fn needs_previous(root: &Node) -> bool {
    fn get<'n>(node: &'n Node<'n>, key: &str) -> Option<&'n Node<'n>> {
        match &node.value {
            Value::Map(entries) => entries
                .iter()
                .find_map(|(k, v)| matches!(&k.value, Value::Str(s) if s == key).then_some(v)),
            _ => None,
        }
    }
    fn omits_year_to_date(node: &Node) -> bool {
        match &node.value {
            Value::Seq(items) => items.iter().any(omits_year_to_date),
            Value::Map(_) => {
                get(node, "counters").is_some_and(|c| match &c.value {
                    Value::Seq(cs) => cs.iter().any(|c| get(c, "year_to_date").is_none()),
                    _ => false,
                }) || ["sections", "subsections"]
                    .iter()
                    .any(|k| get(node, k).is_some_and(omits_year_to_date))
            }
            _ => false,
        }
    }
    let first_of_year = get(root, "masthead")
        .and_then(|m| get(m, "number"))
        .is_some_and(|n| n.value == Value::Int(1));
    !first_of_year && omits_year_to_date(root)
}

/// The known entries of one mapping, and where to point when one is missing.
struct Fields<'n> {
    entries: Vec<(&'n str, &'n Node<'n>, &'n Node<'n>)>,
    what_zh: &'static str,
    /// Whether the mapping had keys the shape does not know.
    unknown: bool,
    what: &'static str,
}

impl<'n> Fields<'n> {
    fn get(&self, key: &str) -> Option<&'n Node<'n>> {
        self.entries
            .iter()
            .find(|(k, _, _)| *k == key)
            .map(|(_, _, v)| *v)
    }

    fn key_span(&self, key: &str) -> Option<Range<usize>> {
        self.entries
            .iter()
            .find(|(k, _, _)| *k == key)
            .map(|(_, k, _)| k.span.clone())
    }
}

struct Checker<'s> {
    source: &'s str,
    link: Link<'s>,
    /// Whether typography lints run.
    lints: bool,
    diags: Vec<Diagnostic>,
    /// The masthead's dates, once read: directives are checked against them.
    dates: Option<IssueDates>,
    /// Warnings switched off by the file's `lint: { allow: [...] }`.
    allowed: Vec<&'static str>,
}

#[derive(Clone, Copy)]
struct IssueDates {
    year: i32,
    start: NaiveDate,
    published: NaiveDate,
}

impl<'s> Checker<'s> {
    fn warning(&mut self, code: &'static str, span: Range<usize>, message: Msg, help: Msg) {
        self.diags
            .push(Diagnostic::warning(code, span, message).with_help(help));
    }

    fn error(&mut self, code: &'static str, span: Range<usize>, message: Msg) {
        self.diags.push(Diagnostic::error(code, span, message));
    }

    fn error_with_help(&mut self, code: &'static str, span: Range<usize>, message: Msg, help: Msg) {
        self.diags
            .push(Diagnostic::error(code, span, message).with_help(help));
    }

    // ---- shapes -------------------------------------------------------------------------

    /// The entries of a mapping of the given shape. Unknown keys are reported one by one,
    /// missing ones together in one finding at `at`.
    fn fields<'n>(
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
            self.error(
                "E002",
                node.span.clone(),
                msg!(
                    "expected a mapping (`key: value` lines) for the {what}, found {found}",
                    "{what_zh}应为映射（`键: 值` 各行），实际为{found_zh}"
                ),
            );
            return None;
        };
        let mut entries = Vec::with_capacity(map.len());
        let mut unknown = false;
        for (k, v) in map {
            let Value::Str(name) = &k.value else {
                self.error("E002", k.span.clone(), {
                    let Msg { en: kn, zh: kz } = kind(k);
                    msg!(
                        "expected a key name in the {what}, found {kn}",
                        "{what_zh}中应为键名，实际为{kz}"
                    )
                });
                continue;
            };
            if shape.allows(name) {
                entries.push((name.as_ref(), k, v));
            } else {
                unknown = true;
                let keys = shape.names();
                let list = keys.join(", ");
                let help = match suggest(name, &keys) {
                    Some(s) => msg!("did you mean `{s}`?", "是不是 `{s}`？"),
                    None => msg!(
                        "the {what} has the keys: {list}",
                        "{what_zh}可用的键：{list}"
                    ),
                };
                self.error_with_help(
                    "E003",
                    k.span.clone(),
                    msg!(
                        "unknown key `{name}` in the {what}",
                        "{what_zh}中没有 `{name}` 这个键"
                    ),
                    help,
                );
            }
        }
        let missing: Vec<String> = shape
            .required()
            .filter(|key| !entries.iter().any(|(k, _, _)| k == key))
            .map(|key| format!("`{key}`"))
            .collect();
        if !missing.is_empty() {
            self.error("E004", at.clone(), {
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

    fn list<'n>(&mut self, node: &'n Node<'n>, what: &str) -> Option<&'n [Node<'n>]> {
        match &node.value {
            Value::Seq(items) => Some(items),
            // A key left blank (`items:`) is an empty list, as in a draft still being written.
            Value::Null => Some(&[]),
            _ => {
                self.error("E002", node.span.clone(), {
                    let Msg { en: kn, zh: kz } = kind(node);
                    msg!(
                        "expected a list (lines starting with `- `) of {what}, found {kn}",
                        "{what}应为列表（以 `- ` 开头的各行），实际为{kz}"
                    )
                });
                None
            }
        }
    }

    fn non_empty_list<'n>(
        &mut self,
        f: &Fields<'n>,
        key: &str,
        what: &str,
    ) -> Option<&'n [Node<'n>]> {
        let node = f.get(key)?;
        let items = self.list(node, what)?;
        if items.is_empty() {
            self.error(
                "E011",
                node.span.clone(),
                msg!("`{key}` lists no {what}", "`{key}` 下没有任何{what}"),
            );
            return None;
        }
        Some(items)
    }

    // ---- scalars ------------------------------------------------------------------------

    fn text_of(&mut self, node: &Node, key: &str) -> Option<Text> {
        match &node.value {
            Value::Str(s) if s.trim().is_empty() => {
                self.error(
                    "E011",
                    node.span.clone(),
                    msg!("`{key}` is empty: fill it in", "`{key}` 为空：请填写"),
                );
                None
            }
            Value::Str(s) => {
                let text = Sp {
                    value: s.to_string(),
                    span: node.span.clone(),
                };
                if self.lints {
                    for l in lint::text(s) {
                        self.lint(&text, l);
                    }
                }
                Some(text)
            }
            Value::Null => {
                self.error(
                    "E011",
                    node.span.clone(),
                    msg!("`{key}` is blank: fill it in", "`{key}` 未填写：请填写"),
                );
                None
            }
            Value::Int(_) | Value::Float(_) | Value::Bool(_) => {
                self.error_with_help(
                    "E002",
                    node.span.clone(),
                    {
                        let Msg { en: kn, zh: kz } = kind(node);
                        msg!(
                            "expected text for `{key}`, found {kn}",
                            "`{key}` 应为文字，实际为{kz}"
                        )
                    },
                    msg!(
                        "put the value in quotes to use it as text",
                        "若要作为文字，请加引号"
                    ),
                );
                None
            }
            Value::Seq(_) | Value::Map(_) => {
                let Msg { en: kn, zh: kz } = kind(node);
                self.error(
                    "E002",
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

    /// Reports a lint at its characters when the text stands in the source as typed (plain
    /// or simply quoted), else at the whole value.
    fn lint(&mut self, text: &Text, l: Lint) {
        let raw = self.source.get(text.span.clone()).unwrap_or_default();
        let quoted = raw.len() >= 2
            && (raw.starts_with('"') || raw.starts_with('\''))
            && raw.get(1..raw.len() - 1) == Some(text.value.as_str());
        let span = if raw == text.value {
            text.span.start + l.range.start..text.span.start + l.range.end
        } else if quoted {
            text.span.start + 1 + l.range.start..text.span.start + 1 + l.range.end
        } else {
            text.span.clone()
        };
        self.warning(l.code, span, l.message, l.help);
    }

    /// A title or the first words of a paragraph: numbering is weekly's job.
    fn check_start(&mut self, text: Option<&Text>) {
        if let Some(t) = text
            && let Some(l) = lint::typed_numbering(&t.value)
        {
            self.lint(t, l);
        }
    }

    /// The last words of a paragraph: it ends with terminal punctuation.
    fn check_end(&mut self, text: Option<&Text>) {
        if let Some(t) = text
            && let Some(l) = lint::paragraph_end(&t.value)
        {
            self.lint(t, l);
        }
    }

    fn text(&mut self, f: &Fields, key: &str) -> Option<Text> {
        let node = f.get(key)?;
        self.text_of(node, key)
    }

    fn optional_text(&mut self, f: &Fields, key: &str) -> Option<Option<Text>> {
        match f.get(key) {
            None => Some(None),
            Some(node) => self.text_of(node, key).map(Some),
        }
    }

    fn count(&mut self, f: &Fields, key: &str) -> Option<Sp<u64>> {
        let node = f.get(key)?;
        let span = node.span.clone();
        match &node.value {
            Value::Int(n) => match u64::try_from(*n) {
                Ok(value) => Some(Sp { value, span }),
                Err(_) => {
                    self.error(
                        "E013",
                        span,
                        msg!(
                            "`{key}` must be a whole number from 0 up, found {n}",
                            "`{key}` 应为 0 或正整数，实际为 {n}"
                        ),
                    );
                    None
                }
            },
            Value::Null => {
                self.error(
                    "E011",
                    span,
                    msg!(
                        "`{key}` is blank: fill in the figure",
                        "`{key}` 未填写：请填写数字"
                    ),
                );
                None
            }
            Value::Str(s) if s.trim().parse::<f64>().is_ok() => {
                self.error_with_help(
                    "E002",
                    span,
                    msg!(
                        "expected a number for `{key}`, found the text `{s}`",
                        "`{key}` 应为数字，实际为文字 `{s}`"
                    ),
                    msg!("remove the quotes around the number", "去掉数字两边的引号"),
                );
                None
            }
            Value::Float(x) if x.abs() >= u64::MAX as f64 => {
                self.error("E013", span, msg!("`{key}` is too large", "`{key}` 过大"));
                None
            }
            Value::Float(_) => {
                let raw = self.source.get(span.clone()).unwrap_or_default().to_owned();
                self.error(
                    "E002",
                    span,
                    msg!(
                        "expected a whole number for `{key}`, found `{raw}`",
                        "`{key}` 应为整数，实际为 `{raw}`"
                    ),
                );
                None
            }
            _ => {
                let Msg { en: kn, zh: kz } = kind(node);
                self.error(
                    "E002",
                    span,
                    msg!(
                        "expected a number for `{key}`, found {kn}",
                        "`{key}` 应为数字，实际为{kz}"
                    ),
                );
                None
            }
        }
    }

    fn positive(&mut self, f: &Fields, key: &str) -> Option<Sp<u64>> {
        let n = self.count(f, key)?;
        if n.value == 0 {
            self.error(
                "E013",
                n.span.clone(),
                msg!("`{key}` must be at least 1", "`{key}` 至少为 1"),
            );
            return None;
        }
        Some(n)
    }

    fn date(&mut self, f: &Fields, key: &str) -> Option<Sp<NaiveDate>> {
        let node = f.get(key)?;
        let span = node.span.clone();
        let Value::Str(s) = &node.value else {
            self.error_with_help(
                "E002",
                span,
                {
                    let Msg { en: kn, zh: kz } = kind(node);
                    msg!(
                        "expected a date for `{key}`, found {kn}",
                        "`{key}` 应为日期，实际为{kz}"
                    )
                },
                msg!(
                    "write dates as YYYY-MM-DD, e.g. 2023-10-20",
                    "日期写作 YYYY-MM-DD，如 2023-10-20"
                ),
            );
            return None;
        };
        match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            Ok(value) => Some(Sp { value, span }),
            Err(_) if looks_like_iso_date(s) => {
                self.error(
                    "E006",
                    span,
                    msg!(
                        "`{s}` is not a date: there is no such day",
                        "`{s}` 不是有效日期：没有这一天"
                    ),
                );
                None
            }
            Err(_) => {
                self.error_with_help(
                    "E006",
                    span,
                    msg!(
                        "expected a date for `{key}`, found `{s}`",
                        "`{key}` 应为日期，实际为 `{s}`"
                    ),
                    msg!(
                        "write dates as YYYY-MM-DD, e.g. 2023-10-20",
                        "日期写作 YYYY-MM-DD，如 2023-10-20"
                    ),
                );
                None
            }
        }
    }

    // ---- the issue ----------------------------------------------------------------------

    fn issue(&mut self, root: &Node) -> Option<Issue> {
        let f = self.fields(root, 0..0, &ROOT)?;
        if let Some(node) = f.get("lint") {
            self.lint_settings(node, &f);
        }
        let previous = self.optional_text(&f, "previous");
        let masthead = f.get("masthead").and_then(|n| self.masthead(n, &f));
        let sections = f.get("sections").and_then(|n| self.sections(n));
        let footer = f.get("footer").and_then(|n| self.footer(n, &f));
        Some(Issue {
            previous: previous?,
            masthead: masthead?,
            sections: sections?,
            footer: footer?,
        })
    }

    /// `lint: { allow: [W012, …] }`: warnings this file does not want.
    fn lint_settings(&mut self, node: &Node, parent: &Fields) {
        let Some(span) = parent.key_span("lint") else {
            return;
        };
        let Some(f) = self.fields(node, span, &LINT) else {
            return;
        };
        let Some(codes) = f.get("allow").and_then(|n| self.list(n, "warning codes")) else {
            return;
        };
        let warnings: Vec<&'static str> = diag::CODES
            .iter()
            .map(|(code, _)| *code)
            .filter(|code| code.starts_with('W'))
            .collect();
        for code in codes {
            let Value::Str(typed) = &code.value else {
                self.error("E002", code.span.clone(), {
                    let Msg { en: kn, zh: kz } = kind(code);
                    msg!(
                        "expected a warning code such as `W012`, found {kn}",
                        "应为提示代码（如 `W012`），实际为{kz}"
                    )
                });
                continue;
            };
            match warnings.iter().find(|w| **w == typed.as_ref()) {
                Some(w) => self.allowed.push(w),
                None => {
                    let help = match suggest(typed, &warnings) {
                        Some(w) => msg!("did you mean `{w}`?", "是不是 `{w}`？"),
                        None => msg!(
                            "only warnings (W001, W010, …) can be allowed; the README lists them",
                            "只有提示（W001、W010 等）可以关闭；README 中有完整列表"
                        ),
                    };
                    self.error_with_help(
                        "E021",
                        code.span.clone(),
                        msg!("`{typed}` is not a warning code", "`{typed}` 不是提示代码"),
                        help,
                    );
                }
            }
        }
    }

    fn masthead(&mut self, node: &Node, parent: &Fields) -> Option<Masthead> {
        let f = self.fields(node, parent.key_span("masthead")?, &MASTHEAD)?;
        let title = self.text(&f, "title");
        let year = self.count(&f, "year").and_then(|y| self.year(y));
        let number = self.positive(&f, "number");
        let total = self.positive(&f, "total");
        let period = f.get("period").and_then(|n| self.period(n, &f));
        let publisher = self.text(&f, "publisher");
        let published = self.date(&f, "published");
        let (start, end) = period?;
        let days = (end.value - start.value).num_days() + 1;
        if days != 7 {
            self.warning(
                "W001",
                end.span.clone(),
                msg!(
                    "the period is {days} days long, not a week",
                    "周期为 {days} 天，不是一周"
                ),
                msg!(
                    "a weekly issue covers seven days, e.g. Saturday to Friday",
                    "周报覆盖七天，如周六至下周五"
                ),
            );
        }
        if let (Some(number), Some(total)) = (&number, &total)
            && total.value < number.value
        {
            self.error(
                "E018",
                total.span.clone(),
                msg!(
                    "the running total {} is below this year's issue number {}",
                    "总期号 {} 小于当年期号 {}",
                    total.value,
                    number.value
                ),
            );
        }
        if let Some(published) = &published
            && published.value > end.value + chrono::Days::new(14)
        {
            self.warning(
                "W002",
                published.span.clone(),
                msg!(
                    "published on {}, more than two weeks after the period ends on {}",
                    "印发日期 {} 晚于周期结束日 {} 两周以上",
                    published.value,
                    end.value
                ),
                msg!(
                    "check the publication date and the period",
                    "请核对印发日期和周期"
                ),
            );
        }
        if let Link::Checked(prev) = self.link {
            self.continuity(prev, year.as_ref(), number.as_ref(), total.as_ref(), &start);
        }
        if let (Some(year), Some(published)) = (&year, &published) {
            self.dates = Some(IssueDates {
                year: year.value,
                start: start.value,
                published: published.value,
            });
        }
        if let Some(published) = &published
            && published.value < end.value
        {
            self.error_with_help(
                "E008",
                published.span.clone(),
                msg!(
                    "published on {} before the period ends on {}",
                    "印发日期 {} 早于周期结束日 {}",
                    published.value,
                    end.value
                ),
                msg!(
                    "the bulletin reports on a week that is over; check both dates",
                    "周报报道的是已结束的一周；请核对两个日期"
                ),
            );
        }
        Some(Masthead {
            title: title?,
            year: year?,
            number: number?,
            total: total?,
            start,
            end,
            publisher: publisher?,
            published: published?,
        })
    }

    /// The masthead against the previous issue's: numbers run on, the week follows on.
    fn continuity(
        &mut self,
        prev: &Previous,
        year: Option<&Sp<i32>>,
        number: Option<&Sp<u64>>,
        total: Option<&Sp<u64>>,
        start: &Sp<NaiveDate>,
    ) {
        if let (Some(year), Some(number)) = (year, number) {
            let expected = prev.next_number(year.value);
            if number.value != expected {
                let rule = if expected == 1 {
                    msg!(
                        "1: the first issue of {} is 第 1 期",
                        "1：{} 年的第一期是第 1 期",
                        year.value
                    )
                } else {
                    msg!("{} + 1 = {expected}", "{} + 1 = {expected}", prev.number)
                };
                let (rule, rule_zh) = (rule.en, rule.zh);
                self.error_with_help(
                    "E022",
                    number.span.clone(),
                    msg!(
                        "issue number {} ≠ {rule}",
                        "期号 {} ≠ {rule_zh}",
                        number.value
                    ),
                    msg!(
                        "the number goes up by one each week and starts again at 1 in a new year",
                        "期号每周加一，新的一年从 1 开始"
                    ),
                );
            }
        }
        if let Some(total) = total
            && total.value != prev.total + 1
        {
            self.error(
                "E023",
                total.span.clone(),
                msg!(
                    "running total {} ≠ {} + 1 = {}",
                    "总期号 {} ≠ {} + 1 = {}",
                    total.value,
                    prev.total,
                    prev.total + 1
                ),
            );
        }
        let next_day = prev.end + chrono::Days::new(1);
        if start.value != next_day {
            let days = (start.value - next_day).num_days();
            let off = if days > 0 {
                msg!("{days} days late", "晚了 {days} 天")
            } else {
                msg!("{} days early", "早了 {} 天", -days)
            };
            let (off, off_zh) = (off.en, off.zh);
            self.error_with_help(
                "E024",
                start.span.clone(),
                msg!(
                    "the period starts on {}, not on {next_day}, the day after the previous period ends ({off})",
                    "周期始于 {}，而不是上一期结束后的第二天 {next_day}（{off_zh}）",
                    start.value
                ),
                msg!("each week starts the day after the last one ended", "每周从上一周结束后的第二天开始"),
            );
        }
    }

    fn year(&mut self, y: Sp<u64>) -> Option<Sp<i32>> {
        match i32::try_from(y.value) {
            Ok(value @ 1900..=9999) => Some(Sp {
                value,
                span: y.span,
            }),
            _ => {
                self.error(
                    "E013",
                    y.span,
                    msg!(
                        "`year` must be a four-digit year, found {}",
                        "`year` 应为四位年份，实际为 {}",
                        y.value
                    ),
                );
                None
            }
        }
    }

    fn period(&mut self, node: &Node, parent: &Fields) -> Option<(Sp<NaiveDate>, Sp<NaiveDate>)> {
        let f = self.fields(node, parent.key_span("period")?, &PERIOD)?;
        let start = self.date(&f, "start");
        let end = self.date(&f, "end");
        let (start, end) = (start?, end?);
        if end.value < start.value {
            self.error(
                "E007",
                end.span.clone(),
                msg!(
                    "the period ends on {} before it starts on {}",
                    "周期结束日 {} 早于开始日 {}",
                    end.value,
                    start.value
                ),
            );
            return None;
        }
        Some((start, end))
    }

    fn sections(&mut self, node: &Node) -> Option<Vec<crate::issue::Section>> {
        let items = self.list(node, "sections")?;
        let sections: Vec<_> = items.iter().map(|s| self.section(s)).collect();
        sections.into_iter().collect()
    }

    fn section(&mut self, node: &Node) -> Option<crate::issue::Section> {
        let f = self.fields(node, node.span.clone(), &SECTION)?;
        let title = self.text(&f, "title");
        self.check_start(title.as_ref());
        let body = match f.get("subsections") {
            Some(subs) => {
                if let Some((key, _)) = self.content_keys(&f).first() {
                    self.error_with_help(
                        "E012",
                        key.clone(),
                        msg!(
                            "a section with `subsections` cannot also hold content directly",
                            "含有 `subsections` 的部分不能再直接包含内容"
                        ),
                        msg!(
                            "move the content into a subsection of its own",
                            "把内容移到单独的小节中"
                        ),
                    );
                }
                self.subsections(subs).map(Body::Subsections)
            }
            None => self.content(&f).map(Body::Content),
        };
        if let (Some(title), Some(Body::Content(c))) = (&title, &body) {
            self.empty_content(title, c, &f);
        }
        Some(crate::issue::Section {
            title: title?,
            body: body?,
        })
    }

    fn subsections(&mut self, node: &Node) -> Option<Vec<Subsection>> {
        let items = self.list(node, "subsections")?;
        let subs: Vec<_> = items.iter().map(|n| self.subsection(n)).collect();
        subs.into_iter().collect()
    }

    fn subsection(&mut self, node: &Node) -> Option<Subsection> {
        let f = self.fields(node, node.span.clone(), &SUBSECTION)?;
        let title = self.text(&f, "title");
        self.check_start(title.as_ref());
        let content = self.content(&f);
        if let (Some(title), Some(c)) = (&title, &content) {
            self.empty_content(title, c, &f);
        }
        Some(Subsection {
            title: title?,
            content: content?,
        })
    }

    /// A section or subsection left empty, as `weekly new` leaves them: it is not printed.
    fn empty_content(&mut self, title: &Text, content: &Content, f: &Fields) {
        // With an unknown key beside it, the content is most likely under a mistyped name,
        // which is reported already.
        if !content.is_empty() || f.unknown {
            return;
        }
        let what = match self.content_keys(f).first() {
            Some((_, key)) => msg!("its `{key}`", "其 `{key}`"),
            None => msg!("its content", "其内容"),
        };
        let (what, what_zh) = (what.en, what.zh);
        self.warning(
            "W007",
            title.span.clone(),
            msg!(
                "`{}` has no content yet and is left out: fill in {what}",
                "“{}”尚无内容，将不印出：请填写{what_zh}",
                title.value
            ),
            msg!("or remove it from this issue", "或从本期中删去"),
        );
    }

    /// The content keys present, in file order, with the span of each key.
    fn content_keys<'n>(&self, f: &Fields<'n>) -> Vec<(Range<usize>, &'n str)> {
        f.entries
            .iter()
            .filter(|(k, _, _)| CONTENT_KEYS.contains(k))
            .map(|(k, key, _)| (key.span.clone(), *k))
            .collect()
    }

    fn content(&mut self, f: &Fields) -> Option<Content> {
        let keys = self.content_keys(f);
        if let [(_, first), rest @ ..] = keys.as_slice() {
            for (span, other) in rest {
                self.error_with_help(
                    "E012",
                    span.clone(),
                    {
                        let (what, what_zh) = (f.what, f.what_zh);
                        msg!(
                            "`{first}` and `{other}` in one {what}: it holds one kind of content",
                            "同一{what_zh}中有 `{first}` 和 `{other}`：只能有一种内容"
                        )
                    },
                    msg!("split them into subsections", "把它们分到不同小节"),
                );
            }
        }
        if let Some(span) = f.key_span("visit_purpose")
            && f.get("visits").is_none()
        {
            self.error("E012", span, {
                let (what, what_zh) = (f.what, f.what_zh);
                msg!(
                    "`visit_purpose` belongs with `visits`, which this {what} does not have",
                    "`visit_purpose` 须与 `visits` 同用，此{what_zh}没有 `visits`"
                )
            });
        }
        let Some((_, key)) = keys.first() else {
            return Some(Content::Nothing);
        };
        let node = f.get(key)?;
        if matches!(node.value, Value::Null) {
            return Some(Content::Nothing);
        }
        match *key {
            "directives" => self
                .each(node, "directives", Self::directive)
                .map(Content::Directives),
            "counters" => {
                let counters = self.each_partial(node, "counters", Self::counter)?;
                self.no_repeats(counters.iter().flatten().map(|c| &c.name), |name| {
                    (
                        "E020",
                        msg!("the counter `{name}` is listed twice", "统计项“{name}”重复"),
                    )
                });
                complete(counters).map(Content::Counters)
            }
            "items" => self.each(node, "items", Self::item).map(Content::Items),
            "progress" => self.progress(node, f).map(Content::Progress),
            _ => {
                let visits = self.each_partial(node, "visits", Self::visit);
                if let Some(visits) = &visits {
                    self.no_repeats(visits.iter().flatten().map(|v| &v.dept), |dept| {
                        (
                            "W004",
                            msg!(
                                "`{dept}` appears twice in the visits",
                                "“{dept}”在来访中出现两次"
                            ),
                        )
                    });
                }
                let visits = visits.and_then(complete);
                let purpose = self.optional_text(f, "visit_purpose");
                Some(Content::Visits(Visits {
                    visits: visits?,
                    purpose: purpose?,
                }))
            }
        }
    }

    /// Reports each text that repeats an earlier one in the same list, at the repeat.
    fn no_repeats<'t>(
        &mut self,
        texts: impl Iterator<Item = &'t Text>,
        finding: impl Fn(&str) -> (&'static str, Msg),
    ) {
        let mut seen: Vec<&str> = Vec::new();
        for t in texts {
            let value = t.value.trim();
            if seen.contains(&value) {
                let (code, message) = finding(value);
                let d = if code.starts_with('E') {
                    Diagnostic::error(code, t.span.clone(), message)
                } else {
                    Diagnostic::warning(code, t.span.clone(), message)
                };
                self.diags
                    .push(d.with_help(msg!("merge the two entries into one", "把两条合并为一条")));
            } else {
                seen.push(value);
            }
        }
    }

    /// Checks every entry of a list, so that each broken entry is reported.
    fn each<T>(
        &mut self,
        node: &Node,
        what: &str,
        one: fn(&mut Self, &Node) -> Option<T>,
    ) -> Option<Vec<T>> {
        complete(self.each_partial(node, what, one)?)
    }

    /// Every entry of a list checked, `None` for the broken ones: lists are checked as a
    /// whole (for repeats) even when an entry is broken.
    fn each_partial<T>(
        &mut self,
        node: &Node,
        what: &str,
        one: fn(&mut Self, &Node) -> Option<T>,
    ) -> Option<Vec<Option<T>>> {
        let items = self.list(node, what)?;
        Some(items.iter().map(|n| one(self, n)).collect())
    }

    fn directive(&mut self, node: &Node) -> Option<Directive> {
        let f = self.fields(node, node.span.clone(), &DIRECTIVE)?;
        let date = self.date(&f, "date");
        let leader = self.text(&f, "leader");
        let source = self.text(&f, "source");
        let text = self.text(&f, "text");
        self.check_end(text.as_ref());
        if let (Some(date), Some(dates)) = (&date, self.dates) {
            let d = date.value;
            // A week that starts in December may report a directive from that December.
            let in_year = d.year() == dates.year || d.year() == dates.start.year();
            if !in_year || d > dates.published {
                let why = if d > dates.published {
                    msg!(
                        "after the issue is published on {}",
                        "晚于本期印发日期 {}",
                        dates.published
                    )
                } else {
                    msg!(
                        "outside {}, the year of the issue",
                        "不在本期所属的 {} 年",
                        dates.year
                    )
                };
                let (why, why_zh) = (why.en, why.zh);
                self.error(
                    "E019",
                    date.span.clone(),
                    msg!("the directive is dated {d}, {why}", "批示日期 {d} {why_zh}"),
                );
            }
        }
        Some(Directive {
            date: date?,
            leader: leader?,
            source: source?,
            text: text?,
        })
    }

    fn counter(&mut self, node: &Node) -> Option<Counter> {
        let f = self.fields(node, node.span.clone(), &COUNTER)?;
        let name = self.text(&f, "name");
        let unit = self.text(&f, "unit");
        let week = self.count(&f, "week");
        let written = match f.get("year_to_date") {
            Some(_) => Some(self.count(&f, "year_to_date")?),
            None => None,
        };
        let (name, week) = (name?, week?);
        let carried = self.carried_year_to_date(&name, &week, node);
        let year_to_date = written.clone().or_else(|| carried.clone())?;
        if let (Some(written), Some(carried), Link::Checked(_)) = (&written, &carried, self.link)
            && written.value != carried.value
        {
            self.warning(
                "W005",
                written.span.clone(),
                continuity_of_counter(written.value, carried.value, week.value),
                msg!(
                    "check this week's figure and the previous issue's year-to-date figure",
                    "请核对本周数和上一期的累计数"
                ),
            );
        }
        if year_to_date.value < week.value {
            self.error_with_help(
                "E009",
                year_to_date.span.clone(),
                msg!(
                    "year-to-date figure {} is below this week's figure {}",
                    "累计数 {} 小于本周数 {}",
                    year_to_date.value,
                    week.value
                ),
                msg!(
                    "the year-to-date figure includes this week",
                    "累计数包含本周"
                ),
            );
        }
        Some(Counter {
            name,
            unit: unit?,
            week,
            year_to_date,
        })
    }

    /// The year-to-date figure that follows from the previous issue. When the file leaves the
    /// figure out and it cannot be computed, says why.
    fn carried_year_to_date(
        &mut self,
        name: &Text,
        week: &Sp<u64>,
        counter: &Node,
    ) -> Option<Sp<u64>> {
        let year = self.dates.map(|d| d.year);
        let written = matches!(&counter.value, Value::Map(m) if m.iter().any(|(k, _)| k.value == Value::Str("year_to_date".into())));
        let span = counter.span.clone();
        match (self.link, year) {
            (Link::Checked(prev) | Link::Figures(prev), Some(year)) => {
                let value = prev.year_to_date(year, &name.value, week.value);
                if value.is_none() && !written {
                    self.error_with_help(
                        "E026",
                        name.span.clone(),
                        msg!(
                            "the previous issue has no counter `{}` to compute the year-to-date figure from",
                            "上一期没有统计项“{}”，无法推算累计数",
                            name.value
                        ),
                        msg!("write the figure as `year_to_date`, or check the name", "请填写 `year_to_date`，或核对名称"),
                    );
                }
                value.map(|value| Sp { value, span })
            }
            (Link::None, _) if !written => {
                self.error_with_help(
                    "E026",
                    name.span.clone(),
                    msg!(
                        "the year-to-date figure of `{}` is left out, and the issue names no `previous` issue to compute it from",
                        "“{}”未填累计数，而本期没有指明上一期（`previous`），无法推算",
                        name.value
                    ),
                    msg!(
                        "write the figure as `year_to_date`, or add `previous: <last week's file>`",
                        "请填写 `year_to_date`，或加上 `previous: <上一期文件>`"
                    ),
                );
                None
            }
            _ => None,
        }
    }

    fn progress(&mut self, node: &Node, parent: &Fields) -> Option<Progress> {
        let f = self.fields(node, parent.key_span("progress")?, &PROGRESS)?;
        let dept = self.optional_text(&f, "dept");
        let week = self.count(&f, "week");
        let done = self.count(&f, "done");
        let total = self.positive(&f, "total");
        let unit = self.text(&f, "unit");
        let work = self.text(&f, "work");
        let (week, done, total) = (week?, done?, total?);
        if done.value > total.value {
            self.error(
                "E010",
                done.span.clone(),
                msg!(
                    "`done` ({}) is more than the `total` ({})",
                    "累计完成数 `done`（{}）大于总数 `total`（{}）",
                    done.value,
                    total.value
                ),
            );
        }
        if let (Link::Checked(prev), Some(work)) = (self.link, &work)
            && let Some((_, before)) = prev.progress.iter().find(|(w, _)| *w == work.value)
            && done.value < *before
        {
            self.warning(
                "W006",
                done.span.clone(),
                msg!(
                    "`done` {} is below the previous issue's {} ({} less)",
                    "累计完成数 {} 小于上一期的 {}（少 {}）",
                    done.value,
                    before,
                    before - done.value
                ),
                msg!(
                    "work done so far only grows; check both issues",
                    "累计完成数只增不减；请核对两期"
                ),
            );
        }
        if week.value > done.value {
            self.error_with_help(
                "E010",
                week.span.clone(),
                msg!(
                    "this week's `week` ({}) is more than `done` in all ({})",
                    "本周完成数 `week`（{}）大于累计完成数 `done`（{}）",
                    week.value,
                    done.value
                ),
                msg!(
                    "`done` counts everything so far, this week included",
                    "`done` 是截至目前的累计数，含本周"
                ),
            );
        }
        Some(Progress {
            dept: dept?,
            week,
            done,
            total,
            unit: unit?,
            work: work?,
        })
    }

    fn item(&mut self, node: &Node) -> Option<Item> {
        if let Value::Str(_) = node.value {
            let text = self.text_of(node, "items");
            self.check_start(text.as_ref());
            self.check_end(text.as_ref());
            return text.map(Item::Text);
        }
        if !matches!(node.value, Value::Map(_)) {
            self.error_with_help(
                "E002",
                node.span.clone(),
                {
                    let Msg { en: kn, zh: kz } = kind(node);
                    msg!(
                        "expected the text of an item, found {kn}",
                        "条目应为文字，实际为{kz}"
                    )
                },
                msg!(
                    "an item is text, or a `lead` with `departments`",
                    "条目是一段文字，或 `lead` 加 `departments`"
                ),
            );
            return None;
        }
        let f = self.fields(node, node.span.clone(), &ITEM)?;
        let lead = self.optional_text(&f, "lead");
        let entries = self
            .non_empty_list(&f, "departments", "departments")
            .and_then(|items| {
                let all: Vec<_> = items.iter().map(|n| self.dept_entry(n)).collect();
                all.into_iter().collect::<Option<Vec<_>>>()
            });
        self.check_start(lead.as_ref().and_then(Option::as_ref));
        self.check_end(entries.as_ref().and_then(|e| e.last()).map(|e| &e.text));
        Some(Item::Departments {
            lead: lead?,
            entries: entries?,
        })
    }

    fn dept_entry(&mut self, node: &Node) -> Option<DeptEntry> {
        let f = self.fields(node, node.span.clone(), &DEPT_ENTRY)?;
        let dept = self.text(&f, "dept");
        let text = self.text(&f, "text");
        Some(DeptEntry {
            dept: dept?,
            text: text?,
        })
    }

    fn visit(&mut self, node: &Node) -> Option<Visit> {
        let f = self.fields(node, node.span.clone(), &VISIT)?;
        let dept = self.text(&f, "dept");
        let people = self
            .non_empty_list(&f, "people", "people")
            .and_then(|items| {
                let all: Vec<_> = items.iter().map(|n| self.person(n)).collect();
                all.into_iter().collect::<Option<Vec<_>>>()
            });
        Some(Visit {
            dept: dept?,
            people: people?,
        })
    }

    fn person(&mut self, node: &Node) -> Option<Person> {
        let f = self.fields(node, node.span.clone(), &PERSON)?;
        let title = self.text(&f, "title");
        let name = self.text(&f, "name");
        Some(Person {
            title: title?,
            name: name?,
        })
    }

    fn footer(&mut self, node: &Node, parent: &Fields) -> Option<Footer> {
        let f = self.fields(node, parent.key_span("footer")?, &FOOTER)?;
        let send = self.text(&f, "send");
        let distribute = self.text(&f, "distribute");
        let copies = self.positive(&f, "copies");
        Some(Footer {
            send: send?,
            distribute: distribute?,
            copies: copies?,
        })
    }
}

/// `year-to-date 59000 ≠ 56148 + 2881 = 59029 (29 less)`.
fn continuity_of_counter(written: u64, carried: u64, week: u64) -> Msg {
    let sum = if carried == week {
        msg!(
            "{week}, this week's figure in a new year",
            "{week}（新的一年从本周数算起）"
        )
    } else {
        msg!(
            "{} + {week} = {carried}",
            "{} + {week} = {carried}",
            carried - week
        )
    };
    let off = if written > carried {
        msg!("{} more", "多 {}", written - carried)
    } else {
        msg!("{} less", "少 {}", carried - written)
    };
    let (sum, sum_zh, off, off_zh) = (sum.en, sum.zh, off.en, off.zh);
    msg!(
        "year-to-date {written} ≠ {sum} ({off})",
        "累计数 {written} ≠ {sum_zh}（{off_zh}）"
    )
}

/// All entries, when none is broken.
fn complete<T>(entries: Vec<Option<T>>) -> Option<Vec<T>> {
    entries.into_iter().collect()
}

/// How a value is described in messages.
fn kind(node: &Node) -> Msg {
    match &node.value {
        Value::Null => msg!("nothing", "空值"),
        Value::Bool(b) => msg!("`{b}`", "`{b}`"),
        Value::Int(n) => msg!("the number {n}", "数字 {n}"),
        Value::Float(x) => msg!("the number {x}", "数字 {x}"),
        Value::Str(s) => msg!("the text `{s}`", "文字 `{s}`"),
        Value::Seq(_) => msg!("a list", "列表"),
        Value::Map(_) => msg!("a mapping", "映射"),
    }
}

/// `2023-02-30`-shaped text: a date that was meant, but does not exist.
fn looks_like_iso_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == 3
        && parts[0].len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// The allowed key closest to a mistyped one, if it is close enough to be what was meant.
fn suggest<'a>(typed: &str, allowed: &[&'a str]) -> Option<&'a str> {
    allowed
        .iter()
        .map(|k| (strsim::damerau_levenshtein(typed, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::parse;

    fn check(src: &str) -> Report {
        validate(&parse(src).expect("valid YAML"), src, Link::None)
    }

    fn codes(src: &str) -> Vec<(&'static str, (usize, usize))> {
        check(src)
            .diagnostics
            .iter()
            .map(|d| (d.code, crate::diag::line_col(src, d.span.start)))
            .collect()
    }

    const GOOD: &str = "\
masthead:
  title: 窗口工作周报
  year: 2023
  number: 39
  total: 459
  period: { start: 2023-10-07, end: 2023-10-13 }
  publisher: 中心
  published: 2023-10-20
sections:
  - title: 统计
    counters:
      - { name: 咨询, unit: 人次, week: 2881, year_to_date: 59029 }
footer: { send: 甲, distribute: 乙, copies: 91 }
";

    #[test]
    fn a_good_file_has_no_findings() {
        let r = check(GOOD);
        assert_eq!(r.diagnostics, vec![]);
        let issue = r.issue.expect("an issue");
        assert_eq!(issue.masthead.number.value, 39);
        assert_eq!(issue.sections.len(), 1);
    }

    #[test]
    fn every_problem_is_reported_in_file_order() {
        let src = GOOD
            .replace("year: 2023", "yaer: 2023")
            .replace("week: 2881", "week: '2881'")
            .replace("copies: 91", "copies: 0")
            .replace("published: 2023-10-20", "published: 2023-02-30");
        assert_eq!(
            codes(&src),
            [
                ("E004", (1, 1)),
                ("E003", (3, 3)),
                ("E006", (8, 14)),
                ("E002", (12, 37)),
                ("E013", (13, 43)),
            ]
        );
        assert!(check(&src).issue.is_none());
    }

    #[test]
    fn unknown_keys_suggest_the_closest() {
        let r = check(&GOOD.replace("    counters:", "    counter:"));
        let d = &r.diagnostics[0];
        assert_eq!(d.message.en, "unknown key `counter` in the section");
        assert_eq!(d.message.zh, "部分中没有 `counter` 这个键");
        assert_eq!(
            d.help.as_ref().map(|h| h.en.as_str()),
            Some("did you mean `counters`?")
        );
        let r = check(&GOOD.replace("    counters:", "    directive:"));
        assert_eq!(
            r.diagnostics[0].help.as_ref().map(|h| h.en.as_str()),
            Some("did you mean `directives`?")
        );
    }

    #[test]
    fn semantic_checks() {
        let src = GOOD
            .replace("end: 2023-10-13", "end: 2023-10-21")
            .replace("year_to_date: 59029", "year_to_date: 2000");
        assert_eq!(
            codes(&src),
            [("W001", (6, 37)), ("E008", (8, 14)), ("E009", (12, 57))]
        );
        let src = GOOD.replace(
            "start: 2023-10-07, end: 2023-10-13",
            "start: 2023-10-13, end: 2023-10-07",
        );
        assert_eq!(codes(&src), [("E007", (6, 37))]);
    }

    #[test]
    fn progress_figures_must_agree() {
        let src = GOOD.replace(
            "    counters:\n      - { name: 咨询, unit: 人次, week: 2881, year_to_date: 59029 }\n",
            "    progress: { week: 20, done: 10, total: 5, unit: 个, work: 手册 }\n",
        );
        let r = check(&src);
        let found: Vec<_> = r
            .diagnostics
            .iter()
            .map(|d| (d.code, d.message.en.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "E010",
                    "this week's `week` (20) is more than `done` in all (10)"
                ),
                ("E010", "`done` (10) is more than the `total` (5)"),
            ]
        );
    }

    #[test]
    fn one_kind_of_content_per_section() {
        let src = GOOD.replace("    counters:", "    items: [甲。]\n    counters:");
        assert_eq!(codes(&src), [("E012", (12, 5))]);
    }

    #[test]
    fn empty_text_and_blank_lists() {
        let src = GOOD.replace("publisher: 中心", "publisher: '  '");
        assert_eq!(codes(&src), [("E011", (7, 14))]);
        let src = GOOD.replace(
            "    counters:\n      - { name: 咨询, unit: 人次, week: 2881, year_to_date: 59029 }\n",
            "    items:\n",
        );
        let r = check(&src);
        let codes: Vec<_> = r.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["W007"]);
        assert_eq!(
            r.issue.unwrap().sections[0].body,
            Body::Content(Content::Nothing)
        );
    }

    #[test]
    fn numbers_and_dates_of_the_wrong_type() {
        let src = GOOD
            .replace("number: 39", "number: -1")
            .replace("total: 459", "total: 4.5");
        assert_eq!(codes(&src), [("E013", (4, 11)), ("E002", (5, 10))]);
        let src = GOOD.replace("published: 2023-10-20", "published: 10月20日");
        let r = check(&src);
        assert_eq!(
            r.diagnostics[0].message.en,
            "expected a date for `published`, found `10月20日`"
        );
    }

    #[test]
    fn suggestions_need_to_be_close() {
        assert_eq!(suggest("yaer", &MASTHEAD.names()), Some("year"));
        assert_eq!(suggest("publised", &MASTHEAD.names()), Some("published"));
        assert_eq!(suggest("colour", &MASTHEAD.names()), None);
    }
}
