//! One builder per mapping of the format: the masthead, sections and their content, the
//! footer, each checked as a whole (dates against dates, figures against figures) and typed.

use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use super::node::{Checker, Fields, IssueDates, complete, kind, suggest};
use crate::diag::{Code, Msg, Severity};
use crate::format::{
    CONTENT_KEYS, COUNTER, DEPT_ENTRY, DIRECTIVE, FOOTER, ITEM, LINT, MASTHEAD, PERIOD, PERSON,
    PROGRESS, ROOT, SECTION, SUBSECTION, VISIT,
};
use crate::issue::{
    Allow, Body, Content, Counter, DeptEntry, Directive, Figure, Footer, Issue, Item, Kind,
    Masthead, Person, Place, Progress, Section, Sp, Subsection, Text, Visit, Visits,
};
use crate::msg;
use crate::yaml::{Node, Value};

impl Checker<'_> {
    pub(super) fn issue(&mut self, root: &Node) -> Option<Issue> {
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
            allow: self.allowed.clone(),
        })
    }

    /// `lint: { allow: [W012, …] }`: warnings this file does not want.
    pub(super) fn lint_settings(&mut self, node: &Node, parent: &Fields) {
        let Some(span) = parent.key_span("lint") else {
            return;
        };
        let Some(f) = self.fields(node, span, &LINT) else {
            return;
        };
        let Some(codes) = f.get("allow").and_then(|n| self.list(n, "warning codes")) else {
            return;
        };
        let warnings: Vec<&'static str> = Code::ALL
            .iter()
            .filter(|code| code.severity() == Severity::Warning)
            .map(|code| code.as_str())
            .collect();
        for code_node in codes {
            let Value::Str(typed) = &code_node.value else {
                self.report(Code::E002, code_node.span.clone(), {
                    let Msg { en: kn, zh: kz } = kind(code_node);
                    msg!(
                        "expected a warning code such as `W012`, found {kn}",
                        "应为提示代码（如 `W012`），实际为{kz}"
                    )
                });
                continue;
            };
            // `W005 咨询`: a warning about one counter (or piece of work) only.
            let (name, subject) = match typed.split_once(char::is_whitespace) {
                Some((name, subject)) => (name, Some(subject.trim().to_owned())),
                None => (typed.as_ref(), None),
            };
            let found = Code::ALL
                .iter()
                .find(|c| c.severity() == Severity::Warning && c.as_str() == name);
            match found {
                Some(&code) if subject.is_none() || matches!(code, Code::W005 | Code::W006) => {
                    self.allowed.push(Allow { code, subject });
                }
                Some(code) => self.report_with_help(
                    Code::E021,
                    code_node.span.clone(),
                    msg!(
                        "`{code}` is allowed for the whole issue, not for one name",
                        "`{code}` 只能对整期关闭，不能只对某一项关闭"
                    ),
                    msg!(
                        "write `{code}` alone; only W005 and W006 take the name of a counter or a piece of work",
                        "只写 `{code}`；只有 W005 和 W006 可以跟上统计项或工作的名称"
                    ),
                ),
                None => {
                    let help = match suggest(name, &warnings) {
                        Some(w) => msg!("did you mean `{w}`?", "是不是 `{w}`？"),
                        None => msg!(
                            "only warnings (W001, W010, …) can be allowed; the README lists them",
                            "只有提示（W001、W010 等）可以关闭；README 中有完整列表"
                        ),
                    };
                    self.report_with_help(
                        Code::E021,
                        code_node.span.clone(),
                        msg!("`{typed}` is not a warning code", "`{typed}` 不是提示代码"),
                        help,
                    );
                }
            }
        }
    }

    pub(super) fn masthead(&mut self, node: &Node, parent: &Fields) -> Option<Masthead> {
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
            self.report_with_help(
                Code::W001,
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
            self.report(
                Code::E018,
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
            self.report_with_help(
                Code::W002,
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
        if let Some(published) = &published {
            self.dates = Some(IssueDates {
                start: start.value,
                published: published.value,
            });
        }
        if let Some(published) = &published
            && published.value < end.value
        {
            self.report_with_help(
                Code::E008,
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

    pub(super) fn period(
        &mut self,
        node: &Node,
        parent: &Fields,
    ) -> Option<(Sp<NaiveDate>, Sp<NaiveDate>)> {
        let f = self.fields(node, parent.key_span("period")?, &PERIOD)?;
        let start = self.date(&f, "start");
        let end = self.date(&f, "end");
        let (start, end) = (start?, end?);
        if end.value < start.value {
            self.report(
                Code::E007,
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

    pub(super) fn sections(&mut self, node: &Node) -> Option<Vec<Section>> {
        let items = self.list(node, "sections")?;
        let sections: Vec<_> = items.iter().map(|s| self.section(s)).collect();
        sections.into_iter().collect()
    }

    pub(super) fn section(&mut self, node: &Node) -> Option<Section> {
        let f = self.fields(node, node.span.clone(), &SECTION)?;
        let title = self.text(&f, "title");
        self.check_start(title.as_ref());
        let body = match f.get("subsections") {
            Some(subs) => {
                if let Some((key, _)) = self.content_keys(&f).first() {
                    self.report_with_help(
                        Code::E012,
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
        Some(Section {
            title: title?,
            body: body?,
        })
    }

    pub(super) fn subsections(&mut self, node: &Node) -> Option<Vec<Subsection>> {
        let items = self.list(node, "subsections")?;
        let subs: Vec<_> = items.iter().map(|n| self.subsection(n)).collect();
        subs.into_iter().collect()
    }

    pub(super) fn subsection(&mut self, node: &Node) -> Option<Subsection> {
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
    pub(super) fn empty_content(&mut self, title: &Text, content: &Content, f: &Fields) {
        // With an unknown key beside it, the content is most likely under a mistyped name,
        // which is reported already. An empty list is "nothing this week", said on purpose.
        if !content.is_unfilled() || f.unknown {
            return;
        }
        let (what, help) = match content.kind() {
            Some(kind) => {
                let key = kind.key();
                (
                    msg!("its `{key}`", "其 `{key}`"),
                    msg!(
                        "or, for a week without any, write `{key}: []`: the section stays in the layout and is not printed",
                        "若本周没有，写 `{key}: []`：栏目保留在版式中，但不印出"
                    ),
                )
            }
            None => (
                msg!("its content", "其内容"),
                msg!("or remove it from this issue", "或从本期中删去"),
            ),
        };
        let (what, what_zh) = (what.en, what.zh);
        self.report_with_help(
            Code::W007,
            title.span.clone(),
            msg!(
                "`{}` has no content yet and is left out: fill in {what}",
                "“{}”尚无内容，将不印出：请填写{what_zh}",
                title.value
            ),
            help,
        );
    }

    /// The content keys present, in file order, with the span of each key.
    pub(super) fn content_keys<'n>(&self, f: &Fields<'n>) -> Vec<(Range<usize>, &'n str)> {
        f.entries
            .iter()
            .filter(|(k, _, _)| CONTENT_KEYS.contains(k))
            .map(|(k, key, _)| (key.span.clone(), *k))
            .collect()
    }

    pub(super) fn content(&mut self, f: &Fields) -> Option<Content> {
        let keys = self.content_keys(f);
        if let [(_, first), rest @ ..] = keys.as_slice() {
            for (span, other) in rest {
                self.report_with_help(
                    Code::E012,
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
            self.report(Code::E012, span, {
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
            let kind = Kind::ALL.into_iter().find(|k| k.key() == *key)?;
            return Some(Content::Blank(kind));
        }
        match *key {
            "directives" => self
                .each(node, "directives", Self::directive)
                .map(Content::Directives),
            "counters" => {
                let counters = self.each_partial(node, "counters", Self::counter)?;
                self.no_repeats(counters.iter().flatten().map(|c| &c.name), |name| {
                    (
                        Code::E020,
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
                            Code::W004,
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

    pub(super) fn directive(&mut self, node: &Node) -> Option<Directive> {
        let f = self.fields(node, node.span.clone(), &DIRECTIVE)?;
        let date = self.date(&f, "date");
        let leader = self.text(&f, "leader");
        let source = self.text(&f, "source");
        let text = self.text(&f, "text");
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
                        "批示日期 {d} 不在 {from} 至 {to} 之间：应在本期周期开始的那一年年初至印发日期之间"
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
        if let Value::Str(_) = node.value {
            let text = self.text_of(node, "items");
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
        let text = self.text(&f, "text");
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

    pub(super) fn footer(&mut self, node: &Node, parent: &Fields) -> Option<Footer> {
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
