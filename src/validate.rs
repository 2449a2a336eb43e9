//! Node tree → typed `Issue`, reporting every structural and semantic problem in one pass.

use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use crate::diag::{self, Diagnostic};
use crate::format::{
    CONTENT_KEYS, COUNTER, DEPT_ENTRY, DIRECTIVE, FOOTER, ITEM, LINT, MASTHEAD, PERIOD, PERSON,
    PROGRESS, ROOT, SECTION, SUBSECTION, Shape, VISIT,
};
use crate::issue::{
    Body, Content, Counter, DeptEntry, Directive, Footer, Issue, Item, Masthead, Person, Progress,
    Sp, Subsection, Text, Visit, Visits,
};
use crate::lint::{self, Lint};
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
                Some((path.clone(), v.span.clone()))
            }
            _ => None,
        })
}

/// Whether checking the file needs its previous issue's figures: some counter leaves out its
/// year-to-date figure, and the issue is not the first of its year.
pub fn needs_previous(root: &Node) -> bool {
    fn get<'n>(node: &'n Node, key: &str) -> Option<&'n Node> {
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
    entries: Vec<(&'n str, &'n Node, &'n Node)>,
    /// Whether the mapping had keys the shape does not know.
    unknown: bool,
    what: &'static str,
}

impl<'n> Fields<'n> {
    fn get(&self, key: &str) -> Option<&'n Node> {
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
    fn warning(&mut self, code: &'static str, span: Range<usize>, message: String, help: String) {
        self.diags
            .push(Diagnostic::warning(code, span, message).with_help(help));
    }

    fn error(&mut self, code: &'static str, span: Range<usize>, message: String) {
        self.diags.push(Diagnostic::error(code, span, message));
    }

    fn error_with_help(
        &mut self,
        code: &'static str,
        span: Range<usize>,
        message: String,
        help: String,
    ) {
        self.diags
            .push(Diagnostic::error(code, span, message).with_help(help));
    }

    // ---- shapes -------------------------------------------------------------------------

