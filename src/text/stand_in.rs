//! The stand-in words of a draft: what `weekly new` writes where the week's facts go, and how
//! a text still holding one is known, so that a draft uncommented but not filled in is never
//! printed.

/// A leader or a person: `某某副省长`, `{ title: 副厅长, name: 某某 }`.
pub const SOMEONE: &str = "某某";
/// A department: `dept: 某厅`.
pub const SOME_DEPARTMENT: &str = "某厅";
/// The department that did a week's part of a piece of work: `dept: 某部门`.
pub const SOME_OFFICE: &str = "某部门";
/// A counter or a piece of work: `name: 某项`, `work: 某项工作`.
pub const SOME_THING: &str = "某项";
/// The document a leader wrote on: `source: 《文件名称》`.
pub const DOCUMENT: &str = "《文件名称》";
/// What a leader wrote: `text: 批示内容。`.
pub const DIRECTIVE: &str = "批示内容。";
/// What happened: `- 本周，……。`, `text: ……。`.
pub const WHAT_HAPPENED: &str = "……。";

/// The words the stand-ins above hold, as a text shows them, and an ellipsis last: a text (or
/// a file) without any holds no stand-in.
pub const STAND_IN_WORDS: [&str; 7] = [
    "某某",
    "某厅",
    "某部门",
    "某项",
    "文件名称",
    "批示内容",
    "……",
];

/// The stand-in `text` holds, if it holds one: a stand-in word anywhere in it, or nothing but
/// an ellipsis, `本周，` and punctuation. No bulletin prints `某某` or `《文件名称》`; an
/// ellipsis amid words is prose.
pub fn stand_in(text: &str) -> Option<&'static str> {
    if let Some(word) = STAND_IN_WORDS[..6].iter().find(|w| text.contains(**w)) {
        return Some(word);
    }
    let rest = text.trim_start();
    let rest = rest.strip_prefix(super::phrases::THIS_WEEK).unwrap_or(rest);
    let only_an_ellipsis = rest
        .chars()
        .all(|c| c == '…' || c.is_whitespace() || "，。.,".contains(c));
    (text.contains("……") && only_an_ellipsis).then_some("……")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stand_in_word_is_known_in_a_text() {
        assert_eq!(stand_in("某某副省长"), Some("某某"));
        assert_eq!(stand_in("《文件名称》"), Some("文件名称"));
        assert_eq!(stand_in("批示内容。"), Some("批示内容"));
        assert_eq!(stand_in("某厅"), Some("某厅"));
        assert_eq!(stand_in("某部门"), Some("某部门"));
        assert_eq!(stand_in("某项工作"), Some("某项"));
        assert_eq!(stand_in("本周，……。"), Some("……"));
        assert_eq!(stand_in("……。"), Some("……"));
        assert_eq!(stand_in("  ……"), Some("……"));
    }

    #[test]
    fn prose_with_an_ellipsis_or_real_names_is_not_a_stand_in() {
        assert_eq!(stand_in("本周，受理、办结……等事项共 12 件。"), None);
        assert_eq!(stand_in("杨兴平副省长"), None);
        assert_eq!(stand_in("《四川省政务服务条例》"), None);
        assert_eq!(stand_in("省市场监管局"), None);
        assert_eq!(stand_in("本周，"), None);
        assert_eq!(stand_in(""), None);
    }
}
