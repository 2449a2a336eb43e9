//! Classes of characters the lints, the snippets and the line breaker tell apart.

/// A Han character: what the lints and the line breaker mean by "Chinese".
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FFFF}')
}

/// A character that takes no room in print, and its name: what copying from a web page or
/// Word leaves in text. A finding's snippet draws each as a mark, W026 reports them (W018 the
/// zero-width space, among the odd spaces).
pub fn invisible(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{FEFF}' => "byte-order mark",
        '\u{2028}' => "line separator",
        '\u{2029}' => "paragraph separator",
        '\u{00AD}' => "soft hyphen",
        '\u{200B}' => "zero-width space",
        '\u{200C}' => "zero-width non-joiner",
        '\u{200D}' => "zero-width joiner",
        '\u{2060}' => "word joiner",
        '\u{180E}' => "Mongolian vowel separator",
        '\u{200E}' | '\u{200F}' => "direction mark",
        _ => return None,
    })
}
