#!/usr/bin/env python3
"""Writes examples/archive/: an illustrative archive for `weekly stats`.

    python3 scripts/gen-archive.py [DIR]                  (default: examples/archive)
    python3 scripts/gen-archive.py --province N YEARS DIR  the benchmark's archive


Twelve consecutive issues of 2023, 第 28–39 期, ending with the week of the real example
(examples/2023-39.yaml), and the same issue numbers of 2022, for the year-on-year column.
Every figure but those of 2023 第 38 and 39 期 (copied from examples/2023-38.yaml and
2023-39.yaml) is made up: a deterministic walk (Python's random with a fixed seed) around
plausible weekly levels for the four counters of the example, rising into the autumn, and
2022 a little below 2023. Year-to-date figures are worked back from the example's, so that
each issue's is the one before plus its week; each file links the one before with
`previous:`, and the first of each year's run writes every figure and links nothing, so
`weekly check examples/archive` passes clean. 2022 reports progress on another piece of work
than 2023, so the report shows a progress item that appears. Only the standard library.

`--province N YEARS DIR` writes the archive of a province for scripts/bench.sh: N centres
(DIR/centre-01, …), each with YEARS years of weekly issues ending with 2023, numbered by the
year their week ends in (as scripts/scale.py --series numbers), each linked to the one
before and carrying its figures, as an archive does.
"""
import datetime as dt
import os
import random
import sys

NUMBERS = range(28, 40)
COUNTERS = [("咨询", "人次"), ("受理", "件"), ("颁发", "件"), ("流转", "件")]
# The example's figures: (week, year to date) of 2023 第 38 and 39 期.
KNOWN = {
    38: {"咨询": (1862, 56148), "受理": (402, 14748), "颁发": (9870, 130232), "流转": (12011, 231433)},
    39: {"咨询": (2881, 59029), "受理": (540, 15288), "颁发": (14215, 144447), "流转": (15697, 247130)},
}
# A plausible weekly level in late July, and how much it grows by early October.
LEVEL = {"咨询": (1450, 1.35), "受理": (330, 1.3), "颁发": (7600, 1.45), "流转": (9800, 1.4)}
# Last year's figures against this year's.
LAST_YEAR = {"咨询": 0.86, "受理": 0.9, "颁发": 0.8, "流转": 0.84}
WORK = {
    2023: ("省市场监管局", "个", "办理项的受理工作手册编制", 1650),
    2022: ("省大数据中心", "项", "政务服务事项标准化梳理", 800),
}
# 2023 第 39 期 starts on 2023-10-07, 2022 第 39 期 on 2022-10-08: both Saturdays.
START_39 = {2023: dt.date(2023, 10, 7), 2022: dt.date(2022, 10, 8)}
TOTAL_39 = {2023: 459, 2022: 407}


def weekly(rng, year):
    """Each counter's weekly figures for 第 28–39 期 of `year`."""
    out = {}
    for name, _ in COUNTERS:
        base, growth = LEVEL[name]
        figures = []
        for i, n in enumerate(NUMBERS):
            trend = base * (1 + (growth - 1) * i / (len(NUMBERS) - 1))
            figure = round(trend * rng.uniform(0.88, 1.12))
            if year == 2022:
                figure = round(figure * LAST_YEAR[name])
            figures.append(figure)
        out[name] = figures
    if year == 2023:
        for n in (38, 39):
            for name, _ in COUNTERS:
                out[name][n - 28] = KNOWN[n][name][0]
    return out


def running(year, weeks, weeks_2023):
    """Each counter's year-to-date figures: worked back from the example's in 2023, forward
    from a plausible 第 27 期 in 2022."""
    out = {}
    for name, _ in COUNTERS:
        figures = weeks[name]
        if year == 2023:
            ytd = [0] * len(figures)
            ytd[-1] = KNOWN[39][name][1]
            for i in range(len(figures) - 1, 0, -1):
                ytd[i - 1] = ytd[i] - figures[i]
        else:
            before = round((KNOWN[39][name][1] - sum(weeks_2023[name])) * LAST_YEAR[name])
            ytd, total = [], before
            for f in figures:
                total += f
                ytd.append(total)
        out[name] = ytd
    return out


