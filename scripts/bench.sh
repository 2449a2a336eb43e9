#!/usr/bin/env bash
# The benchmark: `weekly build` beside the Python (PyYAML + Jinja2) and pandoc baselines of
# ../shared/bench, at 1x, 10x and 100x the reference issue, as paired ratios from one run;
# instruction counts from callgrind; `weekly check` over a folder of 1 000 issues; and
# `weekly check` on hostile inputs that draw a million findings.
#
#   scripts/bench.sh            RUNS=20 pairs per figure; BENCH=path/to/shared/bench
#
# Needs python3 (a venv is made under target/bench, with PyPI typst for the PDF's peer), pandoc,
# GNU time and valgrind, and a Chinese font for the PDF (fonts-noto-cjk); on Debian:
# apt-get install -y pandoc time valgrind. It is a benchmark, not a test: nothing here passes
# or fails on speed.
set -euo pipefail
cd "$(dirname "$0")/.."
bench=${BENCH:-../shared/bench}
runs=${RUNS:-20}
work=target/bench

for tool in python3 pandoc valgrind /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install -y pandoc time valgrind)" >&2; exit 2; }
done
[ -d "$bench" ] || { echo "bench: no baselines at $bench (set BENCH)" >&2; exit 2; }

source scripts/weekly-bin.sh
weekly=$(weekly_bin --release)
mkdir -p "$work"
if [ ! -x "$work/venv/bin/python" ]; then
  python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install --quiet -r "$bench/requirements.txt"
fi
py=$PWD/$work/venv/bin/python

# Inputs: the baselines' format scaled by their script, weekly's by scripts/scale.py.
for n in 1 10 100; do
  mkdir -p "$work/$n"
  "$py" "$bench/gen_scaled.py" "$n" "$bench/baseline/issue.yaml" "$work/$n/baseline.yaml"
  "$py" scripts/scale.py "$n" examples/2023-39.yaml "$work/$n/2023-39.yaml"
  cp examples/2023-38.yaml "$work/$n/"
done
rm -rf "$work/series"
"$py" scripts/scale.py --series 1000 examples/2023-39.yaml "$work/series"

python_cmd() { echo "$py $bench/baseline/render.py $work/$1/baseline.yaml"; }
pandoc_cmd() {
  echo "pandoc -f markdown -t plain --wrap=none --metadata-file=$work/$1/baseline.yaml" \
       "--lua-filter=$bench/pandoc/weekly.lua --template=$bench/pandoc/issue.plain.tmpl /dev/null"
}

# Like with like: at 1x the three render the same bulletin, byte for byte.
$(python_cmd 1) > "$work/python.md"
$(pandoc_cmd 1) > "$work/pandoc.txt"
"$weekly" build "$work/1/2023-39.yaml" > "$work/weekly.md"
"$weekly" build --format text "$work/1/2023-39.yaml" > "$work/weekly.txt"
cmp "$work/weekly.md" "$work/python.md"
cmp "$work/weekly.txt" "$work/pandoc.txt"
echo "1x outputs identical: weekly = Python (Markdown), weekly = pandoc (text)"
echo

# One paired run per baseline and scale; the harness prints one JSON object each.
pair() { python3 "$bench/harness.py" -n "$runs" --json --label weekly --vs "$2" -- $1; }
row() {
  python3 - "$1" "$2" "$3" <<'PY'
import json, sys
scale, vs, data = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
a, b, r = data["a"], data["b"], data["ratio_a_over_b"]
print("%-5s %-7s %9.2f %9.2f %8.1f %9.2f %9.2f %8.1f %8.3f" % (
    scale, vs, a["wall_ms"]["median"], a["cpu_ms"]["median"], a["peak_mb"]["median"],
    b["wall_ms"]["median"], b["cpu_ms"]["median"], b["peak_mb"]["median"], r["median"]))
if data["failed_exit_codes"]:
    print("  non-zero exit codes:", sorted(set(data["failed_exit_codes"])))
PY
}
printf '%-5s %-7s %9s %9s %8s %9s %9s %8s %8s\n' scale vs "wall ms" "cpu ms" "peak MB" \
  "vs wall" "vs cpu" "vs MB" "ratio"
for n in 1 10 100; do
  row "${n}x" python "$(pair "$weekly build $work/$n/2023-39.yaml" "$(python_cmd "$n")")"
  row "${n}x" pandoc "$(pair "$weekly build --format text $work/$n/2023-39.yaml" "$(pandoc_cmd "$n")")"
done
echo "(medians of $runs alternating pairs; ratio = weekly / baseline wall time, pair by pair)"
echo

