//! W003: a paragraph ends in terminal punctuation. Run on the last words of a paragraph, not
//! on every text.

use super::chars::{Lint, lint};
use crate::diag::Code;
use crate::msg;

/// W003: a paragraph should end in 。！？ (or …), possibly followed by closing marks.
pub fn paragraph_end(s: &str) -> Option<Lint> {
    let trimmed = s.trim_end();
    let body = trimmed.trim_end_matches(['”', '’', '）', '》', '」', '』', '】']);
    // An ellipsis typed as `...` or `。。。` ends the paragraph too; W013 reports its form.
    if body.ends_with(['。', '！', '？', '…']) || body.ends_with("...") {
        return None;
    }
    // Told to add a `。`, a clerk would leave the `.` before it; it is to be replaced.
    if body.ends_with('.') {
        return Some(lint(
            Code::W003,
            body.len() - 1..body.len(),
            msg!(
                "the paragraph ends with a half-width `.`",
                "段末用了半角 `.`"
            ),
            msg!(
                "replace the `.` with a full stop `。`",
                "请把 `.` 改为句号 `。`"
            ),
        ));
    }
    let last = trimmed.char_indices().last()?;
    Some(lint(
        Code::W003,
        last.0..trimmed.len(),
        msg!(
            "the paragraph does not end with 。！ or ？",
            "段末缺少句号（或问号、叹号）"
        ),
        msg!(
            "end the paragraph with a full stop `。`",
            "请在段末加上句号“。”"
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_end_with_terminal_punctuation() {
        assert_eq!(paragraph_end("完成。"), None);
        assert_eq!(paragraph_end("他强调：“要优化服务。”"), None);
        assert_eq!(paragraph_end("是否？"), None);
        let l = paragraph_end("完成编制").unwrap();
        assert_eq!(&"完成编制"[l.range], "制");
        assert!(paragraph_end("完成，").is_some());
        for s in ["采取有力措施.", "他强调：“要采取有力措施.”"] {
            let l = paragraph_end(s).unwrap();
            assert_eq!(&s[l.range.clone()], ".", "{s}");
            assert_eq!(l.help.en, "replace the `.` with a full stop `。`");
            assert_eq!(l.help.zh, "请把 `.` 改为句号 `。`");
        }
        assert_eq!(
            paragraph_end("完成编制").unwrap().help.en,
            "end the paragraph with a full stop `。`"
        );
    }
}
