//! `weekly stats` over the shipped archive: goldens of the CSV, JSON and SVG outputs, year
//! totals against the issues' own figures, the workbook read back, outputs and selections.

use std::fs;
use std::io::Read;
use std::path::Path;

use weekly::input::files::Memory;
use weekly::load::Loader;

use crate::util::{TestOutput, assert_golden, root, scratch, weekly};

fn archive() -> std::path::PathBuf {
    root().join("examples/archive")
}

/// Runs `weekly stats` on the archive, from the repository's root so that the series is
/// named `examples/archive` in every output.
fn stats(args: &[&str]) -> TestOutput {
    let out = weekly()
        .current_dir(root())
        .args(["stats", "examples/archive"])
        .args(args)
        .run();
    out.success();
    let stderr = out.stderr_text();
    assert!(
        !stderr.contains("[W") && !stderr.contains("[E"),
        "the archive reads clean: {stderr}"
    );
    out
}

#[test]
fn the_archive_as_csv_json_and_svg_is_its_golden() {
    let golden = root().join("tests/golden");
    let csv = stats(&["--format", "csv", "--lang", "zh"]);
    assert!(
        csv.stdout.starts_with("\u{feff}".as_bytes()),
        "a byte-order mark"
    );
    // CSV has no place for the notes on a progress item each year lacks: stderr has them.
    assert_eq!(
        csv.stderr_text(),
        "注意：examples/archive：“政务服务事项标准化梳理”不见于 2023 年第 28–39 期：新增、停报或改名的统计项按所写名称分别列出，不作合并\n\
         注意：examples/archive：“办理项的受理工作手册编制”不见于 2022 年第 28–39 期：新增、停报或改名的统计项按所写名称分别列出，不作合并\n"
    );
    assert_golden(&golden.join("stats.csv"), &csv.stdout_text());
    let json = stats(&["--format", "json"]);
    assert_golden(&golden.join("stats.json"), &json.stdout_text());
    let svg = stats(&["--format", "svg", "--lang", "zh"]);
    assert_golden(&golden.join("stats.svg"), &svg.stdout_text());
    let table = stats(&["--lang", "zh"]);
    assert_golden(&golden.join("stats.txt"), &table.stdout_text());
}

/// On a terminal (util-linux `script` makes one), a workbook is refused rather than printed,
/// and a format of text is printed.
#[cfg(unix)]
#[test]
fn a_workbook_is_refused_on_a_terminal_and_text_is_not() {
    let weekly = env!("CARGO_BIN_EXE_weekly");
    let on_a_terminal = |format: &str| {
        crate::util::TestCommand::new("script")
            .current_dir(root())
            .args([
                "-qec",
                &format!("{weekly} stats examples/archive --format {format}"),
                "/dev/null",
            ])
            .run()
    };
    let xlsx = on_a_terminal("xlsx");
    xlsx.code(2);
    let shown = String::from_utf8_lossy(&xlsx.stdout);
    assert!(shown.contains("an Excel workbook is binary"), "{shown}");
    assert!(!shown.contains("PK"), "the workbook reached the terminal");
    let csv = on_a_terminal("csv");
    csv.success();
    assert!(String::from_utf8_lossy(&csv.stdout).contains("series,name,"));
}

/// The archive's figures as weekly itself reads them from the issue files, one by one:
/// (year, number, counter, week, year to date).
fn figures_in_files() -> Vec<(i64, i64, String, i64, i64)> {
    let mut files = Memory::default();
    let mut paths = Vec::new();
    for entry in fs::read_dir(archive()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_owned();
        files = files.with(&name, fs::read(&path).unwrap());
        paths.push(std::path::PathBuf::from(name));
    }
    let mut out = Vec::new();
    let mut loader = Loader::new(&files);
    for path in &paths {
        let issue = loader.load(path).unwrap().issue.expect("a valid issue");
        let m = &issue.masthead;
        for c in issue.counters() {
            out.push((
                i64::from(m.year.value),
                m.number.value as i64,
                c.name.value.clone(),
                c.week.value as i64,
                c.year_to_date.value().unwrap() as i64,
            ));
        }
    }
    out.sort();
    out
}

