//! Line charts of the counters' weekly figures as SVG: a panel per counter, each with its own
//! scale, and a line per year over the months of the year, so that each week stands above the
//! same week a year before.

use std::ops::Range;

use chrono::Datelike;
#[cfg(test)]
use chrono::NaiveDate;
use plotters::coord::Shift;
use plotters::coord::ranged1d::{KeyPointHint, NoDefaultFormatting, Ranged, ValueFormatter};
use plotters::prelude::*;

use crate::i18n::Lang;

use super::error::StatsError;
use super::figures::{CounterReport, IssueRef, Report};
use super::words;

/// The fonts the viewer is asked for: SVG text is drawn by the viewer, so only names go in,
/// CJK-capable ones first.
pub const FONTS: &str =
    "\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Microsoft YaHei\", sans-serif";

const WIDTH: u32 = 960;
const PANEL_HEIGHT: u32 = 320;

/// The latest year in the bulletin's red, the year before in blue, older years in quieter
/// colours.
const COLOURS: [RGBColor; 8] = [
    RGBColor(230, 0, 18),
    RGBColor(31, 119, 180),
    RGBColor(44, 160, 44),
    RGBColor(148, 103, 189),
    RGBColor(255, 127, 14),
    RGBColor(140, 86, 75),
    RGBColor(23, 190, 207),
    RGBColor(127, 127, 127),
];

/// Where the week of `at` ends, in months since January of the issue's year: 2023 年第 39 期,
/// ending 10-13, is at 9.39; a week of one year that ends in January of the next is past 12.
pub fn months(at: &IssueRef) -> f64 {
    let end = at.end;
    let whole = (end.year() - at.year) * 12 + end.month0() as i32;
    let first = end.with_day(1).unwrap_or(end);
    let next = first
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(first);
    let days = (next - first).num_days().max(1) as f64;
    f64::from(whole) + f64::from(end.day0()) / days
}

/// A time axis in months of the year, ticked at the first of each month.
#[derive(Clone)]
struct MonthAxis {
    range: Range<f64>,
    lang: Lang,
}

impl Ranged for MonthAxis {
    type FormatOption = NoDefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let span = (self.range.end - self.range.start).max(f64::EPSILON);
        let t = (value - self.range.start) / span;
        limit.0 + (f64::from(limit.1 - limit.0) * t).round() as i32
    }

    fn key_points<H: KeyPointHint>(&self, _hint: H) -> Vec<f64> {
        let (first, last) = (
            self.range.start.ceil() as i64,
            self.range.end.floor() as i64,
        );
        (first..=last).map(|m| m as f64).collect()
    }

    fn range(&self) -> Range<f64> {
        self.range.clone()
    }
}

impl ValueFormatter<f64> for MonthAxis {
    fn format(_: &f64) -> String {
        String::new()
    }

    fn format_ext(&self, value: &f64) -> String {
        words::month(value.round() as i64, self.lang)
    }
}

/// Text of `px` pixels (plotters writes sizes divided by 1.24 into SVG).
fn font(px: f64) -> FontDesc<'static> {
    FontDesc::new(FontFamily::Name(FONTS), px * 1.24, FontStyle::Normal)
}

/// A round top for the figures' axis: 1, 2 or 5 times a power of ten, above `max`.
fn top(max: u64) -> u64 {
    let max = max.max(1) + max / 10;
    let mut step = 1u64;
    loop {
        for m in [1, 2, 5] {
            if step.saturating_mul(m) >= max {
                return step.saturating_mul(m);
            }
        }
        step = step.saturating_mul(10);
    }
}

