//! Lays a bulletin out in one of the output formats: Markdown, text and HTML through a Tera
//! template (the built-in one or the user's), a Word document built in Rust.

mod docx;
pub mod faces;
pub mod font_check;
#[cfg(feature = "pdf")]
mod fonts;
#[cfg(feature = "pdf")]
mod pdf;
#[cfg(feature = "pdf")]
pub use fonts::{FontFile, FontIndex, Fonts, MAX_INDEX_BYTES, Stamp};

/// Without the `pdf` feature there are no fonts to find: a PDF build says so.
#[cfg(not(feature = "pdf"))]
#[derive(Debug, Clone, Default)]
pub struct Fonts;

use std::sync::mpsc;
use std::time::Duration;

use tera::{Context, Kwargs, State, Tera};

use crate::model::Bulletin;
use crate::text;

crate::choices! {
    /// Every output format of `weekly build`.
    pub enum Format {
        Markdown = "md", aliases ["markdown"], extensions ["md", "markdown"]:
            "Markdown, department names in bold",
        Text = "text", aliases ["txt"], extensions ["txt"]: "Plain text",
        Html = "html", extensions ["html", "htm"]:
            "One self-contained HTML page laid out for print (A4, GB/T 9704 margins)",
        Docx = "docx", extensions ["docx"]:
            "A Word document laid out for print (binary: give -o or redirect stdout)",
        /// The Typst source a PDF is typeset from, to edit in Typst.
        Typst = "typst", aliases ["typ"], extensions ["typ"]:
            "The Typst source of the PDF, to edit in Typst",
        Pdf = "pdf", extensions ["pdf"]:
            "A PDF typeset by Typst on the GB/T 9704 grid (binary: give -o or redirect stdout)",
    }
}

impl Format {
    /// Whether the output is bytes that a terminal cannot show.
    pub fn is_binary(self) -> bool {
        matches!(self, Format::Docx | Format::Pdf)
    }

    /// The format's template: its file name (in `templates/` and in a `--templates` folder)
    /// and the built-in text. A Word document is built without one.
    pub fn template(self) -> Option<(&'static str, &'static str)> {
        match self {
            Format::Markdown => Some(("bulletin.md", include_str!("../../templates/bulletin.md"))),
            Format::Text => Some(("bulletin.txt", include_str!("../../templates/bulletin.txt"))),
            // Tera escapes the values of templates whose names end in .html.
            Format::Html => Some((
                "bulletin.html",
                include_str!("../../templates/bulletin.html"),
            )),
            Format::Typst | Format::Pdf => {
                Some(("bulletin.typ", include_str!("../../templates/bulletin.typ")))
            }
            Format::Docx => None,
        }
    }
}

/// The templates a build uses: the built-in ones, each of which a user's may replace.
#[derive(Debug, Clone, Default)]
pub struct Templates {
    replaced: Vec<(Format, String, String)>,
}

impl Templates {
    /// Uses `source`, named `name` in errors, instead of the built-in template of `format`.
    pub fn replace(&mut self, format: Format, name: String, source: String) {
        self.replaced.retain(|(f, _, _)| *f != format);
        self.replaced.push((format, name, source));
    }

    /// The name and text of the template for `format`, if it has one, and whether it is the
    /// user's.
    fn get(&self, format: Format) -> Option<(&str, &str, bool)> {
        match self.replaced.iter().find(|(f, _, _)| *f == format) {
            Some((_, name, source)) => Some((name, source, true)),
            None => format
                .template()
                .map(|(name, source)| (name, source, false)),
        }
    }
}

/// How a build lays its bulletin out beyond the format.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub templates: Templates,
    /// Plain text wrapped to this many columns (a Chinese character takes two).
    pub width: Option<usize>,
    /// The fonts a PDF is typeset with.
    pub fonts: Fonts,
}

