//! Which format each output takes: the one its file name's extension names, or `--format`,
//! which an extension may not contradict.

use std::path::{Path, PathBuf};

use crate::formats::Choice;
use crate::i18n::Msg;
use crate::msg;
use crate::render::Format;
use crate::stats;

/// One document a build writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// The file, or `None` for stdout (no `-o`, or `-o -`).
    pub path: Option<PathBuf>,
    pub format: Format,
}

/// The outputs of `weekly build`: each `-o` in the format its extension names, or in
/// `--format`, which an extension may not contradict; stdout, and what is not a file
/// (`not_a_file`: a device, a FIFO, or a folder, refused later for what it is) without an
/// extension, in `--format` or else Markdown.
pub fn outputs(
    format: Option<Format>,
    paths: Vec<PathBuf>,
    not_a_file: impl Fn(&Path) -> bool,
) -> Result<Vec<Output>, Msg> {
    if paths.is_empty() {
        return Ok(vec![Output {
            path: None,
            format: format.unwrap_or(Format::Markdown),
        }]);
    }
    let mut outputs: Vec<Output> = Vec::new();
    for path in paths {
        let shown = crate::text::quote::path(&path);
        let stdout = path == Path::new("-");
        let format = if stdout {
            format.unwrap_or(Format::Markdown)
        } else {
            format_of(format, &path, || {
                not_a_file(&path).then_some(Format::Markdown)
            })?
        };
        let path = (!stdout).then_some(path);
        if outputs.iter().any(|o| o.path == path) {
            let shown = if path.is_some() {
                shown.as_str()
            } else {
                "stdout"
            };
            return Err(msg!(
                "`{shown}` is given twice as -o",
                "`{shown}` 在 -o 中出现了两次"
            ));
        }
        outputs.push(Output { path, format });
    }
    Ok(outputs)
}

/// The format of `weekly stats`' output: the one its extension names, or `--format`, which
/// an extension may not contradict; the table without either on stdout or what is not a file.
pub fn stats_format(
    format: Option<stats::format::Format>,
    path: Option<&Path>,
    not_a_file: impl Fn(&Path) -> bool,
) -> Result<stats::format::Format, Msg> {
    use stats::format::Format as F;
    match path.filter(|p| *p != Path::new("-")) {
        None => Ok(format.unwrap_or(F::Table)),
        Some(path) => format_of(format, path, || not_a_file(path).then_some(F::Table)),
    }
}

