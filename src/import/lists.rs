//! Word's own list numbering (`numbering.xml`, and styles that carry it) written out as the
//! label it shows, `一、`, `（一）` or `1.`, for paragraphs whose number is not in their text.

use std::collections::{HashMap, HashSet};

use super::styles::{LEVELS, Styles, attr, each_element, number};
use crate::text::numeral;

/// Characters of a level's label text (`w:lvlText`) kept.
const MAX_LABEL: usize = 64;

/// A level of a list: the number it starts from, how numbers are written, and the label
/// around them (`%1、`).
#[derive(Debug, Clone, PartialEq)]
struct Level {
    start: u64,
    format: String,
    text: String,
}

/// An abstract list (`w:abstractNum`): its levels, or the list style it takes them from
/// (`w:numStyleLink`).
#[derive(Debug, Default)]
struct Abstract {
    levels: [Option<Level>; LEVELS],
    style_link: Option<String>,
}

/// A list (`w:num`): its abstract list, and the starts it overrides by level.
#[derive(Debug)]
struct Num {
    abstract_id: usize,
    starts: [Option<u64>; LEVELS],
}

/// The lists of a document, and how far each has counted.
#[derive(Debug, Default)]
pub struct Lists {
    abstracts: HashMap<usize, Abstract>,
    nums: HashMap<usize, Num>,
    /// Each paragraph style's list, `w:numId` and `w:ilvl`.
    style_lists: HashMap<String, (usize, usize)>,
    /// How far each abstract list has counted at each level: Word counts the lists that
    /// share an abstract list as one.
    counts: HashMap<usize, [Option<u64>; LEVELS]>,
    /// The lists and levels numbered so far: a list's start override applies at its first.
    begun: HashSet<(usize, usize)>,
}

impl Lists {
    /// The lists `numbering` defines, and the paragraph styles of `styles` that use them;
    /// a part missing or unreadable numbers nothing.
    pub fn read(numbering: Option<&[u8]>, styles: &Styles) -> Lists {
        let mut lists = Lists {
            style_lists: styles.lists.clone(),
            ..Lists::default()
        };
        // The abstract list or the `w:num` being read, and the level inside it.
        let (mut current, mut num, mut level) = (None, None, None);
        each_element(numbering.unwrap_or_default(), |name, a| match name {
            "abstractNum" => {
                current = number(a, "abstractNumId");
                num = None;
                if let Some(id) = current {
                    lists.abstracts.insert(id, Abstract::default());
                }
            }
            "num" => {
                num = number::<usize>(a, "numId");
                current = None;
                if let Some(id) = num {
                    let starts = [None; LEVELS];
                    let abstract_id = usize::MAX;
                    lists.nums.insert(
                        id,
                        Num {
                            abstract_id,
                            starts,
                        },
                    );
                }
            }
            "abstractNumId" => {
                let n = num.and_then(|n| lists.nums.get_mut(&n));
                if let (Some(n), Some(id)) = (n, number(a, "val")) {
                    n.abstract_id = id;
                }
            }
            "numStyleLink" => {
                let abs = current.and_then(|id| lists.abstracts.get_mut(&id));
                if let (Some(abs), Some(link)) = (abs, attr(a, "val")) {
                    abs.style_link = Some(link.chars().take(MAX_LABEL).collect());
                }
            }
            "lvl" | "lvlOverride" => level = number::<usize>(a, "ilvl").filter(|l| *l < LEVELS),
            "startOverride" => {
                let n = num.and_then(|n| lists.nums.get_mut(&n));
                if let (Some(n), Some(l), Some(v)) = (n, level, number(a, "val")) {
                    n.starts[l] = Some(v);
                }
            }
            "start" | "numFmt" | "lvlText" => {
                let abs = current.and_then(|id| lists.abstracts.get_mut(&id));
                let (Some(abs), Some(l)) = (abs, level) else {
                    return;
                };
                // ECMA-376: a level without `w:start` starts at 0.
                let entry = abs.levels[l].get_or_insert(Level {
                    start: 0,
                    format: "decimal".to_owned(),
                    text: String::new(),
                });
                let val = attr(a, "val").unwrap_or_default();
                match name {
                    "start" => entry.start = val.trim().parse().unwrap_or(0),
                    "numFmt" => entry.format = val.to_owned(),
                    _ => entry.text = val.chars().take(MAX_LABEL).collect(),
                }
            }
            _ => {}
        });
        lists
    }

