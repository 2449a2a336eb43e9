#!/usr/bin/env python3
"""Measures a printed bulletin (a PDF) against GB/T 9704-2012, from the text positions that
`pdftotext -bbox-layout` reads out of it:

  scripts/measure-print.py bulletin.pdf [--reference tests/golden/2023-39.txt]

Checks, each within 0.5 mm: A4 pages; every line of text inside the text block (left 28 mm,
right 26 mm, top 37 mm, bottom 35 mm margins); 28 characters on every full line of body text
(a line that runs to the right edge and is not a paragraph's last; fewer only where 禁则 or a
quotation mark moved characters to the next line, see `fills`); 22 lines on every page
that the body fills; the page number `— N —` 7 mm under the text block, one character in from
its outer edge (right on odd pages, left on even ones), dashes and digits in one size; the
closing block (送/发/共印) ending on the last lines of the last page; and, with --reference,
every line of the reference present.
Prints what it measured and exits 1 if any check fails. Needs poppler-utils.
"""

import argparse
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

MM = 72 / 25.4
A4 = (210 * MM, 297 * MM)
LEFT, RIGHT, TOP, BOTTOM = 28 * MM, (210 - 26) * MM, 37 * MM, (297 - 35) * MM
TOLERANCE = 0.5 * MM
PAGE_NUMBER = re.compile(r"^[—–-]\s*\d+\s*[—–-]$")


def is_wide(c):
    return (
        "\u2e80" <= c <= "\u9fff"
        or "\u3000" <= c <= "\u303f"
        or "\uff00" <= c <= "\uffef"
        or c in "“”‘’…—"
    )


def cells(text):
    """The width of a line in grid cells: a Chinese character or mark is one, anything else
    half of one."""
    return sum(1 if is_wide(c) else 0.5 for c in text if not c.isspace())


HEADING = re.compile(r"^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")
CLOSING = "，。、；：？！”’）》〉】…"
OPENING = "“‘（《〈【"


def fills(line):
    """28 cells, or 27 spread across the line where the 28th character could not stay on it:
    the next line starts with a character glued to a closing mark, or with an opening mark
    (禁则); or 26 where the next line starts with a character and an opening quotation mark,
    which a break by UAX #14 keeps together (LB19, LibreOffice)."""
    n = cells(line["text"])
    if 27.5 <= n <= 28:
        return True
    after = line["next"]
    held_back = (len(after) > 1 and after[1] in CLOSING) or after[:1] in OPENING
    quote_held = len(after) > 1 and after[1] in "“‘"
    return (n == 27 and held_back) or (n == 26 and quote_held)


