//! A year of Fridays: `weekly new` → fill in → `check` → `build`, week after week from the
//! real issue 2023 年第 39 期 into 2024 年第 6 期, as a clerk runs it; then a correction to a
//! past week, and an archive trimmed to its last four issues.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use crate::util::{root, scratch, weekly};

const COUNTERS: [(&str, &str); 4] = [
    ("咨询", "人次"),
    ("受理", "件"),
    ("颁发", "件"),
    ("流转", "件"),
];

/// This week's figures of week `i` of the loop: counters in order, then the progress week.
fn figures(i: u64) -> ([u64; 4], u64) {
    (
        [2000 + 37 * i, 400 + 11 * i, 9000 + 101 * i, 12000 + 53 * i],
        i % 5 * 7,
    )
}

/// A draft with its blanks filled in as a clerk would: the week's figures, an item, no
/// visits this week, and a directive only when `directive` gives its date.
fn fill(draft: &str, week: &([u64; 4], u64), directive: Option<&str>) -> String {
    let mut counters = week.0.iter();
    let mut out = String::new();
    for line in draft.lines() {
        let indent = &line[..line.len() - line.trim_start().len()];
        let filled = match line.trim() {
            l if l.starts_with("week:") && l.contains("# fill in (last week") => {
                format!("{indent}week: {}", counters.next().unwrap())
            }
            l if l.starts_with("week:") && l.contains("# fill in") => {
                format!("{indent}week: {}", week.1)
            }
            "items:" => format!("{indent}items:\n{indent}  - 本周，大厅运行平稳，各窗口办件有序。"),
            "visits:" => format!("{indent}visits: []"),
            "directives:" => match directive {
                Some(date) => format!(
                    "{indent}directives:\n{indent}  - {{ date: {date}, leader: 王宁副省长, source: 《值班情况报告》, text: 请继续做好值班值守。 }}"
                ),
                None => format!("{indent}directives: []"),
            },
            _ => line.to_owned(),
        };
        out.push_str(&filled);
        out.push('\n');
    }
    assert!(counters.next().is_none(), "every counter filled in");
    out
}

/// `weekly check` of `path` passes without a word.
fn checks_clean(path: &Path) {
    let out = weekly().arg("check").arg(path).run();
    out.success();
    assert_eq!(out.stderr_text(), "", "{}", path.display());
}

fn build(path: &Path) -> String {
    let out = weekly().args(["build", "--format", "text"]).arg(path).run();
    out.success();
    out.stdout_text()
}

