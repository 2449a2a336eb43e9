//! Which mapping of the format a place in an issue file is in, read from the indentation of
//! the lines above it: what completion offers there and what a hover on a key says. The text
//! being typed is seldom valid YAML, so it is read line by line rather than parsed.

use crate::input::schema::{self, Key, Shape, Ty};

/// One line as far as keys go: where its key starts, the key, and the column of its list
/// dash if it starts an item.
#[derive(Debug, PartialEq)]
struct Line<'a> {
    dash: Option<usize>,
    column: usize,
    key: Option<&'a str>,
}

/// What a line holds; `None` for a blank line or a comment.
fn line(text: &str) -> Option<Line<'_>> {
    let text = text.trim_end_matches(['\r', '\n']);
    let indent = text.len() - text.trim_start_matches(' ').len();
    let mut body = &text[indent..];
    if body.trim().is_empty() || body.starts_with('#') {
        return None;
    }
    let mut column = indent;
    let mut dash = None;
    while let Some(rest) = body
        .strip_prefix('-')
        .filter(|r| r.is_empty() || r.starts_with(' '))
    {
        dash = Some(column);
        let spaces = rest.len() - rest.trim_start_matches(' ').len();
        column += 1 + spaces;
        body = &rest[spaces..];
    }
    let name_len = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(body.len());
    let key = (name_len > 0 && body[name_len..].starts_with(':')).then(|| &body[..name_len]);
    Some(Line { dash, column, key })
}

/// The mapping a key at `column` on line `at` (0-based, of `lines`) belongs to, and the
/// keys it already has.
pub struct Place {
    pub shape: &'static Shape,
    pub present: Vec<String>,
}

/// The mapping a key typed at the start of the text on line `at` would be in.
pub fn place(text: &str, at: usize) -> Option<Place> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let here = lines.get(at).map_or("", |l| l);
    // A key is typed where the line's text starts (after a dash), or where it would.
    let (column, dash) = match line(here) {
        Some(l) => (l.column, l.dash),
        None => (here.len() - here.trim_start_matches(' ').len(), None),
    };
    let mut path: Vec<Option<&str>> = Vec::new();
    let mut depth = column;
    if let Some(dash) = dash {
        path.push(None);
        depth = dash;
    }
    for l in lines[..at.min(lines.len())]
        .iter()
        .rev()
        .filter_map(|l| line(l))
    {
        if depth == 0 {
            break;
        }
        if l.column < depth {
            path.push(Some(l.key?));
            depth = l.column;
        }
        if let Some(dash) = l.dash.filter(|&d| d < depth) {
            path.push(None);
            depth = dash;
        }
    }
    if depth != 0 {
        return None;
    }
    let mut shape = &schema::ROOT;
    let mut in_list = false;
    for step in path.iter().rev() {
        match (step, in_list) {
            (None, true) => in_list = false,
            (Some(name), false) => {
                let key = shape.keys.iter().find(|k| k.name == *name)?;
                match key.ty {
                    Ty::Map(s) => shape = s,
                    Ty::List(s) | Ty::TextsOr(s) => {
                        shape = s;
                        in_list = true;
                    }
                    _ => return None,
                }
            }
            _ => return None,
        }
    }
    if in_list {
        return None;
    }
    Some(Place {
        shape,
        present: siblings(&lines, at, column),
    })
}

/// The keys at `column` of the mapping that holds line `at`, in file order.
fn siblings(lines: &[&str], at: usize, column: usize) -> Vec<String> {
    let key = |l: &Line| l.key.filter(|_| l.column == column).map(str::to_owned);
    let here = lines.get(at).and_then(|l| line(l));
    let mut keys = Vec::new();
    // Up to the line that starts the mapping (its dash, or a key to its left), unless this
    // line starts it.
    if here.as_ref().is_none_or(|h| h.dash.is_none()) {
        for l in lines[..at.min(lines.len())]
            .iter()
            .rev()
            .filter_map(|l| line(l))
        {
            if l.column < column {
                break;
            }
            keys.extend(key(&l));
            if l.dash.is_some_and(|d| d < column) {
                break;
            }
        }
        keys.reverse();
    }
    keys.extend(here.as_ref().and_then(key));
    for l in lines.iter().skip(at + 1).filter_map(|l| line(l)) {
        if l.column < column || l.dash.is_some_and(|d| d < column) {
            break;
        }
        keys.extend(key(&l));
    }
    keys
}

/// The key of the format named on line `at`, if the line starts with one.
pub fn key_on(text: &str, at: usize) -> Option<&'static Key> {
    let here = text.split_inclusive('\n').nth(at)?;
    let name = line(here)?.key?;
    let place = place(text, at)?;
    place.shape.keys.iter().find(|k| k.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ISSUE: &str = "previous: 2023-38.yaml\n\
                         masthead:\n\
                         \x20 title: 周报\n\
                         \x20 period:\n\
                         \x20   start: 2023-10-07\n\
                         \n\
                         sections:\n\
                         \x20 - title: 动态\n\
                         \x20   # a comment\n\
                         \x20   items:\n\
                         \x20     - 本周完成轮训。\n\
                         \x20     - text: 本周\n\
                         \x20       \n\
                         \x20 - \n";

    fn at(n: usize) -> (&'static str, Vec<String>) {
        let p = place(ISSUE, n).unwrap();
        (p.shape.what, p.present)
    }

    #[test]
    fn the_mapping_is_read_from_the_indentation_above() {
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            at(0),
            ("issue", names(&["previous", "masthead", "sections"]))
        );
        assert_eq!(at(2).0, MASTHEAD_WHAT);
        assert_eq!(at(4).0, schema::PERIOD.what);
        assert_eq!(at(5).0, "issue");
        assert_eq!(at(9), (schema::SECTION.what, names(&["title", "items"])));
        assert_eq!(at(11), (schema::ITEM.what, names(&["text"])));
        assert_eq!(at(12), (schema::ITEM.what, names(&["text"])));
        assert_eq!(at(13), (schema::SECTION.what, names(&[])));
        // A list of texts holds no keys at the dash itself.
        assert!(place(ISSUE, 10).is_some_and(|p| p.shape.what == schema::ITEM.what));
        // Below a key that is not the format's, nothing is known.
        assert!(place("masthead:\n  odd:\n    ", 2).is_none());
        assert!(place("", 0).is_some_and(|p| p.shape.what == "issue"));
    }

    #[test]
    fn a_key_is_found_in_its_mapping() {
        assert_eq!(key_on(ISSUE, 4).map(|k| k.name), Some("start"));
        assert_eq!(key_on(ISSUE, 7).map(|k| k.name), Some("title"));
        assert!(key_on(ISSUE, 10).is_none());
        assert!(key_on(ISSUE, 8).is_none());
    }

    const MASTHEAD_WHAT: &str = schema::MASTHEAD.what;
}