/// Each year's total in the report is the year-to-date figure the year's last issue in the
/// archive prints, and each week's row is that issue's figures.
#[test]
fn year_totals_equal_the_last_year_to_date_figures_of_the_files() {
    let json: serde_json::Value =
        serde_json::from_slice(&stats(&["--format", "json"]).stdout).expect("one JSON document");
    let files = figures_in_files();
    let series = &json["series"][0];
    assert_eq!(series["name"], "examples/archive");
    let counters = series["counters"].as_array().unwrap();
    assert_eq!(counters.len(), 4);
    let mut checked = 0;
    for c in counters {
        let name = c["name"].as_str().unwrap();
        for y in c["years"].as_array().unwrap() {
            let year = y["year"].as_i64().unwrap();
            let last = files
                .iter()
                .filter(|f| f.0 == year && f.2 == name)
                .max_by_key(|f| f.1)
                .unwrap();
            assert_eq!(y["year_to_date"].as_i64(), Some(last.4), "{name} {year}");
            assert_eq!(y["through"]["number"].as_i64(), Some(last.1));
            let sum: i64 = files
                .iter()
                .filter(|f| f.0 == year && f.2 == name)
                .map(|f| f.3)
                .sum();
            assert_eq!(y["sum"].as_i64(), Some(sum), "{name} {year}");
            // 第 28–39 期 only: the total is the last figure, not a checked sum.
            assert_eq!(y["checked_sum"], serde_json::Value::Null);
            checked += 1;
        }
        let rows = c["weeks"].as_array().unwrap();
        assert_eq!(rows.len(), 24);
        for r in rows {
            let key = (
                r["issue"]["year"].as_i64().unwrap(),
                r["issue"]["number"].as_i64().unwrap(),
            );
            let file = files
                .iter()
                .find(|f| (f.0, f.1) == key && f.2 == name)
                .unwrap();
            assert_eq!(r["week"].as_i64(), Some(file.3));
            assert_eq!(r["year_to_date"].as_i64(), Some(file.4));
        }
    }
    assert_eq!(checked, 8, "four counters in two years");
    // 2023 第 39 期 is the real issue: its figures are the example's.
    let zixun = &counters[0]["years"][1];
    assert_eq!(zixun["year_to_date"], 59029);
}

/// Year on year: 2023 第 39 期 against 2022 第 39 期, the same number a year before.
#[test]
fn the_year_on_year_change_is_against_the_same_number_a_year_before() {
    let json: serde_json::Value =
        serde_json::from_slice(&stats(&["--format", "json", "--year", "2023"]).stdout).unwrap();
    let files = figures_in_files();
    let rows = json["series"][0]["counters"][0]["weeks"]
        .as_array()
        .unwrap();
    assert_eq!(rows.len(), 12, "only 2023");
    let last = &rows[11];
    assert_eq!(last["issue"]["number"], 39);
    let before = files
        .iter()
        .find(|f| (f.0, f.1) == (2022, 39) && f.2 == "咨询")
        .unwrap();
    assert_eq!(last["on_previous_year"]["from"].as_i64(), Some(before.3));
    assert_eq!(
        last["on_previous_year"]["by"].as_i64(),
        Some(2881 - before.3)
    );
    assert_eq!(last["on_previous_week"]["from"], 1862);
}

fn zip_text(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    let mut file = zip.by_name(name).unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut text = String::new();
    file.read_to_string(&mut text).unwrap();
    text
}