/// One panel: the weekly figures of one counter, a line per year.
fn panel(
    area: &DrawingArea<SVGBackend<'_>, Shift>,
    title: &str,
    c: &CounterReport,
    lang: Lang,
) -> Result<(), String> {
    let xs: Vec<f64> = c.weeks.iter().map(|r| months(&r.issue)).collect();
    let low = xs.iter().copied().fold(f64::INFINITY, f64::min).floor();
    let high = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max).ceil();
    let (low, high) = if low.is_finite() {
        (low, high.max(low + 1.0))
    } else {
        (0.0, 12.0)
    };
    let max = c.weeks.iter().map(|r| r.week).max().unwrap_or(0);
    let mut chart = ChartBuilder::on(area)
        .caption(title, font(18.0))
        .margin(14)
        .x_label_area_size(34)
        .y_label_area_size(70)
        .build_cartesian_2d(
            MonthAxis {
                range: low..high,
                lang,
            },
            0u64..top(max),
        )
        .map_err(|e| e.to_string())?;
    chart
        .configure_mesh()
        .x_labels(14)
        .y_labels(6)
        .light_line_style(WHITE)
        .bold_line_style(BLACK.mix(0.12))
        .label_style(font(13.0))
        .axis_desc_style(font(13.0))
        .y_desc(c.unit.as_str())
        .draw()
        .map_err(|e| e.to_string())?;
    let mut years: Vec<i32> = c.weeks.iter().map(|r| r.issue.year).collect();
    years.sort_unstable();
    years.dedup();
    for (rank, &year) in years.iter().rev().enumerate() {
        let colour = COLOURS[rank.min(COLOURS.len() - 1)];
        let points: Vec<(f64, u64)> = c
            .weeks
            .iter()
            .filter(|r| r.issue.year == year)
            .map(|r| (months(&r.issue), r.week))
            .collect();
        chart
            .draw_series(points.iter().map(|p| Circle::new(*p, 3, colour.filled())))
            .map_err(|e| e.to_string())?;
        chart
            .draw_series(LineSeries::new(points, colour.stroke_width(2)))
            .map_err(|e| e.to_string())?
            .label(words::year(year, lang))
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 24, y)], colour.stroke_width(2))
            });
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK.mix(0.3))
        .label_font(font(13.0))
        .draw()
        .map_err(|e| e.to_string())
}

/// The charts of every counter of every series, one under the other, in one SVG document.
pub fn svg(report: &Report, lang: Lang) -> Result<String, StatsError> {
    let several = report.series.len() > 1;
    let panels: Vec<(String, &CounterReport)> = report
        .series
        .iter()
        .flat_map(|s| {
            s.counters.iter().map(move |c| {
                let what = words::WEEKLY_FIGURES.get(lang);
                let title = match lang {
                    Lang::Zh => format!("{}（{}）{what}", c.name, c.unit),
                    Lang::En => format!("{} ({}), {what}", c.name, c.unit),
                };
                let title = if several {
                    format!("{} · {title}", s.name)
                } else {
                    title
                };
                (title, c)
            })
        })
        .collect();
    let height = PANEL_HEIGHT * panels.len().max(1) as u32;
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (WIDTH, height)).into_drawing_area();
        let fail = |e: String| StatsError::Chart(e);
        root.fill(&WHITE).map_err(|e| fail(e.to_string()))?;
        if panels.is_empty() {
            let none = match lang {
                Lang::En => "No counters to draw",
                Lang::Zh => "没有可绘制的统计项",
            };
            root.draw(&Text::new(none, (20, 40), font(18.0)))
                .map_err(|e| fail(e.to_string()))?;
        }
        let areas = root.split_evenly((panels.len().max(1), 1));
        for (area, (title, c)) in areas.iter().zip(&panels) {
            panel(area, title, c, lang).map_err(fail)?;
        }
        root.present().map_err(|e| fail(e.to_string()))?;
    }
    Ok(out)
}

