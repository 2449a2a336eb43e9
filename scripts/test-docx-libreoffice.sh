#!/usr/bin/env bash
# Opens the Word document in LibreOffice (headless), converts it to PDF and measures the PDF
# against GB/T 9704-2012 with scripts/measure-print.py: A4, the text block, 28 characters a full
# line and 22 lines a full page on the character grid, page numbers, the closing block at the
# foot of the last page, every line of the reference; the stress issue too. Also: the red
# masthead on page 1, and the fonts LibreOffice put in place of the official ones.
#
# LibreOffice runs with docs/60-weekly-fonts.conf, the README's fontconfig recipe for a machine
# without the official fonts; the PDF must then set 黑体 in a sans and the rest in a serif.
#
# LibreOffice reads `w:overflowPunct` the other way round from Word, WPS and ECMA-376 (17.3.1.21):
# its importer sets hanging punctuation when the value is 0 (writerfilter, DomainMapper.cxx,
# `PROP_PARA_IS_HANGING_PUNCTUATION, nIntValue == 0`), while its exporter writes 1 for hanging.
# So the document weekly writes (0: no mark in the margin) is measured as LibreOffice shows it,
# reported; and, for the checks, a copy with that one value turned over, which LibreOffice
# shows as Word reads the original.
# Installs LibreOffice 24 or later (scripts/libreoffice.sh), a CJK font and poppler-utils when
# missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/libreoffice.sh
need_libreoffice
missing=()
command -v pdftotext >/dev/null || missing+=(poppler-utils)
# The font list is read whole: `grep -q` would close the pipe early, and under pipefail
# fc-list's SIGPIPE would count as no font.
fonts=$(fc-list 2>/dev/null || true)
grep -qi "Noto Serif CJK\|Noto Sans CJK" <<<"$fonts" || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "$(soffice --version)"

out=target/docx-print
rm -rf "$out" && mkdir -p "$out/.config/fontconfig/conf.d"
cp docs/60-weekly-fonts.conf "$out/.config/fontconfig/conf.d/"
source scripts/weekly-bin.sh
weekly=$(weekly_bin)

# to_pdf NAME: $out/NAME.docx to $out/NAME.pdf.
to_pdf() {
  HOME="$PWD/$out" soffice --headless --norestore --convert-to pdf --outdir "$out" "$out/$1.docx" >/dev/null 2>&1
  [ -s "$out/$1.pdf" ] || { echo "docx-print: LibreOffice wrote no PDF for $1.docx" >&2; exit 1; }
}

# as_word_reads NAME: $out/NAME-word.docx, the copy with w:overflowPunct turned over.
as_word_reads() {
  python3 - "$out/$1.docx" "$out/$1-word.docx" <<'PY'
import sys, zipfile
source = zipfile.ZipFile(sys.argv[1])
copy = zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED)
turned = 0
for part in source.infolist():
    data = source.read(part.filename)
    if part.filename == "word/styles.xml":
        turned = data.count(b'<w:overflowPunct w:val="0" />')
        data = data.replace(b'<w:overflowPunct w:val="0" />', b'<w:overflowPunct w:val="1" />')
    copy.writestr(part, data)
copy.close()
sys.exit(0 if turned else "docx-print: no w:overflowPunct in styles.xml to turn over")
PY
}

"$weekly" build examples/2023-39.yaml --format docx -o "$out/bulletin.docx"
python3 scripts/stress-issue.py examples/2023-39.yaml "$out/stress.yaml"
"$weekly" build "$out/stress.yaml" --format docx -o "$out/stress.docx"
for name in bulletin stress; do
  as_word_reads "$name"
  to_pdf "$name"
  to_pdf "$name-word"
done

size=$(pdfinfo "$out/bulletin-word.pdf" | sed -n 's/^Page size: *//p')
pages=$(pdfinfo "$out/bulletin-word.pdf" | sed -n 's/^Pages: *//p')
echo "PDF from LibreOffice: $pages pages, $size"

# As LibreOffice shows the document itself: marks hung in the margin, reported.
python3 scripts/measure-print.py "$out/bulletin.pdf" --label "word as LibreOffice reads it" \
  --reference tests/golden/2023-39.txt || true
# As Word reads it: every check.
python3 scripts/measure-print.py "$out/bulletin-word.pdf" --label word --reference tests/golden/2023-39.txt
python3 scripts/measure-print.py "$out/stress-word.pdf" --label stress-word

# The masthead is red: page 1 has a good number of strongly red pixels.
pdftoppm -r 40 -f 1 -l 1 -singlefile "$out/bulletin-word.pdf" "$out/page-1"
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
pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$out/bulletin-word.pdf" "$out/word-page-1"
echo "fonts the PDF uses (仿宋_GB2312 and the others are requested; LibreOffice substitutes):"
pdffonts "$out/bulletin-word.pdf" | tail -n +3 | awk '{print "  " $1}' | sort -u
# Which font each piece of text is in: headings 一、… in the sans, everything else in the serif.
pdftohtml -xml -i -stdout "$out/bulletin-word.pdf" > "$out/fonts.xml" 2>/dev/null
python3 - "$out/fonts.xml" <<'PY'
import re, sys, xml.etree.ElementTree as ET
root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", open(sys.argv[1], encoding="utf-8").read()))
family = {f.get("id"): f.get("family") for f in root.iter("fontspec")}
wrong, seen = [], {"sans": 0, "serif": 0}
for text in root.iter("text"):
    words = "".join(text.itertext()).strip()
    if not re.search(r"[\u4e00-\u9fff]", words):
        continue
    font = family[text.get("font")]
    heading = re.match(r"^[一二三四五六七八九十]+、", words)
    want = "NotoSansCJK" if heading else "NotoSerifCJK"
    seen["sans" if heading else "serif"] += 1
    if want not in font:
        wrong.append(f"{words[:20]} in {font}")
print(f"fonts: {seen['sans']} pieces of heading text in the sans, {seen['serif']} others in the serif; {len(wrong)} wrong")
for w in wrong[:10]:
    print("  " + w)
sys.exit(1 if wrong or not seen["sans"] else 0)
PY
