//! The builders of content: each kind a section or subsection may hold (directives,
//! counters, progress, items, visits), checked entry by entry and typed.

use chrono::{Datelike, NaiveDate};

use super::node::{Checker, Fields, complete, kind};
use crate::diag::Code;
use crate::i18n::Msg;
use crate::input::schema::{COUNTER, DEPT_ENTRY, DIRECTIVE, ITEM, PERSON, PROGRESS, VISIT};
use crate::input::yaml::{Node, Value};
use crate::issue::{
    Content, Counter, DeptEntry, Directive, Figure, Item, Kind, Person, Place, Progress, Visit,
    Visits,
};
use crate::msg;

impl Checker<'_> {
    pub(super) fn content(&mut self, f: &Fields) -> Option<Content> {
        let keys = self.content_keys(f);
        if let [(_, first), rest @ ..] = keys.as_slice() {
            let first = first.key();
            for (span, other) in rest {
                let other = other.key();
                self.report_with_help(
                    Code::E012,
                    span.clone(),
                    {
                        let (what, what_zh) = (f.what, f.what_zh);
                        msg!(
                            "`{first}` and `{other}` in one {what}: it holds one kind of content",
                            "同一{what_zh}中同时有 `{first}` 和 `{other}`，但只能有一种内容"
                        )
                    },
                    msg!(
                        "split them into subsections",
                        "请把它们分别放到不同的子栏目中"
                    ),
                );
            }
        }
        if let Some(span) = f.key_span("visit_purpose")
            && f.get("visits").is_none()
        {
            self.report(Code::E012, span, {
                let (what, what_zh) = (f.what, f.what_zh);
                msg!(
                    "`visit_purpose` belongs with `visits`, which this {what} does not have",
                    "`visit_purpose` 要和 `visits` 一起使用，但本{what_zh}没有 `visits`"
                )
            });
        }
        let Some(&(_, kind)) = keys.first() else {
            return Some(Content::Nothing);
        };
        let node = f.get(kind.key())?;
        if matches!(node.value, Value::Null) {
            return Some(Content::Blank(kind));
        }
        match kind {
            Kind::Directives => self
                .each(node, "directives", Self::directive)
                .map(Content::Directives),
            Kind::Counters => {
                let counters = self.each_partial(node, "counters", Self::counter)?;
                self.no_repeats(counters.iter().flatten().map(|c| &c.name), |name| {
                    (
                        Code::E020,
                        msg!("the counter `{name}` is listed twice", "统计项“{name}”重复"),
                    )
                });
                complete(counters).map(Content::Counters)
            }
            Kind::Items => self.each(node, "items", Self::item).map(Content::Items),
            Kind::Progress => self.progress(node, f).map(Content::Progress),
            Kind::Visits => {
                let visits = self.each_partial(node, "visits", Self::visit);
                if let Some(visits) = &visits {
                    self.no_repeats(visits.iter().flatten().map(|v| &v.dept), |dept| {
                        (
                            Code::W004,
                            msg!(
                                "`{dept}` appears twice in the visits",
                                "来访单位“{dept}”出现了两次"
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
    pub(super) fn directive(&mut self, node: &Node) -> Option<Directive> {
        let f = self.fields(node, node.span.clone(), &DIRECTIVE)?;
        let date = self.date(&f, "date");
        let leader = self.text(&f, "leader");
        let source = self.text(&f, "source");
        let text = self.paragraph(&f, "text");
        self.check_end(text.as_ref());
        if let (Some(date), Some(dates)) = (&date, self.dates) {
            // A week that starts in December may report a directive of that December, and
            // the issue that closes a year one given before it is published in January.
            let (d, to) = (date.value, dates.published);
            let from = NaiveDate::from_ymd_opt(dates.start.year(), 1, 1).unwrap_or(dates.start);
            if d < from || d > to {
                self.report_with_help(
                    Code::E019,
                    date.span.clone(),
                    msg!(
                        "the directive is dated {d}, outside {from} to {to}: from the start of the year the week starts in to the day the issue is published",
                        "批示日期 {d} 不在 {from} 至 {to} 之间：批示日期应在本期周期开始当年的 1 月 1 日至印发日期之间"
                    ),
                    msg!(
                        "check the date; a directive given after publication goes in the next issue",
                        "请核对日期；印发之后的批示请编入下一期"
                    ),
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
    pub(super) fn counter(&mut self, node: &Node) -> Option<Counter> {
        let f = self.fields(node, node.span.clone(), &COUNTER)?;
        let name = self.text(&f, "name");
        let unit = self.text(&f, "unit");
        let week = self.count(&f, "week");
        let year_to_date = match f.get("year_to_date") {
            Some(_) => Figure::Written(self.count(&f, "year_to_date")?),
            None => Figure::Missing,
        };
        let (name, week) = (name?, week?);
        if let Figure::Written(written) = &year_to_date
            && written.value < week.value
        {
            self.report_with_help(
                Code::E009,
                written.span.clone(),
                msg!(
                    "year-to-date figure {} is below this week's figure {}",
                    "累计数 {} 小于本周数 {}",
                    written.value,
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
            at: self.place(node, &f)?,
        })
    }
    pub(super) fn progress(&mut self, node: &Node, parent: &Fields) -> Option<Progress> {
        let f = self.fields(node, parent.key_span("progress")?, &PROGRESS)?;
        let dept = self.optional_text(&f, "dept");
        let week = self.count(&f, "week");
        let done = match f.get("done") {
            Some(_) => Figure::Written(self.count(&f, "done")?),
            None => Figure::Missing,
        };
        let total = self.positive(&f, "total");
        let unit = self.text(&f, "unit");
        let work = self.text(&f, "work");
        let (week, total) = (week?, total?);
        if let Figure::Written(done) = &done {
            if done.value > total.value {
                self.report(
                    Code::E010,
                    done.span.clone(),
                    msg!(
                        "`done` ({}) is more than the `total` ({})",
                        "累计完成数 `done`（{}）大于总数 `total`（{}）",
                        done.value,
                        total.value
                    ),
                );
            }
            if week.value > done.value {
                self.report_with_help(
                    Code::E010,
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
        }
        Some(Progress {
            dept: dept?,
            week,
            done,
            total,
            unit: unit?,
            work: work?,
            at: self.place(node, &f)?,
        })
    }
    /// Where a mapping's figures are written: its style and its `week` key.
    fn place(&self, node: &Node, f: &Fields) -> Option<Place> {
        let flow = self.source.get(node.span.clone())?.starts_with('{');
        let week_key = f.key_span("week")?.start;
        Some(Place { flow, week_key })
    }

    pub(super) fn item(&mut self, node: &Node) -> Option<Item> {
        if let Value::Str(_) | Value::Int(_) | Value::Float(_) | Value::Bool(_) = node.value {
            let text = self.paragraph_of(node, "items");
            self.check_start(text.as_ref());
            self.check_end(text.as_ref());
            return text.map(Item::Text);
        }
        if !matches!(node.value, Value::Map(_)) {
            self.report_with_help(
                Code::E002,
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
        if let Value::Map(entries) = &node.value
            && let [(key, _)] = entries.as_slice()
            && let Value::Str(name) = &key.value
            && !ITEM.allows(name)
            && !name.is_ascii()
        {
            // `- 主题: 优化营商环境`: text with `: ` that YAML read as a key and its value.
            let at = key.span.end;
            self.report_with_help(
                Code::E002,
                at..at + 1,
                msg!(
                    "the item holds `: `, so YAML reads it as a key `{name}` with a value, not as text",
                    "条目中含有半角冒号加空格“: ”，程序把它读成了字段“{name}”及其内容，而不是一段文字"
                ),
                msg!(
                    "put the whole item in quotes, or type the full-width colon `：`",
                    "请给整个条目加引号，或改用全角冒号“：”"
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
    pub(super) fn dept_entry(&mut self, node: &Node) -> Option<DeptEntry> {
        let f = self.fields(node, node.span.clone(), &DEPT_ENTRY)?;
        let dept = self.text(&f, "dept");
        let text = self.paragraph(&f, "text");
        Some(DeptEntry {
            dept: dept?,
            text: text?,
        })
    }
    pub(super) fn visit(&mut self, node: &Node) -> Option<Visit> {
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
    pub(super) fn person(&mut self, node: &Node) -> Option<Person> {
        let f = self.fields(node, node.span.clone(), &PERSON)?;
        let title = self.text(&f, "title");
        let name = self.text(&f, "name");
        Some(Person {
            title: title?,
            name: name?,
        })
    }
}
