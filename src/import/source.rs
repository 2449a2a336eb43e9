//! A printed bulletin's text cut back into paragraphs: Markdown and plain text as `weekly build`
//! writes them (a blank line between paragraphs), and text taken out of a PDF (one line per
//! printed line, page numbers between pages).

use std::ops::Range;

use super::numbering::{heading_kind, item_number};
use super::pages::{Line, ends_sentence, lines};
use super::table::{is_row, table_of_counters};
use crate::diag::{Code, Diagnostic};
use crate::model::Run;
use crate::msg;
use crate::text::display_width;

/// One paragraph of a bulletin: its runs, and where it is in the text findings point into.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    pub runs: Vec<Run>,
    pub span: Range<usize>,
    /// Where a printed line (a PDF's text) has a space between a Chinese character and a
    /// figure or Latin letter: typed, or the gap a typesetter leaves there, which a PDF's text
    /// shows as a space too.
    pub gaps: Vec<Range<usize>>,
}

impl Para {
    /// Its text, the runs joined.
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

/// How the paragraphs of a text are found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Paragraphs one blank line apart, lines inside one joined (`weekly build`, with or
    /// without `--width`).
    Blank,
    /// Printed lines: a paragraph runs on until a line that can only begin one (a heading,
    /// the next item number, a line of the closing block), across page breaks.
    Flow,
}

/// The paragraphs of `text`, and warnings about page breaks that could not be mended
/// with certainty. Markdown's `**bold**` becomes strong runs and its escapes are undone.
pub fn paragraphs(text: &str, markdown: bool) -> (Vec<Para>, Vec<Diagnostic>) {
    let lines = lines(text);
    let layout = layout(&lines);
    let mut findings = Vec::new();
    let (groups, tables) = match layout {
        Layout::Blank => {
            let groups = blank_separated(&lines);
            let none = vec![None; groups.len()];
            (groups, none)
        }
        Layout::Flow => table_of_counters(flowing(&lines, &mut findings)),
    };
    let paras = groups
        .into_iter()
        .zip(tables)
        .map(|(group, table)| {
            let joined = table.unwrap_or_else(|| join(group.iter().map(|l| l.text), layout));
            let span = group[0].span.start..group[group.len() - 1].span.end;
            let runs = if markdown {
                markdown_runs(&joined)
            } else {
                vec![Run {
                    text: joined,
                    strong: false,
                }]
            };
            let gaps = match layout {
                Layout::Blank => Vec::new(),
                Layout::Flow => group
                    .iter()
                    .flat_map(|l| {
                        gaps(l.text)
                            .into_iter()
                            .map(|g| l.span.start + g.start..l.span.start + g.end)
                    })
                    .collect(),
            };
            Para { runs, span, gaps }
        })
        .collect();
    (paras, findings)
}

/// Flow when the text has pages, or when a heading follows a line without a blank line
/// between: `weekly build` never writes either.
fn layout(lines: &[Line]) -> Layout {
    let paged = lines.iter().any(|l| l.after_page_break);
    let packed = lines
        .windows(2)
        .any(|w| !w[0].text.trim().is_empty() && starts_paragraph(w[1].text.trim(), None));
    if paged || packed {
        Layout::Flow
    } else {
        Layout::Blank
    }
}

