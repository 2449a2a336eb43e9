#!/usr/bin/env bash
# `weekly import` of bulletins as an office keeps them: the example's Word document saved again
# by LibreOffice (as a clerk's editor rewrites it), imported and built again as Markdown, must
# give the reference back byte for byte, bold departments included. Then the example printed
# to PDF three ways (the HTML by headless Chromium, the Word document by LibreOffice, weekly's
# own PDF), the text taken out with pdftotext, imported, and built again as text: the
# Chromium print must give the reference back byte for byte; the other two are reported with
# every line that differs (spaces those PDFs invent beside figures, which no reader can tell
# from typed ones).
# Installs Chromium, LibreOffice (scripts/libreoffice.sh), poppler-utils and a CJK font when
# missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/packages.sh
source scripts/libreoffice.sh
need_packages chromium=chromium pdftotext=poppler-utils cjk-fonts
need_libreoffice
out=target/import-pdf
rm -rf "$out" && mkdir -p "$out"
source scripts/weekly-bin.sh
weekly=$(weekly_bin)
reference=tests/golden/2023-39.txt
markdown=tests/golden/2023-39.md

"$weekly" build examples/2023-39.yaml -o "$out/bulletin.html" -o "$out/bulletin.docx" -o "$out/typst.pdf"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$out/profile" --no-pdf-header-footer \
  --print-to-pdf="$out/html.pdf" "file://$PWD/$out/bulletin.html" 2>/dev/null
HOME="$PWD/$out" soffice --headless --norestore --convert-to pdf --outdir "$out" "$out/bulletin.docx" >/dev/null 2>&1
mv "$out/bulletin.pdf" "$out/word.pdf"

mkdir -p "$out/resaved"
HOME="$PWD/$out" soffice --headless --norestore --convert-to "docx:MS Word 2007 XML" \
  --outdir "$out/resaved" "$out/bulletin.docx" >/dev/null 2>&1
"$weekly" import "$out/resaved/bulletin.docx" -o "$out/resaved.yaml"
"$weekly" build "$out/resaved.yaml" -o "$out/resaved.md"
cmp "$out/resaved.md" "$markdown"
echo "import-pdf: the Word document saved again by LibreOffice: the reference Markdown, byte for byte"

status=0
for kind in html word typst; do
  pdftotext "$out/$kind.pdf" "$out/$kind.txt"
  "$weekly" import "$out/$kind.txt" -o "$out/$kind.yaml" 2>"$out/$kind.findings"
  "$weekly" build "$out/$kind.yaml" --format text -o "$out/$kind.rebuilt.txt"
  if cmp -s "$out/$kind.rebuilt.txt" "$reference"; then
    echo "import-pdf: $kind: the reference, byte for byte"
  else
    lines=$(diff "$out/$kind.rebuilt.txt" "$reference" | grep -c '^<' || true)
    echo "import-pdf: $kind: $lines lines differ from the reference:"
    diff "$out/$kind.rebuilt.txt" "$reference" | sed 's/^/  /' | cut -c1-160 || true
    [ "$kind" = html ] && status=1
  fi
done
exit $status
