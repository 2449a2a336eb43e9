//! `--message-format github`: GitHub Actions workflow commands, shown as annotations on a pull
//! request.

use super::finding::Finding;
use crate::i18n::Lang;
use crate::text::quote::printable;

/// A workflow command: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=E012::message`.
pub fn github(f: &Finding) -> String {
    let mut message = f.message().to_owned();
    if let Some(help) = f.help() {
        message.push_str(if f.lang == Lang::Zh {
            "\n帮助："
        } else {
            "\nhelp: "
        });
        message.push_str(help);
    }
    format!(
        "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
        f.d.severity().name().en,
        github_property(f.path),
        f.at.line,
        f.at.column,
        f.at.end_line,
        f.at.end_column,
        f.d.code,
        github_data(&message)
    )
}

/// GitHub's escaping of a command's message.
fn github_data(s: &str) -> String {
    let s = s
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    printable(&s).into_owned()
}

/// GitHub's escaping of a command's property value.
fn github_property(s: &str) -> String {
    github_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::finding::tests::finding;
    use crate::diag::{Code, Diagnostic};

    #[test]
    fn github_escapes_data_and_properties() {
        let d = Diagnostic::new(Code::E002, 0..1, crate::msg!("100% wrong", "100% 错"))
            .with_help(crate::msg!("two\nlines", "两\n行"));
        assert_eq!(
            github(&finding(&d)),
            "::error file=issues/a%2Cb.yaml,line=3,col=5,endLine=3,endColumn=9,title=E002::100%25 wrong%0Ahelp: two%0Alines"
        );
    }
}
