#!/usr/bin/env bash
# Opens the Word document in LibreOffice (headless), converts it to PDF and measures the PDF
# against GB/T 9704-2012 with scripts/measure-print.py: A4, the text block, 28 characters a full
# line and 22 lines a full page on the character grid, page numbers, the closing block at the
# foot of the last page, every line of the reference; the stress issue too. Also: the red
# masthead on page 1, and the fonts LibreOffice put in place of the official ones.
#
# LibreOffice runs with docs/60-weekly-fonts.conf, the fontconfig recipe of docs/print.md for a machine
# without the official fonts; the PDF must then set each face in its stand-in: 黑体 in Noto Sans
# CJK SC, 楷体 in LXGW WenKai, 仿宋 in FandolFang, 小标宋 in Noto Serif CJK SC.
#
# Installs LibreOffice 24 or later (scripts/libreoffice.sh), Noto CJK, the free 楷体 and 仿宋
# and poppler-utils when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/libreoffice.sh
need_libreoffice
source scripts/packages.sh
need_packages pdftotext=poppler-utils cjk-fonts free-fonts
echo "$(soffice --version)"

out=target/docx-print
rm -rf "$out" && mkdir -p "$out/.config/fontconfig/conf.d"
cp docs/60-weekly-fonts.conf "$out/.config/fontconfig/conf.d/"
source scripts/weekly-bin.sh
weekly=$(weekly_bin)

# soffice_pdf DIR FILE...: the Word documents converted to PDF in DIR, with the fontconfig
# recipe (LibreOffice's profile and fontconfig's user folder under $out).
soffice_pdf() {
  local dir=$1
  shift
  HOME="$PWD/$out" XDG_CONFIG_HOME="$PWD/$out/.config" \
    soffice --headless --norestore --convert-to pdf --outdir "$dir" "$@" > "$out/soffice.log" 2>&1 \
    || { cat "$out/soffice.log" >&2; echo "docx-print: LibreOffice failed" >&2; exit 1; }
}

# to_pdf NAME: $out/NAME.docx to $out/NAME.pdf.
to_pdf() {
  soffice_pdf "$out" "$out/$1.docx"
  [ -s "$out/$1.pdf" ] || { echo "docx-print: LibreOffice wrote no PDF for $1.docx" >&2; exit 1; }
}

"$weekly" build examples/2023-39.yaml --format docx -o "$out/bulletin.docx"
python3 scripts/stress-issue.py examples/2023-39.yaml "$out/stress.yaml"
"$weekly" build "$out/stress.yaml" --format docx -o "$out/stress.docx"
to_pdf bulletin
to_pdf stress

size=$(pdfinfo "$out/bulletin.pdf" | sed -n 's/^Page size: *//p')
pages=$(pdfinfo "$out/bulletin.pdf" | sed -n 's/^Pages: *//p')
echo "PDF from LibreOffice: $pages pages, $size"

python3 scripts/measure-print.py "$out/bulletin.pdf" --label word --reference tests/golden/2023-39.txt
python3 scripts/measure-print.py "$out/stress.pdf" --label stress-word

# Every issue file of the examples and the tests that `weekly check` passes, as a Word
# document: the same checks but the reference (LibreOffice converts them in one run). One that
# checks but does not build fails.
mkdir -p "$out/all"
: > "$out/all/names.txt"
count=0
while IFS= read -r -d '' issue; do
  "$weekly" check "$issue" >/dev/null 2>&1 || continue
  count=$((count + 1))
  "$weekly" build "$issue" --format docx -o "$out/all/$count.docx" 2> "$out/all/build.log" \
    || { cat "$out/all/build.log" >&2; echo "docx-print: $issue checks but does not build" >&2; exit 1; }
  echo "$count $issue" >> "$out/all/names.txt"
