#!/usr/bin/env bash
# Prints the example two ways and measures each printout against GB/T 9704-2012 with
# scripts/measure-print.py (A4, the text block, 28 characters a full line, 22 lines a full
# page, no stretched line, page numbers, the masthead centred, the closing block at the foot,
# the rules' thickness, the faces told apart, every line of the reference): the PDF weekly
# typesets itself, and the HTML printed by headless Chromium, whose fonts
# scripts/html-fonts.py asks of the browser (the Word document is measured by
# scripts/test-docx-libreoffice.sh). Also a stress issue (a 2 000-character item, a
# 300-character web address, headings at a page's foot), the example grown a line at a time
# through a page (the closing block at the foot wherever the body ends), and every issue file of the examples
# and the tests that `weekly check` passes: the same checks but the reference, and the PDF and
# the HTML print the same number of pages (kept in target/print/all/pages.txt, which the Word
# print is compared with). Pictures of page 1 go to target/print/ for review. Installs
# Chromium, its driver, Selenium, poppler-utils, Noto CJK and the free 楷体 and 仿宋 when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/packages.sh
need_packages chromium=chromium chromedriver=chromium-driver pdftotext=poppler-utils cjk-fonts free-fonts
# Debian's selenium is for Debian's python3, whatever else PATH holds.
/usr/bin/python3 -c 'import selenium' 2>/dev/null ||
  { apt-get update -qq && apt-get install -y -qq python3-selenium >/dev/null; }

out=target/print
rm -rf "$out" && mkdir -p "$out/all"
source scripts/weekly-bin.sh
weekly=$(weekly_bin)
reference=tests/golden/2023-39.txt

# chromium_pdf HTML PDF: the page printed as a browser prints it, headers and footers off.
chromium_pdf() {
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$out/profile" --no-pdf-header-footer \
    --print-to-pdf="$2" "file://$PWD/$1" 2>/dev/null
}

# pages PDF: how many pages it has.
pages() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'; }

# The PDF: every check.
"$weekly" build examples/2023-39.yaml -o "$out/typst.pdf" --verbose
python3 scripts/measure-print.py "$out/typst.pdf" --reference "$reference" --label pdf

# The HTML printed by Chromium: every check, the faces asked of the browser.
"$weekly" build examples/2023-39.yaml -o "$out/bulletin.html"
chromium_pdf "$out/bulletin.html" "$out/html.pdf"
python3 scripts/measure-print.py "$out/html.pdf" --reference "$reference" --label html --no-fonts
/usr/bin/python3 scripts/html-fonts.py "$out/bulletin.html"

# The stress issue: a long item, a long web address, headings pushed to a page's foot.
python3 scripts/stress-issue.py examples/2023-39.yaml "$out/stress.yaml"
"$weekly" build "$out/stress.yaml" -o "$out/stress.pdf" -o "$out/stress.html" 2>/dev/null
python3 scripts/measure-print.py "$out/stress.pdf" --label stress-pdf
chromium_pdf "$out/stress.html" "$out/stress-html.pdf"
python3 scripts/measure-print.py "$out/stress-html.pdf" --label stress-html --no-fonts

# The example grown a line at a time through a page: the body's end on every line of it, and
# the closing block at the foot wherever that is, on the same page as in the PDF.
for grow in $(seq 0 2 46); do
  python3 scripts/stress-issue.py examples/2023-39.yaml "$out/grown-$grow.yaml" --grow "$grow"
  "$weekly" build "$out/grown-$grow.yaml" -o "$out/grown-$grow.pdf" -o "$out/grown-$grow.html" 2>/dev/null
  chromium_pdf "$out/grown-$grow.html" "$out/grown-$grow-html.pdf"
  python3 scripts/measure-print.py "$out/grown-$grow-html.pdf" --label "grown by $grow, html" --no-fonts
  [ "$(pages "$out/grown-$grow.pdf")" = "$(pages "$out/grown-$grow-html.pdf")" ] \
    || { echo "print: grown by $grow, the PDF and the HTML print differ in pages" >&2; exit 1; }
done

# Every issue that checks, both prints. One that checks but does not build fails.
count=0
while IFS= read -r -d '' issue; do
  "$weekly" check "$issue" >/dev/null 2>&1 || continue
  count=$((count + 1))
  "$weekly" build "$issue" -o "$out/all/$count.pdf" -o "$out/all/$count.html" 2> "$out/all/build.log" \
    || { cat "$out/all/build.log" >&2; echo "print: $issue checks but does not build" >&2; exit 1; }
  chromium_pdf "$out/all/$count.html" "$out/all/$count-html.pdf"
  echo "$count $issue" >> "$out/all/names.txt"
done < <(find examples tests -name '*.yaml' -print0 | sort -z)
[ "$count" -gt 0 ] || { echo "print: no issue file passed weekly check" >&2; exit 1; }
# Two measurements at a time (each draws pages at 600 dpi); each writes N.txt, and N.failed
# when it finds a problem.
measure() { # ISSUE PRINT OPTION (or an empty one)
  local option=()
  [ -z "$3" ] || option=("$3")
  python3 scripts/measure-print.py "$out/all/$2.pdf" --label "$1" "${option[@]}" > "$out/all/$2.txt" \
    || touch "$out/all/$2.failed"
}
export -f measure
export out
while read -r number issue; do
  printf '%s\0%s\0\0' "$issue" "$number"
  printf '%s\0%s\0--no-fonts\0' "$issue" "$number-html"
done < "$out/all/names.txt" | xargs -0 -n 3 -P 2 bash -c 'measure "$@"' _
failed=0
: > "$out/all/pages.txt"
while read -r number issue; do
  for print in "$number" "$number-html"; do
    [ -e "$out/all/$print.txt" ] || { echo "$issue: $print.pdf not measured"; failed=$((failed + 1)); }
    [ ! -e "$out/all/$print.failed" ] || { cat "$out/all/$print.txt"; failed=$((failed + 1)); }
  done
  pdf=$(pages "$out/all/$number.pdf") html=$(pages "$out/all/$number-html.pdf")
  echo "$issue $pdf $html" >> "$out/all/pages.txt"
  [ "$pdf" = "$html" ] || { echo "$issue: $pdf pages in the PDF, $html in the HTML print"; failed=$((failed + 1)); }
done < "$out/all/names.txt"
echo "print: $count issue files measured in the PDF and the HTML print, $failed problems"
[ "$failed" -eq 0 ]

for pdf in typst html; do
  pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$out/$pdf.pdf" "$out/$pdf-page-1"
done
echo "pages: $out/typst-page-1.png $out/html-page-1.png"
