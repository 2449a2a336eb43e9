#!/usr/bin/env python3
"""What `weekly import` recovers of the corpus in tests/import-corpus.

    python3 scripts/measure-import.py

Reads each case's `truth.md` (what the bulletin printed) and `imported.md` (what the issue
file imported from it builds, kept up to date by `cargo test --test corpus`), and counts, by
the kind of source (a Word document, the text of its PDF by pdftotext, by pdftotext -layout):

- text: the printed paragraphs built again word for word (bold aside);
- bold: the department names printed in bold that are bold again;
- figures: the figures of the counters' sentence built again;
- edits: the paragraphs that still differ, each a hand edit, and whether a warning of the
  import names each case that has any (`findings`).
Only the standard library.
"""
import os
import re
import sys
from collections import Counter, defaultdict

CORPUS = "tests/import-corpus"


def paragraphs(md):
    return [p.strip() for p in md.split("\n\n") if p.strip()]


def plain(p):
    return p.replace("**", "")


def figures(md):
    for p in paragraphs(md):
        if p.startswith("本周，共计") and "今年以来，累计" in p:
            return re.findall(r"\d+", p)
    return []


def main():
    totals = defaultdict(Counter)
    for case in sorted(os.listdir(CORPUS)):
        folder = os.path.join(CORPUS, case)
        read = lambda name: open(os.path.join(folder, name), encoding="utf-8").read() if os.path.exists(os.path.join(folder, name)) else ""
        truth, built, findings = read("truth.md"), read("imported.md"), read("findings")
        kind = "pdf -layout" if case.endswith("pdf-layout") else "pdf" if case.endswith("pdf") else "word"
        t = totals[kind]
        t["cases"] += 1
        want, got = paragraphs(truth), paragraphs(built)
        left = Counter(plain(p) for p in got)
        # What is left in `left` after matching is what the import added or changed.
        same = 0
        for p in want:
            if left[plain(p)] > 0:
                left[plain(p)] -= 1
                same += 1
        t["paragraphs"] += len(want)
        t["text"] += same
        bold = re.findall(r"\*\*(.+?)\*\*", truth)
        t["bold"] += len(bold)
        got_bold = Counter(re.findall(r"\*\*(.+?)\*\*", built))
        for b in bold:
            if got_bold[b] > 0:
                got_bold[b] -= 1
                t["bold kept"] += 1
        want_f, got_f = figures(truth), figures(built)
        t["figures"] += len(want_f)
        t["figures kept"] += sum(1 for a, b in zip(want_f, got_f) if a == b) if len(want_f) == len(got_f) else 0
        # A paragraph missing or changed is an edit, and so is one too many, but for the
        # heading of the section of lines import kept aside (deleting it is one edit with its
        # lines); a total written by hand (`hand-edits`) is one more.
        extra = [p for p in got if left[plain(p)] > 0 and not p.endswith("导入时未识别的内容")]
        changed = len(want) - same
        edits = max(changed, len(extra)) + len(read("hand-edits").splitlines())
        t["edits"] += edits
        t["exact"] += edits == 0 and built == truth
        t["edits unnamed"] += edits > 0 and "warning[" not in findings and "error[" not in findings
        t["max edits"] = max(t["max edits"], edits)
        if "--cases" in sys.argv:
            print(f"{case}: {edits} edits")
    print("| source | cases | exact | text | bold | counter figures | hand edits (per case, max) | unnamed |")
    print("|---|---|---|---|---|---|---|---|")
    pct = lambda a, b: f"{100 * a / b:.1f} % ({a}/{b})" if b else "–"
    for kind in ["word", "pdf -layout", "pdf"]:
        t = totals[kind]
        print(f"| {kind} | {t['cases']} | {t['exact']} | {pct(t['text'], t['paragraphs'])} | {pct(t['bold kept'], t['bold'])} "
              f"| {pct(t['figures kept'], t['figures'])} | {t['edits'] / max(1, t['cases']):.2f}, {t['max edits']} | {t['edits unnamed']} |")


if __name__ == "__main__":
    main()
