//! The set phrases of the bulletin: the words weekly writes around an issue's names and
//! figures, in one place for the model that writes them and for `weekly import`, which reads
//! them back.

/// Opens a sentence about the week: `本周，共计…`, `本周，水利厅副厅长王华…`.
pub const THIS_WEEK: &str = "本周，";
/// Before this week's counter figures: `本周，共计咨询 2881 人次、…`.
pub const WEEK_TOTAL: &str = "共计";
/// After this week's counter figures: `…；今年以来，累计咨询 59029 人次、…`.
pub const SINCE_NEW_YEAR: &str = "今年以来";
/// Before the year's counter figures: `…；今年以来，累计咨询 59029 人次、…`.
pub const YEAR_TOTAL: &str = "累计";
/// A progress item's week: `完成省市场监管局 15 个…。`
pub const WEEK_DONE: &str = "完成";
/// A progress item's week without any: `本周无新增。截至目前，…`.
pub const NONE_THIS_WEEK: &str = "本周无新增。";
/// Before the work done so far: `截至目前，共完成 1019 个…`.
pub const SO_FAR: &str = "截至目前，";
/// Between 截至目前， and the work done so far.
pub const DONE_SO_FAR: &str = "共完成";
/// Before the share of the work done: `…，占比 61.76%。`.
pub const SHARE: &str = "占比";
/// Between a leader and the document: `杨兴平副省长在《…》上批示：…`.
pub const DIRECTED_IN: &str = "在";
/// Between the document a leader wrote on and what was written: `…》上批示：请…`.
pub const DIRECTED: &str = "上批示：";
/// Said of several visitors who came: `…，陈永红分别到…`.
pub const EACH: &str = "分别";
/// What leaders came to the hall for, when the issue does not say.
pub const DEFAULT_VISIT_PURPOSE: &str = "到省政务服务大厅窗口调研值守";

/// The issue line of the masthead: `2023 年第 39 期（总第 459 期）`.
pub fn issue_line(year: i32, number: u64, total: u64) -> String {
    format!("{year} 年第 {number} 期（总第 {total} 期）")
}

/// `本周，共计咨询 2881 人次、受理 540 件；今年以来，累计咨询 59029 人次、受理 15288 件。`
/// from each counter's name, unit, week and year to date.
pub fn counters_sentence<'a>(
    counters: impl Iterator<Item = (&'a str, &'a str, u64, u64)>,
) -> String {
    let (mut week, mut year) = (Vec::new(), Vec::new());
    for (name, unit, w, y) in counters {
        week.push(format!("{name} {w} {unit}"));
        year.push(format!("{name} {y} {unit}"));
    }
    format!(
        "{THIS_WEEK}{WEEK_TOTAL}{}；{SINCE_NEW_YEAR}，{YEAR_TOTAL}{}。",
        week.join("、"),
        year.join("、")
    )
}

/// The last line of the closing block: `（共印91份）`.
pub fn copies_line(copies: u64) -> String {
    format!("（共印{copies}份）")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_masthead_and_closing_lines() {
        assert_eq!(issue_line(2023, 39, 459), "2023 年第 39 期（总第 459 期）");
        assert_eq!(copies_line(91), "（共印91份）");
        let counters = [("咨询", "人次", 2881, 59029), ("受理", "件", 540, 15288)];
        assert_eq!(
            counters_sentence(counters.into_iter()),
            "本周，共计咨询 2881 人次、受理 540 件；今年以来，累计咨询 59029 人次、受理 15288 件。"
        );
    }
}
