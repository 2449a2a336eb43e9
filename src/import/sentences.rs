//! The sentences weekly builds from data, read back into the data: the masthead's lines, a
//! directive, the counters' and the progress sentence, the visits, the closing block.
//! Spaces beside figures are optional, as a PDF's text may lose or add them.

use chrono::NaiveDate;

use crate::issue_file::draft::{Counter, Directive, Visit, Visits};
use crate::text::phrases::{
    DEFAULT_VISIT_PURPOSE, DIRECTED, DIRECTED_IN, DONE_SO_FAR, EACH, NONE_THIS_WEEK, SHARE,
    SINCE_NEW_YEAR, SO_FAR, THIS_WEEK, WEEK_DONE, WEEK_TOTAL, YEAR_TOTAL,
};

/// A cursor over a sentence.
struct Scan<'a> {
    rest: &'a str,
}

impl<'a> Scan<'a> {
    fn new(s: &'a str) -> Self {
        Scan { rest: s }
    }

    fn spaces(&mut self) {
        self.rest = self.rest.trim_start_matches(' ');
    }

    /// Takes `word` (after any spaces) if the text goes on with it.
    fn eat(&mut self, word: &str) -> bool {
        self.spaces();
        match self.rest.strip_prefix(word) {
            Some(rest) => {
                self.rest = rest;
                true
            }
            None => false,
        }
    }

    fn number(&mut self) -> Option<u64> {
        self.spaces();
        let digits = self.rest.bytes().take_while(u8::is_ascii_digit).count();
        let n = self.rest[..digits].parse().ok()?;
        self.rest = &self.rest[digits..];
        Some(n)
    }

    /// `2023 年 10 月 9 日`, or `10 月 9 日` in `year`.
    fn date(&mut self, year: i32) -> Option<NaiveDate> {
        let start = self.rest;
        let first = self.number()?;
        let (y, month) = if self.eat("年") {
            let month = self.number()?;
            (i32::try_from(first).ok()?, month)
        } else {
            (year, first)
        };
        let ok = self.eat("月");
        let day = self.number();
        match (ok, day, self.eat("日")) {
            (true, Some(day), true) => {
                NaiveDate::from_ymd_opt(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
            }
            _ => {
                self.rest = start;
                None
            }
        }
    }

    /// The text up to the first `word`, and the cursor after it.
    fn until(&mut self, word: &str) -> Option<&'a str> {
        let at = self.rest.find(word)?;
        let before = &self.rest[..at];
        self.rest = &self.rest[at + word.len()..];
        Some(before)
    }

    fn done(&mut self) -> bool {
        self.spaces();
        self.rest.is_empty()
    }
}

/// `2023 年第 39 期（总第 459 期）` → year, number, running total; `2023 年第 39 期`, as
/// some bulletins print it, without the running total.
pub fn issue_line(s: &str) -> Option<(i32, u64, Option<u64>)> {
    let mut c = Scan::new(s.trim());
    let year = i32::try_from(c.number()?).ok()?;
    if !(c.eat("年") && c.eat("第")) {
        return None;
    }
    let number = c.number()?;
    if !c.eat("期") {
        return None;
    }
    if c.done() {
        return Some((year, number, None));
    }
    let open = ["（", "("].iter().any(|b| c.eat(b));
    let ok = open && c.eat("总第");
    let total = c.number()?;
    let close = c.eat("期") && ["）", ")"].iter().any(|b| c.eat(b));
    (ok && close && c.done()).then_some((year, number, Some(total)))
}

/// `（10 月 7 日—10 月 13 日）`: a week within `year`, or with the years written when it
/// spans two.
pub fn period(s: &str, year: i32) -> Option<(NaiveDate, NaiveDate)> {
    if s.trim().len() > 128 {
        return None;
    }
    let digits = in_digits(s.trim());
    let mut c = Scan::new(&digits);
    if !(c.eat("（") || c.eat("(")) {
        return None;
    }
    let start = c.date(year)?;
    let dash = ["——", "—", "－", "–", "-", "～", "~", "至"]
        .iter()
        .any(|d| c.eat(d));
    let end = c.date(year)?;
    (dash && (c.eat("）") || c.eat(")")) && c.done()).then_some((start, end))
}