    /// The abstract list `num` numbers by, through a list style's link once.
    fn abstract_of(&self, num: usize) -> Option<usize> {
        let id = self.nums.get(&num)?.abstract_id;
        let abs = self.abstracts.get(&id)?;
        match &abs.style_link {
            Some(link) if abs.levels.iter().all(Option::is_none) => {
                let (linked, _) = self.style_lists.get(link)?;
                Some(self.nums.get(linked)?.abstract_id)
            }
            _ => Some(id),
        }
    }

    /// The label of the next paragraph of list `num` at `level`, or of the list its style
    /// `style` carries; `None` when it is not in a list or is a bullet, counting it when it
    /// is numbered.
    pub fn label(
        &mut self,
        num: Option<usize>,
        level: Option<usize>,
        style: Option<&str>,
    ) -> Option<String> {
        let from_style = style.and_then(|s| self.style_lists.get(s)).copied();
        // numId 0 takes a paragraph out of the list its style would give it.
        let num = num.or(from_style.map(|(n, _)| n)).filter(|n| *n != 0)?;
        let level = level.or(from_style.map(|(_, l)| l)).unwrap_or(0);
        let id = self.abstract_of(num)?;
        let starts = self.nums.get(&num)?.starts;
        let levels = &self.abstracts.get(&id)?.levels;
        let this = levels.get(level)?.as_ref()?;
        if this.format == "bullet" {
            return None;
        }
        let start = |l: usize| {
            starts[l]
                .or(levels[l].as_ref().map(|lv| lv.start))
                .unwrap_or(0)
        };
        let counts = self.counts.entry(id).or_default();
        counts[level] = match counts[level] {
            Some(n) if !(starts[level].is_some() && self.begun.insert((num, level))) => {
                Some(n.saturating_add(1))
            }
            _ => Some(start(level)),
        };
        self.begun.insert((num, level));
        // A paragraph of a level starts the levels below it again.
        counts[level + 1..].iter_mut().for_each(|c| *c = None);
        let mut label = this.text.clone();
        for l in (0..=level).rev() {
            let n = counts[l].unwrap_or_else(|| start(l));
            let format = levels[l]
                .as_ref()
                .map_or("decimal", |lv| lv.format.as_str());
            label = label.replace(&format!("%{}", l + 1), &written(n, format));
        }
        // A label is a few characters: cut, a document of many paragraphs cannot make each
        // carry a long text.
        Some(label.chars().take(MAX_LABEL).collect())
    }
}

/// `n` as a level's `w:numFmt` writes it; a format this does not know, as a figure.
fn written(n: u64, format: &str) -> String {
    const STEMS: [char; 10] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
    // Word writes 27 as AA, 28 as BB: a letter repeated, here at most 8 times.
    let letters = |base: u8| {
        let n = n.max(1) - 1;
        let c = (base + (n % 26) as u8) as char;
        c.to_string().repeat((n / 26).min(7) as usize + 1)
    };
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "taiwaneseCounting"
        | "japaneseCounting" => numeral(n as usize),
        "ideographTraditional" => STEMS
            .get((n.max(1) - 1) as usize % 10)
            .map_or(String::new(), char::to_string),
        "decimalZero" => format!("{n:02}"),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
            .collect(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32('①' as u32 + n as u32 - 1).map_or(n.to_string(), String::from)
        }
        "upperLetter" => letters(b'A'),
        "lowerLetter" => letters(b'a'),
        "upperRoman" => roman(n),
        "lowerRoman" => roman(n).to_lowercase(),
        "none" | "bullet" => String::new(),
        _ => n.to_string(),
    }
}

