#!/usr/bin/env bash
# `weekly import` of bulletins as an office keeps them: the example's Word document saved again
# by LibreOffice (as a clerk's editor rewrites it), imported and built again as Markdown, must
# give the reference back byte for byte, bold departments included; saved as Word 97–2003 it is
# refused (E032), and converted back as docs/import.md says it gives the reference too. Then the
# example printed to PDF three ways (the HTML by headless Chromium, the Word document by
# LibreOffice, weekly's own PDF), the text taken out with pdftotext, imported, and built
# again as text: the Chromium print must give the reference back byte for byte; the other two
# may differ only in spaces between a Chinese character and a figure or letter (those PDFs
# leave a gap there whether typed or not, which W024 marks), and every line that differs is
# shown.
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

# A Word 97–2003 file is refused with the command that converts it (E032); converted as the
# docs/import.md says, it imports to the reference too.
mkdir -p "$out/doc"
HOME="$PWD/$out" soffice --headless --norestore --convert-to doc --outdir "$out/doc" "$out/bulletin.docx" >/dev/null 2>&1
if "$weekly" import "$out/doc/bulletin.doc" >/dev/null 2>"$out/doc.findings"; then
  echo "import-pdf: a .doc was imported as it is" && exit 1
fi
grep -q '^error\[E032\]' "$out/doc.findings"
HOME="$PWD/$out" soffice --headless --norestore --convert-to docx --outdir "$out/doc" "$out/doc/bulletin.doc" >/dev/null 2>&1
"$weekly" import "$out/doc/bulletin.docx" -o "$out/doc.yaml"
"$weekly" build "$out/doc.yaml" -o "$out/doc.md"
cmp "$out/doc.md" "$markdown"
echo "import-pdf: a Word 97-2003 file refused (E032), converted by LibreOffice: the reference Markdown, byte for byte"

status=0
for kind in html word typst; do
  pdftotext "$out/$kind.pdf" "$out/$kind.txt"
  "$weekly" import "$out/$kind.txt" -o "$out/$kind.yaml" 2>"$out/$kind.findings"
  "$weekly" build "$out/$kind.yaml" --format text -o "$out/$kind.rebuilt.txt"
  if cmp -s "$out/$kind.rebuilt.txt" "$reference"; then
    echo "import-pdf: $kind: the reference, byte for byte"
  else
    lines=$(diff "$out/$kind.rebuilt.txt" "$reference" | grep -c '^<' || true)
    warned=$(grep -c '^warning\[W024\]' "$out/$kind.findings" || true)
    echo "import-pdf: $kind: $lines lines differ from the reference ($warned paragraphs marked W024):"
    diff "$out/$kind.rebuilt.txt" "$reference" | sed 's/^/  /' | cut -c1-160 || true
    [ "$kind" = html ] && status=1
    # What differs may only be spaces between a Chinese character and a figure or letter,
    # the doubt W024 names.
    if [ "$warned" -eq 0 ]; then
      echo "import-pdf: $kind: differs from the reference, and no W024 says where"
      status=1
    fi
    if ! python3 - "$out/$kind.rebuilt.txt" "$reference" <<'PY'
import re, sys
gap = re.compile(r"(?<=[\u3400-\u9fff]) +(?=[0-9A-Za-z])|(?<=[0-9A-Za-z]) +(?=[\u3400-\u9fff])")
a, b = (gap.sub("", open(f, encoding="utf-8").read()) for f in sys.argv[1:])
sys.exit(a != b)
PY
    then
      echo "import-pdf: $kind: differs in more than spaces beside figures"
      status=1
    fi
  fi
done
exit $status