/// `2023 年 10 月 20 日`, or in Chinese numerals, `二〇二三年十月二十日`.
pub fn full_date(s: &str) -> Option<NaiveDate> {
    // A date is a few characters long: a longer text (a line tried at each of its figures) is
    // not one, and is not copied to find out.
    if s.trim().len() > 64 {
        return None;
    }
    let digits = in_digits(s.trim());
    let mut c = Scan::new(&digits);
    // No date exists in the year i32::MIN: a date without its year is not read.
    let d = c.date(i32::MIN)?;
    c.done().then_some(d)
}

/// `二〇二三年十月二十日` → `2023年10月20日`: each run of Chinese numerals as the figure it
/// writes, a year digit by digit (〇 or ○ for nought), a month or day with 十.
pub fn in_digits(s: &str) -> String {
    const DIGITS: &str = "〇一二三四五六七八九";
    let digit = |c: char| match c {
        '○' | '零' | 'Ｏ' => Some(0),
        _ => DIGITS.chars().position(|d| d == c),
    };
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(&c) = chars.peek() {
        if digit(c).is_none() && c != '十' {
            out.push(c);
            chars.next();
            continue;
        }
        let mut run = Vec::new();
        while let Some(&c) = chars.peek().filter(|c| digit(**c).is_some() || **c == '十') {
            run.push(c);
            chars.next();
        }
        match run.iter().position(|c| *c == '十') {
            // 十 = 10, 十五 = 15, 二十 = 20, 三十一 = 31.
            Some(at)
                if at <= 1
                    && run.len() <= at + 2
                    && run.iter().filter(|c| **c == '十').count() == 1 =>
            {
                let tens = run[..at].first().and_then(|c| digit(*c)).unwrap_or(1);
                let ones = run.get(at + 1).and_then(|c| digit(*c)).unwrap_or(0);
                out.push_str(&(tens * 10 + ones).to_string());
            }
            Some(_) => out.extend(run),
            None => out.extend(
                run.iter()
                    .filter_map(|c| digit(*c))
                    .map(|d| char::from(b'0' + d as u8)),
            ),
        }
    }
    out
}

/// `10 月 9 日，杨兴平副省长在《…》上批示：…`. The leader ends at the first `在`, the source
/// at the first `上批示：` after it: however the words are divided, the sentence built
/// again is the same.
pub fn directive(s: &str, year: i32) -> Option<Directive> {
    let mut c = Scan::new(s);
    let date = c.date(year)?;
    if !c.eat("，") {
        return None;
    }
    let leader = c.until(DIRECTED_IN)?;
    let source = c.until(DIRECTED)?;
    let text = c.rest;
    let nonempty = |t: &str| !t.trim().is_empty() && t.trim() == t;
    (nonempty(leader) && nonempty(source) && nonempty(text)).then(|| Directive {
        date,
        leader: leader.to_owned(),
        source: source.to_owned(),
        text: text.to_owned(),
    })
}

/// `咨询 2881 人次`: the name, the last figure, and the unit after it.
fn named_figure(s: &str) -> Option<(String, u64, String)> {
    let end = s.rfind(|c: char| c.is_ascii_digit())? + 1;
    let start = s[..end]
        .rfind(|c: char| !c.is_ascii_digit())
        .map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
    let (name, unit) = (s[..start].trim(), s[end..].trim());
    let figure = s[start..end].parse().ok()?;
    (!name.is_empty() && !unit.is_empty()).then(|| (name.to_owned(), figure, unit.to_owned()))
}

