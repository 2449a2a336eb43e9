#!/usr/bin/env bash
# Prints the example two ways and measures each printout against GB/T 9704-2012 with
# scripts/measure-print.py (A4, the text block, 28 characters a full line, 22 lines a full
# page, page numbers, every line of the reference): the PDF weekly typesets itself, and the
# HTML printed by headless Chromium (the Word document is measured by
# scripts/test-docx-libreoffice.sh). Also a stress issue (a 2 000-character item, a
# 300-character web address, headings at a page's foot) in both. Pictures of page 1 go to
# target/print/ for review. Installs Chromium, poppler-utils and a CJK font when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/packages.sh
need_packages chromium=chromium pdftotext=poppler-utils cjk-fonts

out=target/print
rm -rf "$out" && mkdir -p "$out"
source scripts/weekly-bin.sh
weekly=$(weekly_bin)
reference=tests/golden/2023-39.txt

chromium_pdf() {
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$out/profile" --no-pdf-header-footer \
    --print-to-pdf="$2" "file://$PWD/$1" 2>/dev/null
}

# The PDF: every check.
"$weekly" build examples/2023-39.yaml -o "$out/typst.pdf" --verbose
python3 scripts/measure-print.py "$out/typst.pdf" --reference "$reference" --label pdf

# The HTML printed by Chromium: every check but the closing block at the foot of the last
# page, which a browser cannot place (CSS has no page floats).
"$weekly" build examples/2023-39.yaml -o "$out/bulletin.html"
chromium_pdf "$out/bulletin.html" "$out/html.pdf"
python3 scripts/measure-print.py "$out/html.pdf" --reference "$reference" --label html --no-foot

# The stress issue: a long item, a long web address, headings pushed to a page's foot.
python3 scripts/stress-issue.py examples/2023-39.yaml "$out/stress.yaml"
"$weekly" build "$out/stress.yaml" -o "$out/stress.pdf" -o "$out/stress.html"
python3 scripts/measure-print.py "$out/stress.pdf" --label stress-pdf
chromium_pdf "$out/stress.html" "$out/stress-html.pdf"
python3 scripts/measure-print.py "$out/stress-html.pdf" --label stress-html --no-foot

for pdf in typst html; do
  pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$out/$pdf.pdf" "$out/$pdf-page-1"
done
echo "pages: $out/typst-page-1.png $out/html-page-1.png"