fn blank_separated<'a, 'b>(lines: &'b [Line<'a>]) -> Vec<Vec<&'b Line<'a>>> {
    let mut groups: Vec<Vec<&Line>> = Vec::new();
    let mut current = Vec::new();
    for line in lines {
        if line.text.trim().is_empty() {
            if !current.is_empty() {
                groups.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        groups.push(current);
    }
    groups
}

/// Lines gathered into paragraphs by what can begin one. Before the first section heading
/// every line is a paragraph of the masthead.
fn flowing<'a, 'b>(
    lines: &'b [Line<'a>],
    findings: &mut Vec<Diagnostic>,
) -> Vec<Vec<&'b Line<'a>>> {
    let mut groups: Vec<Vec<&Line>> = Vec::new();
    let mut masthead = true;
    let mut after_heading = false;
    let mut item = 0;
    // The width of a full printed line of the body (the masthead is set larger): a heading
    // that fills it may have wrapped.
    let width = lines
        .iter()
        .skip_while(|l| heading_kind(l.text.trim()).is_none())
        .filter(|l| !is_row(l.text))
        .map(|l| display_width(l.text.trim()))
        .max()
        .unwrap_or(0);
    // Whether the last line taken was a row of a table.
    let mut last_row = false;
    for line in lines.iter().filter(|l| !l.text.trim().is_empty()) {
        let t = line.text.trim();
        let row = is_row(t);
        let last = groups.last().and_then(|g| g.last()).map(|l| l.text.trim());
        // A heading too long for its line runs on to the next, a few characters without a
        // full stop (`（二）事项授权及受理手册编制推进情` / `况`); a printed line is 15
        // characters or more even in the largest print.
        let wrapped_heading = after_heading
            && groups.last().is_some_and(|g| g.len() == 1)
            && width >= 30
            && last.is_some_and(|l| display_width(l) + 4 >= width)
            && !ends_sentence(t)
            && t.chars().count() <= 10
            && heading_kind(t).is_none()
            && item_number(t).is_none();
        if wrapped_heading && let Some(group) = groups.last_mut() {
            group.push(line);
            last_row = row;
            continue;
        }
        let ended = last.is_none_or(ends_sentence);
        let next_item = if after_heading {
            Some(1)
        } else if ended {
            Some(item + 1)
        } else {
            None
        };
        let heading = heading_kind(t);
        if heading.is_some() {
            masthead = false;
        }
        // The line of copies is the closing block's last: what follows it is apart.
        let after_copies = last.is_some_and(|l| l.starts_with("（共印") && l.ends_with('）'));
        // The rows of a table laid out in columns (`pdftotext -layout`) are a paragraph of
        // their own.
        let row_edge = last.is_some() && last_row != row;
        last_row = row;
        let begins = masthead
            || after_heading
            || after_copies
            || row_edge
            || groups.is_empty()
            || heading.is_some()
            || starts_paragraph(t, next_item);
        if begins {
            if heading.is_some() {
                item = 0;
            } else if let Some(n) = item_number(t).filter(|n| Some(*n) == next_item) {
                item = n;
            }
            after_heading = heading.is_some();
            groups.push(vec![line]);
            continue;
        }
        if line.after_page_break
            && let Some(prev) = last
            && let (Some(a), Some(b)) = (prev.chars().last(), t.chars().next())
            && a == b
            && is_wide(a)
        {
            findings.push(
                Diagnostic::new(Code::W021, line.span.start..line.span.start + b.len_utf8(), msg!(
                    "the page before ends with `{a}` and this page begins with it: a character may be repeated across the page break; kept as found",
                    "上一页末尾是“{a}”，这一页开头又是“{a}”：分页处可能重复了一个字，已原样保留"
                ))
                .with_help(msg!(
                    "compare with the printed issue and delete the extra `{a}` in the imported file if there is one",
                    "请对照印发的周报核对；如确有多余的“{a}”，请在生成的周报文件中删去"
                )),
            );
        }
        if let Some(group) = groups.last_mut() {
            group.push(line);
        }
    }
    groups
}

/// Lines only a new paragraph begins with: headings, the closing block, and the item number
/// that comes next (when one is expected).
fn starts_paragraph(line: &str, next_item: Option<usize>) -> bool {
    heading_kind(line).is_some()
        || line.starts_with("送：")
        || line.starts_with("发：")
        || line.starts_with("（共印")
        || (next_item.is_some() && item_number(line) == next_item)
}

/// A Chinese character or full-width mark.
pub fn is_wide(c: char) -> bool {
    unicode_width::UnicodeWidthChar::width_cjk(c) == Some(2)
}

/// The lines of one paragraph as one text. Wrapped lines lose their indent; two Latin words
/// broken apart at a space get it back; spaces a PDF's text shows between Chinese
/// characters, or doubled, are taken out.
fn join<'a>(lines: impl Iterator<Item = &'a str>, layout: Layout) -> String {
    let mut out = String::new();
    for line in lines {
        let line = line.trim_end();
        let line = line.trim_start();
        if let (Some(a), Some(b)) = (out.chars().last(), line.chars().next())
            && a.is_ascii_alphanumeric()
            && b.is_ascii_alphanumeric()
        {
            out.push(' ');
        }
        out.push_str(line);
    }
    let out = out.chars().map(unkangxi).collect::<String>();
    match layout {
        Layout::Blank => out,
        Layout::Flow => tidy_spaces(&out),
    }
}