#[test]
fn a_year_of_fridays() {
    let tmp = scratch();
    let dir = tmp.path();
    for name in ["2023-38.yaml", "2023-39.yaml"] {
        fs::copy(root().join("examples").join(name), dir.join(name)).unwrap();
    }
    // The figures the printed bulletins must show, kept here rather than read back.
    let mut year_to_date = [59029u64, 15288, 144447, 247130];
    let mut done = 1019u64;
    let mut current = "2023-39".to_owned();
    let mut printed: BTreeMap<String, String> = BTreeMap::new();
    for i in 1.. {
        if current == "2024-06" {
            break;
        }
        assert!(i < 60, "never reached 2024 年第 6 期");
        let begun = weekly()
            .arg("new")
            .arg(dir.join(format!("{current}.yaml")))
            .run();
        begun.success();
        let stderr = begun.stderr_text();
        let name = stderr
            .lines()
            .find_map(|l| l.strip_prefix("created `"))
            .and_then(|l| l.split('`').next())
            .unwrap_or_else(|| panic!("{stderr}"))
            .to_owned();
        let path = Path::new(&name).to_path_buf();
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let number: u64 = stem[5..].parse().unwrap();

        let week = figures(i);
        // The last issue of 2023 (its week ends on 12-29) is published in January and
        // reports a directive given then.
        let directive = (stem == "2023-50").then_some("2024-01-02");
        let draft = fs::read_to_string(&path).unwrap();
        fs::write(&path, fill(&draft, &week, directive)).unwrap();
        checks_clean(&path);

        for (k, w) in week.0.iter().enumerate() {
            year_to_date[k] = if number == 1 { *w } else { year_to_date[k] + w };
        }
        done += week.1;
        let bulletin = build(&path);
        let this_week: Vec<String> = COUNTERS
            .iter()
            .zip(week.0)
            .map(|((n, u), w)| format!("{n} {w} {u}"))
            .collect();
        let so_far: Vec<String> = COUNTERS
            .iter()
            .zip(year_to_date)
            .map(|((n, u), y)| format!("{n} {y} {u}"))
            .collect();
        let sentence = format!(
            "本周，共计{}；今年以来，累计{}。",
            this_week.join("、"),
            so_far.join("、")
        );
        assert!(
            bulletin.contains(&sentence),
            "{stem}: {sentence}\n{bulletin}"
        );
        let progress = format!("共完成 {done} 个办理项的受理工作手册编制");
        assert!(
            bulletin.contains(&progress),
            "{stem}: {progress}\n{bulletin}"
        );
        if week.1 == 0 {
            assert!(bulletin.contains("本周无新增。截至目前"), "{stem}");
        }
        printed.insert(stem.clone(), bulletin);
        current = stem;
    }
    // 2023 年第 40–50 期 (the week ending 12-29 is the last of 2023), 2024 年第 1–6 期.
    assert_eq!(printed.len(), 17, "{:?}", printed.keys());
    assert!(printed["2023-50"].contains("\n1 月 2 日，王宁副省长在《值班情况报告》上批示"));
    let everything = weekly().arg("check").arg(dir).run();
    everything.success();
    assert_eq!(everything.stderr_text(), "");

    // Every issue but the last carries the figures it printed, written in by `weekly new`.
    let computed = fs::read_to_string(dir.join("2024-06.yaml")).unwrap();
    assert!(!computed.contains("year_to_date:"));
    for stem in printed.keys().filter(|s| *s != "2024-06") {
        let issue = fs::read_to_string(dir.join(format!("{stem}.yaml"))).unwrap();
        assert_eq!(issue.matches("year_to_date:").count(), 4, "{stem}");
        assert_eq!(issue.matches("\n          done:").count(), 1, "{stem}");
        // The draft's notes that the figures are computed now say they are written.
        for computed in [
            "figures are computed",
            "so far is computed",
            "由上一期推算",
            "自动计算",
        ] {
            assert!(!issue.contains(computed), "{stem}: {issue}");
        }
        assert!(issue.contains("as printed, written into") || issue.contains("为本期印发时的数字"));
    }

    // A correction of a past week: that issue says what no longer adds up, as an error, and
    // no later bulletin changes.
    let past = dir.join("2023-45.yaml");
    let original = fs::read_to_string(&past).unwrap();
    let (corrected_week, _) = figures(6);
    let corrected = original.replacen(
        &format!("week: {}\n", corrected_week[0]),
        &format!("week: {}\n", corrected_week[0] + 10),
        1,
    );
    assert_ne!(corrected, original);
    fs::write(&past, &corrected).unwrap();
    let check = weekly()
        .args(["check", "--message-format", "short"])
        .arg(dir)
        .run();
    check.code(1);
    let stderr = check.stderr_text();
    let findings: Vec<&str> = stderr.lines().filter(|l| l.contains("]: ")).collect();
    assert_eq!(findings.len(), 1, "{stderr}");
    assert!(
        findings[0].contains("2023-45.yaml") && findings[0].contains("error[E036]"),
        "{stderr}"
    );
    assert!(findings[0].contains("(10 less)"), "{stderr}");
    // Accepted by name, the figure as printed stands and the archive checks clean.
    fs::write(
        &past,
        format!("lint: {{ allow: [E036 咨询] }}\n{corrected}"),
    )
    .unwrap();
    let check = weekly().args(["check"]).arg(dir).run();
    check.success();
    assert_eq!(check.stderr_text(), "");
    for (stem, bulletin) in printed.iter().filter(|(s, _)| s.as_str() > "2023-45") {
        assert_eq!(
            &build(&dir.join(format!("{stem}.yaml"))),
            bulletin,
            "{stem}"
        );
    }

    // The archive trimmed to its last four issues: it checks, with a warning that the first
    // one's previous issue is elsewhere, and builds what it printed.
    let trimmed = scratch();
    for stem in ["2024-03", "2024-04", "2024-05", "2024-06"] {
        let name = format!("{stem}.yaml");
        fs::copy(dir.join(&name), trimmed.path().join(&name)).unwrap();
    }
    let check = weekly()
        .args(["check", "--message-format", "short"])
        .arg(trimmed.path())
        .run();
    check.success();
    let stderr = check.stderr_text();
    let findings: Vec<&str> = stderr.lines().filter(|l| l.contains("]: ")).collect();
    assert_eq!(findings.len(), 1, "{stderr}");
    assert!(
        findings[0].contains("2024-03.yaml") && findings[0].contains("warning[W009]"),
        "{stderr}"
    );
    for stem in ["2024-03", "2024-04", "2024-05", "2024-06"] {
        let path = trimmed.path().join(format!("{stem}.yaml"));
        assert_eq!(&build(&path), &printed[stem], "{stem}");
    }
}