done < <(find examples tests -name '*.yaml' -print0 | sort -z)
[ "$count" -gt 0 ] || { echo "docx-print: no issue file passed weekly check" >&2; exit 1; }
soffice_pdf "$out/all" "$out"/all/*.docx
failed=0
while read -r number issue; do
  python3 scripts/measure-print.py "$out/all/$number.pdf" --label "$issue" > "$out/all/$number.txt" \
    || { cat "$out/all/$number.txt"; failed=$((failed + 1)); }
done < "$out/all/names.txt"
echo "word: $(wc -l < "$out/all/names.txt") issue files measured, $failed with problems"
[ "$failed" -eq 0 ]
# The same number of pages as the PDF and the HTML print of each issue, which
# scripts/test-print.sh kept (CI runs it first).
# Page 1 as full as the PDF's: the same text on it, blanks aside (scripts/test-print.sh
# made the PDF).
page_one() {
  pdftotext -f 1 -l 1 "$1" - 2>/dev/null | tr -d ' \n\f'
}
if [ -s target/print/typst.pdf ]; then
  word=$(page_one "$out/bulletin.pdf") pdf=$(page_one target/print/typst.pdf)
  echo "word: page 1 holds ${#word} characters, the PDF's ${#pdf}"
  [ "$word" = "$pdf" ] || { echo "docx-print: page 1 does not hold what the PDF's does" >&2; exit 1; }
fi
printed=target/print/all/pages.txt
if [ -s "$printed" ]; then
  while read -r number issue; do
    word=$(pdfinfo "$out/all/$number.pdf" | sed -n 's/^Pages: *//p')
    pdf=$(awk -v issue="$issue" '$1 == issue {print $2}' "$printed")
    [ "$word" = "$pdf" ] || { echo "$issue: $word pages in the Word print, ${pdf:-no} PDF pages"; failed=$((failed + 1)); }
  done < "$out/all/names.txt"
  echo "word: page counts compared with $printed, $failed different"
  [ "$failed" -eq 0 ]
elif [ -n "${CI:-}" ]; then
  echo "docx-print: no $printed: scripts/test-print.sh runs first" >&2
  exit 1
fi

# The masthead is red: page 1 has a good number of strongly red pixels.
pdftoppm -r 40 -f 1 -l 1 -singlefile "$out/bulletin.pdf" "$out/page-1"
python3 - "$out/page-1.ppm" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
# P6 header: magic, width, height, maxval, then RGB bytes.
fields = data.split(maxsplit=4)
pixels = fields[4]
red = sum(1 for i in range(0, len(pixels) - 2, 3)
          if pixels[i] > 180 and pixels[i + 1] < 90 and pixels[i + 2] < 90)
print("red pixels on page 1:", red)
sys.exit(0 if red > 200 else 1)
PY
pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$out/bulletin.pdf" "$out/word-page-1"
echo "fonts the PDF uses (仿宋_GB2312 and the others are requested; LibreOffice substitutes):"
pdffonts "$out/bulletin.pdf" | tail -n +3 | awk '{print "  " $1}' | sort -u
# Which font each piece of text is in: the fontconfig file sets each official name in its
# stand-in, 黑体 in Noto Sans CJK SC, 楷体_GB2312 in LXGW WenKai, 仿宋_GB2312 in FandolFang and
# 方正小标宋简体 in Noto Serif CJK SC.
pdftohtml -xml -i -stdout "$out/bulletin.pdf" > "$out/fonts.xml" 2>/dev/null
python3 - "$out/fonts.xml" <<'PY'
import re, sys, xml.etree.ElementTree as ET
root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", open(sys.argv[1], encoding="utf-8").read()))
family = {f.get("id"): f.get("family") for f in root.iter("fontspec")}
kinds = [
    ("一、", re.compile(r"^[一二三四五六七八九十]+、"), "NotoSansCJK"),
    ("（一）", re.compile(r"^（[一二三四五六七八九十]+）"), "LXGWWenKai"),
    ("title", re.compile(r"^窗口工作周报$"), "NotoSerifCJK"),
    ("body", re.compile(r""), "FandolFang"),
]
wrong, seen = [], {name: 0 for name, _, _ in kinds}
for text in root.iter("text"):
    words = "".join(text.itertext()).strip()
    if not re.search(r"[\u4e00-\u9fff]", words):
        continue
    font = family[text.get("font")]
    name, _, want = next(k for k in kinds if k[1].match(words))
    seen[name] += 1
    if want not in font:
        wrong.append(f"{words[:20]} ({name}) in {font}, not {want}")
print("fonts: " + ", ".join(f"{n} {seen[n]} pieces" for n in seen) + f"; {len(wrong)} wrong")
for w in wrong[:10]:
    print("  " + w)
sys.exit(1 if wrong or not all(seen.values()) else 0)
PY
