//! What a finding's snippet shows of the source: the lines of its span, cut around the span.

use std::borrow::Cow;
use std::ops::Range;

use unicode_width::UnicodeWidthChar;

use crate::diag::Lines;

use crate::text::quote::is_unprintable;

/// Display columns of source shown on one line of a snippet, beside the `…` that mark a cut:
/// with the margin of line numbers it stays within the renderer's 140 columns, so the
/// renderer never cuts a line itself. Rendering a whole long line for each of its findings
/// would cost time in the square of the findings.
pub const WIDTH: usize = 120;

/// Columns of context kept before a span wider than a window.
const CONTEXT: usize = 16;

/// Characters a window may hold whatever their width: zero-width characters take no
/// columns, and a window must stay small even on a line of them.
const MAX_CHARS: usize = 4 * WIDTH;

/// Lines a span may touch and still be shown whole. The renderer folds the middle of a
/// longer span away, but it reads every line of it for each finding; past this, only the
/// span's first line is shown.
pub const MAX_LINES: usize = 16;

/// Marks where a line was cut.
const CUT: &str = "…";

/// What a snippet shows: text that is safe to print, the number of its first line, the span
/// within it, and whether the first line was cut before the span (its columns then count
/// from the cut).
#[derive(Debug, PartialEq, Eq)]
pub struct View {
    pub text: String,
    pub line_start: usize,
    pub span: Range<usize>,
    pub cut_before: bool,
}

/// The lines `span` touches, each cut to at most [`WIDTH`] columns around the span, with
/// control and bidirectional-override characters written as `?`s.
pub fn view(lines: &Lines, span: Range<usize>) -> View {
    let source = lines.text;
    let first = lines.line_of(span.start);
    let mut last = lines.line_of(span.end);
    let mut end = span.end;
    if last - first >= MAX_LINES {
        last = first;
        end = lines.line(first).end.max(span.start);
    }
    let mut text = String::new();
    let mut shown = 0..0;
    let mut cut_before = false;
    for n in first..=last {
        let line = lines.line(n);
        let focus = if first == last {
            span.start..end
        } else if n == first {
            span.start..line.end
        } else if n == last {
            end..end
        } else {
            line.start..line.start
        };
        let cut = window(source, line.clone(), focus);
        if n > first {
            text.push('\n');
        }
        let base = text.len();
        let head = if cut.start > line.start { CUT } else { "" };
        text.push_str(head);
        text.push_str(&displayable(&source[cut.clone()]));
        let cut_end = cut.end < line.end;
        if cut_end {
            text.push_str(CUT);
        }
        let at = |offset: usize| {
            base + head.len() + shown_len(&source[cut.start..offset.clamp(cut.start, cut.end)])
        };
        if n == first {
            shown.start = at(span.start);
            cut_before = cut.start > line.start;
        }
        if n == last {
            // A span that runs on past the window takes in the mark of the cut.
            shown.end = if cut_end && end > cut.end {
                text.len()
            } else {
                at(end)
            };
        }
    }
    View {
        text,
        line_start: first,
        span: shown,
        cut_before,
    }
}

/// The bytes of `line` shown around `focus`: the whole line when it fits in [`WIDTH`]
/// columns, else a window that holds the start of the focus with context on each side.
fn window(source: &str, line: Range<usize>, focus: Range<usize>) -> Range<usize> {
    let (to, _) = right(source, line.start, line.end, WIDTH);
    if to == line.end {
        return line;
    }
    let (_, wide) = right(source, focus.start, focus.end, WIDTH);
    let wide = wide.min(WIDTH - 2 * CONTEXT);
    let (from, _) = left(source, line.start, focus.start, (WIDTH - wide) / 2);
    let (to, used) = right(source, from, line.end, WIDTH);
    if to < line.end {
        return from..to;
    }
    // The line ends within the window: the columns left over go to the context before.
    let (from, _) = left(source, line.start, from, WIDTH - used);
    from..to
}