/// A Kangxi radical (U+2F00–U+2FD5) or CJK radical supplement character, as some PDFs store
/// `工` and `人` in their text, read as the ideograph it is drawn like.
fn unkangxi(c: char) -> char {
    if !('\u{2e80}'..='\u{2fdf}').contains(&c) {
        return c;
    }
    let mut out = None;
    let mut count = 0;
    unicode_normalization::char::decompose_compatible(c, |d| {
        out = Some(d);
        count += 1;
    });
    match out {
        Some(d) if count == 1 => d,
        _ => c,
    }
}

/// The runs of spaces in `t` between a Chinese character and a Latin letter or figure,
/// either way round, as byte ranges of `t`.
pub fn gaps(t: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut rest = t.char_indices().peekable();
    while let Some((i, c)) = rest.next() {
        if c != ' ' {
            continue;
        }
        let mut end = i + 1;
        while let Some(&(j, ' ')) = rest.peek() {
            end = j + 1;
            rest.next();
        }
        let (Some(before), Some(after)) = (t[..i].chars().last(), t[end..].chars().next()) else {
            continue;
        };
        // Wide and a letter: an ideograph (a Kangxi radical read as one), not a mark.
        let chinese = |c: char| {
            let c = unkangxi(c);
            is_wide(c) && c.is_alphabetic()
        };
        let mixed = |a: char, b: char| chinese(a) && b.is_ascii_alphanumeric();
        if mixed(before, after) || mixed(after, before) {
            out.push(i..end);
        }
    }
    out
}

/// Spaces between two wide characters removed, runs of spaces made one.
fn tidy_spaces(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c != ' ' {
            out.push(c);
            i += 1;
            continue;
        }
        let end = chars[i..].iter().take_while(|c| **c == ' ').count() + i;
        let before = out.chars().last();
        let after = chars.get(end).copied();
        let between_wide = before.is_some_and(is_wide) && after.is_some_and(is_wide);
        if !between_wide && before.is_some() && after.is_some() {
            out.push(' ');
        }
        i = end;
    }
    out
}

/// Markdown as the bulletin template writes it: `**` around a department name, and a
/// backslash before a character Markdown would read as markup.
fn markdown_runs(s: &str) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut text = String::new();
    let mut strong = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek().is_some_and(char::is_ascii_punctuation) => {
                text.extend(chars.next());
            }
            '*' if chars.peek() == Some(&'*') => {
                chars.next();
                if !text.is_empty() {
                    runs.push(Run {
                        text: std::mem::take(&mut text),
                        strong,
                    });
                }
                strong = !strong;
            }
            _ => text.push(c),
        }
    }
    if !text.is_empty() {
        runs.push(Run { text, strong });
    }
    runs
}

/// The runs without their first `bytes` bytes of text, which may span several runs.
pub fn drop_front(runs: &mut Vec<Run>, mut bytes: usize) {
    while bytes > 0 && !runs.is_empty() {
        let first = &mut runs[0];
        if first.text.len() <= bytes {
            bytes -= first.text.len();
            runs.remove(0);
        } else {
            first.text.replace_range(..bytes, "");
            bytes = 0;
        }
    }
}

