//! Wrapping the text document to a width by the Chinese line-breaking rules; pure.

use std::ops::Range;

use icu_segmenter::options::LineBreakOptions;
use icu_segmenter::{LineSegmenter, LineSegmenterBorrowed};

use super::chars::is_han;

/// Columns `s` takes on a fixed-width display: a Chinese character or full-width mark takes
/// two, and so do the marks of ambiguous width (— … “ ”), as Chinese text sets them.
pub fn display_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width_cjk(s)
}

/// Where UAX #14 (Unicode line breaking, as of Unicode 17) lets a line break. Its rules keep
/// most of the Chinese ones (GB/T 15834 and common 禁则) already: no break before `，。、？！`
/// and the closing brackets and quotation marks, none after the opening ones, none inside
/// `——` or `……` or before `…`, none inside a run of Latin letters and digits (`61.76%`
/// included), and breaks between Chinese characters and before `“` and after `”` among them.
const UAX14: LineSegmenterBorrowed<'static> =
    LineSegmenter::new_17_for_non_complex_scripts(LineBreakOptions::default());

/// Marks that UAX #14 lets begin a line and Chinese typesetting does not: the dash, which
/// UAX #14 (class B2) may break before, and the marks it keeps off a line's start except after
/// a space, where it breaks whatever follows (LB18).
fn begins_no_line(c: char) -> bool {
    matches!(c, '—' | '；' | '：' | '”' | '’' | '…')
}

/// The document wrapped to `width` columns for fixed-width print tooling. Paragraphs (one
/// line each, as the templates write them) are broken by the Chinese rules: no line starts
/// with a closing mark or ends with an opening one, and `——`, `……` and runs of Latin letters
/// and digits are never split. The masthead (everything before the first 一、 heading) is
/// centred; the lines of a numbered item, and of 送： and 发：, continue under its text.
pub fn wrap_document(doc: &str, width: usize) -> String {
    let width = width.max(8);
    let mut out = String::with_capacity(doc.len() + doc.len() / 8);
    let mut masthead = true;
    for line in doc.split('\n') {
        if is_section_heading(line) {
            masthead = false;
        }
        let hang = if masthead { 0 } else { hanging_indent(line) };
        for (i, piece) in wrap(line, width, hang).iter().enumerate() {
            if i > 0 {
                out.push('\n');
                out.push_str(&" ".repeat(hang));
            }
            if masthead && !piece.is_empty() {
                out.push_str(&" ".repeat((width.saturating_sub(display_width(piece))) / 2));
            }
            out.push_str(piece);
        }
        out.push('\n');
    }
    out.pop();
    out
}

/// `一、…`, `十一、…`: a section heading.
fn is_section_heading(line: &str) -> bool {
    let numeral = line
        .chars()
        .take_while(|c| "一二三四五六七八九十百零".contains(*c))
        .count();
    numeral > 0 && line.chars().nth(numeral) == Some('、')
}

/// How far the continuation lines of a paragraph are indented: under the text after `12.`,
/// `送：` or `发：`.
fn hanging_indent(line: &str) -> usize {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && line.as_bytes().get(digits) == Some(&b'.') {
        return digits + 1;
    }
    if line.starts_with("送：") || line.starts_with("发：") {
        return display_width("送：");
    }
    0
}

/// The pieces of one paragraph: the first up to `width` columns, the others up to
/// `width - hang`. Each line takes as many of the pieces between break opportunities as fit;
/// spaces at a break are dropped. A piece wider than a whole line is broken anyway, as
/// `emergency_units` allows.
pub fn wrap(line: &str, width: usize, hang: usize) -> Vec<String> {
    let mut lines = Lines {
        line,
        done: Vec::new(),
        start: 0,
        end: 0,
        used: 0,
        width,
        hang,
    };
    pieces(line, |start, end| lines.add(start, end));
    lines.done.push(line[lines.start..lines.end].to_owned());
    lines.done
}

/// The lines of a paragraph being wrapped: those done, and the current one, `start..end` of
/// the paragraph.
struct Lines<'a> {
    line: &'a str,
    done: Vec<String>,
    start: usize,
    end: usize,
    /// Columns of the current line, spaces at its end included.
    used: usize,
    width: usize,
    hang: usize,
}