/// Why a bulletin could not be laid out. It reads in English as its [`RenderError::message`]
/// does, where the command line picks the language.
#[derive(Debug)]
pub enum RenderError {
    /// A template that failed to compile or render; the report names its line and column.
    Template {
        name: String,
        report: String,
    },
    Docx(String),
    /// Typst's own errors, each with its line in the Typst source.
    Typst(String),
    NoChineseFont,
    NoPdf,
    /// A template still filling in at [`TEMPLATE_TIME`].
    TemplateTooSlow(String),
    /// A template that wrote more than [`TEMPLATE_OUTPUT`] bytes.
    TemplateTooLong(String),
}

fn no_chinese_font() -> crate::i18n::Msg {
    crate::msg!(
        "no font with Chinese characters was found for the PDF; looked for 方正小标宋简体, 仿宋_GB2312 or 仿宋, 黑体, 楷体_GB2312 or 楷体, and Noto Serif CJK SC / Noto Sans CJK SC: install one (Debian: apt-get install fonts-noto-cjk) or give --font-path DIR",
        "没有找到含中文字符的字体，无法生成 PDF；查找过方正小标宋简体、仿宋_GB2312 或仿宋、黑体、楷体_GB2312 或楷体，以及 Noto Serif CJK SC / Noto Sans CJK SC：请安装其中一种（Debian：apt-get install fonts-noto-cjk），或用 --font-path 指定字体文件夹"
    )
}

impl std::error::Error for RenderError {}

crate::in_english!(RenderError);

/// Tera's own report stays as Tera writes it.
impl crate::i18n::Localized for RenderError {
    fn message(&self) -> crate::i18n::Msg {
        match self {
            RenderError::Template { name, report } => crate::i18n::Msg {
                en: template_error(name, report),
                zh: format!(
                    "模板 `{name}` 有误（以下为 Tera 的原文）：{}",
                    template_error(name, report)
                ),
            },
            RenderError::Docx(e) => crate::msg!(
                "cannot build the Word document: {e}",
                "无法生成 Word 文档：{e}"
            ),
            RenderError::Typst(e) => crate::msg!(
                "cannot typeset the PDF; the line is one of the Typst source the template made, which `weekly build --format typst` writes:\n{e}",
                "无法排版 PDF；行号指模板生成的 Typst 源文件（可用 `weekly build --format typst` 输出）中的行，以下为 Typst 的原文：\n{e}"
            ),
            RenderError::NoChineseFont => no_chinese_font(),
            RenderError::TemplateTooSlow(name) => {
                let s = TEMPLATE_TIME.as_secs_f32();
                crate::msg!(
                    "template `{name}` was not filled in after {s} s, and was stopped: does a loop run away? (the built-in templates take a millisecond)",
                    "模板 `{name}` 运行 {s} 秒仍未完成，已停止：是否有失控的循环？（内置模板只需约 1 毫秒）"
                )
            }
            RenderError::TemplateTooLong(name) => {
                let mib = TEMPLATE_OUTPUT / (1024 * 1024);
                crate::msg!(
                    "template `{name}` wrote more than {mib} MiB, and was stopped: does a loop run away? (a bulletin is kilobytes)",
                    "模板 `{name}` 输出超过 {mib} MiB，已停止：是否有失控的循环？（一期周报只有几 KB）"
                )
            }
            RenderError::NoPdf => crate::msg!(
                "this weekly was built without PDF support (the `pdf` feature)",
                "此版本的 weekly 编译时未包含 PDF 功能（`pdf` 特性）"
            ),
        }
    }
}

/// Tera's own report already reads `error: …` with the template's name and line.
fn template_error(name: &str, report: &str) -> String {
    match report.strip_prefix("error: ") {
        Some(report) => report.to_owned(),
        None => format!("template `{name}`: {report}"),
    }
}

/// The bulletin in `format`, as the bytes of the file.
pub fn render(
    bulletin: &Bulletin,
    format: Format,
    options: &Options,
) -> Result<Vec<u8>, RenderError> {
    Ok(typeset(bulletin, format, options)?.bytes)
}

/// A document and, for a PDF, the font families it was set in and the faces of the
/// built-in template that were set in a stand-in, with the family that stood in.
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub families: Vec<String>,
    pub stand_ins: Vec<(&'static faces::Face, &'static str)>,
}

