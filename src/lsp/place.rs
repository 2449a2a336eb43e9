//! Where things are as the protocol says it: positions counted in the client's units (UTF-8
//! bytes, UTF-16 code units or characters) against byte offsets, and `file:` URIs against paths.

use std::ops::Range;
use std::path::{Path, PathBuf};

use lsp_types::{Position, PositionEncodingKind, Range as LspRange, Uri};

/// What a position's `character` counts, as the client and server agreed at the start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Units {
    Utf8,
    Utf16,
    Utf32,
}

impl Units {
    /// The first of the client's encodings the server takes, else UTF-16, which every client
    /// must understand. UTF-8 first: it is the text's own, and costs no counting.
    pub fn choose(offered: Option<&[PositionEncodingKind]>) -> Units {
        let offered = offered.unwrap_or_default();
        [
            (PositionEncodingKind::UTF8, Units::Utf8),
            (PositionEncodingKind::UTF32, Units::Utf32),
        ]
        .into_iter()
        .find(|(kind, _)| offered.contains(kind))
        .map_or(Units::Utf16, |(_, units)| units)
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Units::Utf8 => PositionEncodingKind::UTF8,
            Units::Utf16 => PositionEncodingKind::UTF16,
            Units::Utf32 => PositionEncodingKind::UTF32,
        }
    }

    fn of(self, c: char) -> u32 {
        match self {
            Units::Utf8 => c.len_utf8() as u32,
            Units::Utf16 => c.len_utf16() as u32,
            Units::Utf32 => 1,
        }
    }

    fn count(self, s: &str) -> u32 {
        match self {
            Units::Utf8 => s.len() as u32,
            _ => s.chars().map(|c| self.of(c)).sum(),
        }
    }
}

/// A text's lines, to turn byte offsets into positions and back. A line ends at `\n`; a `\r`
/// before it belongs to the line, as the protocol has it.
pub struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
    units: Units,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str, units: Units) -> Lines<'a> {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines {
            text,
            starts,
            units,
        }
    }

    /// The position of byte `offset` (moved back to a character's start, and to the text's
    /// end past it).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let character = self.units.count(&self.text[self.starts[line]..offset]);
        Position::new(line as u32, character)
    }

    pub fn range(&self, span: &Range<usize>) -> LspRange {
        LspRange::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of `at`: a line past the last is the text's end, a character past a
    /// line's end is that end, one inside a character (half of a surrogate pair) its start.
    pub fn offset(&self, at: Position) -> usize {
        let Some(&start) = self.starts.get(at.line as usize) else {
            return self.text.len();
        };
        let end = self
            .starts
            .get(at.line as usize + 1)
            .map_or(self.text.len(), |&next| next - 1);
        let mut counted = 0;
        for (i, c) in self.text[start..end].char_indices() {
            counted += self.units.of(c);
            if counted > at.character {
                return start + i;
            }
        }
        end
    }

    pub fn span(&self, range: &LspRange) -> Range<usize> {
        let (start, end) = (self.offset(range.start), self.offset(range.end));
        start.min(end)..end
    }
}

/// The path of a `file:` URI, its `%XX` escapes decoded; `None` for another scheme, a host,
/// or escapes that are not UTF-8.
pub fn path_of(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    let path = rest.split(['?', '#']).next()?;
    if !path.starts_with('/') {
        return None;
    }
    let mut bytes = Vec::with_capacity(path.len());
    let mut it = path.bytes();
    while let Some(b) = it.next() {
        if b == b'%' {
            let hex = [it.next()?, it.next()?];
            let hex = std::str::from_utf8(&hex).ok()?;
            bytes.push(u8::from_str_radix(hex, 16).ok()?);
        } else {
            bytes.push(b);
        }
    }
    let path = String::from_utf8(bytes).ok()?;
    // `file:///C:/周报/a.yaml` is `C:/周报/a.yaml` on Windows.
    let path = match path.as_bytes() {
        [b'/', drive, b':', ..] if cfg!(windows) && drive.is_ascii_alphabetic() => &path[1..],
        _ => &path[..],
    };
    Some(PathBuf::from(path))
}