def lines_of(pdf):
    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True, check=True, text=True
    ).stdout
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml)
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    root = ET.fromstring(xml)
    pages = []
    for page in root.iter("{http://www.w3.org/1999/xhtml}page"):
        size = (float(page.get("width")), float(page.get("height")))
        lines = []
        for line in page.iterfind(".//x:line", ns):
            words = line.findall("x:word", ns)
            text = "".join(w.text or "" for w in words)
            lines.append(
                {
                    "text": text,
                    "x0": float(line.get("xMin")),
                    "x1": float(line.get("xMax")),
                    "y0": float(line.get("yMin")),
                    "y1": float(line.get("yMax")),
                    # Each word's box height, which follows its font size.
                    "heights": [float(w.get("yMax")) - float(w.get("yMin")) for w in words],
                }
            )
        lines.sort(key=lambda l: (round(l["y0"]), l["x0"]))
        pages.append((size, lines))
    return pages


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("pdf")
    parser.add_argument("--reference")
    parser.add_argument("--label", default="")
    parser.add_argument(
        "--no-foot", action="store_true", help="skip the closing block's place on the last page"
    )
    args = parser.parse_args()
    label = args.label or args.pdf
    failures = []
    pages = lines_of(args.pdf)
    body_lines = []
    for number, (size, lines) in enumerate(pages, 1):
        if abs(size[0] - A4[0]) > TOLERANCE or abs(size[1] - A4[1]) > TOLERANCE:
            failures.append(f"page {number} is {size[0] / MM:.1f} × {size[1] / MM:.1f} mm, not A4")
        numbers = [l for l in lines if PAGE_NUMBER.match(l["text"])]
        text = [l for l in lines if l not in numbers]
        for l in text:
            # A line's box runs from the font's ascender to its descender, taller than the
            # characters' own cell: its middle stands for where the line is.
            middle = (l["y0"] + l["y1"]) / 2
            if (
                l["x0"] < LEFT - TOLERANCE
                or l["x1"] > RIGHT + TOLERANCE
                or middle < TOP
                or middle > BOTTOM
            ):
                failures.append(
                    f"page {number}: outside the text block: {l['text'][:20]} "
                    f"(x {l['x0'] / MM:.1f}–{l['x1'] / MM:.1f} mm, y {l['y0'] / MM:.1f}–{l['y1'] / MM:.1f} mm)"
                )
        if not numbers:
            failures.append(f"page {number}: no page number")
        for n in numbers:
            below = n["y0"] - BOTTOM
            if abs(below - 7 * MM) > 1.5 * MM:
                failures.append(
                    f"page {number}: page number {below / MM:.1f} mm under the text block, not 7 mm"
                )
            low, high = min(n["heights"]), max(n["heights"])
            if high > low * 1.05:
                failures.append(
                    f"page {number}: page number in two sizes ({low:.1f} and {high:.1f} pt boxes)"
                )
            inset = (RIGHT - n["x1"]) if number % 2 else (n["x0"] - LEFT)
            if not (3 * MM <= inset <= 7 * MM):
                failures.append(
                    f"page {number}: page number {inset / MM:.1f} mm in from the outer edge, not one character"
                )
        body_lines.append((number, text))
    # Lines a page: the body's lines between the margins (the masthead's page and the last
    # page are not full). A heading is kept with what follows it: a page whose next page
    # starts with one may end a line or two early.
    # The closing block may stand alone on a last page of its own: the body ends a page
    # before it.
    closing_only = all(re.match(r"^(送：|发：|（共印|$)", l["text"]) for l in body_lines[-1][1])
    body_end = len(body_lines) - (2 if closing_only else 1)
    for (number, text), (_, following) in zip(body_lines[1:body_end], body_lines[2:]):
        count = len({round(l["y0"] / 2) for l in text})
        heading_next = bool(following) and HEADING.match(following[0]["text"])
        if count != 22 and not (heading_next and count >= 20):
            failures.append(f"page {number}: {count} lines, not 22")
    # Characters a line: full lines end at the right edge; a paragraph's last line does not.
    full = []
    for number, text in body_lines:
        for i, l in enumerate(text):
            l["next"] = text[i + 1]["text"] if i + 1 < len(text) else ""
            # Only lines of Chinese alone: digits and Latin letters are narrower than a cell.
            wide = all(is_wide(c) for c in l["text"] if not c.isspace())
            if wide and abs(l["x1"] - RIGHT) <= 1.0 * MM and abs(l["x0"] - LEFT) <= 1.0 * MM:
                full.append((number, l))
    wrong = [(n, l) for n, l in full if not fills(l)]
    for n, l in wrong[:10]:
        failures.append(f"page {n}: a full line of {cells(l['text'])} characters: {l['text']}")
    # The closing block: its last line is the last line of the last page, at the foot.
    last = body_lines[-1][1]
    if last and not args.no_foot:
        foot = max(last, key=lambda l: l["y1"])
        if "共印" not in foot["text"]:
            failures.append(f"the last line of the last page is not the closing block's: {foot['text']}")
        elif BOTTOM - foot["y1"] > 10 * MM:
            failures.append(f"the closing block ends {(BOTTOM - foot['y1']) / MM:.1f} mm above the foot of the page")
    if args.reference:
        flat = "".join(l["text"] for _, text in body_lines for l in text)
        flat = re.sub(r"\s", "", flat)
        for line in open(args.reference, encoding="utf-8"):
            needle = re.sub(r"\s", "", line)
            for i in range(0, len(needle), 30):
                if needle[i : i + 30] not in flat:
                    failures.append(f"not in the PDF: {needle[i:i + 30]}")
    print(
        f"{label}: {len(pages)} pages; {len(full)} full lines, "
        f"{len(full) - len(wrong)} of 28 characters; {len(failures)} problems"
    )
    for f in failures:
        print(f"  {f}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