impl Rendered {
    fn bytes(bytes: Vec<u8>) -> Rendered {
        Rendered {
            bytes,
            families: Vec::new(),
            stand_ins: Vec::new(),
        }
    }
}

/// [`render`], saying also which fonts a PDF used.
pub fn typeset(
    bulletin: &Bulletin,
    format: Format,
    options: &Options,
) -> Result<Rendered, RenderError> {
    let Some((name, source, users)) = options.templates.get(format) else {
        let bytes = docx::document(bulletin).map_err(RenderError::Docx)?;
        return Ok(Rendered::bytes(bytes));
    };
    // The fonts the template names are read while it is filled in and typeset.
    #[cfg(feature = "pdf")]
    if format == Format::Pdf {
        options.fonts.prefetch(source);
    }
    let text = if users {
        render_template(bulletin, name, source)?
    } else {
        let context = context(bulletin).map_err(|e| failed(name, e))?;
        fill_in(name, source, &context).map_err(|e| match e {
            Filled::TooLong => RenderError::TemplateTooLong(name.to_owned()),
            Filled::Failed(e) => failed(name, e),
        })?
    };
    let text = match options.width {
        Some(width) if format == Format::Text => text::wrap_document(&text, width),
        _ => text,
    };
    if format == Format::Pdf {
        let mut pdf = pdf_of(bulletin, &text, &options.fonts)?;
        // A user's template may name other fonts than the table's.
        if users {
            pdf.stand_ins.clear();
        }
        return Ok(pdf);
    }
    Ok(Rendered::bytes(text.into_bytes()))
}

/// What a template is given: the bulletin, and as `fonts` the families of each face.
fn context(bulletin: &Bulletin) -> tera::TeraResult<Context> {
    let mut context = Context::from_serialize(bulletin)?;
    context.insert("fonts", &faces::stacks());
    Ok(context)
}

#[cfg(feature = "pdf")]
fn pdf_of(bulletin: &Bulletin, source: &str, fonts: &Fonts) -> Result<Rendered, RenderError> {
    use chrono::Datelike;
    let date =
        chrono::NaiveDate::parse_from_str(&bulletin.published, "%Y-%m-%d").unwrap_or_default();
    let typeset = pdf::typeset(
        source,
        fonts,
        (date.year(), date.month() as u8, date.day() as u8),
    )
    .map_err(|e| match e {
        pdf::Failure::NoChineseFont => RenderError::NoChineseFont,
        pdf::Failure::Typst(report) => RenderError::Typst(report),
    })?;
    let stand_ins = faces::stand_ins(|family| fonts.has_family(family), &typeset.families);
    Ok(Rendered {
        bytes: typeset.pdf,
        families: typeset.families,
        stand_ins,
    })
}

#[cfg(not(feature = "pdf"))]
fn pdf_of(_: &Bulletin, _: &str, _: &Fonts) -> Result<Rendered, RenderError> {
    Err(RenderError::NoPdf)
}

/// How long a template may take to fill in, and how much it may write. A built-in template
/// takes a millisecond and writes kilobytes, even for the largest issue under the input cap:
/// a template whose loops run away is stopped, not waited for, and the whole run stays within
/// a second.
pub const TEMPLATE_TIME: Duration = Duration::from_millis(500);
pub const TEMPLATE_OUTPUT: usize = 64 * 1024 * 1024;

fn failed(name: &str, e: tera::Error) -> RenderError {
    RenderError::Template {
        name: name.to_owned(),
        report: error_chain(e),
    }
}