/// The workbook read back: three sheets named in Chinese, the counters' names and the
/// headers among its strings, a row per counter per week, and the same bytes every run.
#[test]
fn the_workbook_reads_back_with_its_sheets_rows_and_chinese_text() {
    let tmp = scratch();
    let path = tmp.path().join("year.xlsx");
    let out = weekly()
        .current_dir(root())
        .args(["stats", "examples/archive", "--lang", "zh", "-o"])
        .arg(&path)
        .run();
    out.success();
    assert_eq!(out.stdout_text(), "", "the workbook went to the file");
    let bytes = fs::read(&path).unwrap();
    let book = zip_text(&bytes, "xl/workbook.xml");
    for sheet in ["逐周", "按年", "进度"] {
        assert!(book.contains(&format!("name=\"{sheet}\"")), "{book}");
    }
    let strings = zip_text(&bytes, "xl/sharedStrings.xml");
    for s in [
        "咨询",
        "受理",
        "颁发",
        "流转",
        "名称",
        "同比（%）",
        "办理项的受理工作手册编制",
    ] {
        assert!(strings.contains(s), "{s} not in the shared strings");
    }
    let weeks = zip_text(&bytes, "xl/worksheets/sheet1.xml");
    assert_eq!(
        weeks.matches("<row ").count(),
        1 + 4 * 24,
        "a header and a row per counter per week"
    );
    // The dates are Excel's day numbers: the first week starts on 2022-07-23, day 44765.
    let first = chrono::NaiveDate::from_ymd_opt(2022, 7, 23).unwrap();
    let excel = (first - chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap()).num_days();
    assert!(
        weeks.contains(&format!("<v>{excel}</v>")),
        "no date {excel} in the weeks"
    );
    let again = tmp.path().join("again.xlsx");
    weekly()
        .current_dir(root())
        .args(["stats", "examples/archive", "--lang", "zh", "-o"])
        .arg(&again)
        .run();
    assert_eq!(bytes, fs::read(&again).unwrap(), "the same bytes every run");
}

#[test]
fn the_format_comes_from_the_extension_and_a_terminal_gets_the_table() {
    let tmp = scratch();
    for (name, starts) in [
        ("a.csv", "\u{feff}series,name,"),
        ("a.json", "{\n  \"series\""),
        ("a.svg", "<svg"),
        ("a.html", "<!DOCTYPE html>"),
        (
            "a.txt",
            "examples/archive: 2022 No. 28 to 2023 No. 39, 24 issues\n",
        ),
    ] {
        let path = tmp.path().join(name);
        let out = weekly()
            .current_dir(root())
            .args(["stats", "examples/archive", "-o"])
            .arg(&path)
            .run();
        out.success();
        let written = fs::read_to_string(&path).unwrap();
        assert!(
            written.starts_with(starts),
            "{name}: {}",
            &written[..60.min(written.len())]
        );
    }
    let table = stats(&[]);
    assert!(
        table
            .stdout_text()
            .starts_with("examples/archive: 2022 No. 28")
    );
}

#[test]
fn usage_errors_are_exit_2_in_the_users_language() {
    for (args, zh) in [
        (
            &["-o", "x.csv", "--format", "json"][..],
            "是 csv 格式，但 --format 指定的是 json",
        ),
        (&["-o", "x.md"], "无法从文件名看出 `x.md` 的格式"),
        (
            &["--from", "2023-10-01", "--to", "2023-09-01"],
            "--from 2023-10-01 晚于 --to 2023-09-01",
        ),
    ] {
        let out = weekly()
            .current_dir(root())
            .args(["stats", "examples/archive", "--lang", "zh"])
            .args(args)
            .run();
        out.code(2);
        assert!(
            out.stderr_text().contains(zh),
            "{args:?}: {}",
            out.stderr_text()
        );
        assert!(!Path::new(&root().join("x.csv")).exists());
    }
}

/// A selection by period takes whole weeks: 2023 第 35–39 期 start on or after 09-09 and
/// end on or before 10-13.
#[test]
fn a_selection_by_period_takes_whole_weeks() {
    let out = stats(&[
        "--format",
        "csv",
        "--from",
        "2023-09-09",
        "--to",
        "2023-10-13",
        "--counter",
        "受理",
    ]);
    let csv = out.stdout_text();
    let numbers: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(4).unwrap())
        .collect();
    assert_eq!(numbers, ["35", "36", "37", "38", "39"]);
    assert!(csv.lines().skip(1).all(|l| l.contains(",受理,")));
}