impl Lines<'_> {
    /// Columns the current line may take.
    fn room(&self) -> usize {
        if self.done.is_empty() {
            self.width
        } else {
            self.width.saturating_sub(self.hang).max(2)
        }
    }

    fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Places the piece `start..end` of the paragraph, on this line if it fits.
    fn add(&mut self, start: usize, end: usize) {
        let piece = &self.line[start..end];
        let mut body = piece.trim_end_matches(' ');
        let spaces = piece.len() - body.len();
        let mut w = display_width(body);
        if !self.is_empty() && self.used + w > self.room() {
            self.finish();
        }
        // A space does not begin a line after a break; a paragraph's own first one stays.
        if self.is_empty() && !self.done.is_empty() && body.starts_with(' ') {
            body = body.trim_start_matches(' ');
            w = display_width(body);
        }
        let from = start + piece.len() - spaces - body.len();
        if w <= self.room() {
            self.extend(from, from + body.len(), w);
        } else {
            let mut at = from;
            for unit in emergency_units(body) {
                let w = display_width(unit);
                if !self.is_empty() && self.used + w > self.room() {
                    self.finish();
                }
                self.extend(at, at + unit.len(), w);
                at += unit.len();
            }
        }
        // Spaces after the piece hang past the width if they must: a break drops them.
        if !self.is_empty() || self.done.is_empty() {
            self.extend(end - spaces, end, spaces);
        }
    }

    fn extend(&mut self, start: usize, end: usize, width: usize) {
        if self.is_empty() {
            self.start = start;
        }
        self.end = end;
        self.used += width;
    }

    /// Ends the current line at a break, without the spaces before it.
    fn finish(&mut self) {
        let text = self.line[self.start..self.end].trim_end_matches(' ');
        self.done.push(text.to_owned());
        self.start = self.end;
        self.used = 0;
    }
}

/// Calls `piece` with each piece of `line` a line break may fall between (its start and end,
/// the spaces after it included): `line` cut at every break opportunity UAX #14 gives but
/// those before a mark that `begins_no_line`, and at those `chinese_break` adds.
fn pieces(line: &str, mut piece: impl FnMut(usize, usize)) {
    let mut start = 0;
    let mut cut = |at: usize| {
        piece(start, at);
        start = at;
    };
    let mut marks = line.match_indices(['“', '”', '+']).peekable();
    let mut from = 0;
    for at in UAX14.segment_str(line).filter(|&at| at > 0) {
        while let Some((i, mark)) = marks.next_if(|&(i, _)| i < at) {
            if let Some(extra) = chinese_break(line, i, mark, from..at) {
                cut(extra);
            }
        }
        from = at;
        if !line[at..].starts_with(begins_no_line) {
            cut(at);
        }
    }
}

/// A break inside `span` of `line` (between two of UAX #14's) that Chinese typesetting makes
/// at the `mark` at `at`: after `”` before a Latin letter or a figure, and before `“` after
/// one (`“天府通办”|APP`): UAX #14 cannot tell which way a quotation mark faces beside Latin
/// text and breaks on neither side there (LB19a), where in Chinese `“` opens and `”` closes;
/// and after a `+` between Chinese words (`容缺+|承诺`): UAX #14 takes `+` for the sign of what
/// follows (LB23a), where between words it means 和 and may end a line as the word before it
/// may.
fn chinese_break(line: &str, at: usize, mark: &str, span: Range<usize>) -> Option<usize> {
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let han = |c: Option<char>| c.is_some_and(is_han);
    let before = line[..at].chars().next_back();
    let next = at + mark.len();
    let after = line[next..].chars().next();
    let inside = |at: usize| span.start < at && at < span.end;
    match mark {
        "“" if inside(at) && latin(before) => Some(at),
        "”" if inside(next) && latin(after) => Some(next),
        "+" if inside(next) && han(before) && han(after) => Some(next),
        _ => None,
    }
}