/// A user's template filled in, on a thread of its own: Tera cannot be stopped from outside,
/// so a template still running at [`TEMPLATE_TIME`] is left to the end of the process and the
/// build fails. A built-in template is known to finish, and is filled in at once.
fn render_template(bulletin: &Bulletin, name: &str, source: &str) -> Result<String, RenderError> {
    let failed = |e| failed(name, e);
    let context = context(bulletin).map_err(failed)?;
    let (owned_name, owned_source) = (name.to_owned(), source.to_owned());
    let (done, result) = mpsc::channel();
    std::thread::Builder::new()
        .name("template".into())
        .spawn(move || {
            let _ = done.send(fill_in(&owned_name, &owned_source, &context));
        })
        .map_err(|e| RenderError::Template {
            name: name.to_owned(),
            report: e.to_string(),
        })?;
    match result.recv_timeout(TEMPLATE_TIME) {
        Ok(Ok(text)) => Ok(text),
        Ok(Err(Filled::TooLong)) => Err(RenderError::TemplateTooLong(name.to_owned())),
        Ok(Err(Filled::Failed(e))) => Err(failed(e)),
        Err(_) => Err(RenderError::TemplateTooSlow(name.to_owned())),
    }
}

enum Filled {
    TooLong,
    Failed(tera::Error),
}

fn fill_in(name: &str, source: &str, context: &Context) -> Result<String, Filled> {
    let mut tera = Tera::new();
    tera.register_filter("md", |s: &str, _: Kwargs, _: &State| {
        text::markdown_escape(s)
    });
    tera.register_filter("typ", |s: &str, _: Kwargs, _: &State| text::typst_string(s));
    tera.register_filter("typ_text", |s: &str, _: Kwargs, _: &State| {
        text::typst_text(s)
    });
    tera.register_filter("wbr", |s: &str, _: Kwargs, _: &State| {
        tera::Value::safe_string(&html_with_breaks(s))
    });
    tera.add_raw_template(name, source)
        .map_err(Filled::Failed)?;
    let mut out = Capped(Vec::new());
    match tera.render_to(name, context, &mut out) {
        Ok(()) => String::from_utf8(out.0)
            .map_err(|e| Filled::Failed(tera::Error::message(format!("not UTF-8: {e}")))),
        Err(_) if out.0.len() >= TEMPLATE_OUTPUT => Err(Filled::TooLong),
        Err(e) => Err(Filled::Failed(e)),
    }
}

/// `s` escaped for HTML, with a `<wbr>` where a web address in it may break.
fn html_with_breaks(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    let mut last = 0;
    for at in text::address::breaks(s).into_iter().chain([s.len()]) {
        if last > 0 {
            out.extend_from_slice(b"<wbr>");
        }
        // Writing to a Vec cannot fail.
        let _ = tera::escape_html(&s[last..at], &mut out);
        last = at;
    }
    String::from_utf8(out).unwrap_or_default()
}

/// A buffer that takes at most [`TEMPLATE_OUTPUT`] bytes, and fails the write that would
/// go past them.
struct Capped(Vec<u8>);

