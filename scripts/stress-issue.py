#!/usr/bin/env python3
"""Writes the stress issue the print checks use: the example with a 2 000-character item, a
300-character web address and a directive seven times as long, which push headings to a page's
foot:

  scripts/stress-issue.py examples/2023-39.yaml OUT.yaml
"""

import os
import sys

source_path, out_path = sys.argv[1], sys.argv[2]
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


stress = replace(source, "        items:\n", f"        items:\n          - {long_item}\n          - {url}\n")
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
