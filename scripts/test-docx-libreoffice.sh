#!/usr/bin/env bash
# Opens the example's Word document in LibreOffice (headless) and converts it to PDF: the PDF
# must be A4, hold every line of the reference issue, and show the red masthead on page 1.
# Installs Debian's libreoffice-writer-nogui, a CJK font and poppler-utils when missing
# (about a minute).
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v soffice >/dev/null || missing+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
# The font list is read whole: `grep -q` would close the pipe early, and under pipefail
# fc-list's SIGPIPE would count as no font.
fonts=$(fc-list 2>/dev/null || true)
grep -qi "Noto Serif CJK\|Noto Sans CJK" <<<"$fonts" || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

out=target/docx-print
rm -rf "$out" && mkdir -p "$out"
source scripts/weekly-bin.sh
weekly=$(weekly_bin)
"$weekly" build examples/2023-39.yaml --format docx -o "$out/bulletin.docx"
HOME="$PWD/$out" soffice --headless --norestore --convert-to pdf --outdir "$out" "$out/bulletin.docx" >/dev/null 2>&1

size=$(pdfinfo "$out/bulletin.pdf" | sed -n 's/^Page size: *//p')
pages=$(pdfinfo "$out/bulletin.pdf" | sed -n 's/^Pages: *//p')
echo "PDF from LibreOffice: $pages pages, $size"
case "$size" in *"(A4)"*) ;; *) echo "docx-print: not A4: $size" >&2; exit 1 ;; esac

pdftotext "$out/bulletin.pdf" - | tr -d ' \n\f' | sed 's/—[0-9]*—//g' > "$out/pdf.txt"
while IFS= read -r line; do
  [ -z "$line" ] && continue
  needle=$(printf '%s' "$line" | tr -d ' ')
  for ((i = 0; i < ${#needle}; i += 30)); do
    grep -qF -- "${needle:i:30}" "$out/pdf.txt" || { echo "docx-print: not in the PDF: ${needle:i:30}" >&2; exit 1; }
  done
done < tests/golden/2023-39.txt
echo "every line of the reference is in the PDF"

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
echo "fonts the PDF uses (仿宋_GB2312 is requested; without it LibreOffice substitutes):"
pdffonts "$out/bulletin.pdf" | tail -n +3 | awk '{print "  " $1}' | sort -u

# The GB/T 9704 measurements, reported and not enforced: LibreOffice hangs a mark past the right
# margin at a line's end, and drops it from a justified line, so the Word document is left
# ragged and measured for what it shows (README, Print).
python3 scripts/measure-print.py "$out/bulletin.pdf" --label "word (LibreOffice)" --no-foot || true