/// Text joined to the run before when both are bold or both are not.
pub fn push(runs: &mut Vec<Run>, text: &str, strong: bool) {
    match runs.last_mut() {
        _ if text.is_empty() => {}
        Some(last) if last.strong == strong => last.text.push_str(text),
        _ => runs.push(Run {
            text: text.to_owned(),
            strong,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str, markdown: bool) -> Vec<String> {
        paragraphs(s, markdown)
            .0
            .iter()
            .map(|p| p.runs.iter().map(|r| r.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn blank_lines_separate_paragraphs_and_wrapped_lines_join() {
        let s = "  2023 年第 39 期\n\n一、领导批示\n\n1.10 月 9 日，杨兴平\n  副省长在文件上批示：好。\n\n2.see the\n  web page。\n";
        assert_eq!(
            texts(s, false),
            [
                "2023 年第 39 期",
                "一、领导批示",
                "1.10 月 9 日，杨兴平副省长在文件上批示：好。",
                "2.see the web page。"
            ]
        );
    }

    #[test]
    fn printed_lines_flow_into_paragraphs_across_pages() {
        let s = "窗口工作周报\n2023 年第 39 期（总第 459 期）\n一、领导批示\n1.本周，甲\n乙。\n2.本周，丙 丁 。\n—1—\n\n\u{c}戊己。\n二、资讯\n本周，庚。\n送：省中心领导。\n（共印 91 份）\n";
        let (paras, findings) = paragraphs(s, false);
        let texts: Vec<String> = paras
            .iter()
            .map(|p| p.runs.iter().map(|r| r.text.as_str()).collect())
            .collect();
        assert_eq!(
            texts,
            [
                "窗口工作周报",
                "2023 年第 39 期（总第 459 期）",
                "一、领导批示",
                "1.本周，甲乙。",
                "2.本周，丙丁。戊己。",
                "二、资讯",
                "本周，庚。",
                "送：省中心领导。",
                "（共印 91 份）"
            ]
        );
        assert!(findings.is_empty());
    }

    #[test]
    fn an_item_number_inside_a_sentence_does_not_begin_a_paragraph() {
        let s = "一、资讯\n1.投资\n2.5 亿元。\n2.次条。\n二、其他\n";
        assert_eq!(texts(s, false)[1..3], ["1.投资2.5 亿元。", "2.次条。"]);
    }

    #[test]
    fn a_character_repeated_across_a_page_break_is_reported_and_kept() {
        let s = "一、资讯\n本周，推动经\n— 2 —\n\u{c}经济发展。\n";
        let (paras, findings) = paragraphs(s, false);
        assert_eq!(paras[1].runs[0].text, "本周，推动经经济发展。");
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].code, Code::W021);
        assert_eq!(&s[findings[0].span.clone()], "经");
    }

    /// A blank line beside a page break, as `pdftotext` leaves one after a page's number or
    /// its form feed, keeps the break: the paragraph runs on across it (the page break alone
    /// tells the text is printed lines) and the character repeated on both sides is W021.
    #[test]
    fn a_page_break_with_blank_lines_beside_it_still_joins_and_warns() {
        for page_break in [
            "\n— 2 —\n\n",
            "\n\u{c}\n",
            "\n\u{c}\n\n\n",
            "\n\n— 2 —\n\n\u{c}\n",
            "\n\n\u{c}\n\n",
            "\n\n— 2 —\n\n",
            "\n\n\u{c}",
        ] {
            let s = format!("一、资讯\n本周，推动经{page_break}经济发展。\n");
            let (paras, findings) = paragraphs(&s, false);
            let texts: Vec<String> = paras.iter().map(Para::text).collect();
            assert_eq!(texts, ["一、资讯", "本周，推动经经济发展。"], "{s:?}");
            let codes: Vec<Code> = findings.iter().map(|d| d.code).collect();
            assert_eq!(codes, [Code::W021], "{s:?}");
            let after = s.rfind("经济").unwrap();
            assert_eq!(findings[0].span, after..after + "经".len(), "{s:?}");
        }
    }

    #[test]
    fn spaces_between_chinese_and_figures_in_printed_lines_are_noted() {
        let s = "一、资讯\n1.本周，首批 50  个事项，\n 涉及 APP 和 x y 与 ⼯ 作 2 。\n2.次条。\n二、其他\n";
        let (paras, _) = paragraphs(s, false);
        let gaps: Vec<&str> = paras[1].gaps.iter().map(|g| &s[g.clone()]).collect();
        // `首批 50  个`, `涉及 APP 和 x`, `y 与`, `作 2`: not the space between `x` and `y`,
        // nor the ones beside full-width marks or between Chinese characters, nor the indent.
        assert_eq!(gaps, [" ", "  ", " ", " ", " ", " ", " "]);
        assert!(paras[2].gaps.is_empty());
        let at: Vec<char> = paras[1]
            .gaps
            .iter()
            .map(|g| s[g.end..].chars().next().unwrap())
            .collect();
        assert_eq!(at, ['5', '个', 'A', '和', 'x', '与', '2']);
        assert_eq!(
            paras[1].runs[0].text,
            "1.本周，首批 50 个事项，涉及 APP 和 x y 与工作 2 。"
        );
        // Text as `weekly build` writes it is exact: nothing to note.
        let (built, _) = paragraphs("一、资讯\n\n本周，首批 50 个。\n", false);
        assert!(built.iter().all(|p| p.gaps.is_empty()));
    }

    /// A heading that fills its printed line and runs on to a few characters of the next is
    /// one heading; a heading shorter than the line, or a line after it that ends a sentence,
    /// is not joined.
    #[test]
    fn a_heading_wrapped_at_the_end_of_its_line_is_joined() {
        let body = "完成省市场监管局 18 个办理项的受\n理工作手册编制。\n";
        let s = format!("一、综窗\n（二）事项授权及受理手册编制推进情\n况\n{body}");
        assert_eq!(
            texts(&s, false),
            [
                "一、综窗",
                "（二）事项授权及受理手册编制推进情况",
                "完成省市场监管局 18 个办理项的受理工作手册编制。"
            ]
        );
        let s = format!("一、综窗\n（二）推进情况\n况\n{body}");
        assert_eq!(texts(&s, false)[1], "（二）推进情况");
        let s = "一、综窗\n（二）事项授权及受理手册编制推进情况\n本周无新增。\n";
        assert_eq!(texts(s, false)[2], "本周无新增。");
    }

    #[test]
    fn kangxi_radicals_read_as_ideographs() {
        assert_eq!(texts("⼯作\u{2f08}员", false), ["工作人员"]);
    }

    #[test]
    fn markdown_bold_and_escapes() {
        let runs = markdown_runs(r"本周，**水利厅**召开\*会议\*。");
        let got: Vec<_> = runs.iter().map(|r| (r.text.as_str(), r.strong)).collect();
        assert_eq!(
            got,
            [("本周，", false), ("水利厅", true), ("召开*会议*。", false)]
        );
    }

    #[test]
    fn a_lone_carriage_return_and_a_form_feed_end_lines() {
        let s = "一、资讯\r\r本周，甲。\r\n\r\n二、其他\u{c}本周，乙。\n";
        assert_eq!(
            texts(s, false),
            ["一、资讯", "本周，甲。", "二、其他", "本周，乙。"]
        );
        let lines = super::super::pages::lines(s);
        assert!(
            lines
                .iter()
                .any(|l| l.text == "本周，乙。" && l.after_page_break)
        );
    }

    /// The title a Word document's header prints atop every page is taken out, and the
    /// paragraph it cut joined across the break, on the first page too.
    #[test]
    fn a_running_head_is_taken_out() {
        let s = "窗口工作周报\n2023 年第 39 期（总第 459 期）\n窗口工作周报\n一、资讯\n本周，推动\n—1—\n\u{c}窗口工作周报\n\n经济发展。\n";
        assert_eq!(
            texts(s, false),
            [
                "2023 年第 39 期（总第 459 期）",
                "窗口工作周报",
                "一、资讯",
                "本周，推动经济发展。"
            ]
        );
        // A heading that begins one page only stays.
        let s = "窗口工作周报\n一、资讯\n本周，甲。\n\u{c}二、其他\n本周，乙。\n";
        assert_eq!(texts(s, false)[0], "窗口工作周报");
    }
}