/// `n` in Roman numerals, at most [`MAX_LABEL`] letters: a start of millions would be
/// thousands of `M`.
fn roman(mut n: u64) -> String {
    const NUMERALS: [(u64, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, s) in NUMERALS {
        while n >= value && out.len() < MAX_LABEL {
            out.push_str(s);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    fn numbering() -> String {
        let lvl = |i: usize, start: u64, fmt: &str, text: &str| {
            format!(
                r#"<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>"#
            )
        };
        format!(
            r#"<w:numbering {W}><w:abstractNum w:abstractNumId="7">{}{}{}</w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num><w:num w:numId="4"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="5"/></w:lvlOverride></w:num></w:numbering>"#,
            lvl(0, 1, "chineseCounting", "%1、"),
            lvl(1, 1, "chineseCounting", "（%2）"),
            lvl(2, 1, "decimal", "%3."),
        )
    }

    #[test]
    fn labels_count_by_level_and_lower_levels_start_again() {
        let xml = numbering();
        let mut lists = Lists::read(Some(xml.as_bytes()), &Styles::default());
        let mut next = |num, level| lists.label(Some(num), Some(level), None);
        assert_eq!(next(3, 0).as_deref(), Some("一、"));
        assert_eq!(next(3, 1).as_deref(), Some("（一）"));
        assert_eq!(next(3, 2).as_deref(), Some("1."));
        assert_eq!(next(3, 2).as_deref(), Some("2."));
        assert_eq!(next(3, 1).as_deref(), Some("（二）"));
        assert_eq!(next(3, 2).as_deref(), Some("1."));
        assert_eq!(next(3, 0).as_deref(), Some("二、"));
        // Another list of the same abstract list starts again at its override, the first
        // time, and from then on the two count as one, as Word counts them.
        assert_eq!(next(4, 2).as_deref(), Some("5."));
        assert_eq!(next(3, 2).as_deref(), Some("6."));
        assert_eq!(next(4, 2).as_deref(), Some("7."));
        // No such list, or numId 0: no label.
        assert_eq!(next(9, 0), None);
        assert_eq!(next(0, 0), None);
        assert_eq!(lists.label(None, None, None), None);
    }

    #[test]
    fn a_style_carries_its_list_to_the_styles_based_on_it() {
        let xml = numbering();
        let styles = format!(
            r#"<w:styles {W}><w:style w:styleId="Heading1"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr></w:style><w:style w:styleId="Mine"><w:basedOn w:val="Heading1"/></w:style><w:style w:styleId="Loop"><w:basedOn w:val="Loop"/></w:style><w:style w:styleId="Off"><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr></w:style></w:styles>"#
        );
        let styles = Styles::read(Some(styles.as_bytes()));
        let mut lists = Lists::read(Some(xml.as_bytes()), &styles);
        assert_eq!(
            lists.label(None, None, Some("Heading1")).as_deref(),
            Some("一、")
        );
        assert_eq!(
            lists.label(None, None, Some("Mine")).as_deref(),
            Some("二、")
        );
        assert_eq!(lists.label(None, None, Some("Loop")), None);
        assert_eq!(lists.label(None, None, Some("Off")), None);
        // A paragraph's own numId 0 takes it out of its style's list.
        assert_eq!(lists.label(Some(0), None, Some("Heading1")), None);
        // The paragraph's own numPr comes first.
        assert_eq!(
            lists.label(Some(3), Some(2), Some("Heading1")).as_deref(),
            Some("1.")
        );
    }

    #[test]
    fn formats() {
        assert_eq!(written(11, "chineseCounting"), "十一");
        assert_eq!(written(3, "ideographTraditional"), "丙");
        assert_eq!(written(12, "decimalFullWidth"), "１２");
        assert_eq!(written(3, "decimalEnclosedCircle"), "③");
        assert_eq!(written(28, "upperLetter"), "BB");
        assert_eq!(written(14, "lowerRoman"), "xiv");
        assert_eq!(written(7, "decimalZero"), "07");
        assert_eq!(written(7, "bullet"), "");
        assert_eq!(written(7, "somethingNew"), "7");
        assert_eq!(written(u64::MAX, "upperRoman").len(), 64);
    }

    /// Each `w:numFmt` the module writes, read from `numbering.xml` as a level's format
    /// (`%1、`, from 1) and counted through its 1st, 2nd, 10th, 11th and 21st paragraphs: the
    /// labels Word shows.
    #[test]
    fn every_format_known_labels_as_word_shows_it() {
        let cases: [(&str, [&str; 5]); 17] = [
            ("decimal", ["1", "2", "10", "11", "21"]),
            ("chineseCounting", ["一", "二", "十", "十一", "二十一"]),
            (
                "chineseCountingThousand",
                ["一", "二", "十", "十一", "二十一"],
            ),
            ("taiwaneseCounting", ["一", "二", "十", "十一", "二十一"]),
            ("japaneseCounting", ["一", "二", "十", "十一", "二十一"]),
            ("ideographTraditional", ["甲", "乙", "癸", "甲", "甲"]),
            ("decimalZero", ["01", "02", "10", "11", "21"]),
            ("decimalFullWidth", ["１", "２", "１０", "１１", "２１"]),
            ("decimalFullWidth2", ["１", "２", "１０", "１１", "２１"]),
            // Word encloses 1 to 20 in a circle, and writes figures past them.
            ("decimalEnclosedCircle", ["①", "②", "⑩", "⑪", "21"]),
            ("decimalEnclosedCircleChinese", ["①", "②", "⑩", "⑪", "21"]),
            ("upperLetter", ["A", "B", "J", "K", "U"]),
            ("lowerLetter", ["a", "b", "j", "k", "u"]),
            ("upperRoman", ["I", "II", "X", "XI", "XXI"]),
            ("lowerRoman", ["i", "ii", "x", "xi", "xxi"]),
            ("none", ["", "", "", "", ""]),
            // A format it does not know: figures.
            ("hebrew1", ["1", "2", "10", "11", "21"]),
        ];
        let abstracts: String = cases
            .iter()
            .enumerate()
            .map(|(i, (format, _))| {
                format!(
                    r#"<w:abstractNum w:abstractNumId="{i}"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{format}"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>"#
                )
            })
            .collect();
        let nums: String = (0..cases.len())
            .map(|i| {
                format!(
                    r#"<w:num w:numId="{}"><w:abstractNumId w:val="{i}"/></w:num>"#,
                    i + 1
                )
            })
            .collect();
        let xml = format!(r#"<w:numbering {W}>{abstracts}{nums}</w:numbering>"#);
        let mut lists = Lists::read(Some(xml.as_bytes()), &Styles::default());
        for (i, (format, expected)) in cases.iter().enumerate() {
            let labels: Vec<String> = (0..21)
                .map(|_| lists.label(Some(i + 1), Some(0), None).unwrap())
                .collect();
            let at = [1, 2, 10, 11, 21].map(|n| labels[n - 1].as_str());
            assert_eq!(at, expected.map(|e| format!("{e}、")), "{format}");
        }
        // Word's Chinese counting formats past 二十一, as written: 十 alone, 百 with its 零.
        for format in [
            "chineseCounting",
            "chineseCountingThousand",
            "taiwaneseCounting",
            "japaneseCounting",
        ] {
            let written = [20, 99, 100, 101, 110].map(|n| written(n, format));
            assert_eq!(
                written,
                ["二十", "九十九", "一百", "一百零一", "一百一十"],
                "{format}"
            );
        }
    }

    #[test]
    fn bullets_have_no_label_and_a_list_style_lends_its_levels() {
        let xml = format!(
            r#"<w:numbering {W}><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF0B7;"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="2"><w:styleLink w:val="Headings"/><w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="3"><w:numStyleLink w:val="Headings"/></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num></w:numbering>"#
        );
        let styles = format!(
            r#"<w:styles {W}><w:style w:type="numbering" w:styleId="Headings"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style></w:styles>"#
        );
        let styles = Styles::read(Some(styles.as_bytes()));
        let mut lists = Lists::read(Some(xml.as_bytes()), &styles);
        assert_eq!(lists.label(Some(1), Some(0), None), None);
        // No `w:start`: the level starts at 0, as ECMA-376 says.
        assert_eq!(lists.label(Some(3), Some(0), None).as_deref(), Some("零、"));
        assert_eq!(lists.label(Some(2), Some(0), None).as_deref(), Some("一、"));
    }

    #[test]
    fn a_long_label_is_cut() {
        let long = "%1".repeat(10_000);
        let xml = format!(
            r#"<w:numbering {W}><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:lvlText w:val="{long}"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#
        );
        let mut lists = Lists::read(Some(xml.as_bytes()), &Styles::default());
        assert_eq!(lists.label(Some(1), Some(0), None), Some("1".repeat(32)));
    }

    #[test]
    fn broken_or_missing_parts_number_nothing() {
        let styles = Styles::read(Some(b"\xff\xfe"));
        let mut lists = Lists::read(Some(b"<w:numbering><w:abstractNum"), &styles);
        assert_eq!(lists.label(Some(1), Some(0), Some("x")), None);
        let mut lists = Lists::read(None, &Styles::default());
        assert_eq!(lists.label(Some(1), Some(0), None), None);
    }
}
