//! A Word document's styles (`styles.xml`) as far as import needs them: the list a paragraph
//! style numbers by, and the character styles that set text in bold.

use std::collections::{HashMap, HashSet};

use docx_rs::{EventReader, OwnedAttribute, XmlEvent};

/// Levels a list has in Word: `w:ilvl` 0 to 8.
pub const LEVELS: usize = 9;

/// Steps of `w:basedOn` followed: a loop in a chain ends there.
const CHAIN: usize = 10;

/// What the styles say, each style's `w:basedOn` chain followed.
#[derive(Debug, Clone, Default)]
pub struct Styles {
    /// Each paragraph style's list: `w:numId` and `w:ilvl`.
    pub lists: HashMap<String, (usize, usize)>,
    /// The styles whose text is bold (`w:b` on).
    pub bold: HashSet<String>,
}

/// Bytes of a style id kept: Word's are a few dozen; a longer one is not a style a
/// bulletin uses, and hashing it for each element would cost its length each time.
const MAX_ID: usize = 256;

/// What one style sets itself; `based_on` is the index of its parent, once resolved.
#[derive(Debug, Default)]
struct Own {
    id: String,
    based_on_id: Option<String>,
    based_on: Option<usize>,
    num: Option<usize>,
    level: Option<usize>,
    bold: Option<bool>,
}

impl Styles {
    /// The styles of `xml`; a part missing or unreadable says nothing.
    pub fn read(xml: Option<&[u8]>) -> Styles {
        let mut own: Vec<Own> = Vec::new();
        // Whether the element read is inside a style kept (the last of `own`).
        let mut inside = false;
        each_element(xml.unwrap_or_default(), |name, a| {
            if name == "style" {
                let id = attr(a, "styleId").filter(|id| id.len() <= MAX_ID);
                inside = id.is_some();
                own.extend(id.map(|id| Own {
                    id: id.to_owned(),
                    ..Own::default()
                }));
                return;
            }
            let Some(style) = own.last_mut().filter(|_| inside) else {
                return;
            };
            match name {
                "basedOn" => {
                    style.based_on_id = attr(a, "val")
                        .filter(|id| id.len() <= MAX_ID)
                        .map(str::to_owned);
                }
                "numId" => style.num = number(a, "val"),
                "ilvl" => style.level = number(a, "val"),
                "b" => style.bold = Some(on(attr(a, "val"))),
                _ => {}
            }
        });
        let index: HashMap<&str, usize> = own
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        let parents: Vec<Option<usize>> = own
            .iter()
            .map(|s| s.based_on_id.as_deref().and_then(|b| index.get(b).copied()))
            .collect();
        for (style, parent) in own.iter_mut().zip(parents) {
            style.based_on = parent;
        }
        let mut styles = Styles::default();
        for (i, style) in own.iter().enumerate() {
            let list = inherited(&own, i, |s| s.num.map(|n| (n, s.level.unwrap_or(0))));
            // numId 0 takes a style out of any list; a level past the last is no level.
            if let Some(list) = list.filter(|&(n, l)| n != 0 && l < LEVELS) {
                styles.lists.insert(style.id.clone(), list);
            }
            if inherited(&own, i, |s| s.bold) == Some(true) {
                styles.bold.insert(style.id.clone());
            }
        }
        styles
    }
}

/// What style `i` has from the nearest style up its `w:basedOn` chain that sets it.
fn inherited<T>(own: &[Own], i: usize, get: impl Fn(&Own) -> Option<T>) -> Option<T> {
    let mut at = i;
    for _ in 0..CHAIN {
        if let Some(found) = get(&own[at]) {
            return Some(found);
        }
        at = own[at].based_on?;
    }
    None
}

/// A toggle's `w:val`: on when absent, off when 0, false or off.
fn on(val: Option<&str>) -> bool {
    !matches!(val.map(str::trim), Some("0" | "false" | "off"))
}

/// `f` called with the local name and attributes of each start tag of `xml`, in order.
/// Broken XML ends the walk where it breaks: what it has not reached says nothing.
pub fn each_element(xml: &[u8], mut f: impl FnMut(&str, &[OwnedAttribute])) {
    let mut events = EventReader::new(xml);
    loop {
        match events.next_event() {
            Ok(XmlEvent::StartElement {
                name, attributes, ..
            }) => f(&name.local_name, &attributes),
            Ok(XmlEvent::EndDocument) | Err(_) => return,
            Ok(_) => {}
        }
    }
}

/// An attribute's value by its local name.
pub fn attr<'a>(attributes: &'a [OwnedAttribute], name: &str) -> Option<&'a str> {
    attributes
        .iter()
        .find(|a| a.name.local_name == name)
        .map(|a| a.value.as_str())
}

/// An attribute's value as a number.
pub fn number<T: std::str::FromStr>(attributes: &[OwnedAttribute], name: &str) -> Option<T> {
    attr(attributes, name)?.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    fn styles(body: &str) -> Styles {
        Styles::read(Some(format!("<w:styles {W}>{body}</w:styles>").as_bytes()))
    }

    #[test]
    fn lists_come_down_the_chain_and_numid_0_ends_them() {
        let s = styles(concat!(
            r#"<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="Mine"><w:basedOn w:val="Heading1"/></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="Off"><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="Loop"><w:basedOn w:val="Loop"/></w:style>"#,
        ));
        assert_eq!(s.lists.get("Heading1"), Some(&(3, 1)));
        assert_eq!(s.lists.get("Mine"), Some(&(3, 1)));
        assert_eq!(s.lists.get("Off"), None);
        assert_eq!(s.lists.get("Loop"), None);
    }

    #[test]
    fn bold_comes_down_the_chain_and_can_be_turned_off() {
        let s = styles(concat!(
            r#"<w:style w:type="character" w:styleId="Strong"><w:rPr><w:b/></w:rPr></w:style>"#,
            r#"<w:style w:type="character" w:styleId="Dept"><w:basedOn w:val="Strong"/></w:style>"#,
            r#"<w:style w:type="character" w:styleId="Plain"><w:basedOn w:val="Strong"/><w:rPr><w:b w:val="0"/></w:rPr></w:style>"#,
            r#"<w:style w:type="character" w:styleId="On"><w:rPr><w:b w:val="true"/></w:rPr></w:style>"#,
            r#"<w:style w:type="character" w:styleId="Other"><w:rPr><w:i/></w:rPr></w:style>"#,
        ));
        let mut bold: Vec<&str> = s.bold.iter().map(String::as_str).collect();
        bold.sort_unstable();
        assert_eq!(bold, ["Dept", "On", "Strong"]);
    }

    #[test]
    fn broken_or_missing_styles_say_nothing() {
        for xml in [Some(&b"\xff\xfe<w:styles"[..]), None] {
            let s = Styles::read(xml);
            assert!(s.lists.is_empty() && s.bold.is_empty(), "{xml:?}");
        }
    }
}