/// `本周，共计咨询 2881 人次、受理 540 件；今年以来，累计咨询 59029 人次、受理 15288 件。`,
/// or the same figures as clerks write them in their own words: `本周咨询2881人次，受理540件。
/// 今年以来累计咨询59029人次，受理15288件。` The two lists must name the same counters in the
/// same units, in one order.
pub fn counters(s: &str) -> Option<Vec<Counter>> {
    let rest = s.trim().strip_prefix(THIS_WEEK.trim_end_matches('，'))?;
    let rest = rest.strip_prefix('，').unwrap_or(rest);
    let rest = rest.strip_prefix(WEEK_TOTAL).unwrap_or(rest);
    let (week, year) = rest.split_once(SINCE_NEW_YEAR)?;
    let week = week.trim_end_matches(['；', '。', '，', ' ']);
    let year = year.strip_prefix('，').unwrap_or(year);
    let year = year.strip_prefix(YEAR_TOTAL).unwrap_or(year);
    let year = year.trim_end().strip_suffix('。')?;
    let list = |s: &str| -> Option<Vec<(String, u64, String)>> {
        s.split(['、', '，']).map(named_figure).collect()
    };
    let (week, ytd) = (list(week)?, list(year)?);
    let same =
        week.len() == ytd.len() && week.iter().zip(&ytd).all(|(w, y)| w.0 == y.0 && w.2 == y.2);
    same.then(|| {
        week.into_iter()
            .zip(ytd)
            .map(|((name, week, unit), (_, year_to_date, _))| Counter {
                name,
                unit,
                week,
                year_to_date,
            })
            .collect()
    })
}

/// A progress sentence as read: the total is not in it, only the share, in hundredths of a
/// per cent.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressRead {
    pub dept: Option<String>,
    pub week: u64,
    pub done: u64,
    pub unit: String,
    pub work: String,
    pub share: String,
}

/// `完成省市场监管局 15 个办理项的受理工作手册编制。截至目前，共完成 1019 个办理项的受理工作手册编制，占比 61.76%。`
/// or `本周无新增。截至目前，…`. The unit is taken as the first character of what follows
/// the figure (个, 项, 件): the sentence built again is the same either way.
pub fn progress(s: &str) -> Option<ProgressRead> {
    let (first, second) = s.split_once(SO_FAR)?;
    let mut c = Scan::new(second);
    if !c.eat(DONE_SO_FAR) {
        return None;
    }
    let done = c.number()?;
    let unit_work = c.until(&format!("，{SHARE}"))?.trim();
    c.spaces();
    let share = c.rest.strip_suffix("%。")?.trim();
    let digits = share_scaled(share).is_some();
    let mut units = unit_work.chars();
    let unit = units.next()?.to_string();
    let work = units.as_str().to_owned();
    if !digits || work.is_empty() {
        return None;
    }
    let (dept, week) = if first == NONE_THIS_WEEK {
        (None, 0)
    } else {
        let mid = first.strip_prefix(WEEK_DONE)?.strip_suffix('。')?;
        let mid = mid.trim_end().strip_suffix(unit_work)?.trim_end();
        let digits = mid.bytes().rev().take_while(u8::is_ascii_digit).count();
        let (dept, week) = mid.split_at(mid.len() - digits);
        let dept = dept.trim();
        (
            (!dept.is_empty()).then(|| dept.to_owned()),
            week.parse().ok()?,
        )
    };
    Some(ProgressRead {
        dept,
        week,
        done,
        unit,
        work,
        share: share.to_owned(),
    })
}

