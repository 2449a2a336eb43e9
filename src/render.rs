//! Lays a bulletin out through a Tera template: the built-in one for a format, or the user's.

use tera::{Context, Kwargs, State, Tera};

use crate::model::Bulletin;
use crate::text;

/// The output formats, each with its built-in template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Markdown, department names in bold
    #[value(name = "md", alias = "markdown")]
    Markdown,
    /// Plain text
    #[value(name = "text", alias = "txt")]
    Text,
    /// One self-contained HTML page laid out for print (A4, GB/T 9704 margins)
    #[value(name = "html")]
    Html,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Markdown, Format::Text, Format::Html];

    /// The file name of the format's template, in `templates/` and in a `--templates` folder.
    pub fn template_name(self) -> &'static str {
        match self {
            Format::Markdown => "bulletin.md",
            Format::Text => "bulletin.txt",
            // Tera escapes the values of templates whose names end in .html.
            Format::Html => "bulletin.html",
        }
    }

    /// The template compiled into the binary.
    pub fn builtin_template(self) -> &'static str {
        match self {
            Format::Markdown => include_str!("../templates/bulletin.md"),
            Format::Text => include_str!("../templates/bulletin.txt"),
            Format::Html => include_str!("../templates/bulletin.html"),
        }
    }
}

/// A template that failed to compile or render; its text names the template, line and column.
#[derive(Debug)]
pub struct TemplateError(pub String);

/// Renders `bulletin` with the template `source`, registered as `name` (which names it in
/// errors). Only this one template is compiled.
pub fn render(bulletin: &Bulletin, name: &str, source: &str) -> Result<String, TemplateError> {
    let mut tera = Tera::new();
    tera.register_filter("md", |s: &str, _: Kwargs, _: &State| {
        text::markdown_escape(s)
    });
    tera.add_raw_template(name, source).map_err(report)?;
    let context = Context::from_serialize(bulletin).map_err(report)?;
    tera.render(name, &context).map_err(report)
}

/// Tera keeps the root cause in `source()`; the whole chain is shown.
fn report(e: tera::Error) -> TemplateError {
    let mut message = e.to_string();
    let mut cause = std::error::Error::source(&e);
    while let Some(c) = cause {
        message.push_str(&format!("\ncaused by: {c}"));
        cause = c.source();
    }
    TemplateError(message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Footer, Paragraph, Run, Section};

    fn bulletin() -> Bulletin {
        Bulletin {
            title: "周报".into(),
            year: 2023,
            number: 1,
            total: 2,
            period: "1 月 1 日—1 月 7 日".into(),
            publisher: "中心".into(),
            date: "2023 年 1 月 9 日".into(),
            sections: vec![Section {
                number: "一".into(),
                title: "动态".into(),
                paragraphs: vec![Paragraph {
                    number: None,
                    runs: vec![
                        Run {
                            text: "水利厅".into(),
                            strong: true,
                        },
                        Run {
                            text: "用 a*b 算。".into(),
                            strong: false,
                        },
                    ],
                }],
                subsections: vec![],
            }],
            footer: Footer {
                send: "甲。".into(),
                distribute: "乙。".into(),
                copies: 3,
            },
        }
    }

    #[test]
    fn markdown_bolds_departments_and_escapes_text() {
        let out = render(
            &bulletin(),
            "bulletin.md",
            Format::Markdown.builtin_template(),
        )
        .unwrap();
        assert_eq!(
            out,
            "2023 年第 1 期（总第 2 期）\n\n周报\n\n（1 月 1 日—1 月 7 日）\n\n中心\n\n2023 年 1 月 9 日\n\n\
             一、动态\n\n**水利厅**用 a\\*b 算。\n\n送：甲。\n\n发：乙。\n\n（共印3份）\n"
        );
    }

    #[test]
    fn text_is_printed_as_typed() {
        let out = render(&bulletin(), "bulletin.txt", Format::Text.builtin_template()).unwrap();
        assert!(
            out.contains("\n\n一、动态\n\n水利厅用 a*b 算。\n\n"),
            "{out}"
        );
    }

    #[test]
    fn html_escapes_every_value() {
        let mut b = bulletin();
        b.title = "<script>alert(1)</script>".into();
        b.sections[0].paragraphs[0].runs[0].text = "\"><img src=x onerror=alert(1)>".into();
        b.footer.send = "</style><b>".into();
        let out = render(&b, "bulletin.html", Format::Html.builtin_template()).unwrap();
        assert!(!out.contains("<script>alert"), "{out}");
        assert!(!out.contains("<img src=x"), "{out}");
        assert!(!out.contains("</style><b>"), "{out}");
        assert!(
            out.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;")
                || out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{out}"
        );
        assert!(
            out.contains("<strong>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</strong>"),
            "{out}"
        );
    }

    #[test]
    fn template_errors_name_the_template_and_line() {
        let err = render(&bulletin(), "mine.md", "{{ title }}\n{% for x in %}").unwrap_err();
        assert!(err.0.contains("mine.md:2:"), "{}", err.0);
        let err = render(&bulletin(), "mine.md", "{{ title | nosuchfilter }}").unwrap_err();
        assert!(err.0.contains("nosuchfilter"), "{}", err.0);
    }
}
