//! An issue as its author wrote it: typed and checked, each value still carrying its source span.

use std::ops::Range;

use chrono::NaiveDate;

use crate::diag::allow::Allowed;

/// A value and the bytes of the source it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Sp<T> {
    pub value: T,
    pub span: Range<usize>,
}

pub type Text = Sp<String>;

#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    /// The file of the issue before, as written (relative to this issue's file).
    pub previous: Option<Text>,
    pub masthead: Masthead,
    pub sections: Vec<Section>,
    pub footer: Footer,
    /// Warnings switched off by the file's `lint: { allow: [...] }`.
    pub allow: Allowed,
}

impl Issue {
    /// Every piece of content, in order.
    pub fn contents(&self) -> impl Iterator<Item = &Content> {
        self.sections.iter().flat_map(|section| {
            let (own, subs) = match &section.body {
                Body::Content(c) => (Some(c), &[][..]),
                Body::Subsections(subs) => (None, subs.as_slice()),
            };
            own.into_iter().chain(subs.iter().map(|sub| &sub.content))
        })
    }

    /// Every counter, in order.
    pub fn counters(&self) -> impl Iterator<Item = &Counter> {
        self.contents().flat_map(|c| match c {
            Content::Counters(cs) => cs.as_slice(),
            _ => &[],
        })
    }

    /// Every piece of content, in order, to fill in the figures that follow from the
    /// previous issue.
    pub fn contents_mut(&mut self) -> impl Iterator<Item = &mut Content> {
        self.sections.iter_mut().flat_map(|section| {
            let (own, subs) = match &mut section.body {
                Body::Content(c) => (Some(c), &mut [][..]),
                Body::Subsections(subs) => (None, subs.as_mut_slice()),
            };
            own.into_iter()
                .chain(subs.iter_mut().map(|sub| &mut sub.content))
        })
    }

    /// Every progress entry, in order.
    pub fn progress(&self) -> impl Iterator<Item = &Progress> {
        self.contents().filter_map(|c| match c {
            Content::Progress(p) => Some(p),
            _ => None,
        })
    }

    /// Whether the issue needs its previous issue's figures: it leaves a year-to-date figure
    /// or work done so far out, and is not the first issue of its year (whose figures are
    /// its week's).
    pub fn needs_previous(&self) -> bool {
        self.masthead.number.value != 1
            && (self.counters().any(|c| c.year_to_date == Figure::Missing)
                || self.progress().any(|p| p.done == Figure::Missing))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Masthead {
    pub title: Text,
    pub year: Sp<i32>,
    pub number: Sp<u64>,
    pub total: Sp<u64>,
    pub start: Sp<NaiveDate>,
    pub end: Sp<NaiveDate>,
    pub publisher: Text,
    pub published: Sp<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub title: Text,
    pub body: Body,
}

/// A section holds content directly or is divided into subsections.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    Content(Content),
    Subsections(Vec<Subsection>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Subsection {
    pub title: Text,
    pub content: Content,
}

/// The kinds of content, as keys of a section or subsection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Directives,
    Counters,
    Progress,
    Items,
    Visits,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Directives,
        Kind::Counters,
        Kind::Progress,
        Kind::Items,
        Kind::Visits,
    ];

    /// The key it is written under.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Directives => "directives",
            Kind::Counters => "counters",
            Kind::Progress => "progress",
            Kind::Items => "items",
            Kind::Visits => "visits",
        }
    }
}

/// The one kind of content a section or subsection holds. An empty list (`visits: []`) is
/// an explicit "nothing this week"; a key left blank (`visits:`) is still to be filled in.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    /// No content key at all.
    Nothing,
    /// A content key left blank, as `weekly new` leaves them.
    Blank(Kind),
    Directives(Vec<Directive>),
    Counters(Vec<Counter>),
    Progress(Progress),
    Items(Vec<Item>),
    Visits(Visits),
}

impl Content {
    /// The kind of content, when it is known.
    pub fn kind(&self) -> Option<Kind> {
        Some(match self {
            Content::Nothing => return None,
            Content::Blank(kind) => *kind,
            Content::Directives(_) => Kind::Directives,
            Content::Counters(_) => Kind::Counters,
            Content::Progress(_) => Kind::Progress,
            Content::Items(_) => Kind::Items,
            Content::Visits(_) => Kind::Visits,
        })
    }

    /// Whether it is still to be filled in, as opposed to empty on purpose.
    pub fn is_unfilled(&self) -> bool {
        matches!(self, Content::Nothing | Content::Blank(_))
    }

    /// Content that prints nothing: the section or subsection holding it is left out.
    pub fn is_empty(&self) -> bool {
        match self {
            Content::Nothing | Content::Blank(_) => true,
            Content::Directives(d) => d.is_empty(),
            Content::Counters(c) => c.is_empty(),
            Content::Progress(_) => false,
            Content::Items(i) => i.is_empty(),
            Content::Visits(v) => v.visits.is_empty(),
        }
    }
}

/// 领导批示: a leader's instruction written on a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Directive {
    pub date: Sp<NaiveDate>,
    pub leader: Text,
    pub source: Text,
    pub text: Text,
}

/// One service-counter statistic: this week's figure and the year's so far.
#[derive(Debug, Clone, PartialEq)]
pub struct Counter {
    pub name: Text,
    pub unit: Text,
    pub week: Sp<u64>,
    pub year_to_date: Figure,
    /// Where the figures go in the source: for `weekly new` to write a computed one in.
    pub at: Place,
}

/// Where a mapping's running figure is written, or would be: the mapping is flow style
/// (`{ … }`) or block style, and its `week` key starts at `week_key`.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub flow: bool,
    pub week_key: usize,
}

/// A figure that runs on from week to week: as written, or computed from the previous
/// issue's. Only an issue with errors has one `Missing`: it is computed when the issue is
/// linked to the previous one, or reported.
#[derive(Debug, Clone, PartialEq)]
pub enum Figure {
    Written(Sp<u64>),
    Computed(u64),
    Missing,
}

impl Figure {
    pub fn value(&self) -> Option<u64> {
        match self {
            Figure::Written(n) => Some(n.value),
            Figure::Computed(n) => Some(*n),
            Figure::Missing => None,
        }
    }
}

/// Work done this week and in all, against the total to be done.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub dept: Option<Text>,
    pub week: Sp<u64>,
    /// Work done so far, this week included: written, or the previous issue's plus this
    /// week's.
    pub done: Figure,
    pub total: Sp<u64>,
    pub unit: Text,
    pub work: Text,
    pub at: Place,
}

/// A numbered paragraph: free text, or a lead-in followed by what each department did.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text(Text),
    Departments {
        lead: Option<Text>,
        entries: Vec<DeptEntry>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct DeptEntry {
    pub dept: Text,
    pub text: Text,
}

/// Leaders who came to the service hall this week.
#[derive(Debug, Clone, PartialEq)]
pub struct Visits {
    pub visits: Vec<Visit>,
    pub purpose: Option<Text>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Visit {
    pub dept: Text,
    pub people: Vec<Person>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    pub title: Text,
    pub name: Text,
}

/// 报尾: who receives the bulletin and how many copies are printed.
#[derive(Debug, Clone, PartialEq)]
pub struct Footer {
    pub send: Text,
    pub distribute: Text,
    pub copies: Sp<u64>,
}