/// `61.76` → (6176, 2), `61.8` → (618, 1), `62` → (62, 0): a share as a whole number of its
/// last decimal place, and how many places it has (two at most).
pub fn share_scaled(share: &str) -> Option<(u128, u32)> {
    let (whole, decimals) = share.split_once('.').unwrap_or((share, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || whole.len() > 3 || decimals.len() > 2 || !all_digits(whole) {
        return None;
    }
    if share.contains('.') && decimals.is_empty() || !all_digits(decimals) {
        return None;
    }
    let places = decimals.len() as u32;
    Some((format!("{whole}{decimals}").parse().ok()?, places))
}

/// The totals that give `done` the printed share, rounded half up at the places it was printed
/// to: the lowest, the highest, and the one nearest `done ÷ share` taken as the total. `None`
/// when no whole total gives it.
pub fn total_for_share(done: u64, share: &str) -> Option<(u64, u64, u64)> {
    let (units, places) = share_scaled(share).filter(|(u, _)| *u > 0)?;
    // Rounded half up, `units` is printed for every total in
    // (2·scale·done/(2·units+1), 2·scale·done/(2·units−1)], scale the units in a whole.
    let scale = 10u128.pow(places + 2);
    let scaled = 2 * scale * u128::from(done);
    let lo = scaled / (2 * units + 1) + 1;
    let hi = scaled / (2 * units - 1);
    let centre = ((scaled / 2 + units / 2) / units).clamp(lo, hi.max(lo));
    let printed = |total: u128| (2 * scale * u128::from(done) + total) / (2 * total);
    let [lo, hi, centre] = [lo, hi, centre].map(|t| u64::try_from(t).ok());
    let (lo, hi, centre) = (lo?, hi?, centre?);
    (lo <= hi && centre > 0 && printed(u128::from(centre)) == units).then_some((centre, lo, hi))
}

/// Characters a title ends with: 长, 员, 任, 记 …
const TITLE_ENDS: &str = "长员任记师席官监理";
/// Characters a department's name ends with.
const DEPT_ENDS: &str = "厅局委办院心队署会行社部处所馆站司";
/// How a title may begin when it follows another person's without a department.
const TITLE_STARTS: [&str; 10] = [
    "副", "正", "党", "一级", "二级", "三级", "四级", "巡视", "调研", "总",
];

/// `副厅长王华` → (`副厅长`, `王华`): a name of two to four characters after the last
/// character a title ends with.
fn person(s: &str) -> Option<(String, String)> {
    let chars: Vec<char> = s.chars().collect();
    (1..chars.len()).rev().find_map(|i| {
        let name = chars.len() - i - 1;
        (TITLE_ENDS.contains(chars[i]) && (2..=4).contains(&name)).then(|| {
            (
                chars[..=i].iter().collect(),
                chars[i + 1..].iter().collect(),
            )
        })
    })
}

/// `水利厅党组成员、副厅长王华` → department and the rest; `None` when the entry begins with
/// a title (a second person of the department before).
fn department(s: &str) -> Option<(String, &str)> {
    if TITLE_STARTS.iter().any(|t| s.starts_with(t)) {
        return None;
    }
    let (i, c) = s
        .char_indices()
        .skip(1)
        .find(|(_, c)| DEPT_ENDS.contains(*c))?;
    let end = i + c.len_utf8();
    let rest = &s[end..];
    person(rest).is_some().then(|| (s[..end].to_owned(), rest))
}

/// `本周，水利厅党组成员、副厅长王华，二级巡视员刘金山，省药监局党组成员、副局长陈永红分别到省政务服务大厅窗口调研值守。`
/// People are split by `，`; a person whose entry begins with a department starts a new
/// department. Where the words divide is a guess, but the sentence built again is the same.
pub fn visits(s: &str) -> Option<Visits> {
    let body = s.strip_prefix(THIS_WEEK)?.strip_suffix('。')?;
    let (who, purpose) = if let Some(who) = body.strip_suffix(DEFAULT_VISIT_PURPOSE) {
        let who = who.strip_suffix(EACH).unwrap_or(who);
        (who, None)
    } else if let Some((who, purpose)) = body.split_once(EACH) {
        (who, Some(purpose.to_owned()))
    } else {
        let at = body.find('到')?;
        (&body[..at], Some(body[at..].to_owned()))
    };
    let each = body.len() > who.len() && body[who.len()..].starts_with(EACH);
    let entries: Vec<&str> = who.split('，').collect();
    if (entries.len() > 1) != each {
        return None;
    }
    let mut visits: Vec<Visit> = Vec::new();
    for entry in entries {
        let (dept, rest) = match department(entry) {
            Some((dept, rest)) => (Some(dept), rest),
            None => (None, entry),
        };
        let (title, name) = person(rest)?;
        match (dept, visits.last_mut()) {
            (Some(dept), _) => visits.push(Visit {
                dept,
                people: vec![(title, name)],
            }),
            (None, Some(last)) => last.people.push((title, name)),
            (None, None) => return None,
        }
    }
    let purpose = purpose.filter(|p| !p.is_empty() && !p.contains('，'));
    let wanted_purpose = !body.ends_with(DEFAULT_VISIT_PURPOSE);
    if wanted_purpose && purpose.is_none() {
        return None;
    }
    Some(Visits { visits, purpose })
}

/// `送：…。` / `发：…。` without the label and the full stop weekly adds back.
pub fn closing_line<'a>(s: &'a str, label: &str) -> Option<&'a str> {
    let rest = s.strip_prefix(label)?.strip_prefix('：')?.trim();
    let rest = rest.strip_suffix('。').unwrap_or(rest);
    (!rest.is_empty()).then_some(rest)
}

