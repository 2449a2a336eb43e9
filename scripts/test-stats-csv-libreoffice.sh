#!/usr/bin/env bash
# Opens `weekly stats --format csv` in LibreOffice Calc (headless) and converts it to a
# workbook: the Chinese headers and counter names must come through whole, the byte-order mark
# must not become text in the first header, and the figures must arrive as numbers.
# Headless, Calc does not guess the character set (LibreOffice 7.4 reads a file with a
# byte-order mark as Windows-1252 unless told), so the import options name what one picks in
# its import dialog: comma, double quotes, UTF-8 (76), from line 1. Installs LibreOffice when
# missing (scripts/libreoffice.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/libreoffice.sh
need_libreoffice

out=target/stats-csv
rm -rf "$out" && mkdir -p "$out"
source scripts/weekly-bin.sh
weekly=$(weekly_bin)
"$weekly" stats examples/archive --lang zh -o "$out/stats.csv" 2>/dev/null
HOME="$PWD/$out" soffice --headless --norestore --infilter="CSV:44,34,76,1" --convert-to xlsx --outdir "$out" "$out/stats.csv" >/dev/null 2>&1
[ -s "$out/stats.xlsx" ] || { echo "stats-csv: LibreOffice wrote no workbook" >&2; exit 1; }

python3 - "$out/stats.xlsx" "$out/stats.csv" <<'PY'
import re, sys, zipfile
book = zipfile.ZipFile(sys.argv[1])
# A string may be split into runs (Calc gives `%` a Western font in `环比（%）`): joined.
shared = book.read("xl/sharedStrings.xml").decode("utf-8")
strings = ["".join(re.findall(r"<t[^>]*>([^<]*)</t>", si)) for si in re.findall(r"<si>(.*?)</si>", shared)]
sheet = book.read("xl/worksheets/sheet1.xml").decode("utf-8")
expected = ["系列", "名称", "单位", "本周", "累计", "环比（%）", "同比（%）", "咨询", "受理", "颁发", "流转", "人次"]
lost = [s for s in expected if s not in strings]
if lost:
    sys.exit(f"stats-csv: not in the workbook as written: {lost}")
if strings[0] != "系列":
    sys.exit("stats-csv: the byte-order mark was read as text")
rows = sys.argv[2] and open(sys.argv[2], encoding="utf-8-sig").read().count("\n")
got = len(re.findall(r"<row ", sheet))
if got != rows:
    sys.exit(f"stats-csv: {got} rows in the workbook, {rows} lines in the CSV")
# 2023 第 39 期's 咨询: this week's figure and year to date as numbers, not text.
numbers = re.findall(r'<c r="[A-Z]+\d+"(?: s="\d+")?(?: t="n")?><v>(\d+(?:\.\d+)?)</v>', sheet)
for n in ("2881", "59029"):
    if n not in numbers:
        sys.exit(f"stats-csv: {n} is not a number in the workbook")
print(f"LibreOffice read the CSV: {got} rows, the Chinese headers and names whole, figures as numbers")
PY