/// How far left of `at`, not past `floor`, `columns` columns reach, and the columns taken.
fn left(source: &str, floor: usize, at: usize, columns: usize) -> (usize, usize) {
    let mut used = 0;
    let mut from = at;
    for (i, c) in source[floor..at].char_indices().rev().take(MAX_CHARS) {
        let w = width(c);
        if used + w > columns {
            break;
        }
        used += w;
        from = floor + i;
    }
    (from, used)
}

/// How far right of `at`, not past `ceiling`, `columns` columns reach, and the columns taken.
fn right(source: &str, at: usize, ceiling: usize, columns: usize) -> (usize, usize) {
    let mut used = 0;
    let mut to = at;
    for c in source[at..ceiling].chars().take(MAX_CHARS) {
        let w = width(c);
        if used + w > columns {
            break;
        }
        used += w;
        to += c.len_utf8();
    }
    (to, used)
}

/// Columns a character takes in a snippet, as the renderer counts them; a control character
/// is shown as `?`s, one for each of its bytes.
fn width(c: char) -> usize {
    match c {
        '\t' => 1,
        c if is_unprintable(c) && !matches!(c, '\n' | '\r') => c.len_utf8(),
        c if crate::text::invisible(c).is_some() => 1,
        c => c.width().unwrap_or(1),
    }
}