/// The first of each month in the axis of a panel, for the tests: month `m` of `year`.
#[cfg(test)]
fn first_of(year: i32, m: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, m, 1).unwrap()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::figures::tests::week;
    use crate::stats::{Selection, Series, report};

    fn at(year: i32, end: NaiveDate) -> IssueRef {
        IssueRef {
            year,
            number: 1,
            start: end - chrono::Days::new(6),
            end,
        }
    }

    #[test]
    fn a_week_sits_at_its_end_in_months_of_its_year() {
        assert_eq!(months(&at(2023, first_of(2023, 1))), 0.0);
        assert_eq!(months(&at(2023, first_of(2023, 10))), 9.0);
        let mid = months(&at(2023, NaiveDate::from_ymd_opt(2023, 10, 13).unwrap()));
        assert!((mid - (9.0 + 12.0 / 31.0)).abs() < 1e-9, "{mid}");
        // 2022 年第 52 期 ends in January 2023: past the end of 2022's axis.
        assert_eq!(months(&at(2022, first_of(2023, 1))), 12.0);
    }

    #[test]
    fn the_figure_axis_ends_at_a_round_number_above_the_highest() {
        assert_eq!(top(0), 1);
        assert_eq!(top(9), 10);
        assert_eq!(top(15697), 20000);
        assert_eq!(top(2881), 5000);
    }

    #[test]
    fn the_month_axis_ticks_the_first_of_each_month() {
        let axis = MonthAxis {
            range: 6.0..10.0,
            lang: Lang::Zh,
        };
        assert_eq!(axis.key_points(20usize), [6.0, 7.0, 8.0, 9.0, 10.0]);
        assert_eq!(axis.format_ext(&6.0), "7 月");
        assert_eq!(axis.map(&8.0, (0, 100)), 50);
    }

    #[test]
    fn the_chart_names_its_fonts_and_draws_a_line_per_year_with_chinese_labels() {
        let s = Series::new(
            "a".into(),
            vec![
                week(2022, 1, &[("咨询", 8, 8)]),
                week(2022, 2, &[("咨询", 9, 17)]),
                week(2023, 1, &[("咨询", 10, 10)]),
                week(2023, 2, &[("咨询", 12, 22)]),
            ],
        );
        let r = Report {
            series: vec![report(&s, &Selection::default())],
        };
        let svg = svg(&r, Lang::Zh).unwrap();
        assert!(svg.starts_with("<svg"), "{svg}");
        assert!(svg.contains("咨询（件）每周数字"));
        assert!(
            svg.contains(">\n2022 年\n</text>") || svg.contains(">2022 年</text>"),
            "{svg}"
        );
        assert!(svg.contains("1 月"));
        assert!(svg.contains("&quot;Noto Sans CJK SC&quot;, &quot;Source Han Sans SC&quot;, &quot;Microsoft YaHei&quot;, sans-serif"));
        // Two lines, red for 2023 and blue for 2022.
        let wide = svg.matches("stroke-width=\"2\"").count();
        assert_eq!(wide, 2 + 2, "two lines and their marks in the legend");
        assert!(svg.contains("#E60012"), "{svg}");
        assert!(svg.contains("#1F77B4"));
    }

    /// Years past the eighth share the last, quietest colour: as many years as the archive
    /// holds are drawn.
    #[test]
    fn more_years_than_colours_share_the_last() {
        let weeks = (2010..2020)
            .map(|y| week(y, 1, &[("咨询", 1, 1)]))
            .collect();
        let r = Report {
            series: vec![report(
                &Series::new("a".into(), weeks),
                &Selection::default(),
            )],
        };
        let svg = svg(&r, Lang::En).unwrap();
        assert!(svg.contains("#7F7F7F"), "the oldest years in grey");
    }

    /// Weeks that all end on the first of one month still get a month of axis, not none.
    #[test]
    fn a_panel_of_one_week_ending_on_the_first_has_a_month_of_axis() {
        let mut one = week(2023, 1, &[("咨询", 5, 5)]);
        one.at.end = first_of(2023, 3);
        let r = Report {
            series: vec![report(
                &Series::new("a".into(), vec![one]),
                &Selection::default(),
            )],
        };
        let svg = svg(&r, Lang::En).unwrap();
        // The axis runs from March to April: both ticks are drawn.
        assert!(svg.contains("Mar") && svg.contains("Apr"), "{svg}");
    }

    /// With several series, each panel names its series; with one, none does.
    #[test]
    fn several_series_name_theirs_in_each_panel() {
        let weeks = || vec![week(2023, 1, &[("咨询", 5, 5)])];
        let one = |name: &str| report(&Series::new(name.into(), weeks()), &Selection::default());
        let both = svg(
            &Report {
                series: vec![one("成都"), one("绵阳")],
            },
            Lang::Zh,
        )
        .unwrap();
        assert!(
            both.contains("成都 · 咨询") && both.contains("绵阳 · 咨询"),
            "{both}"
        );
        let alone = svg(
            &Report {
                series: vec![one("成都")],
            },
            Lang::Zh,
        )
        .unwrap();
        assert!(!alone.contains("成都"), "{alone}");
    }
}