instructions() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$weekly" "$@" 2>&1 >/dev/null \
    | sed -n 's/.*Collected : //p'
}
echo "instructions (callgrind) of weekly --version: $(instructions --version)"
i1=$(instructions build "$work/1/2023-39.yaml")
i10=$(instructions build "$work/10/2023-39.yaml")
i100=$(instructions build "$work/100/2023-39.yaml")
echo "instructions (callgrind): 1x $i1, 10x $i10, 100x $i100; 100x / 10x = $(python3 -c "print(round($i100 / $i10, 2))")"
echo

series=$(python3 "$bench/harness.py" -n 5 --json --label check -- "$weekly" check "$work/series")
python3 - "$series" <<'PY'
import json, sys
d = json.loads(sys.argv[1])["a"]
print("weekly check over 1000 issues: wall %.0f ms, cpu %.0f ms, peak %.1f MB (median of 5)" % (
    d["wall_ms"]["median"], d["cpu_ms"]["median"], d["peak_mb"]["median"]))
PY
# The largest issues under the 4 MiB cap, in every format: wall time and peak memory of one
# build each. `lists`: the example's lists repeated 620 times (3.9 MB); `items`: 48 000 short
# items (3.7 MB), where the cost per paragraph shows most.
mkdir -p "$work/cap"
"$py" scripts/scale.py 620 examples/2023-39.yaml "$work/cap/lists.yaml"
"$py" - examples/2023-39.yaml "$work/cap/items.yaml" <<'PY'
import sys
source = open(sys.argv[1], encoding="utf-8").read()
items = "".join(f"          - 本周，第{i}项工作进展顺利，各窗口按时办结。\n" for i in range(48000))
open(sys.argv[2], "w", encoding="utf-8").write(source.replace("        items:\n", "        items:\n" + items, 1))
PY
cp examples/2023-38.yaml "$work/cap/"
for input in lists items; do
  echo "at the size cap, $input ($(stat -c %s "$work/cap/$input.yaml") bytes):"
  for format in md text html docx pdf; do
    /usr/bin/time -f "  $format: wall %e s, peak %M KB" \
      "$weekly" build "$work/cap/$input.yaml" --format "$format" -o /dev/null
  done
done
echo

# `weekly stats` over a province's archive of ten years: 21 folders of 520 issues each,
# linked by `previous:` (scripts/gen-archive.py --province), reported in every format.
rm -rf "$work/province"
python3 scripts/gen-archive.py --province 21 10 "$work/province"
issues=$(find "$work/province" -name '*.yaml' | wc -l)
"$weekly" check "$work/province" >/dev/null 2>&1 || { echo "bench: the province archive does not check clean" >&2; exit 1; }
province=$(python3 "$bench/harness.py" -n 5 --json --label stats -- "$weekly" stats "$work/province" -o /dev/null)
python3 - "$province" "$issues" <<'PY'
import json, sys
d = json.loads(sys.argv[1])["a"]
print("weekly stats over %s issues (table): wall %.0f ms, cpu %.0f ms, peak %.1f MB (median of 5)" % (
    sys.argv[2], d["wall_ms"]["median"], d["cpu_ms"]["median"], d["peak_mb"]["median"]))
PY
for format in csv json svg html xlsx; do
  /usr/bin/time -f "  --format $format: wall %e s, peak %M KB" \
    "$weekly" stats "$work/province" --format "$format" -o "$work/province.$format"
done
echo

# Hostile inputs under the size cap, each built to draw as many findings (or keys) as it can:
# wall time and peak memory of one `weekly check` each, in the human format, which shows 50
# findings of a code, and for the largest in json, which reports every one.
#   ellipses     1 000 000 `a...` on one line: a W013 every 4 bytes, one long line
#   closers      1 300 000 `”` that close nothing: a W011 every 3 bytes
#   nesting      600 000 `“` then 600 000 `》`: each `》` asks which marks are open
#   block        a block scalar of 300 000 lines of `a...`: each finding spans the whole value
#   dup-keys     90 000 keys in one mapping, the last a repeat (E005)
#   flow-keys    99 000 unknown keys in one flow mapping on one line (E003 each, with the list)
#   block-keys   99 000 unknown keys of 30 characters, one a line (E003, each measured)
#   long-value   a value of 1 000 000 characters where a number belongs (E002 quotes it)
#   allow        100 000 entries in `lint.allow` and 100 000 W013 to filter through them
#   repeats      19 000 visits, each department looked for among the earlier ones (W004)
#   series       22 000 counters whose year-to-date figures come from an issue of 22 000
mkdir -p "$work/hostile"
python3 - "$work/hostile" <<'PY'
import os, sys
out = sys.argv[1]
head = """masthead:
  title: 窗口工作周报
  year: 2023
  number: 39
  total: 459
  period: { start: 2023-10-07, end: 2023-10-13 }
  publisher: 中心
  published: 2023-10-20
"""
foot = "footer: { send: 甲, distribute: 乙, copies: 91 }\n"
def issue(sections, masthead=head):
    return masthead + "sections:\n" + sections + foot