/// The format of the output `path`: the one its extension names, or `given`, which the
/// extension may not contradict; without either, `fallback` (a device or FIFO takes the
/// default), else a usage error listing the extensions.
fn format_of<F: Choice>(
    given: Option<F>,
    path: &Path,
    fallback: impl FnOnce() -> Option<F>,
) -> Result<F, Msg> {
    let shown = crate::text::quote::path(path);
    match (given, F::from_path(path)) {
        (Some(given), Some(named)) if given != named => {
            let (named, given) = (named.name(), given.name());
            Err(msg!(
                "`{shown}` names a {named} file but --format is {given}: change the name or leave --format out",
                "从文件名看，`{shown}` 是 {named} 格式，但 --format 指定的是 {given}：请修改文件名，或去掉 --format"
            ))
        }
        (_, Some(named)) => Ok(named),
        (Some(given), None) => Ok(given),
        (None, None) => fallback().ok_or_else(|| {
            let known: Vec<String> = F::all()
                .iter()
                .flat_map(|f| f.extensions())
                .map(|e| format!(".{e}"))
                .collect();
            let (en, zh) = (known.join(", "), known.join("、"));
            msg!(
                "cannot tell the format of `{shown}` from its name: end its name with one of {en}, or give --format",
                "无法从文件名看出 `{shown}` 的格式：文件名请以 {zh} 之一结尾，或加 --format"
            )
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out(path: Option<&str>, format: Format) -> Output {
        Output {
            path: path.map(PathBuf::from),
            format,
        }
    }

    fn no(_: &std::path::Path) -> bool {
        false
    }

    #[test]
    fn a_device_without_an_extension_takes_markdown_like_stdout() {
        let dev = |p: &std::path::Path| p.starts_with("/dev");
        assert_eq!(
            outputs(None, paths(&["/dev/null"]), dev),
            Ok(vec![out(Some("/dev/null"), Format::Markdown)])
        );
        assert!(outputs(None, paths(&["bulletin"]), dev).is_err());
    }

    fn paths(list: &[&str]) -> Vec<PathBuf> {
        list.iter().map(PathBuf::from).collect()
    }

    #[test]
    fn without_o_the_format_is_given_or_markdown_on_stdout() {
        assert_eq!(
            outputs(None, vec![], no),
            Ok(vec![out(None, Format::Markdown)])
        );
        assert_eq!(
            outputs(Some(Format::Html), vec![], no),
            Ok(vec![out(None, Format::Html)])
        );
        assert_eq!(
            outputs(Some(Format::Text), paths(&["-"]), no),
            Ok(vec![out(None, Format::Text)])
        );
    }

    #[test]
    fn each_output_takes_the_format_its_extension_names() {
        let got = outputs(None, paths(&["a.md", "b.HTML", "c.docx", "d.txt", "-"]), no);
        let want = vec![
            out(Some("a.md"), Format::Markdown),
            out(Some("b.HTML"), Format::Html),
            out(Some("c.docx"), Format::Docx),
            out(Some("d.txt"), Format::Text),
            out(None, Format::Markdown),
        ];
        assert_eq!(got, Ok(want));
    }

    #[test]
    fn format_applies_to_names_without_a_known_extension_and_may_not_contradict_one() {
        assert_eq!(
            outputs(Some(Format::Docx), paths(&["bulletin", "b.docx"]), no),
            Ok(vec![
                out(Some("bulletin"), Format::Docx),
                out(Some("b.docx"), Format::Docx)
            ])
        );
        let err = outputs(Some(Format::Markdown), paths(&["a.docx"]), no)
            .unwrap_err()
            .en;
        assert!(
            err.contains("`a.docx` names a docx file but --format is md"),
            "{err}"
        );
        let err = outputs(None, paths(&["a.odt"]), no).unwrap_err().en;
        assert!(
            err.contains(".md, .markdown, .txt, .html, .htm, .docx, .typ, .pdf"),
            "{err}"
        );
    }

    #[test]
    fn stats_take_the_format_of_the_name_or_the_table() {
        use stats::format::Format as F;
        let p = |s: &'static str| Some(std::path::Path::new(s));
        assert_eq!(stats_format(None, None, no), Ok(F::Table));
        assert_eq!(stats_format(Some(F::Json), p("-"), no), Ok(F::Json));
        assert_eq!(stats_format(None, p("year.XLSX"), no), Ok(F::Xlsx));
        assert_eq!(stats_format(Some(F::Svg), p("chart"), no), Ok(F::Svg));
        assert_eq!(stats_format(None, p("/dev/null"), |_| true), Ok(F::Table));
        let err = stats_format(Some(F::Csv), p("a.json"), no).unwrap_err().en;
        assert!(
            err.contains("names a json file but --format is csv"),
            "{err}"
        );
        let err = stats_format(None, p("a.md"), no).unwrap_err().zh;
        assert!(
            err.contains(".txt、.csv、.json、.svg、.html、.htm、.xlsx"),
            "{err}"
        );
    }

    #[test]
    fn an_output_given_twice_is_refused() {
        let err = outputs(None, paths(&["a.md", "a.md"]), no).unwrap_err().en;
        assert!(err.contains("`a.md` is given twice"), "{err}");
        let err = outputs(None, paths(&["-", "-"]), no).unwrap_err().en;
        assert!(err.contains("`stdout` is given twice"), "{err}");
    }
}