    /// The entries of a mapping of the given shape. Unknown keys are reported one by one,
    /// missing ones together in one finding at `at`.
    fn fields<'n>(
        &mut self,
        node: &'n Node,
        at: Range<usize>,
        shape: &Shape,
    ) -> Option<Fields<'n>> {
        let what = shape.what;
        let Value::Map(map) = &node.value else {
            let found = match node.value {
                Value::Null if what == "issue" => "an empty file".to_owned(),
                _ => kind(node),
            };
            self.error(
                "E002",
                node.span.clone(),
                format!("expected a mapping (`key: value` lines) for the {what}, found {found}"),
            );
            return None;
        };
        let mut entries = Vec::with_capacity(map.len());
        let mut unknown = false;
        for (k, v) in map {
            let Value::Str(name) = &k.value else {
                self.error(
                    "E002",
                    k.span.clone(),
                    format!("expected a key name in the {what}, found {}", kind(k)),
                );
                continue;
            };
            if shape.allows(name) {
                entries.push((name.as_str(), k, v));
            } else {
                unknown = true;
                let keys = shape.names();
                let help = match suggest(name, &keys) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("the {what} has the keys: {}", keys.join(", ")),
                };
                self.error_with_help(
                    "E003",
                    k.span.clone(),
                    format!("unknown key `{name}` in the {what}"),
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
            self.error(
                "E004",
                at.clone(),
                format!("missing {} in the {what}", missing.join(", ")),
            );
        }
        Some(Fields {
            entries,
            unknown,
            what,
        })
    }

    fn list<'n>(&mut self, node: &'n Node, what: &str) -> Option<&'n [Node]> {
        match &node.value {
            Value::Seq(items) => Some(items),
            // A key left blank (`items:`) is an empty list, as in a draft still being written.
            Value::Null => Some(&[]),
            _ => {
                self.error(
                    "E002",
                    node.span.clone(),
                    format!(
                        "expected a list (lines starting with `- `) of {what}, found {}",
                        kind(node)
                    ),
                );
                None
            }
        }
    }

    fn non_empty_list<'n>(&mut self, f: &Fields<'n>, key: &str, what: &str) -> Option<&'n [Node]> {
        let node = f.get(key)?;
        let items = self.list(node, what)?;
        if items.is_empty() {
            self.error(
                "E011",
                node.span.clone(),
                format!("`{key}` lists no {what}"),
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
                    format!("`{key}` is empty: fill it in"),
                );
                None
            }
            Value::Str(s) => {
                let text = Sp {
                    value: s.clone(),
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
                    format!("`{key}` is blank: fill it in"),
                );
                None
            }
            Value::Int(_) | Value::Float(_) | Value::Bool(_) => {
                self.error_with_help(
                    "E002",
                    node.span.clone(),
                    format!("expected text for `{key}`, found {}", kind(node)),
                    "put the value in quotes to use it as text".to_owned(),
                );
                None
            }
            Value::Seq(_) | Value::Map(_) => {
                self.error(
                    "E002",
                    node.span.clone(),
                    format!("expected text for `{key}`, found {}", kind(node)),
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
                        format!("`{key}` must be a whole number from 0 up, found {n}"),
                    );
                    None
                }
            },
            Value::Null => {
                self.error(
                    "E011",
                    span,
                    format!("`{key}` is blank: fill in the figure"),
                );
                None
            }
            Value::Str(s) if s.trim().parse::<f64>().is_ok() => {
                self.error_with_help(
                    "E002",
                    span,
                    format!("expected a number for `{key}`, found the text `{s}`"),
                    "remove the quotes around the number".to_owned(),
                );
                None
            }
            Value::Float(x) if x.abs() >= u64::MAX as f64 => {
                self.error("E013", span, format!("`{key}` is too large"));
                None
            }
            Value::Float(_) => {
                let raw = self.source.get(span.clone()).unwrap_or_default().to_owned();
                self.error(
                    "E002",
                    span,
                    format!("expected a whole number for `{key}`, found `{raw}`"),
                );
                None
            }
            _ => {
                self.error(
                    "E002",
                    span,
                    format!("expected a number for `{key}`, found {}", kind(node)),
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
                format!("`{key}` must be at least 1"),
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
                format!("expected a date for `{key}`, found {}", kind(node)),
                "write dates as YYYY-MM-DD, e.g. 2023-10-20".to_owned(),
            );
            return None;
        };
        match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            Ok(value) => Some(Sp { value, span }),
            Err(_) if looks_like_iso_date(s) => {
                self.error(
                    "E006",
                    span,
                    format!("`{s}` is not a date: there is no such day"),
                );
                None
            }
            Err(_) => {
                self.error_with_help(
                    "E006",
                    span,
                    format!("expected a date for `{key}`, found `{s}`"),
                    "write dates as YYYY-MM-DD, e.g. 2023-10-20".to_owned(),
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
                self.error(
                    "E002",
                    code.span.clone(),
                    format!(
                        "expected a warning code such as `W012`, found {}",
                        kind(code)
                    ),
                );
                continue;
            };
            match warnings.iter().find(|w| **w == typed.as_str()) {
                Some(w) => self.allowed.push(w),
                None => {
                    let help = match suggest(typed, &warnings) {
                        Some(w) => format!("did you mean `{w}`?"),
                        None => {
                            "only warnings (W001, W010, …) can be allowed; the README lists them"
                                .to_owned()
                        }
                    };
                    self.error_with_help(
                        "E021",
                        code.span.clone(),
                        format!("`{typed}` is not a warning code"),
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
                format!("the period is {days} days long, not a week"),
                "a weekly issue covers seven days, e.g. Saturday to Friday".to_owned(),
            );
        }
        if let (Some(number), Some(total)) = (&number, &total)
            && total.value < number.value
        {
            self.error(
                "E018",
                total.span.clone(),
                format!(
                    "the running total {} is below this year's issue number {}",
                    total.value, number.value
                ),
            );
        }
        if let Some(published) = &published
            && published.value > end.value + chrono::Days::new(14)
        {
            self.warning(
                "W002",
                published.span.clone(),
                format!(
                    "published on {}, more than two weeks after the period ends on {}",
                    published.value, end.value
                ),
                "check the publication date and the period".to_owned(),
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
                format!(
                    "published on {} before the period ends on {}",
                    published.value, end.value
                ),
                "the bulletin reports on a week that is over; check both dates".to_owned(),
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
                    format!("1: the first issue of {} is 第 1 期", year.value)
                } else {
                    format!("{} + 1 = {expected}", prev.number)
                };
                self.error_with_help(
                    "E022",
                    number.span.clone(),
                    format!("issue number {} ≠ {rule}", number.value),
                    "the number goes up by one each week and starts again at 1 in a new year"
                        .to_owned(),
                );
            }
        }
        if let Some(total) = total
            && total.value != prev.total + 1
        {
            self.error(
                "E023",
                total.span.clone(),
                format!(
                    "running total {} ≠ {} + 1 = {}",
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
                format!("{days} days late")
            } else {
                format!("{} days early", -days)
            };
            self.error_with_help(
                "E024",
                start.span.clone(),
                format!(
                    "the period starts on {}, not on {next_day}, the day after the previous period ends ({off})",
                    start.value
                ),
                "each week starts the day after the last one ended".to_owned(),
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
                    format!("`year` must be a four-digit year, found {}", y.value),
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
                format!(
                    "the period ends on {} before it starts on {}",
                    end.value, start.value
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
                        "a section with `subsections` cannot also hold content directly".to_owned(),
                        "move the content into a subsection of its own".to_owned(),
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
            Some((_, key)) => format!("its `{key}`"),
            None => "its content".to_owned(),
        };
        self.warning(
            "W007",
            title.span.clone(),
            format!(
                "`{}` has no content yet and is left out: fill in {what}",
                title.value
            ),
            "or remove it from this issue".to_owned(),
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
                    format!(
                        "`{first}` and `{other}` in one {}: it holds one kind of content",
                        f.what
                    ),
                    "split them into subsections".to_owned(),
                );
            }
        }
        if let Some(span) = f.key_span("visit_purpose")
            && f.get("visits").is_none()
        {
            self.error(
                "E012",
                span,
                format!(
                    "`visit_purpose` belongs with `visits`, which this {} does not have",
                    f.what
                ),
            );
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
                    ("E020", format!("the counter `{name}` is listed twice"))
                });
                complete(counters).map(Content::Counters)
            }
            "items" => self.each(node, "items", Self::item).map(Content::Items),
            "progress" => self.progress(node, f).map(Content::Progress),
            _ => {
                let visits = self.each_partial(node, "visits", Self::visit);
                if let Some(visits) = &visits {
                    self.no_repeats(visits.iter().flatten().map(|v| &v.dept), |dept| {
                        ("W004", format!("`{dept}` appears twice in the visits"))
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
        finding: impl Fn(&str) -> (&'static str, String),
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
                    .push(d.with_help("merge the two entries into one".to_owned()));
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
                    format!("after the issue is published on {}", dates.published)
                } else {
                    format!("outside {}, the year of the issue", dates.year)
                };
                self.error(
                    "E019",
                    date.span.clone(),
                    format!("the directive is dated {d}, {why}"),
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
                "check this week's figure and the previous issue's year-to-date figure".to_owned(),
            );
        }
        if year_to_date.value < week.value {
            self.error_with_help(
                "E009",
                year_to_date.span.clone(),
                format!(
                    "year-to-date figure {} is below this week's figure {}",
                    year_to_date.value, week.value
                ),
                "the year-to-date figure includes this week".to_owned(),
            );
        }
        Some(Counter {
            name,
            unit: unit?,
            week,
            year_to_date_computed: written.is_none(),
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
                        format!("the previous issue has no counter `{}` to compute the year-to-date figure from", name.value),
                        "write the figure as `year_to_date`, or check the name".to_owned(),
                    );
                }
                value.map(|value| Sp { value, span })
            }
            (Link::None, _) if !written => {
                self.error_with_help(
                    "E026",
                    name.span.clone(),
                    format!("the year-to-date figure of `{}` is left out, and the issue names no `previous` issue to compute it from", name.value),
                    "write the figure as `year_to_date`, or add `previous: <last week's file>`".to_owned(),
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
                format!(
                    "`done` ({}) is more than the `total` ({})",
                    done.value, total.value
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
                format!(
                    "`done` {} is below the previous issue's {} ({} less)",
                    done.value,
                    before,
                    before - done.value
                ),
                "work done so far only grows; check both issues".to_owned(),
            );
        }
        if week.value > done.value {
            self.error_with_help(
                "E010",
                week.span.clone(),
                format!(
                    "this week's `week` ({}) is more than `done` in all ({})",
                    week.value, done.value
                ),
                "`done` counts everything so far, this week included".to_owned(),
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
                format!("expected the text of an item, found {}", kind(node)),
                "an item is text, or a `lead` with `departments`".to_owned(),
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
fn continuity_of_counter(written: u64, carried: u64, week: u64) -> String {
    let sum = if carried == week {
        format!("{week}, this week's figure in a new year")
    } else {
        format!("{} + {week} = {carried}", carried - week)
    };
    let off = if written > carried {
        format!("{} more", written - carried)
    } else {
        format!("{} less", carried - written)
    };
    format!("year-to-date {written} ≠ {sum} ({off})")
}

/// All entries, when none is broken.
fn complete<T>(entries: Vec<Option<T>>) -> Option<Vec<T>> {
    entries.into_iter().collect()
}

/// How a value is described in messages.
fn kind(node: &Node) -> String {
    match &node.value {
        Value::Null => "nothing".to_owned(),
        Value::Bool(b) => format!("`{b}`"),
        Value::Int(n) => format!("the number {n}"),
        Value::Float(x) => format!("the number {x}"),
        Value::Str(s) => format!("the text `{s}`"),
        Value::Seq(_) => "a list".to_owned(),
        Value::Map(_) => "a mapping".to_owned(),
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
        assert_eq!(d.message, "unknown key `counter` in the section");
        assert_eq!(d.help.as_deref(), Some("did you mean `counters`?"));
        let r = check(&GOOD.replace("    counters:", "    directive:"));
        assert_eq!(
            r.diagnostics[0].help.as_deref(),
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
            .map(|d| (d.code, d.message.as_str()))
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
            r.diagnostics[0].message,
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