def item(text):
    return "  - title: 统计\n    items:\n      - " + text + "\n"
def write(name, text):
    with open(os.path.join(out, name + ".yaml"), "w", encoding="utf-8") as f:
        f.write(text)
write("ellipses", issue(item("a..." * 1_000_000)))
write("closers", issue(item("甲" + "”" * 1_300_000)))
write("nesting", issue(item("甲" + "“" * 600_000 + "》" * 600_000)))
write("block", issue("  - title: 统计\n    items:\n      - |\n" + "        a...\n" * 300_000))
write("dup-keys", "footer:\n" + "".join(f"  k{i}: 1\n" for i in range(90_000)) + "  k5: 2\n")
write("flow-keys", "footer: {" + ", ".join(f"k{i}: 1" for i in range(99_000)) + "}\n")
write("block-keys", "footer:\n" + "".join(f"  key_{i:07d}_{'x' * 20}: 1\n" for i in range(99_000)))
write("long-value", issue(item("甲。"), head.replace("year: 2023", "year: '" + "a" * 1_000_000 + "'")))
allow = "lint:\n  allow: [" + ", ".join(f"E036 x{i}" for i in range(100_000)) + "]\n"
write("allow", allow + issue(item("a..." * 100_000)))
visits = "".join(f"      - {{ dept: 部门{i}, people: [{{title: 处长, name: 张}}] }}\n" for i in range(19_000))
write("repeats", issue("  - title: 来访\n    visits:\n" + visits))
counters = "".join(f"      - {{ name: 统计项{i}, unit: 人次, week: 1, year_to_date: 1 }}\n" for i in range(22_000))
write("series-previous", issue("  - title: 统计\n    counters:\n" + counters))
week = {"number: 39": "number: 40", "total: 459": "total: 460", "published: 2023-10-20": "published: 2023-10-27",
        "start: 2023-10-07, end: 2023-10-13": "start: 2023-10-14, end: 2023-10-20"}
nxt = head
for old, new in week.items():
    nxt = nxt.replace(old, new)
counters = "".join(f"      - {{ name: 统计项{i}, unit: 人次, week: 1 }}\n" for i in range(22_000))
write("series", "previous: series-previous.yaml\n" + issue("  - title: 统计\n    counters:\n" + counters, nxt))
PY
echo "hostile inputs, one \`weekly check\` each (exit 1: they are invalid):"
hostile() {
  local input=$1 format=$2
  /usr/bin/time -o "$work/hostile/time" -f "%e %M" \
    "$weekly" check "$work/hostile/$input.yaml" --message-format "$format" >/dev/null 2>&1 || true
  # GNU time puts a line before its own when the command fails.
  read -r wall peak < <(tail -n 1 "$work/hostile/time")
  printf '  %-11s %-6s %9s bytes  wall %5s s  peak %7s KB\n' \
    "$input" "$format" "$(stat -c %s "$work/hostile/$input.yaml")" "$wall" "$peak"
}
for input in ellipses closers nesting block dup-keys flow-keys block-keys long-value allow repeats series; do
  hostile "$input" human
done
for input in ellipses closers; do
  for format in json sarif; do
    hostile "$input" "$format"
  done
done
echo

# Inputs that are small but made to cost: font files in a --font-path folder, Word documents
# and templates. Each must end within a second and 300 MB, refused or done:
#   font-all      750 KB: a character map of 60 000 groups that each claim all of Unicode
#   font-faces    12 bytes: a collection claiming 2^32-1 faces
#   docx-paras    4 MiB unpacked: 699 000 empty paragraphs (E031)
#   docx-bound    59 990 empty paragraphs, just under the bound: read
#   template-loop a template of two nested loops of 100 000 (stopped at 0.5 s)
#   history       the last of 40 issues of 3.8 MB linked by `previous:`, each writing its
#                 figures: the checks against the issues before read back 1 MiB at most
#   chain         the same, none but the first writing its year-to-date figures: followed
#                 back 8 MiB at most for them (E025)
mkdir -p "$work/costly/fonts-all" "$work/costly/fonts-faces" "$work/costly/t"
cp examples/2023-38.yaml examples/2023-39.yaml "$work/costly/"
python3 - "$work/costly" <<'PY'
import io, os, struct, sys, zipfile
out = sys.argv[1]
def face(cmap):
    return struct.pack('>IHHHH', 0x00010000, 1, 0, 0, 0) + b'cmap\0\0\0\0' + struct.pack('>II', 28, len(cmap)) + cmap