/// The text with every control or bidirectional-override character replaced by `?`s of the
/// same byte length, so that spans still fit and nothing reaches the terminal raw.
fn displayable(source: &str) -> Cow<'_, str> {
    let changed = |c: char| {
        is_unprintable(c) && !matches!(c, '\n' | '\r') || c == '\u{3000}' || shown(c).is_some()
    };
    if !source.chars().any(changed) {
        return Cow::Borrowed(source);
    }
    let mut out = String::with_capacity(source.len());
    for c in source.chars() {
        match shown(c) {
            Some(mark) => out.push_str(mark),
            None if changed(c) => out.extend(std::iter::repeat_n('?', c.len_utf8())),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The invisible characters an input method slips in, drawn as marks: a tab as `⇥`, a
/// full-width space as `□`, so that a finding about them points at something; a form feed,
/// which starts each page of a PDF's text, as `␌`; a line or paragraph separator as `␤`, and
/// a character of no width copied in with text as `◌`.
fn shown(c: char) -> Option<&'static str> {
    match c {
        '\t' => Some("⇥"),
        '\u{3000}' => Some("□"),
        '\u{c}' => Some("␌"),
        '\u{2028}' | '\u{2029}' => Some("␤"),
        c if crate::text::invisible(c).is_some() => Some("◌"),
        _ => None,
    }
}

/// Text with the invisible characters drawn as [`shown`] draws them, for a message to quote.
pub fn marked(text: &str) -> String {
    text.chars()
        .map(|c| shown(c).map_or_else(|| c.to_string(), str::to_owned))
        .collect()
}

/// The length in bytes of `source` as [`displayable`] writes it.
fn shown_len(source: &str) -> usize {
    source
        .chars()
        .map(|c| shown(c).map_or(c.len_utf8(), str::len))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabs_and_full_width_spaces_are_drawn_and_the_span_follows() {
        let src = "a:\n\tyear: 2023\n　　title: x\n";
        let lines = Lines::new(src);
        let tab = src.find('\t').unwrap();
        let v = view(&lines, tab..tab + 1);
        assert_eq!(v.text, "⇥year: 2023");
        assert_eq!(&v.text[v.span.clone()], "⇥");
        let year = src.find("2023").unwrap();
        let v = view(&lines, year..year + 4);
        assert_eq!(&v.text[v.span.clone()], "2023");
        let wide = src.find('　').unwrap();
        let v = view(&lines, wide..wide + 3);
        assert_eq!(v.text, "□□title: x");
        assert_eq!(&v.text[v.span.clone()], "□");
    }

    #[test]
    fn a_form_feed_is_drawn_and_what_follows_it_is_pointed_at() {
        let src = "— 2 —\n\u{c}经济发展。\n";
        let lines = Lines::new(src);
        let at = src.find('经').unwrap();
        let v = view(&lines, at..at + 3);
        assert_eq!(v.text, "␌经济发展。");
        assert_eq!(&v.text[v.span.clone()], "经");
    }

    fn shown(src: &str, span: Range<usize>) -> (String, String) {
        let v = view(&Lines::new(src), span);
        let marked = v.text[v.span.clone()].to_owned();
        (v.text, marked)
    }

    fn columns(s: &str) -> usize {
        s.chars().map(width).sum()
    }

    #[test]
    fn a_short_line_is_shown_whole() {
        let src = "a: 1\ntitle: 标题。。\nb: 2\n";
        let at = src.find("。。").unwrap();
        let v = view(&Lines::new(src), at..at + 6);
        assert_eq!(
            v,
            View {
                text: "title: 标题。。".into(),
                line_start: 2,
                span: 13..19,
                cut_before: false,
            }
        );
    }

    #[test]
    fn a_long_line_is_cut_around_the_span() {
        let src = format!("text: {}", "甲...".repeat(1000));
        let at = src.len() / 2;
        let at = at - (at - 6) % 6 + 3;
        assert_eq!(&src[at..at + 3], "...");
        let v = view(&Lines::new(&src), at..at + 3);
        let text = v.text.as_str();
        assert_eq!(&text[v.span.clone()], "...");
        assert!(v.cut_before && text.starts_with('…') && text.ends_with('…'));
        assert!(columns(text) <= WIDTH + 2, "{}", columns(text));
        assert!(columns(text) >= WIDTH - 1, "{}", columns(text));
        // The span sits in the middle of the window.
        let before = columns(&text[..v.span.start]);
        assert!((WIDTH / 2 - 4..WIDTH / 2 + 4).contains(&before), "{before}");
    }

    #[test]
    fn the_ends_of_a_long_line_are_cut_on_one_side() {
        let src = format!("text: {}", "a".repeat(1000));
        let (text, marked) = shown(&src, 0..4);
        assert_eq!(marked, "text");
        assert!(!text.starts_with('…') && text.ends_with('…'));
        assert_eq!(columns(&text), WIDTH + 1);
        let end = src.len();
        let (text, marked) = shown(&src, end - 1..end);
        assert_eq!(marked, "a");
        assert!(text.starts_with('…') && !text.ends_with('…'));
        assert_eq!(columns(&text), WIDTH + 1);
    }

    #[test]
    fn a_span_wider_than_the_window_runs_into_the_cut() {
        let src = format!("x{}", "é".repeat(500));
        let (text, marked) = shown(&src, 1..src.len());
        assert!(marked.starts_with('é') && marked.ends_with('…'), "{marked}");
        assert!(!text.starts_with('…'));
    }

    #[test]
    fn a_span_over_many_lines_shows_its_first() {
        let src = "a: |\n".to_owned() + &"  line\n".repeat(MAX_LINES + 1);
        let v = view(&Lines::new(&src), 5..src.len() - 1);
        assert_eq!((v.text.as_str(), v.span), ("  line", 0..6));
        let few = "a: |\n".to_owned() + &"  line\n".repeat(MAX_LINES);
        let v = view(&Lines::new(&few), 5..few.len() - 1);
        assert_eq!(v.text.lines().count(), MAX_LINES);
    }

    #[test]
    fn control_characters_are_shown_as_question_marks() {
        let src = format!("{}\u{1b}[2J{}", "a".repeat(300), "b".repeat(300));
        let (text, marked) = shown(&src, 300..301);
        assert_eq!(marked, "?");
        assert!(!text.contains('\u{1b}') && text.contains("?[2J"));
    }
}
