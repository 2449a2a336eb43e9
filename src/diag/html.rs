//! `weekly preview`'s page: the findings of the issue as an HTML panel, above the last print
//! that was built, with the script that reloads the page when a save builds another.

use super::finding::Location;
use super::{Diagnostic, Lines, Severity};
use crate::i18n::Lang;

/// Text made safe for HTML.
fn escaped(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// The findings of the file `name` (whose text is `text`) as a list, each at its line and
/// column; empty when there are none.
pub fn findings(name: &str, text: &str, found: &[Diagnostic], lang: Lang) -> String {
    if found.is_empty() {
        return String::new();
    }
    let lines = Lines::new(text);
    let mut out = format!(
        "<aside id=\"weekly-findings\"><h2>{}</h2><ol>\n",
        escaped(name)
    );
    for d in found {
        let at = Location::of(d, &lines);
        let (class, severity) = match d.severity() {
            Severity::Error => ("error", d.severity().name().get(lang)),
            Severity::Warning => ("warning", d.severity().name().get(lang)),
        };
        let place = match lang {
            Lang::En => format!("line {}, column {}: ", at.line, at.column),
            Lang::Zh => format!("第 {} 行第 {} 列：", at.line, at.column),
        };
        let help = d.help.as_ref().map_or(String::new(), |h| {
            format!("<br><small>{}</small>", escaped(h.get(lang)))
        });
        out.push_str(&format!(
            "<li class=\"{class}\">{severity} <code>{}</code> {place}{}{help}</li>\n",
            d.code.as_str(),
            escaped(d.message.get(lang)),
        ));
    }
    out.push_str("</ol></aside>\n");
    out
}

/// The panel for a file that could not be read: what stopped it, as the command line says it.
pub fn failure(said: &str) -> String {
    format!(
        "<aside id=\"weekly-findings\"><pre>{}</pre></aside>\n",
        escaped(said)
    )
}

/// How the panel looks; it is not printed with the page.
const STYLE: &str = "<style>#weekly-findings{font:14px/1.5 sans-serif;background:#fff8e6;\
border-bottom:2px solid #c60;padding:8px 16px;margin:0 0 16px}#weekly-findings h2{font-size:14px;\
margin:0}#weekly-findings .error{color:#a00}#weekly-findings code{font-weight:bold}\
#weekly-bar{font:13px sans-serif;padding:4px 16px;text-align:right}\
@media print{#weekly-findings,#weekly-bar{display:none}}</style>\n";

/// The preview page: `print` (the last HTML print built, if any) with the `findings` panel
/// above it, a link to the PDF when there is one, and the script that reloads the page when
/// the events at `/events` name a build other than `build`.
pub fn page(print: Option<&str>, findings: &str, build: u64, pdf: bool, lang: Lang) -> String {
    let script = format!(
        "<script>new EventSource(\"/events\").onmessage=function(e){{if(e.data!==\"{build}\")location.reload()}}</script>\n"
    );
    let bar = if pdf {
        let label = match lang {
            Lang::En => "PDF",
            Lang::Zh => "PDF 版",
        };
        format!("<div id=\"weekly-bar\"><a href=\"/bulletin.pdf\">{label}</a></div>\n")
    } else {
        String::new()
    };
    let top = format!("{STYLE}{bar}{findings}");
    match print {
        Some(print) => {
            // The panel goes first in the body, the script last.
            let body = print
                .find("<body")
                .and_then(|i| print[i..].find('>').map(|j| i + j + 1))
                .unwrap_or(0);
            let end = print.rfind("</body>").unwrap_or(print.len()).max(body);
            format!(
                "{}\n{top}{}{script}{}",
                &print[..body],
                &print[body..end],
                &print[end..]
            )
        }
        None => {
            let waiting = match lang {
                Lang::En => "No page yet: the issue has errors.",
                Lang::Zh => "尚无可显示的页面：本期有错误。",
            };
            format!(
                "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>weekly</title></head><body>\n{top}<p>{waiting}</p>\n{script}</body></html>\n"
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Code;

    #[test]
    fn findings_stand_above_the_print_and_the_script_at_its_end() {
        let d = Diagnostic::new(Code::E001, 6..9, crate::msg!("a <slip>", "有 <误>"))
            .with_help(crate::msg!("mend it", "请改正"));
        let panel = findings("2023-40.yaml", "a: 1\nb：2\n", &[d], Lang::Zh);
        assert_eq!(
            panel,
            "<aside id=\"weekly-findings\"><h2>2023-40.yaml</h2><ol>\n\
             <li class=\"error\">错误 <code>E001</code> 第 2 行第 2 列：有 &lt;误&gt;<br><small>请改正</small></li>\n\
             </ol></aside>\n"
        );
        assert_eq!(findings("a.yaml", "", &[], Lang::En), "");
        assert_eq!(
            failure("error: cannot read `<a>`"),
            "<aside id=\"weekly-findings\"><pre>error: cannot read `&lt;a&gt;`</pre></aside>\n"
        );
        let print = "<html><body class=\"x\"><p>本周</p></body></html>";
        let shown = page(Some(print), &panel, 7, false, Lang::Zh);
        let at = |s: &str| shown.find(s).unwrap();
        assert!(at("<body class=\"x\">") < at("weekly-findings"));
        assert!(at("weekly-findings") < at("<p>本周</p>"));
        assert!(at("<p>本周</p>") < at("e.data!==\"7\""));
        assert!(at("e.data!==\"7\"") < at("</body></html>"));
        assert!(!shown.contains("bulletin.pdf"));
        assert!(
            page(None, &panel, 1, true, Lang::En).contains("<a href=\"/bulletin.pdf\">PDF</a>")
        );
    }
}
