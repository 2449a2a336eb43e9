#!/usr/bin/env bash
# Renders `weekly stats --format html` over the example archive in headless Chromium, as a
# browser shows it, and checks the screenshot: a PNG of the full size asked for, not blank
# (a good share of its pixels are not white) and with the chart's red line of 2023 in it.
# Writes target/stats-html/page.png for review (docs/stats-page.png is the copy docs/stats.md
# shows). Installs Debian's chromium and a CJK font when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/packages.sh
need_packages chromium=chromium cjk-fonts

out=target/stats-html
rm -rf "$out" && mkdir -p "$out"
source scripts/weekly-bin.sh
weekly=$(weekly_bin)
"$weekly" stats examples/archive --lang zh --counter 咨询 --counter 受理 -o "$out/stats.html"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$out/profile" --hide-scrollbars --window-size=1040,1500 \
  --screenshot="$PWD/$out/page.png" "file://$PWD/$out/stats.html" 2>/dev/null

[ -s "$out/page.png" ] || { echo "stats-html: no screenshot" >&2; exit 1; }
python3 - "$out/page.png" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
assert (width, height) == (1040, 1500), (width, height)
# Decode the image data (8-bit RGB or RGBA, as Chromium writes it) to count its pixels.
idat, pos = b"", 8
while pos < len(data):
    size, kind = struct.unpack(">I4s", data[pos:pos + 8])
    if kind == b"IDAT":
        idat += data[pos + 8:pos + 8 + size]
    pos += 12 + size
raw = zlib.decompress(idat)
channels = {2: 3, 6: 4}[colour]
stride = width * channels
rows, previous = [], bytearray(stride)
i = 0
for _ in range(height):
    kind, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
    i += 1 + stride
    for x in range(stride):
        left = line[x - channels] if x >= channels else 0
        up, corner = previous[x], previous[x - channels] if x >= channels else 0
        if kind == 1:
            line[x] = (line[x] + left) & 255
        elif kind == 2:
            line[x] = (line[x] + up) & 255
        elif kind == 3:
            line[x] = (line[x] + (left + up) // 2) & 255
        elif kind == 4:
            p = left + up - corner
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
            pred = left if pa <= pb and pa <= pc else up if pb <= pc else corner
            line[x] = (line[x] + pred) & 255
    rows.append(line)
    previous = line
ink = red = 0
for line in rows:
    for x in range(0, stride, channels):
        r, g, b = line[x], line[x + 1], line[x + 2]
        if r < 200 or g < 200 or b < 200:
            ink += 1
        if r > 200 and g < 60 and b < 60:
            red += 1
print(f"screenshot {width}×{height}: {ink} pixels of ink, {red} red")
sys.exit(0 if ink > 20000 and red > 500 else 1)
PY
echo "page: $out/page.png"