def issue(year, n, weeks, ytd, progress):
    start = START_39[year] - dt.timedelta(days=7 * (39 - n))
    end = start + dt.timedelta(days=6)
    i = n - 28
    lines = [
        "# yaml-language-server: $schema=../../schema/weekly.schema.json",
        f"# 窗口工作周报 {year} 年第 {n} 期: an illustrative issue of the archive for `weekly stats`,",
        "# written by scripts/gen-archive.py. Its figures are made up"
        + (" but for those of the real example (examples/2023-39.yaml) and the issue before it." if (year, n) in ((2023, 38), (2023, 39)) else "."),
        "",
    ]
    if n > NUMBERS[0]:
        lines += [f"previous: {year}-{n - 1:02d}.yaml", ""]
    dept, unit, work, total = WORK[year]
    week, done = progress[i]
    lines += [
        "masthead:",
        "  title: 窗口工作周报",
        f"  year: {year}",
        f"  number: {n}",
        f"  total: {TOTAL_39[year] - (39 - n)}",
        "  period:",
        f"    start: {start.isoformat()}",
        f"    end: {end.isoformat()}",
        "  publisher: 四川省政府政务服务和公共资源交易服务中心",
        f"  published: {(end + dt.timedelta(days=7)).isoformat()}",
        "",
        "sections:",
        "  - title: 综窗改革攻坚行动",
        "    subsections:",
        "      - title: 省本级综窗办件情况",
        "        counters:",
    ]
    for name, unit_ in COUNTERS:
        lines.append(
            f"          - {{ name: {name}, unit: {unit_}, week: {weeks[name][i]}, year_to_date: {ytd[name][i]} }}"
        )
    lines += [
        "      - title: 事项授权及受理手册编制推进情况" if year == 2023 else "      - title: 事项标准化推进情况",
        "        progress:",
        f"          dept: {dept}",
        f"          week: {week}",
        f"          done: {done}",
        f"          total: {total}",
        f"          unit: {unit}",
        f"          work: {work}",
        "",
        "footer:",
        "  send: 省中心领导、省级相关部门（单位）",
        "  distribute: 省级相关部门（单位）窗口，省中心各处（室）、直属单位",
        "  copies: 91",
        "",
    ]
    return "\n".join(lines)


def progress(rng, year):
    """(week, done) of the progress item in 第 28–39 期: 2023's worked back from the
    example's 1019 (15 in 第 39 期, 12 in 第 38 期)."""
    weeks = [rng.randint(8, 22) for _ in NUMBERS]
    if year == 2023:
        weeks[-2:] = [12, 15]
        done = [0] * len(weeks)
        done[-1] = 1019
        for i in range(len(weeks) - 1, 0, -1):
            done[i - 1] = done[i] - weeks[i]
    else:
        done, total = [], 310
        for w in weeks:
            total += w
            done.append(total)
    return list(zip(weeks, done))


def province(centres, years, folder):
    rng = random.Random(7)
    first = dt.date(2023, 12, 30) - dt.timedelta(days=7 * 52 * years)
    for c in range(1, centres + 1):
        path = os.path.join(folder, f"centre-{c:02d}")
        os.makedirs(path, exist_ok=True)
        scale = rng.uniform(0.3, 1.5)
        year, number, ytd, done, previous = None, 0, {}, 0, None
        for k in range(52 * years):
            start = first + dt.timedelta(days=7 * k)
            end = start + dt.timedelta(days=6)
            if end.year != year:
                year, number, ytd = end.year, 0, {n: 0 for n, _ in COUNTERS}
            number += 1
            lines = [f"# 第 {c} 中心 {year} 年第 {number} 期: made up by scripts/gen-archive.py --province."]
            if previous:
                lines.append(f"previous: {previous}")
            lines += [
                f"masthead: {{ title: 窗口工作周报, year: {year}, number: {number}, total: {k + 1},",
                f"  period: {{ start: {start.isoformat()}, end: {end.isoformat()} }},",
                f"  publisher: 第 {c} 政务服务中心, published: {(end + dt.timedelta(days=7)).isoformat()} }}",
                "sections:",
                "  - title: 综窗改革攻坚行动",
                "    subsections:",
                "      - title: 综窗办件情况",
                "        counters:",
            ]
            for name, unit in COUNTERS:
                week = round(LEVEL[name][0] * scale * rng.uniform(0.8, 1.2))
                ytd[name] += week
                lines.append(f"          - {{ name: {name}, unit: {unit}, week: {week}, year_to_date: {ytd[name]} }}")
            week = rng.randint(0, 2)
            done += week
            lines += [
                "      - title: 手册编制推进情况",
                f"        progress: {{ week: {week}, done: {done}, total: 1200, unit: 个, work: 受理手册编制 }}",
                "footer: { send: 省中心领导, distribute: 各窗口, copies: 30 }",
                "",
            ]
            name = f"{year}-{number:02d}.yaml"
            with open(os.path.join(path, name), "w", encoding="utf-8", newline="\n") as f:
                f.write("\n".join(lines))
            previous = name


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--province":
        province(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
        return
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "examples", "archive")
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(20231013)
    weeks_2023 = weekly(rng, 2023)
    for year in (2022, 2023):
        weeks = weeks_2023 if year == 2023 else weekly(rng, 2022)
        ytd = running(year, weeks, weeks_2023)
        work = progress(rng, year)
        for n in NUMBERS:
            path = os.path.join(folder, f"{year}-{n:02d}.yaml")
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(issue(year, n, weeks, ytd, work))


if __name__ == "__main__":
    main()
