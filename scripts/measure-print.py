#!/usr/bin/env python3
"""Measures a printed bulletin (a PDF) against GB/T 9704-2012, from the text positions that
`pdftotext -bbox-layout` reads out of it:

  scripts/measure-print.py bulletin.pdf [--reference tests/golden/2023-39.txt]

Checks, each within 0.5 mm: A4 pages; every line of text inside the text block (left 28 mm,
right 26 mm, top 37 mm, bottom 35 mm margins); 28 characters on every full line of body text
(a line that runs to the right edge and is not a paragraph's last; fewer only where 禁则 or a
quotation mark moved characters to the next line, see `fills`); no line justified to the edge
with its characters more than 1.5 cells apart (a web address sent whole to the next line);
22 lines on every page that the body fills; the page number `— N —`, its digits' tops 7 mm
under the text block, one character in from its outer edge (right on odd pages, left on even
ones), dashes and digits in one size; the masthead's title, issue line and week line centred;
the closing block (送/发/共印) ending on the last lines of the last page, 送 and 发 one
character in from the left (a line of theirs that wraps, three) and the copies one in from the
right; the rules as thick as
GB/T 9704's print draws them (the red rule under the masthead 2 pt, the closing block's 1 pt,
within 0.05 mm, measured on the page drawn at 600 dpi); the three faces told apart (一、
headings, （一） headings and the body each in a font of its own, as pdftohtml names them;
not with --no-fonts); and, with --reference, every line of the reference present.
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
# The issue line and the week line: 2023 年第 39 期（总第 459 期）, （10 月 7 日—10 月 13 日）.
BYLINE = re.compile(r"\d+\s*年\s*\d+\s*月\s*\d+\s*日$")
MASTHEAD = re.compile(r"^(\d{4}\s*年第|（.*日）$)")
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


def rows(lines):
    """Lines at one height joined into the row they make: pdftotext makes a line of each
    character of a line whose characters stand far apart."""
    out = []
    for l in sorted(lines, key=lambda l: (round(l["y0"]), l["x0"])):
        if out and abs(out[-1]["y0"] - l["y0"]) < 1 and abs(out[-1]["y1"] - l["y1"]) < 1:
            row = out[-1]
            row["text"] += l["text"]
            row["x1"] = max(row["x1"], l["x1"])
        else:
            out.append(dict(l))
    return out


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


DPI = 600
RED_RULE, BLACK_RULE = 2 / 72 * 25.4, 1 / 72 * 25.4


def strip(pdf, page, x_mm):
    """Column `x_mm` of `page` drawn at DPI, 8 pixels wide: per row, how much of the light
    is taken (0 white, 1 ink) in the green channel, which red ink takes as black does, and
    whether the row is red rather than black."""
    x = round(x_mm / 25.4 * DPI)
    ppm = subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-f", str(page), "-l", str(page),
         "-x", str(x), "-y", "0", "-W", "8", "-H", str(round(297 / 25.4 * DPI))] + [pdf],
        capture_output=True, check=True,
    ).stdout
    # P6 header: magic, width, height, maxval, each followed by whitespace.
    fields, at = [], 0
    while len(fields) < 4:
        while ppm[at : at + 1].isspace():
            at += 1
        start = at
        while not ppm[at : at + 1].isspace():
            at += 1
        fields.append(ppm[start:at])
    width, height = int(fields[1]), int(fields[2])
    data = ppm[at + 1 :]
    rows = []
    for y in range(height):
        row = data[y * width * 3 : (y + 1) * width * 3]
        ink = sum(255 - row[i + 1] for i in range(0, len(row), 3)) / (255 * width)
        red = sum(row[i] - row[i + 1] for i in range(0, len(row), 3)) / (255 * width)
        rows.append((ink, red > 0.4))
    return rows


def ink_top(pdf, page, box):
    """How far down `page` the first ink inside `box` (x0, y0, x1, y1 in points) is, in
    points: where the glyphs themselves start, whatever the font's ascent says."""
    x0, y0, x1, y1 = (round(v / 72 * DPI) for v in box)
    ppm = subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-f", str(page), "-l", str(page), "-gray",
         "-x", str(x0), "-y", str(y0), "-W", str(x1 - x0), "-H", str(y1 - y0), pdf],
        capture_output=True, check=True,
    ).stdout
    header = ppm.split(maxsplit=4)
    width, data = int(header[1]), header[4]
    for y in range(len(data) // width):
        if min(data[y * width : (y + 1) * width]) < 128:
            return (y0 + y) / DPI * 72
    return y1


def rules_of(pdf, page):
    """The rules across the text block on `page`: (top in mm, thickness in mm, red), a rule
    being rows inked in every one of twelve columns across the block, its thickness the ink
    of those rows and of their edges summed, so that anti-aliased edges count for what they
    hold. Ink thinner than 0.15 mm is not a rule: strokes of characters that happen to line
    up across the columns."""
    columns = [strip(pdf, page, 28 + 6 + 13 * i) for i in range(12)]
    rows = len(columns[0])
    rules, y = [], 0
    while y < rows:
        if all(c[y][0] > 0.5 for c in columns):
            end = y
            while end + 1 < rows and all(c[end + 1][0] > 0.5 for c in columns):
                end += 1
            ink = min(sum(c[i][0] for i in range(max(0, y - 2), min(rows, end + 3))) for c in columns)
            red = all(c[(y + end) // 2][1] for c in columns)
            if ink / DPI * 25.4 >= 0.15:
                rules.append((y / DPI * 25.4, ink / DPI * 25.4, red))
            y = end + 3
        else:
            y += 1
    return rules


def fonts_of(pdf):
    """The font of each heading kind and of the body: the family pdftohtml names for the text
    of lines that start with 一、, with （一）, and of the others, with how many lines each
    family sets."""
    xml = subprocess.run(
        ["pdftohtml", "-xml", "-i", "-stdout", "-q", pdf], capture_output=True, check=True, text=True
    ).stdout
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", xml))
    family = {f.get("id"): re.sub(r"^[A-Z]{6}\+", "", f.get("family")) for f in root.iter("fontspec")}
    kinds = {"一、": {}, "（一）": {}, "body": {}}
    for text in root.iter("text"):
        content = "".join(text.itertext())
        if HEADING.match(content):
            kind = "一、" if content[0] != "（" else "（一）"
        elif len(content) > 10 and is_wide(content[0]):
            kind = "body"
        else:
            continue
        name = family[text.get("font")]
        kinds[kind][name] = kinds[kind].get(name, 0) + 1
    return {k: max(v, key=v.get) for k, v in kinds.items() if v}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("pdf")
    parser.add_argument("--reference")
    parser.add_argument("--label", default="")
    parser.add_argument(
        "--no-fonts",
        action="store_true",
        help="skip telling the faces apart: Chromium's PDF names no CFF font (scripts/html-fonts.py asks the browser)",
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
            # The page number's digits, their top 7 mm under the text block (GB/T 9704 7.5).
            top = ink_top(args.pdf, number, (n["x0"], n["y0"] - 2 * MM, n["x1"], n["y1"] + 2 * MM))
            below = top - BOTTOM
            if abs(below - 7 * MM) > 0.5 * MM:
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
        # The masthead's title, issue line and week line, centred on the text block.
        if number == 1:
            centre = (LEFT + RIGHT) / 2
            masthead = [l for l in text if MASTHEAD.match(l["text"])][:2]
            if len(masthead) < 2:
                failures.append("page 1: no issue line or week line")
            # The title: the first line, above them.
            masthead += text[:1]
            for l in masthead:
                off = (l["x0"] + l["x1"]) / 2 - centre
                if abs(off) > 0.5 * MM:
                    failures.append(f"page 1: {l['text']} is {off / MM:+.1f} mm off the centre")
    # Lines a page: the body's lines between the margins (the masthead's page and the last
    # page are not full). A heading is kept with what follows it: a page whose next page
    # starts with one may end a line or two early.
    # The closing block may stand alone on a last page of its own: the body ends a page
    # before it.
    last_page = body_lines[-1][1]
    closing_only = bool(last_page) and re.match(r"^(送|发)：", last_page[0]["text"]) is not None
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
    # Stretched lines: a line justified to the right edge whose characters stand more than
    # 1.5 cells apart on average (a web address sent whole to the next line leaves the line
    # before it a few characters spread across the block).
    cell = (RIGHT - LEFT) / 28
    for number, text in body_lines:
        for l in rows(text):
            # The masthead's byline spreads the issuer and the date apart on purpose.
            if number == 1 and BYLINE.search(l["text"]):
                continue
            n = cells(l["text"])
            if abs(l["x1"] - RIGHT) <= 1.0 * MM and n > 1 and (l["x1"] - l["x0"]) / n > 1.5 * cell:
                pitch = (l["x1"] - l["x0"]) / n / cell
                failures.append(f"page {number}: a line stretched to {pitch:.1f} cells a character: {l['text']}")
    for n, l in wrong[:10]:
        failures.append(f"page {n}: a full line of {cells(l['text'])} characters: {l['text']}")
    # The closing block's insets: 送 and 发 one character (四号, 14 pt) in from the left, a line
    # of theirs that wraps two characters further in (under the text after the colon), the
    # copies one character in from the right.
    closing = False
    for l in body_lines[-1][1]:
        if re.match(r"^(送|发)：", l["text"]):
            closing, want, side, edge = True, LEFT + 14, "left", l["x0"]
        elif l["text"].startswith("（共印"):
            closing, want, side, edge = False, RIGHT - 14, "right", l["x1"]
        elif closing and not PAGE_NUMBER.match(l["text"]):
            want, side, edge = LEFT + 42, "left", l["x0"]
        else:
            continue
        if abs(edge - want) > TOLERANCE:
            failures.append(
                f"closing block: {l['text'][:12]} starts {(edge - want) / MM:+.1f} mm off its place at the {side}"
            )
    # The closing block: its last line is the last line of the last page, at the foot.
    last = body_lines[-1][1]
    if last:
        foot = max(last, key=lambda l: l["y1"])
        if "共印" not in foot["text"]:
            failures.append(f"the last line of the last page is not the closing block's: {foot['text']}")
        elif BOTTOM - foot["y1"] > 10 * MM:
            failures.append(f"the closing block ends {(BOTTOM - foot['y1']) / MM:.1f} mm above the foot of the page")
    thickness = []
    for page, kind, want, count in [(1, True, RED_RULE, 1), (len(pages), False, BLACK_RULE, 2)]:
        found = [(top, t) for top, t, red in rules_of(args.pdf, page) if red == kind]
        name = "red" if kind else "black"
        if len(found) != count:
            failures.append(f"page {page}: {len(found)} {name} rules, not {count}")
        for top, t in found:
            thickness.append(f"{name} {t:.2f}")
            if abs(t - want) > 0.05:
                failures.append(f"page {page}: a {name} rule {top:.1f} mm down is {t:.2f} mm thick, not {want:.2f}")
    fonts = {} if args.no_fonts else fonts_of(args.pdf)
    for a, b in [("一、", "body"), ("（一）", "body"), ("一、", "（一）")]:
        if a in fonts and b in fonts and fonts[a] == fonts[b]:
            failures.append(f"{a} and {b} are set in one font, {fonts[a]}")
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
        f"{len(full) - len(wrong)} of 28 characters; rules {', '.join(thickness)} mm; fonts "
        + ", ".join(f"{k} {v}" for k, v in fonts.items())
        + f"; {len(failures)} problems"
    )
    for f in failures:
        print(f"  {f}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
