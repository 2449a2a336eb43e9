//! The imported issue written as an issue file, in the layout and with the comments of the
//! files `weekly new` begins.

use std::fmt::Write;

use super::draft::{Body, Content, Draft, Item};
use super::frame::{self, scalar};
use crate::i18n::Lang;
use crate::msg;
use crate::text::quote::printable;

/// The YAML text of `draft`. `from` names the file it was read from; `previous`, when set,
/// is how this file names last week's.
pub fn issue_file(draft: &Draft, from: &str, previous: Option<&str>, lang: Lang) -> String {
    let mut out = String::new();
    let m = &draft.masthead;
    // A comment ends at a line break: what it quotes is shown with any control character
    // escaped.
    let (title, from) = (printable(&m.title), printable(from));
    let (year, number) = (m.year, m.number);
    let head = msg!(
        "# {title} {year} 年第 {number} 期, imported by `weekly import` from {from}.\n\
         # Compare it with the printed issue, then run `weekly check` on this file.\n",
        "# {title} {year} 年第 {number} 期，由 `weekly import` 从 {from} 导入。\n\
         # 请与印发的周报核对，然后用 `weekly check` 检查本文件。\n"
    );
    let _ = writeln!(out, "{}", head.get(lang));
    if let Some(previous) = previous {
        frame::previous_key(&mut out, previous, lang);
    }
    frame::masthead(&mut out, lang, &draft.masthead);
    let walked = draft.sections.iter().map(|s| frame::Section {
        title: &s.title,
        body: match &s.body {
            Body::Content(c) => frame::Body::Content(c),
            Body::Subsections(subs) => {
                frame::Body::Subsections(subs.iter().map(|(t, c)| (t.as_str(), c)).collect())
            }
        },
    });
    frame::sections(&mut out, walked, true, content);
    let f = &draft.footer;
    frame::footer(&mut out, &f.send, &f.distribute, f.copies);
    out
}

fn content(out: &mut String, content: &Content, pad: &str) {
    match content {
        Content::Directives(ds) => {
            let _ = writeln!(out, "{pad}directives:");
            for d in ds {
                let _ = writeln!(
                    out,
                    "{pad}  - date: {}\n{pad}    leader: {}\n{pad}    source: {}\n{pad}    text: {}",
                    d.date,
                    scalar(&d.leader),
                    scalar(&d.source),
                    scalar(&d.text)
                );
            }
        }
        Content::Counters(cs) => {
            let _ = writeln!(out, "{pad}counters:");
            for c in cs {
                let _ = writeln!(
                    out,
                    "{pad}  - name: {}\n{pad}    unit: {}\n{pad}    week: {}\n{pad}    year_to_date: {}",
                    scalar(&c.name),
                    scalar(&c.unit),
                    c.week,
                    c.year_to_date
                );
            }
        }
        Content::Progress(p) => {
            let _ = writeln!(out, "{pad}progress:");
            if let Some(dept) = &p.dept {
                let _ = writeln!(out, "{pad}  dept: {}", scalar(dept));
            }
            let _ = writeln!(
                out,
                "{pad}  week: {}\n{pad}  done: {}\n{pad}  total: {}\n{pad}  unit: {}\n{pad}  work: {}",
                p.week,
                p.done,
                p.total,
                scalar(&p.unit),
                scalar(&p.work)
            );
        }
        Content::Items(items) if items.is_empty() => {
            let _ = writeln!(out, "{pad}items: []");
        }
        Content::Items(items) => {
            let _ = writeln!(out, "{pad}items:");
            for item in items {
                match item {
                    Item::Text(t) => {
                        let _ = writeln!(out, "{pad}  - {}", scalar(t));
                    }
                    Item::Departments { lead, entries } => {
                        let mut first = true;
                        let mut key = |out: &mut String| {
                            out.push_str(pad);
                            out.push_str(if std::mem::take(&mut first) {
                                "  - "
                            } else {
                                "    "
                            });
                        };
                        if let Some(lead) = lead {
                            key(out);
                            let _ = writeln!(out, "lead: {}", scalar(lead));
                        }
                        key(out);
                        out.push_str("departments:\n");
                        for (dept, text) in entries {
                            let _ = writeln!(
                                out,
                                "{pad}      - dept: {}\n{pad}        text: {}",
                                scalar(dept),
                                scalar(text)
                            );
                        }
                    }
                }
            }
        }
        Content::Visits(v) => {
            let _ = writeln!(out, "{pad}visits:");
            for visit in &v.visits {
                let _ = writeln!(
                    out,
                    "{pad}  - dept: {}\n{pad}    people:",
                    scalar(&visit.dept)
                );
                for (title, name) in &visit.people {
                    let _ = writeln!(
                        out,
                        "{pad}      - title: {}\n{pad}        name: {}",
                        scalar(title),
                        scalar(name)
                    );
                }
            }
            if let Some(purpose) = &v.purpose {
                let _ = writeln!(out, "{pad}visit_purpose: {}", scalar(purpose));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::issue_file::draft::{Footer, Masthead, Section};

    /// A control character in the title or the file name cannot end the comment that quotes
    /// them: the file reads back, with the title as it was.
    #[test]
    fn a_control_character_stays_inside_the_comment() {
        let date = |d| chrono::NaiveDate::from_ymd_opt(2023, 10, d).unwrap();
        let draft = Draft {
            masthead: Masthead {
                title: "周\r报".to_owned(),
                year: 2023,
                number: 39,
                total: Some(459),
                start: date(7),
                end: date(13),
                publisher: "中心".to_owned(),
                published: date(20),
            },
            sections: vec![Section {
                title: "资讯".to_owned(),
                body: Body::Content(Content::Items(vec![Item::Text("本周，甲。".to_owned())])),
            }],
            footer: Footer {
                send: "甲".to_owned(),
                distribute: "乙".to_owned(),
                copies: 1,
            },
        };
        let text = issue_file(&draft, "a\nb.txt", Some("2023-38.yaml"), Lang::En);
        let root = crate::input::yaml::parse(&text).expect("the file reads back");
        let crate::input::yaml::Value::Map(keys) = root.value else {
            panic!("a mapping")
        };
        let names: Vec<String> = keys
            .iter()
            .map(|(k, _)| match &k.value {
                crate::input::yaml::Value::Str(s) => s.to_string(),
                _ => String::new(),
            })
            .collect();
        assert_eq!(names, ["previous", "masthead", "sections", "footer"]);
        assert!(text.starts_with("# 周\\u{d}报 2023 年第 39 期"), "{text}");
    }
}
