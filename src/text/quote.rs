//! Text from a file as a message or a comment quotes it: cut short to an excerpt, control
//! characters written as escapes.

use std::borrow::Cow;

/// Characters of a value that a message quotes: enough to recognise it, while a message
/// about a value of a megabyte stays a line.
pub const EXCERPT: usize = 40;

/// Characters of a path that a message quotes: a path is longer than a value, and its end
/// names the file.
pub const PATH_EXCERPT: usize = 160;

/// A value as a message quotes it: its first [`EXCERPT`] characters, then `…` if it goes on.
/// Every message that quotes text from a file quotes it through here.
pub fn excerpt(s: &str) -> Cow<'_, str> {
    cut(s, EXCERPT)
}

/// A path as a message shows it: as given, with control characters written as escapes, so
/// that a file's name cannot drive the terminal or break a line.
pub fn path(path: &std::path::Path) -> String {
    printable(&path.display().to_string()).into_owned()
}

/// A path as a message quotes it: its first [`PATH_EXCERPT`] characters, then `…`.
pub fn excerpt_path(path: &std::path::Path) -> String {
    cut(&self::path(path), PATH_EXCERPT).into_owned()
}

fn cut(s: &str, max: usize) -> Cow<'_, str> {
    match s.char_indices().nth(max) {
        Some((end, _)) => Cow::Owned(format!("{}…", &s[..end])),
        None => Cow::Borrowed(s),
    }
}

/// Control characters and the bidirectional overrides that can disguise text.
pub fn is_unprintable(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Text with control characters written as escapes, so that printing it cannot drive the
/// terminal.
pub fn printable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unprintable) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| {
                if is_unprintable(c) {
                    c.escape_unicode().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_excerpt_is_the_start_of_a_long_value() {
        assert_eq!(excerpt("短"), "短");
        let forty = "标".repeat(EXCERPT);
        assert!(matches!(excerpt(&forty), Cow::Borrowed(_)));
        assert_eq!(excerpt(&format!("{forty}题")), format!("{forty}…"));
        assert_eq!(excerpt(&"a".repeat(1 << 20)).chars().count(), EXCERPT + 1);
        let long = std::path::PathBuf::from("d/".repeat(100) + "x.yaml");
        let shown = excerpt_path(&long);
        assert!(shown.ends_with('…') && shown.starts_with("d/d/"));
        assert_eq!(shown.chars().count(), PATH_EXCERPT + 1);
        assert_eq!(excerpt_path(std::path::Path::new("a/b.yaml")), "a/b.yaml");
    }
}
