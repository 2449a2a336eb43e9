//! The issue as read from a printed bulletin: plain values, without the spans and checks of
//! an issue file, ready to be written as one.

use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub masthead: Masthead,
    pub sections: Vec<Section>,
    pub footer: Footer,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Masthead {
    pub title: String,
    pub year: i32,
    pub number: u64,
    /// The running number (总第 N 期), `None` when the bulletin did not print it.
    pub total: Option<u64>,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub publisher: String,
    pub published: NaiveDate,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub title: String,
    pub body: Body,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    Content(Content),
    Subsections(Vec<(String, Content)>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    Directives(Vec<Directive>),
    Counters(Vec<Counter>),
    Progress(Progress),
    Items(Vec<Item>),
    Visits(Visits),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Directive {
    pub date: NaiveDate,
    pub leader: String,
    pub source: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Counter {
    pub name: String,
    pub unit: String,
    pub week: u64,
    pub year_to_date: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub dept: Option<String>,
    pub week: u64,
    pub done: u64,
    pub total: u64,
    pub unit: String,
    pub work: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text(String),
    /// A lead-in, then each department (bold) with what it did.
    Departments {
        lead: Option<String>,
        entries: Vec<(String, String)>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Visits {
    pub visits: Vec<Visit>,
    pub purpose: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Visit {
    pub dept: String,
    /// Title and name of each person.
    pub people: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Footer {
    pub send: String,
    pub distribute: String,
    pub copies: u64,
}