/// The `file:` URI of an absolute path: bytes other than letters, digits, `-._~/` and a
/// drive's colon escaped as `%XX`.
pub fn uri_of(path: &Path) -> Option<Uri> {
    let path = path.to_str()?;
    // Windows' canonical paths are verbatim (`\\?\C:\…`); a URI has the drive alone.
    let path = path.strip_prefix(r"\\?\").unwrap_or(path);
    let path = path.replace('\\', "/");
    let mut uri = String::from("file://");
    if !path.starts_with('/') {
        uri.push('/');
    }
    for (i, b) in path.bytes().enumerate() {
        let drive = i == 1 && b == b':';
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) || drive {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "a: 1\r\n本周𠀀x\n\nend";

    #[test]
    fn positions_count_the_units_the_client_asked_for() {
        let at = TEXT.find('x').unwrap();
        let cases = [(Units::Utf8, 10), (Units::Utf16, 4), (Units::Utf32, 3)];
        for (units, character) in cases {
            let lines = Lines::new(TEXT, units);
            assert_eq!(lines.position(at), Position::new(1, character), "{units:?}");
            assert_eq!(lines.offset(Position::new(1, character)), at, "{units:?}");
            // Past a line's end is its end, before the newline; past the last line, the end.
            assert_eq!(
                lines.offset(Position::new(1, 99)),
                TEXT.find("\n\n").unwrap()
            );
            assert_eq!(lines.offset(Position::new(9, 0)), TEXT.len());
        }
        let lines = Lines::new(TEXT, Units::Utf16);
        // The `\r` is the line's: the second line starts after `\n`.
        assert_eq!(lines.position(4), Position::new(0, 4));
        assert_eq!(lines.position(6), Position::new(1, 0));
        assert_eq!(lines.position(TEXT.len()), Position::new(3, 3));
        assert_eq!(lines.position(TEXT.len() + 5), Position::new(3, 3));
        // Inside a character is its start; half a surrogate pair is the pair's start.
        let wide = TEXT.find('𠀀').unwrap();
        assert_eq!(lines.position(wide + 1), Position::new(1, 2));
        assert_eq!(lines.offset(Position::new(1, 3)), wide);
        assert_eq!(lines.offset(Position::new(1, 2)), wide);
        assert_eq!(
            lines.span(&LspRange::new(Position::new(1, 4), Position::new(1, 0))),
            6..6
        );
    }

    #[test]
    fn the_encoding_is_the_first_the_server_takes_of_those_offered() {
        let offered = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(Units::choose(Some(&offered)), Units::Utf8);
        assert_eq!(Units::choose(Some(&offered[..1])), Units::Utf16);
        assert_eq!(
            Units::choose(Some(&[PositionEncodingKind::UTF32])),
            Units::Utf32
        );
        assert_eq!(Units::choose(None), Units::Utf16);
    }

    #[test]
    fn file_uris_and_paths_go_both_ways() {
        let uri: Uri = "file:///home/clerk/%E5%91%A8%E6%8A%A5%202023/2023-39.yaml"
            .parse()
            .unwrap();
        let path = path_of(&uri).unwrap();
        assert_eq!(path, Path::new("/home/clerk/周报 2023/2023-39.yaml"));
        assert_eq!(uri_of(&path).unwrap(), uri);
        for other in [
            "untitled:Untitled-1",
            "file://server/share/a.yaml",
            "file:///a%E5.yaml",
        ] {
            assert_eq!(path_of(&other.parse().unwrap()), None, "{other}");
        }
        let odd: Uri = "file:///a%2523%3F.yaml?x#y".parse().unwrap();
        assert_eq!(path_of(&odd).unwrap(), Path::new("/a%23?.yaml"));
        assert_eq!(
            uri_of(Path::new("/a%23?.yaml")).unwrap().as_str(),
            "file:///a%2523%3F.yaml"
        );
        assert_eq!(
            uri_of(Path::new(r"\\?\C:\周报\a.yaml")).unwrap().as_str(),
            "file:///C:/%E5%91%A8%E6%8A%A5/a.yaml"
        );
    }
}