/// A piece wider than a whole line (a long web address, or a very narrow width) is broken
/// anyway, where its line is full: between any two characters but inside `——`, `……` or a run
/// of Latin letters and digits (with the `.`, `%` and `+` inside numbers). These are the
/// pieces it may break between.
fn emergency_units(piece: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = piece;
    while let Some(c) = rest.chars().next() {
        let len = if rest.starts_with("——") || rest.starts_with("……") {
            2 * c.len_utf8()
        } else if c.is_ascii_alphanumeric() {
            rest.find(|d: char| !(d.is_ascii_alphanumeric() || matches!(d, '.' | '%' | '+')))
                .unwrap_or(rest.len())
        } else {
            c.len_utf8()
        };
        out.push(&rest[..len]);
        rest = &rest[len..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_chinese_twice() {
        assert_eq!(display_width("窗口工作周报"), 12);
        assert_eq!(display_width("2023 年"), 7);
        assert_eq!(display_width("（共印91份）"), 12);
    }

    #[test]
    fn closing_marks_never_begin_a_line() {
        // 10 columns: `甲乙丙丁戊` fills the line and `。` would begin the next.
        let lines = wrap("甲乙丙丁戊。己庚", 10, 0);
        assert_eq!(lines, ["甲乙丙丁", "戊。己庚"]);
    }

    #[test]
    fn opening_marks_never_end_a_line() {
        let lines = wrap("甲乙丙丁《戊己》", 10, 0);
        assert_eq!(lines, ["甲乙丙丁", "《戊己》"]);
    }

    #[test]
    fn dashes_ellipses_and_numbers_stay_whole() {
        assert_eq!(wrap("甲乙丙丁——戊", 10, 0), ["甲乙丙", "丁——戊"]);
        assert_eq!(wrap("甲乙丙丁……戊", 10, 0), ["甲乙丙", "丁……戊"]);
        assert_eq!(wrap("共计咨询 2881 人次", 12, 0), ["共计咨询", "2881 人次"]);
    }

    #[test]
    fn quotation_marks_break_outside_among_chinese_characters() {
        // UAX #14 of Unicode 17 (LB19a): a break before `“` and after `”`, none inside.
        assert_eq!(wrap("甲乙丙丁“戊己”", 10, 0), ["甲乙丙丁", "“戊己”"]);
        assert_eq!(wrap("甲“乙”丙丁戊", 8, 0), ["甲“乙”", "丙丁戊"]);
    }

    #[test]
    fn quotation_marks_break_beside_latin_words_too() {
        assert_eq!(
            wrap("通过“天府通办”APP可", 16, 0),
            ["通过“天府通办”", "APP可"]
        );
        assert_eq!(wrap("甲乙丙丁戊APP“己”", 16, 0), ["甲乙丙丁戊APP", "“己”"]);
        // The Latin word keeps the mark after it.
        assert_eq!(wrap("甲乙丙丁“戊”APP。", 16, 0), ["甲乙丙丁“戊”", "APP。"]);
    }

    #[test]
    fn a_plus_between_chinese_words_ends_a_line() {
        assert_eq!(wrap("甲乙丙丁+戊己", 9, 0), ["甲乙丙丁+", "戊己"]);
        // Before a figure it is the figure's sign.
        assert_eq!(wrap("甲乙丙丁+5%", 9, 0), ["甲乙丙丁", "+5%"]);
    }

    #[test]
    fn a_dash_begins_no_line() {
        // UAX #14 would break before `—` (class B2): `戊` goes down with it.
        assert_eq!(wrap("甲乙丙丁戊—己", 10, 0), ["甲乙丙丁", "戊—己"]);
        assert_eq!(wrap("甲乙丙丁戊——己", 10, 0), ["甲乙丙丁", "戊——己"]);
    }

    #[test]
    fn closing_marks_after_a_space_begin_no_line() {
        // UAX #14 breaks after any space (LB18), before `；` or `”` too.
        assert_eq!(wrap("甲乙丙丁 ；戊", 10, 0), ["甲乙丙", "丁 ；戊"]);
        assert_eq!(wrap("甲乙丙丁 ”戊", 10, 0), ["甲乙丙", "丁 ”戊"]);
        assert_eq!(wrap("甲乙丙丁 …戊", 10, 0), ["甲乙丙", "丁 …戊"]);
    }

    #[test]
    fn a_piece_wider_than_the_line_breaks_where_the_line_is_full() {
        // No break in `?a=1&b=2` but around it; within, only beside a Latin run.
        assert_eq!(
            wrap("甲乙x?abc=123&de=45。", 8, 0),
            ["甲乙x?", "abc=123&", "de=45。"]
        );
    }

    #[test]
    fn a_dash_pair_wider_than_the_line_stays_whole() {
        assert_eq!(wrap("——", 2, 0), ["——"]);
        assert_eq!(wrap("……", 2, 0), ["……"]);
    }

    #[test]
    fn spaces_at_a_break_are_dropped() {
        assert_eq!(wrap("甲乙丙丁 戊己", 8, 0), ["甲乙丙丁", "戊己"]);
        assert_eq!(wrap("甲乙丙丁  戊己", 8, 0), ["甲乙丙丁", "戊己"]);
        assert_eq!(
            wrap(" 甲乙", 8, 0),
            [" 甲乙"],
            "a paragraph's own first space stays"
        );
    }

    #[test]
    fn a_mark_alone_on_a_line_is_not_pulled_into_the_next() {
        // Too narrow to keep the rule: the mark stays where it is rather than leave an
        // empty line.
        assert_eq!(wrap("甲。", 2, 0), ["甲", "。"]);
        assert_eq!(wrap("《甲", 2, 0), ["《", "甲"]);
    }

    #[test]
    fn section_headings_are_numerals_and_a_comma() {
        assert!(is_section_heading("一、领导批示"));
        assert!(is_section_heading("十一、政务资讯"));
        assert!(!is_section_heading("、领导批示"));
        assert!(!is_section_heading("一领导批示"));
        assert!(!is_section_heading("（一）省本级"));
    }

    #[test]
    fn only_numbered_items_and_the_closing_lines_hang() {
        assert_eq!(hanging_indent("12.本周"), 3);
        assert_eq!(hanging_indent("1.本周"), 2);
        assert_eq!(hanging_indent("送：省中心领导"), 4);
        assert_eq!(hanging_indent("发：省级部门"), 4);
        assert_eq!(hanging_indent("10 月 9 日，杨兴平副省长批示"), 0);
        assert_eq!(hanging_indent(".5 元"), 0);
        assert_eq!(hanging_indent("本周，共计咨询"), 0);
    }

    #[test]
    fn numbered_items_hang_under_their_text() {
        let doc = "一、标题\n\n1.甲乙丙丁戊己庚辛壬癸";
        assert_eq!(
            wrap_document(doc, 12),
            "一、标题\n\n1.甲乙丙丁戊\n  己庚辛壬癸"
        );
    }

    #[test]
    fn the_masthead_is_centred() {
        let doc = "窗口工作周报\n\n一、领导批示";
        assert_eq!(wrap_document(doc, 20), "    窗口工作周报\n\n一、领导批示");
    }
}
