#!/usr/bin/env python3
"""Writes the stress issue the print checks use: the example with a 2 000-character item, a
300-character web address and a directive seven times as long, which push headings to a page's
foot, and a 发 line that wraps:

  scripts/stress-issue.py examples/2023-39.yaml OUT.yaml

With `--grow K`, the example with one item more, of K clauses of 15 characters and nothing
else: the body then ends about K/2 lines further down, so that K = 0, 2, … 46 put its end on
every line of a page.
"""

import os
import sys

source_path, out_path = sys.argv[1], sys.argv[2]
grow = int(sys.argv[4]) if sys.argv[3:4] == ["--grow"] else None
source = open(source_path, encoding="utf-8").read()
long_item = "本周，" + "各窗口按时办结群众申请的事项，" * 130 + "成效明显。"
url = (
    "本周，详见https://www.sczwfw.gov.cn/jiq/front/transition/ywTransToDetail?"
    + "areaCode=510000000000&itemCode=511A0099400001" * 5
    + "。"
)
directive = "请进一步总结经验，强化集成创新，" * 7 + "优化政务服务。"


def replace(text, old, new):
    """`text` with its first `old` replaced, which must be there: a stress issue that quietly
    stayed the example would pass every check."""
    if old not in text:
        sys.exit(f"stress-issue: not in {source_path}: {old!r}")
    return text.replace(old, new, 1)


if grow is None:
    added = f"          - {long_item}\n          - {url}\n"
else:
    added = "          - 本周，" + "各窗口按时办结群众申请的事项，" * grow + "成效明显。\n"
stress = replace(source, "        items:\n", f"        items:\n{added}")
if grow is None:
    # A 发 line long enough to wrap under the text after its colon.
    stress = replace(
        stress,
        "distribute: 省级相关部门（单位）窗口，省中心各处（室）、直属单位",
        "distribute: 省级相关部门（单位）窗口，省中心各处（室）、直属单位，各市（州）政务服务中心，各县（市、区）政务服务中心",
    )
    stress = replace(
        stress,
        "text: 请进一步总结经验，强化集成创新，优化面向市场主体尤其中小微企业主体的政务服务。",
        f"text: {directive}",
    )
# The previous issue stays where it is: linked by its path from the new file's folder.
previous = os.path.join(os.path.dirname(os.path.abspath(source_path)), "2023-38.yaml")
previous = os.path.relpath(previous, os.path.dirname(os.path.abspath(out_path)))
stress = replace(stress, "previous: 2023-38.yaml", f"previous: {previous}")
open(out_path, "w", encoding="utf-8").write(stress)