/// `（共印91份）`.
pub fn copies(s: &str) -> Option<u64> {
    let mut c = Scan::new(s.trim());
    let ok = c.eat("（") && c.eat("共印");
    let n = c.number()?;
    (ok && c.eat("份") && c.eat("）") && c.done()).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn masthead_lines() {
        assert_eq!(
            issue_line("2023 年第 39 期（总第 459 期）"),
            Some((2023, 39, Some(459)))
        );
        assert_eq!(
            issue_line("2023年第39期(总第459期)"),
            Some((2023, 39, Some(459)))
        );
        assert_eq!(issue_line("2023 年第 39 期"), Some((2023, 39, None)));
        assert_eq!(issue_line("2023 年第 39 期（459）"), None);
        assert_eq!(issue_line("2023 年第 39 期简报"), None);
        assert_eq!(full_date("二〇二三年十月二十日"), Some(d(2023, 10, 20)));
        assert_eq!(full_date("二○二四年一月五日"), Some(d(2024, 1, 5)));
        assert_eq!(full_date("二〇二三年十二月三十一日"), Some(d(2023, 12, 31)));
        assert_eq!(full_date("二〇二三年十十月一日"), None);
        assert_eq!(
            period("（十月七日—十月十三日）", 2023),
            Some((d(2023, 10, 7), d(2023, 10, 13)))
        );
        assert_eq!(in_digits("十五、二十、三十一、百"), "15、20、31、百");
        assert_eq!(
            period("（10 月 7 日—10 月 13 日）", 2023),
            Some((d(2023, 10, 7), d(2023, 10, 13)))
        );
        assert_eq!(
            period("（2023 年 12 月 30 日—2024 年 1 月 5 日）", 2024),
            Some((d(2023, 12, 30), d(2024, 1, 5)))
        );
        assert_eq!(period("（10 月 7 日）", 2023), None);
        assert_eq!(full_date("2023 年 10 月 20 日"), Some(d(2023, 10, 20)));
        assert_eq!(full_date("10 月 20 日"), None);
        assert_eq!(full_date("2023 年 2 月 30 日"), None);
    }

    #[test]
    fn a_directive_reads_back() {
        let s = "10 月 9 日，杨兴平副省长在《省市场监管局简报》上批示：请进一步总结经验。";
        let got = directive(s, 2023).unwrap();
        assert_eq!(got.date, d(2023, 10, 9));
        assert_eq!(got.leader, "杨兴平副省长");
        assert_eq!(got.source, "《省市场监管局简报》");
        assert_eq!(got.text, "请进一步总结经验。");
        let s = "2022 年 12 月 30 日，叶寒冰副省长在报告上批示：好。";
        assert_eq!(directive(s, 2023).unwrap().date, d(2022, 12, 30));
        assert_eq!(directive("10 月 9 日，省长批示：好。", 2023), None);
    }

    #[test]
    fn counters_read_back_with_or_without_spaces() {
        let s =
            "本周，共计咨询 2881 人次、受理 540 件；今年以来，累计咨询 59029 人次、受理 15288 件。";
        let got = counters(s).unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(
            (
                got[0].name.as_str(),
                got[0].week,
                got[0].year_to_date,
                got[0].unit.as_str()
            ),
            ("咨询", 2881, 59029, "人次")
        );
        let tight = "本周，共计12345热线2件；今年以来，累计12345热线30件。";
        let got = counters(tight).unwrap();
        assert_eq!((got[0].name.as_str(), got[0].week), ("12345热线", 2));
        let mismatched = "本周，共计咨询 1 人次；今年以来，累计受理 2 件。";
        assert_eq!(counters(mismatched), None);
        let prose = "本周咨询2881人次，受理540件。今年以来累计咨询59029人次，受理15288件。";
        let got = counters(prose).unwrap();
        assert_eq!(
            (got[1].name.as_str(), got[1].week, got[1].year_to_date),
            ("受理", 540, 15288)
        );
        let unlike = "本周咨询2881人次，受理540件。今年以来受理15288件，咨询59029人次。";
        assert_eq!(counters(unlike), None);
    }

    #[test]
    fn progress_reads_back_and_its_total_comes_from_the_share() {
        let s = "完成省市场监管局 15 个办理项的受理工作手册编制。截至目前，共完成 1019 个办理项的受理工作手册编制，占比 61.76%。";
        let got = progress(s).unwrap();
        assert_eq!(got.dept.as_deref(), Some("省市场监管局"));
        assert_eq!((got.week, got.done), (15, 1019));
        assert_eq!(
            (got.unit.as_str(), got.work.as_str()),
            ("个", "办理项的受理工作手册编制")
        );
        assert_eq!(total_for_share(1019, &got.share), Some((1650, 1650, 1650)));
        let none = "本周无新增。截至目前，共完成 3 项改革，占比 50.00%。";
        let got = progress(none).unwrap();
        assert_eq!((got.dept, got.week, got.done), (None, 0, 3));
        assert_eq!(total_for_share(3, "50.00"), Some((6, 6, 6)));
        assert_eq!(total_for_share(2, "50.01"), None);
        assert_eq!(total_for_share(0, "0.00"), None);
        // Every total from 953 to 1052 prints 0.10% of 1.
        assert_eq!(total_for_share(1, "0.10"), Some((1000, 953, 1052)));
        assert_eq!(total_for_share(u64::MAX, "0.01"), None);
        // A share typed to one decimal or none: every total that rounds to it.
        assert_eq!(total_for_share(1019, "61.8"), Some((1649, 1648, 1650)));
        assert_eq!(total_for_share(1, "50"), Some((2, 2, 2)));
        assert_eq!(share_scaled("68.1"), Some((681, 1)));
        for bad in ["68.", ".5", "1.234", "6a", "1000"] {
            assert_eq!(share_scaled(bad), None, "{bad}");
        }
    }

    #[test]
    fn visits_read_back() {
        let s = "本周，水利厅党组成员、副厅长王华，二级巡视员刘金山，省药监局党组成员、副局长陈永红分别到省政务服务大厅窗口调研值守。";
        let got = visits(s).unwrap();
        assert_eq!(got.purpose, None);
        let depts: Vec<_> = got.visits.iter().map(|v| v.dept.as_str()).collect();
        assert_eq!(depts, ["水利厅", "省药监局"]);
        assert_eq!(
            got.visits[0].people,
            [
                ("党组成员、副厅长".to_owned(), "王华".to_owned()),
                ("二级巡视员".to_owned(), "刘金山".to_owned())
            ]
        );
        let one = visits("本周，水利厅副厅长王华到大厅督导。").unwrap();
        assert_eq!(one.purpose.as_deref(), Some("到大厅督导"));
        assert_eq!(visits("本周，水利厅召开会议。"), None);
        // 分别 with one person, or none with two, is not what weekly writes.
        assert_eq!(visits("本周，水利厅副厅长王华分别到大厅督导。"), None);
    }

    #[test]
    fn closing_block() {
        assert_eq!(closing_line("送：省中心领导。", "送"), Some("省中心领导"));
        assert_eq!(closing_line("发：", "发"), None);
        assert_eq!(copies("（共印91份）"), Some(91));
        assert_eq!(copies("（共印 91 份）"), Some(91));
        assert_eq!(copies("（共印份）"), None);
    }
}
