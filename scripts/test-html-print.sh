#!/usr/bin/env bash
# Prints the example's HTML to PDF with headless Chromium, as a browser would print it, and
# checks: A4 pages, a plausible page count, and every line of the reference issue in the PDF's
# text (pdftotext). Writes a picture of page 1 to target/html-print/page-1.png for review
# (docs/bulletin-page-1.png is the copy the README shows). Installs Debian's chromium, a CJK
# font and poppler-utils when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
# The font list is read whole: `grep -q` would close the pipe early, and under pipefail
# fc-list's SIGPIPE would count as no font.
fonts=$(fc-list 2>/dev/null || true)
grep -qi "Noto Serif CJK\|Noto Sans CJK" <<<"$fonts" || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi

out=target/html-print
rm -rf "$out" && mkdir -p "$out"
source scripts/weekly-bin.sh
weekly=$(weekly_bin)
"$weekly" build examples/2023-39.yaml --format html -o "$out/bulletin.html"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$out/profile" --no-pdf-header-footer \
  --print-to-pdf="$out/bulletin.pdf" "file://$PWD/$out/bulletin.html" 2>/dev/null

pages=$(pdfinfo "$out/bulletin.pdf" | sed -n 's/^Pages: *//p')
size=$(pdfinfo "$out/bulletin.pdf" | sed -n 's/^Page size: *//p')
echo "PDF: $pages pages, $size"
case "$size" in
  *"(A4)"*) ;;
  *) echo "html-print: the page is not A4: $size" >&2; exit 1 ;;
esac
# 6.6 KB of text at 22 lines of 28 characters a page: three to six pages.
[ "$pages" -ge 3 ] && [ "$pages" -le 6 ] || { echo "html-print: $pages pages" >&2; exit 1; }

# Every line of the reference, spaces aside (the PDF's text breaks lines where the page does).
pdftotext "$out/bulletin.pdf" - | tr -d ' \n\f' | sed 's/—[0-9]*—//g' > "$out/pdf.txt"
missing_lines=0
while IFS= read -r line; do
  [ -z "$line" ] && continue
  needle=$(printf '%s' "$line" | tr -d ' ')
  # Long paragraphs are looked for in pieces, as pdftotext may reorder a page's last line.
  for ((i = 0; i < ${#needle}; i += 30)); do
    if ! grep -qF -- "${needle:i:30}" "$out/pdf.txt"; then
      echo "html-print: not in the PDF: ${needle:i:30}" >&2
      missing_lines=$((missing_lines + 1))
    fi
  done
done < tests/golden/2023-39.txt
[ "$missing_lines" -eq 0 ] || exit 1
echo "every line of the reference is in the PDF"

pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$out/bulletin.pdf" "$out/page-1"
echo "page 1: $out/page-1.png"
