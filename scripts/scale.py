#!/usr/bin/env python3
"""Inputs in weekly's own format for the benchmark (needs PyYAML; scripts/bench.sh makes a venv).

    scale.py N IN.yaml OUT.yaml      every item list of IN repeated N times
    scale.py --series N IN.yaml DIR  N consecutive issues made from IN, one file each

Scaling repeats what ../shared/bench/gen_scaled.py repeats for the baselines: directives,
counters, items and visits. A repeated counter or visiting department gets a number after its
name (咨询2, 咨询3, …), since weekly refuses a counter listed twice and warns of a department
visiting twice; the text grows by the same amount as the baselines'. The series moves the
week, numbers and dates on by one issue per file from 2000, a year of issues after another.
"""
import datetime as dt
import os
import sys

import yaml

LISTS = ("directives", "counters", "items", "visits")


class Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


def str_date(d):
    return d.isoformat()


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def dump(data, path):
    with open(path, "w", encoding="utf-8") as f:
        yaml.dump(data, f, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=1 << 30)


def holders(issue):
    for section in issue["sections"]:
        yield section
        for sub in section.get("subsections", []):
            yield sub


def scale(issue, n):
    for holder in holders(issue):
        for key in LISTS:
            if holder.get(key):
                copies = []
                for i in range(n):
                    for entry in holder[key]:
                        entry = yaml.safe_load(yaml.dump(entry, Dumper=Dumper, allow_unicode=True))
                        if i and key == "counters":
                            entry["name"] += str(i + 1)
                        if i and key == "visits":
                            entry["dept"] += str(i + 1)
                        copies.append(entry)
                holder[key] = copies
    return issue


def series(issue, n, folder):
    issue.pop("previous", None)
    m = issue["masthead"]
    start = dt.date(2000, 1, 1)
    os.makedirs(folder, exist_ok=True)
    year, number = None, 0
    for k in range(n):
        begin = start + dt.timedelta(days=7 * k)
        end = begin + dt.timedelta(days=6)
        number = number + 1 if end.year == year else 1
        year = end.year
        m["year"], m["number"], m["total"] = year, number, k + 1
        m["period"] = {"start": str_date(begin), "end": str_date(end)}
        m["published"] = str_date(end + dt.timedelta(days=7))
        for holder in holders(issue):
            for d in holder.get("directives") or []:
                d["date"] = str_date(end)
        dump(issue, os.path.join(folder, "%04d.yaml" % k))


def main():
    if sys.argv[1] == "--series":
        series(load(sys.argv[3]), int(sys.argv[2]), sys.argv[4])
    else:
        dump(scale(load(sys.argv[2]), int(sys.argv[1])), sys.argv[3])


if __name__ == "__main__":
    main()
