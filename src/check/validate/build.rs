//! The builders of the issue's frame: the masthead, sections and subsections, the footer and
//! the lint settings, each checked as a whole (dates against dates) and typed; their content
//! is built in `content`.

use std::ops::Range;

use chrono::NaiveDate;

use super::node::{Checker, Fields, IssueDates, kind, suggest};
use crate::diag::allow::{BY_NAME, renamed};
use crate::diag::{Code, Severity};
use crate::i18n::Msg;
use crate::input::schema::{FOOTER, LINT, MASTHEAD, PERIOD, ROOT, SECTION, SUBSECTION};
use crate::input::yaml::{Node, Value};
use crate::issue::{Body, Content, Footer, Issue, Kind, Masthead, Section, Sp, Subsection, Text};
use crate::msg;
use crate::text::quote::excerpt;

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
        let Some(codes) = f.get("allow").and_then(|n| self.list(n, "allow")) else {
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
                        "应为警告代码（如 `W012`），实际为{kz}"
                    )
                });
                continue;
            };
            // `W019 咨询`: a warning about one counter (or piece of work, or section) only.
            let (name, subject) = match typed.split_once(char::is_whitespace) {
                Some((name, subject)) => (name, Some(subject.trim().to_owned())),
                None => (typed.as_ref(), None),
            };
            let found = renamed(name).filter(|_| subject.is_some()).or_else(|| {
                Code::ALL
                    .iter()
                    .find(|c| {
                        c.as_str() == name
                            && (c.severity() == Severity::Warning || BY_NAME.contains(c))
                    })
                    .copied()
            });
            match found {
                Some(code) if code.severity() == Severity::Error && subject.is_none() => self
                    .report_with_help(
                        Code::E021,
                        code_node.span.clone(),
                        msg!(
                            "`{code}` is an error code, accepted for one name only, never for the whole issue",
                            "`{code}` 是错误代码，不是警告，不能对整期关闭，只能写明名称、对某一项认可"
                        ),
                        name_after(code),
                    ),
                Some(code) if subject.is_none() || BY_NAME.contains(&code) => {
                    self.allowed.add(code, subject);
                }
                Some(code) => self.report_with_help(
                    Code::E021,
                    code_node.span.clone(),
                    msg!(
                        "`{code}` is allowed for the whole issue, not for one name",
                        "`{code}` 只能对整期关闭，不能只对某一项关闭"
                    ),
                    msg!(
                        "write `{code}` alone; only these take a name: W019, W028 and E036 a counter's, E037 a piece of work's, W027 a section's title, W029 a department's",
                        "请只写 `{code}`；后面可以加名称的只有：W019、W028、E036（统计项名称），E037（工作名称），W027（栏目名），W029（单位名称）"
                    ),
                ),
                None if let Some(now) = renamed(name) => {
                    self.report_with_help(
                        Code::E021,
                        code_node.span.clone(),
                        msg!(
                            "`{name}` is now {now}, an error code: accepted for one name only, never for the whole issue",
                            "`{name}` 现已改称 {now}（错误代码），不能对整期关闭，只能写明名称、对某一项认可"
                        ),
                        name_after(now),
                    );
                }
                None => {
                    let help = match suggest(name, &warnings) {
                        Some(w) => msg!("did you mean `{w}`?", "是不是 `{w}`？"),
                        None => msg!(
                            "only warnings (W001, W010, …) can be allowed; `weekly explain` lists them",
                            "只有警告（W001、W010 等）可以关闭；`weekly explain` 可列出全部代码"
                        ),
                    };
                    self.report_with_help(
                        Code::E021,
                        code_node.span.clone(),
                        {
                            let typed = excerpt(typed);
                            msg!("`{typed}` is not a warning code", "`{typed}` 不是警告代码")
                        },
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
                {
                    let english = crate::text::days(days);
                    msg!(
                        "the period is {english} long, not a week",
                        "周期为 {days} 天，不是一周"
                    )
                },
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
                            "含有 `subsections` 的栏目不能再直接包含内容"
                        ),
                        msg!(
                            "move the content into a subsection of its own",
                            "请把这些内容移到一个单独的子栏目中"
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
                    msg!("its `{key}`", " `{key}`"),
                    msg!(
                        "or, for a week without any, write `{key}: []`: the section stays in the layout and is not printed",
                        "若本周确实没有，请写成 `{key}: []`，这样栏目仍保留在版式中，但不印出"
                    ),
                )
            }
            None => (
                msg!("its content", "内容"),
                msg!("or remove it from this issue", "也可以把它从本期中删去"),
            ),
        };
        let (what, what_zh) = (what.en, what.zh);
        let title = (title.span.clone(), excerpt(&title.value));
        // A key left blank is the draft's stand-in for this week's content: printed as it
        // is, the bulletin would lose the section and renumber the rest.
        if let Content::Blank(_) = content {
            self.report_with_help(
                Code::E038,
                title.0,
                msg!(
                    "`{}` is still blank, as the draft left it: fill in {what}",
                    "“{}”仍是草稿留下的空白：请填写{what_zh}",
                    title.1
                ),
                help,
            );
            return;
        }
        self.report_with_help(
            Code::W007,
            title.0,
            msg!(
                "`{}` has no content yet and is left out: fill in {what}",
                "“{}”尚无内容，将不印出：请填写{what_zh}",
                title.1
            ),
            help,
        );
    }

    /// The kinds of content present, in file order, with the span of each key.
    pub(super) fn content_keys(&self, f: &Fields) -> Vec<(Range<usize>, Kind)> {
        f.entries
            .iter()
            .filter_map(|(k, key, _)| {
                let kind = Kind::ALL.into_iter().find(|kind| kind.key() == *k)?;
                Some((key.span.clone(), kind))
            })
            .collect()
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

/// How to name what an error of `lint.allow` accepts: a counter for E036, a piece of work for
/// E037.
fn name_after(code: Code) -> Msg {
    if code == Code::E037 {
        msg!(
            "write the progress entry's `work` after it, as in `E037 办理项的受理工作手册编制`",
            "请在后面写上该项进度的工作名称（`work`），如 `E037 办理项的受理工作手册编制`"
        )
    } else {
        msg!(
            "write the counter's name after it, as in `{code} 咨询`",
            "请在后面写上统计项名称，如 `{code} 咨询`"
        )
    }
}