groups = 60_000
sub = struct.pack('>HHIII', 12, 0, 16 + 12 * groups, 0, groups) + struct.pack('>III', 0, 0x10FFFF, 1) * groups
open(os.path.join(out, 'fonts-all/all.ttf'), 'wb').write(face(struct.pack('>HHHHI', 0, 1, 3, 10, 12) + sub))
open(os.path.join(out, 'fonts-faces/faces.ttc'), 'wb').write(b'ttcf' + struct.pack('>HHI', 1, 0, 0xFFFFFFFF))
w = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
for name, n in [('docx-paras', 699_000), ('docx-bound', 59_990)]:
    xml = f'<w:document xmlns:w="{w}"><w:body>' + '<w:p/>' * n + '</w:body></w:document>'
    with zipfile.ZipFile(os.path.join(out, name + '.docx'), 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('word/document.xml', xml)
open(os.path.join(out, 't/bulletin.md'), 'w').write(
    '{% for i in range(end=100000) %}{% for j in range(end=100000) %}{% endfor %}{% endfor %}')
import datetime as dt
def linked(stem, k, written):
    start = dt.date(2023, 1, 7) + dt.timedelta(days=7 * k)
    end, published = start + dt.timedelta(days=6), start + dt.timedelta(days=13)
    ytd = f', year_to_date: {(k + 1) * 10}' if written or k == 0 else ''
    text = f'previous: {stem}{k - 1:02}.yaml\n' if k else ''
    text += (f'masthead: {{ title: 周报, year: 2023, number: {k + 1}, total: {k + 1}, '
             f'period: {{ start: {start}, end: {end} }}, publisher: 中心, published: {published} }}\n'
             'sections:\n  - title: 统计\n    counters:\n'
             + ''.join(f'      - {{ name: 项{i}, unit: 件, week: 10{ytd} }}\n' for i in range(2000))
             + '  - title: 动态\n    items:\n      - ' + '甲' * 1_250_000 + '。\n'
             'footer: { send: 甲, distribute: 乙, copies: 1 }\n')
    open(os.path.join(out, f'{stem}{k:02}.yaml'), 'w').write(text)
for k in range(40):
    linked('history', k, True)
    linked('chain', k, False)
PY
costly() {
  local label=$1; shift
  /usr/bin/time -o "$work/costly/time" -f "%e %M" "$weekly" "$@" >/dev/null 2>&1 || true
  read -r wall peak < <(tail -n 1 "$work/costly/time")
  printf '  %-13s wall %5s s  peak %7s KB\n' "$label" "$wall" "$peak"
}
echo "small inputs made to cost (each refused or done):"
(
  cd "$work/costly"
  costly font-all build 2023-39.yaml -o a.pdf --font-path fonts-all
  costly font-faces build 2023-39.yaml -o a.pdf --font-path fonts-faces
  costly docx-paras import docx-paras.docx
  costly docx-bound import docx-bound.docx
  costly template-loop build 2023-39.yaml --templates t
  costly history check history39.yaml
  costly chain check chain39.yaml
)
echo

# The PDF against the Typst CLI's compile (PyPI typst, the same Typst) of the source weekly
# writes, with the same fonts, warm and with the fonts out of the page cache; 1x, 10x, 60x.
"$work/venv/bin/pip" install --quiet typst==0.15.2
mkdir -p "$work/60"
"$py" scripts/scale.py 60 examples/2023-39.yaml "$work/60/2023-39.yaml"
cp examples/2023-38.yaml "$work/60/"
"$py" scripts/bench-pdf.py "$weekly" "$py" "$((runs < 10 ? runs : 10))" \
  "$work/1/2023-39.yaml" "$work/10/2023-39.yaml" "$work/60/2023-39.yaml"
echo "(medians of alternating pairs; ratio = weekly / typst wall time, pair by pair)"
echo

# A PDF of the example: weekly typesetting it with Typst against Chromium printing the HTML
# (paired, alternating runs; peak memory as GNU time reports it, Chromium's children included).
"$weekly" build examples/2023-39.yaml -o "$work/bulletin.html"
print_pdf="chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir=$work/chromium --no-pdf-header-footer --print-to-pdf=$work/chromium.pdf file://$PWD/$work/bulletin.html"
if command -v chromium >/dev/null; then
  row pdf chromium "$(pair "$weekly build examples/2023-39.yaml -o $work/bulletin.pdf" "$print_pdf")"
else
  echo "bench: no chromium, the PDF comparison is left out"
fi
echo

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
