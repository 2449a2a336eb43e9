//! The numbers typed before headings and items: `一、`, `（一）`, `1.`, and the other forms
//! clerks type them in.

/// A heading line: `一、…` or `（一）…`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heading {
    Section,
    Subsection,
}

/// Whether `line` is a section or subsection heading: a Chinese numeral with `、` (or `．`,
/// `.`, as typed by hand), or in brackets, full-width or not, then a short title without a
/// full stop.
pub fn heading_kind(line: &str) -> Option<Heading> {
    heading(line).map(|(kind, _)| kind)
}

/// A heading's kind and its title, the numbering and the spaces after it taken off.
pub fn heading(line: &str) -> Option<(Heading, &str)> {
    let short = |title: &str| {
        !title.trim().is_empty() && title.chars().count() <= 40 && !title.contains('。')
    };
    let numeral_len = |s: &str| {
        s.chars()
            .take_while(|c| "一二三四五六七八九十百零".contains(*c))
            .map(char::len_utf8)
            .sum::<usize>()
    };
    let n = numeral_len(line);
    if n > 0
        && let Some(title) = ["、", "．", "."]
            .iter()
            .find_map(|mark| line[n..].strip_prefix(mark))
    {
        let title = title.trim();
        return short(title).then_some((Heading::Section, title));
    }
    let (open, close) = if line.starts_with('（') {
        ('（', '）')
    } else {
        ('(', ')')
    };
    let inner = line.strip_prefix(open)?;
    let n = numeral_len(inner);
    let title = inner[n..].strip_prefix(close)?.trim();
    (n > 0 && short(title)).then_some((Heading::Subsection, title))
}

/// `12.` at the start of a line, and the typed forms of a list's number: `12．`, `12、`,
/// `（12）`, `(12)`, `⑫`.
pub fn item_number(line: &str) -> Option<usize> {
    item_label(line).map(|(n, _)| n)
}

/// A typed item number at the start of `line`: the number, and the bytes of the label with
/// the spaces typed after it.
pub fn item_label(line: &str) -> Option<(usize, usize)> {
    const CIRCLED: &str = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
    let spaces = |rest: &str| rest.len() - rest.trim_start().len();
    if let Some(c) = line.chars().next()
        && let Some(k) = CIRCLED.chars().position(|d| d == c)
    {
        let len = c.len_utf8();
        return Some((k + 1, len + spaces(&line[len..])));
    }
    let bracketed = [('（', '）'), ('(', ')')]
        .iter()
        .find_map(|&(open, close)| Some((line.strip_prefix(open)?, close)));
    let (inner, close) = match bracketed {
        Some((inner, close)) => (inner, Some(close)),
        None => (line, None),
    };
    let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &inner[digits..];
    let mark = match close {
        Some(close) => rest.starts_with(close).then_some(close),
        None => ['.', '．', '、'].into_iter().find(|m| rest.starts_with(*m)),
    };
    let mark = mark.filter(|_| digits > 0 && digits <= 3)?;
    let after = line.len() - rest.len() + mark.len_utf8();
    Some((
        inner[..digits].parse().ok()?,
        after + spaces(&line[after..]),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        assert_eq!(heading_kind("一、领导批示"), Some(Heading::Section));
        assert_eq!(heading_kind("十二、政务资讯"), Some(Heading::Section));
        assert_eq!(
            heading_kind("（三）其它工作开展情况"),
            Some(Heading::Subsection)
        );
        assert_eq!(heading_kind("（共印91份）"), None);
        assert_eq!(heading_kind("一、本周工作很多。还有更多。"), None);
        assert_eq!(item_number("12.本周"), Some(12));
        assert_eq!(item_number("3、本周"), Some(3));
        assert_eq!(item_number("2023 年"), None);
    }

    /// Numbering as clerks type it, and the title or text after it.
    #[test]
    fn typed_numbering_in_every_style() {
        for (line, kind, title) in [
            ("一．综窗改革", Heading::Section, "综窗改革"),
            ("一.综窗改革", Heading::Section, "综窗改革"),
            ("二、　大厅工作动态", Heading::Section, "大厅工作动态"),
            (
                "(一)省本级综窗办件情况",
                Heading::Subsection,
                "省本级综窗办件情况",
            ),
            ("（十二） 其它", Heading::Subsection, "其它"),
        ] {
            assert_eq!(heading(line), Some((kind, title)), "{line}");
        }
        for line in ["(一）混用", "一。标题", "（一)混用", "一、", "（一）"] {
            assert_eq!(heading(line), None, "{line}");
        }
        for (line, number, label) in [
            ("1.本周", 1, "1."),
            ("12．本周", 12, "12．"),
            ("3、　本周", 3, "3、　"),
            ("（4）本周", 4, "（4）"),
            ("(5) 本周", 5, "(5) "),
            ("⑥本周", 6, "⑥"),
            ("⑳本周", 20, "⑳"),
        ] {
            assert_eq!(item_label(line), Some((number, label.len())), "{line}");
        }
        for line in [
            "（4本周",
            "(5）本周",
            "1234.本周",
            "本周1.",
            "（）本周",
            "1本周",
        ] {
            assert_eq!(item_label(line), None, "{line}");
        }
    }
}
