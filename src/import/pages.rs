//! A text's printed lines: line ends of every kind, and what a PDF's text puts between pages
//! (form feeds, page numbers, the running head atop each page) taken out.

use std::ops::Range;

/// One line of the input, with where it is.
#[derive(Debug, Clone)]
pub(super) struct Line<'a> {
    pub text: &'a str,
    pub span: Range<usize>,
    /// A page ended just before this line.
    pub after_page_break: bool,
}

/// The lines of `text` without their line ends, page numbers and form feeds taken out (the
/// line after one marked).
pub(super) fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut page_break = false;
    let mut start = 0;
    // A line ends at LF, CRLF, a lone CR (old Mac files) or a form feed, which also ends a page.
    loop {
        let end = text[start..]
            .find(['\n', '\r', '\u{c}'])
            .map_or(text.len(), |i| start + i);
        let line = &text[start..end];
        if is_page_number(line) {
            page_break = true;
        } else {
            let blank = line.trim().is_empty();
            out.push(Line {
                text: line,
                span: start..end,
                after_page_break: page_break && !blank,
            });
            page_break &= blank;
        }
        let Some(sep) = text[end..].chars().next() else {
            break;
        };
        page_break |= sep == '\u{c}';
        start = end
            + if text[end..].starts_with("\r\n") {
                2
            } else {
                1
            };
    }
    without_running_head(out)
}

/// The lines without a running head: a line that begins two pages or more (the bulletin's
/// title that a Word document's header prints on every page), which a PDF's text puts in
/// the middle of the paragraph a page break splits. The page break moves to the line after.
fn without_running_head(lines: Vec<Line<'_>>) -> Vec<Line<'_>> {
    // The first line of each page with text.
    let mut first = vec![false; lines.len()];
    let mut page_starts = true;
    for (i, l) in lines.iter().enumerate() {
        page_starts |= l.after_page_break;
        if page_starts && !l.text.trim().is_empty() {
            first[i] = true;
            page_starts = false;
        }
    }
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut running = None;
    for (i, l) in lines.iter().enumerate().filter(|(i, _)| first[*i]) {
        let n = seen.entry(l.text.trim()).or_default();
        *n += 1;
        if *n == 2 {
            running = Some(i);
            break;
        }
    }
    let Some(running) = running.map(|i| lines[i].text.trim()) else {
        return lines;
    };
    let mut carry = false;
    let mut out = Vec::with_capacity(lines.len());
    for (i, mut line) in lines.iter().cloned().enumerate() {
        if first[i] && line.text.trim() == running {
            carry = line.after_page_break;
            continue;
        }
        if carry && !line.text.trim().is_empty() {
            line.after_page_break = true;
            carry = false;
        }
        out.push(line);
    }
    out
}

/// `— 2 —`, `- 2 -`, `—2—`, `第 2 页`, `第 2 页 共 3 页`: a page number on a line of its own.
fn is_page_number(line: &str) -> bool {
    let t = line.trim();
    let figures = |s: &str| {
        let s = s.trim();
        !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
    };
    if let Some(rest) = t.strip_prefix('第') {
        let (page, of) = rest.split_once('页').unwrap_or((rest, "?"));
        let of = of.trim();
        let all = of.is_empty()
            || of
                .strip_prefix('共')
                .and_then(|n| n.strip_suffix('页'))
                .is_some_and(figures);
        return figures(page) && all;
    }
    let dashes = |c: char| matches!(c, '—' | '-' | '－' | '–' | '―');
    let inner = t.trim_start_matches(dashes).trim_end_matches(dashes);
    inner.len() < t.len()
        && t.starts_with(dashes)
        && t.ends_with(dashes)
        && !inner.trim().is_empty()
        && inner.trim().chars().all(|c| c.is_ascii_digit())
}

/// A line that may end a paragraph: it ends a sentence or a bracket.
pub(super) fn ends_sentence(line: &str) -> bool {
    line.ends_with(['。', '！', '？', '；', '”', '）', '》', '…', '：'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_are_recognised() {
        for s in ["—1—", "— 12 —", "- 3 -", "－4－"] {
            assert!(is_page_number(s), "{s}");
        }
        for s in ["第 3 页", "第3页 共5页"] {
            assert!(is_page_number(s), "{s}");
        }
        for s in [
            "——",
            "1",
            "—甲—",
            "-1",
            "第 3 期",
            "第一页",
            "第 3 页，见附件",
        ] {
            assert!(!is_page_number(s), "{s}");
        }
    }
}
