//! What every lint works on: a [`Rule`], the [`Text`] it checks (its characters with their byte
//! offsets, made when a rule first needs them), and the [`Lint`] it reports.

use std::cell::OnceCell;
use std::ops::Range;

use crate::diag::Code;
pub(super) use crate::text::is_han;

use crate::i18n::Msg;

/// A typographic problem in one text value; `range` is in bytes of that text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lint {
    pub code: Code,
    pub range: Range<usize>,
    pub message: Msg,
    pub help: Msg,
    /// What replaces the range to mend it, and whether `weekly check --fix` may (see
    /// [`crate::diag::Fix`]).
    pub fix: Option<(String, bool)>,
}

pub(super) fn lint(code: Code, range: Range<usize>, message: Msg, help: Msg) -> Lint {
    Lint {
        code,
        range,
        message,
        help,
        fix: None,
    }
}

impl Lint {
    /// Mended by removing what it reports, safely.
    pub(super) fn removed(self) -> Lint {
        Lint {
            fix: Some((String::new(), true)),
            ..self
        }
    }

    /// Mended by `with` in place of what it reports, as the clerk chooses in the editor.
    pub(super) fn offering(self, with: impl Into<String>) -> Lint {
        Lint {
            fix: Some((with.into(), false)),
            ..self
        }
    }
}

/// One typography rule for any text: a file of its own, listed once in [`super::RULES`].
pub struct Rule {
    /// The codes it reports.
    pub codes: &'static [Code],
    /// Whether `c`, after `prev`, may be a case of the rule. A first, cheap pass over a text
    /// asks every rule of each character, and only the rules something woke check the text.
    pub wakes: fn(prev: char, c: char) -> bool,
    /// Finds the rule's cases in a text.
    pub check: fn(&Text, &mut Vec<Lint>),
}

/// A text as the rules check it: the string, and its characters with their offsets once a
/// rule asks for them (most texts are checked by no rule, or by one that reads the string).
pub struct Text<'s> {
    pub s: &'s str,
    chars: OnceCell<Chars<'s>>,
}

impl<'s> Text<'s> {
    pub fn new(s: &'s str) -> Text<'s> {
        Text {
            s,
            chars: OnceCell::new(),
        }
    }

    pub fn chars(&self) -> &Chars<'s> {
        self.chars.get_or_init(|| Chars::new(self.s))
    }
}

/// Han characters and full-width punctuation: the company a half-width mark should not keep.
pub(super) fn is_chinese_context(c: char) -> bool {
    is_han(c)
        || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF5E}' | '“' | '”' | '‘' | '’' | '…' | '—')
}

/// A Han numeral of the kind numbering uses: 一 to 十.
pub(super) fn is_numeral(c: char) -> bool {
    "一二三四五六七八九十".contains(c)
}

/// The characters of one text with their byte offsets, so that a lint can look at a
/// character's neighbours and report the bytes it covers.
pub struct Chars<'s> {
    s: &'s str,
    chars: Vec<(usize, char)>,
}

impl<'s> Chars<'s> {
    pub(super) fn new(s: &'s str) -> Chars<'s> {
        Chars {
            s,
            chars: s.char_indices().collect(),
        }
    }

    pub(super) fn len(&self) -> usize {
        self.chars.len()
    }

    /// The character at index `i`, if there is one.
    pub(super) fn get(&self, i: usize) -> Option<char> {
        self.chars.get(i).map(|(_, c)| *c)
    }

    /// The character just before index `i`.
    pub(super) fn before(&self, i: usize) -> Option<char> {
        i.checked_sub(1).and_then(|j| self.get(j))
    }

    /// The byte offset of character `i`; the text's length past the last one.
    pub(super) fn byte(&self, i: usize) -> usize {
        self.chars.get(i).map_or(self.s.len(), |(b, _)| *b)
    }

    /// The bytes of the `n` characters from index `i`.
    pub(super) fn span(&self, i: usize, n: usize) -> Range<usize> {
        self.byte(i)..self.byte(i + n)
    }

    /// The text of the `n` characters from index `i`.
    pub(super) fn slice(&self, i: usize, n: usize) -> &'s str {
        &self.s[self.span(i, n)]
    }

    /// The text from character `i` on.
    pub(super) fn rest(&self, i: usize) -> &'s str {
        &self.s[self.byte(i)..]
    }

    /// How many characters from index `i` on satisfy `f`.
    pub(super) fn run(&self, i: usize, f: impl Fn(char) -> bool) -> usize {
        self.chars
            .get(i..)
            .map_or(0, |rest| rest.iter().take_while(|(_, c)| f(*c)).count())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chars_know_their_bytes() {
        let t = Chars::new("通知,a");
        assert_eq!(t.len(), 4);
        assert_eq!((t.get(1), t.get(4)), (Some('知'), None));
        assert_eq!((t.before(0), t.before(2)), (None, Some('知')));
        assert_eq!((t.byte(2), t.byte(4)), (6, 8));
        assert_eq!(t.span(1, 2), 3..7);
        assert_eq!(t.slice(0, 2), "通知");
        assert_eq!((t.rest(1), t.rest(4)), ("知,a", ""));
        assert_eq!(t.run(0, is_han), 2);
        assert_eq!(t.run(9, is_han), 0);
    }
}