impl std::io::Write for Capped {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if self.0.len() + bytes.len() > TEMPLATE_OUTPUT {
            self.0.resize(TEMPLATE_OUTPUT, 0);
            return Err(std::io::Error::other(
                "the template's output is over the cap",
            ));
        }
        self.0.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Tera keeps the root cause in `source()`; the whole chain is shown.
fn error_chain(e: tera::Error) -> String {
    let mut message = e.to_string();
    let mut cause = std::error::Error::source(&e);
    while let Some(c) = cause {
        message.push_str(&format!("\ncaused by: {c}"));
        cause = c.source();
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::Choice;
    use crate::model::{Footer, Paragraph, Run, Section};

    #[test]
    fn a_template_replaced_twice_is_the_later_and_replaces_only_its_format() {
        let mut templates = Templates::default();
        templates.replace(Format::Markdown, "a.md".into(), "A".into());
        templates.replace(Format::Html, "b.html".into(), "B".into());
        templates.replace(Format::Markdown, "c.md".into(), "C".into());
        assert_eq!(templates.get(Format::Markdown), Some(("c.md", "C", true)));
        assert_eq!(templates.get(Format::Html), Some(("b.html", "B", true)));
        let (name, _, user) = templates.get(Format::Text).unwrap();
        assert_eq!((name, user), ("bulletin.txt", false));
    }

    #[test]
    fn a_file_name_gives_its_format_by_extension_in_any_case() {
        use std::path::Path;
        let of = |p: &str| Format::from_path(Path::new(p));
        assert_eq!(of("out/2023-39.DOCX"), Some(Format::Docx));
        assert_eq!(of("a.htm"), Some(Format::Html));
        assert_eq!(of("a.markdown"), Some(Format::Markdown));
        assert_eq!(of("a.txt"), Some(Format::Text));
        assert_eq!(of("a.pdf"), Some(Format::Pdf));
        assert_eq!(of("a.odt"), None);
        assert_eq!(of("docx"), None);
        for f in Format::ALL {
            assert_eq!(of(&format!("x.{}", f.extensions()[0])), Some(f));
        }
    }

    fn text_of(b: &Bulletin, format: Format) -> String {
        String::from_utf8(render(b, format, &Options::default()).unwrap()).unwrap()
    }

    fn bulletin() -> Bulletin {
        Bulletin {
            title: "周报".into(),
            year: 2023,
            number: 1,
            total: 2,
            issue_line: "2023 年第 1 期（总第 2 期）".into(),
            period: "1 月 1 日—1 月 7 日".into(),
            publisher: "中心".into(),
            date: "2023 年 1 月 9 日".into(),
            published: "2023-01-09".into(),
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
                copies_line: "（共印3份）".into(),
            },
        }
    }

    #[test]
    fn markdown_bolds_departments_and_escapes_text() {
        let out = text_of(&bulletin(), Format::Markdown);
        assert_eq!(
            out,
            "2023 年第 1 期（总第 2 期）\n\n周报\n\n（1 月 1 日—1 月 7 日）\n\n中心\n\n2023 年 1 月 9 日\n\n\
             一、动态\n\n**水利厅**用 a\\*b 算。\n\n送：甲。\n\n发：乙。\n\n（共印3份）\n"
        );
    }

    #[test]
    fn only_text_is_wrapped_to_a_width() {
        let mut b = bulletin();
        b.sections[0].paragraphs[0].runs[1].text = "用".repeat(40) + "。";
        let narrow = Options {
            width: Some(20),
            ..Options::default()
        };
        for format in [Format::Markdown, Format::Html, Format::Typst] {
            assert_eq!(
                render(&b, format, &narrow).unwrap(),
                render(&b, format, &Options::default()).unwrap(),
                "{format:?}"
            );
        }
        let text = String::from_utf8(render(&b, Format::Text, &narrow).unwrap()).unwrap();
        use unicode_width::UnicodeWidthStr;
        assert!(text.lines().all(|line| line.width() <= 20), "{text}");
        assert!(text.contains(&"用".repeat(10)), "{text}");
    }

    /// The cap on a template's output takes output up to it, and no byte more.
    #[test]
    fn a_template_may_write_up_to_the_cap_and_no_more() {
        use std::io::Write;
        let mut out = Capped(Vec::new());
        out.write_all(&vec![b'x'; TEMPLATE_OUTPUT - 1]).unwrap();
        out.write_all(b"x").unwrap();
        assert_eq!(out.0.len(), TEMPLATE_OUTPUT);
        assert!(out.write_all(b"x").is_err());
        let mut out = Capped(Vec::new());
        out.write_all(&vec![b'x'; TEMPLATE_OUTPUT - 1]).unwrap();
        assert!(out.write_all(b"xx").is_err());
        assert_eq!(out.0.len(), TEMPLATE_OUTPUT);
    }

    #[test]
    fn text_is_printed_as_typed() {
        let out = text_of(&bulletin(), Format::Text);
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
        let out = text_of(&b, Format::Html);
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
        let mine = |source: &str| {
            let mut options = Options::default();
            options
                .templates
                .replace(Format::Markdown, "mine.md".into(), source.into());
            render(&bulletin(), Format::Markdown, &options)
                .unwrap_err()
                .to_string()
        };
        let err = mine("{{ title }}\n{% for x in %}");
        assert!(err.contains("mine.md:2:"), "{err}");
        let err = mine("{{ title | nosuchfilter }}");
        assert!(err.contains("nosuchfilter"), "{err}");
    }
}
