//! A source text indexed once: the line and character column of any byte, found in the
//! same time however long the text and its lines are.

use std::ops::Range;

/// A source text indexed once, so that locating each of many findings costs the same however
/// long the text and its lines are: where each line starts, and how many characters come
/// before every [`BLOCK`] bytes (a column is a count of characters, and counting them from
/// the start of a long line for each finding would take time in the square of the findings).
pub struct Lines<'a> {
    pub text: &'a str,
    starts: Vec<usize>,
    /// `chars[i]`: the characters that start before byte `i * BLOCK`.
    chars: Vec<usize>,
}

/// Bytes per entry of the character index: a column is counted over at most this many bytes
/// (twice, for the offset and for its line's start).
const BLOCK: usize = 64;

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Lines<'a> {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut chars = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut before = 0;
        chars.push(0);
        for block in text.as_bytes().chunks(BLOCK) {
            before += char_starts(block);
            chars.push(before);
        }
        Lines {
            text,
            starts,
            chars,
        }
    }

    /// 1-based line and character column of byte `offset`.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(self.text, offset);
        let line = self.line_of(offset);
        let start = self.starts[line - 1];
        (
            line,
            self.chars_before(offset) - self.chars_before(start) + 1,
        )
    }

    /// The 1-based line that byte `offset` is on.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|s| *s <= offset)
    }

    /// The bytes of 1-based line `line`, without its line break.
    pub fn line(&self, line: usize) -> Range<usize> {
        let start = self.starts[line - 1];
        let end = self
            .starts
            .get(line)
            .map_or(self.text.len(), |next| next - 1);
        start..end
    }

    /// How many lines the text has: one more than its line breaks.
    pub fn count(&self) -> usize {
        self.starts.len()
    }

    fn chars_before(&self, offset: usize) -> usize {
        let block = offset / BLOCK;
        self.chars[block] + char_starts(&self.text.as_bytes()[block * BLOCK..offset])
    }
}

/// The characters that start in `bytes`: every byte but UTF-8's continuation bytes.
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().map(|b| usize::from((*b as i8) >= -0x40)).sum()
}

/// 1-based line and character column of byte `offset` in `source`.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    Lines::new(source).line_col(offset)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A span of at least one character, so that a caret can point at it.
pub fn visible_span(source: &str, span: &Range<usize>) -> Range<usize> {
    let start = floor_char_boundary(source, span.start);
    let end = floor_char_boundary(source, span.end.max(start));
    if end > start {
        return start..end;
    }
    let next = source[start..]
        .chars()
        .next()
        .filter(|c| *c != '\n' && *c != '\r')
        .map_or(0, char::len_utf8);
    start..start + next
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let src = "a: 1\n标题: 周报\n";
        assert_eq!(line_col(src, 0), (1, 1));
        assert_eq!(line_col(src, 5), (2, 1));
        let value = src.find("周报").unwrap();
        assert_eq!(line_col(src, value), (2, 5));
        assert_eq!(line_col(src, src.len()), (3, 1));
        assert_eq!(
            line_col(src, value + 1),
            (2, 5),
            "inside a character: its start"
        );
    }

    /// Line and column counted from the start of the text, as the index must give them.
    fn counted(src: &str, offset: usize) -> (usize, usize) {
        let before = &src[..floor_char_boundary(src, offset)];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (
            before.matches('\n').count() + 1,
            before[line_start..].chars().count() + 1,
        )
    }

    #[test]
    fn the_index_agrees_with_counting_on_long_and_mixed_lines() {
        // Lines longer than a block, characters of 1 to 4 bytes across block boundaries.
        let line: String = "a标é𝄞.".repeat(200);
        let src = format!("k: {line}\r\n\n{line}\nend");
        let lines = Lines::new(&src);
        for offset in 0..=src.len() {
            assert_eq!(lines.line_col(offset), counted(&src, offset), "at {offset}");
        }
        assert_eq!(lines.count(), 4);
        assert_eq!(&src[lines.line(1)], format!("k: {line}\r"));
        assert_eq!(&src[lines.line(2)], "");
        assert_eq!(&src[lines.line(4)], "end");
        assert_eq!(lines.line_of(src.len()), 4);
    }

    #[test]
    fn the_index_of_an_empty_text() {
        let lines = Lines::new("");
        assert_eq!(lines.line_col(0), (1, 1));
        assert_eq!(lines.line(1), 0..0);
    }

    #[test]
    fn empty_span_points_at_the_next_character() {
        let src = "标题: x";
        assert_eq!(visible_span(src, &(0..0)), 0..3);
        assert_eq!(visible_span(src, &(src.len()..src.len())), 9..9);
    }
}
