#!/usr/bin/env bash
# The artefacts of scripts/dist.sh tested where they will run (`.ci/run` runs both):
#
# - their checksums (SHA256SUMS);
# - the static x86-64 binary: the fixture goldens and the import corpus run against it, and
#   the example built in an empty root (no libc, no fonts but those given): the reference
#   Markdown byte for byte, and the same PDF as outside;
# - the static ARM64 binary under qemu-user: the same goldens, and the same PDF;
# - Windows under Wine: the test suite built for Windows (the tests that need what only Unix
#   has are named in CONTRIBUTING.md), then the zip's weekly.exe in a folder named with a
#   space and Chinese, on an issue saved with CRLF line ends: every format, check, new,
#   import and stats, each output and exit code the same as the Linux binary's; and on a
#   Chinese Windows (no LANG), its messages in Chinese;
# - the .deb installed by dpkg: the binary, the man page, the completions; the ARM64
#   package's files the same.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/packages.sh
source scripts/wine.sh
export CI=${CI:-}

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
dist=$PWD/target/dist
work=$(mktemp -d)
trap 'rm -rf "$work"; wineserver -k 2>/dev/null || true' EXIT
fail() {
  echo "test-dist: $*" >&2
  exit 1
}
same() { # WHAT A B
  cmp -s "$2" "$3" || fail "$1: $2 and $3 differ"
}
# A Word document or a workbook is a zip, whose every entry says the system that wrote it
# (Unix, or MS-DOS on Windows): the same names in the same order, each the same bytes.
same_parts() { # WHAT A B
  [ "$(unzip -Z1 "$2")" = "$(unzip -Z1 "$3")" ] || fail "$1: the parts of $2 and $3 differ"
  rm -rf "$work/parts"
  mkdir -p "$work/parts"
  unzip -q "$2" -d "$work/parts/a" && unzip -q "$3" -d "$work/parts/b" ||
    fail "$1: cannot unpack $2 or $3"
  diff -r "$work/parts/a" "$work/parts/b" >/dev/null || fail "$1: a part of $2 and $3 differs"
}

need_packages qemu-aarch64=qemu-user unzip=unzip fc-list=fontconfig man=man-db cjk-fonts
(cd "$dist" && sha256sum --quiet -c SHA256SUMS) || fail "a checksum does not match"

for target in x86_64-unknown-linux-musl aarch64-unknown-linux-musl; do
  tar -xzf "$dist/weekly-$version-$target.tar.gz" -C "$work"
done
(cd "$work" && unzip -q "$dist/weekly-$version-x86_64-pc-windows-gnu.zip")
x86=$work/weekly-$version-x86_64-unknown-linux-musl/weekly
arm=$work/weekly-$version-aarch64-unknown-linux-musl/weekly
exe=$work/weekly-$version-x86_64-pc-windows-gnu/weekly.exe
fonts=$(dirname "$(fc-match -f '%{file}' 'Noto Serif CJK SC')")
pdf_fonts=(--ignore-system-fonts --no-font-cache --font-path "$fonts")
reference=../shared/reference/2023-39.md

# ---- Linux, x86-64 --------------------------------------------------------------------
echo "x86-64: README's first command, in the unpacked folder"
(cd "$(dirname "$x86")" && ./weekly build examples/2023-39.yaml 2>/dev/null) |
  cmp -s - "$reference" || fail "the x86-64 archive does not build its example"
echo "x86-64: goldens"
WEEKLY_TEST_BIN=$x86 cargo test --locked --quiet --test fixtures --test corpus
echo "x86-64: an empty root"
root=$work/root
mkdir -p "$root/fonts"
cp "$x86" examples/2023-38.yaml examples/2023-39.yaml "$root/"
cp "$fonts"/*.tt[cf] "$fonts"/*.otf "$root/fonts/" 2>/dev/null || true
chroot "$root" /weekly build /2023-39.yaml >"$work/root.md" 2>/dev/null
same "the empty root's Markdown" "$work/root.md" "$reference"
chroot "$root" /weekly build /2023-39.yaml -o /out.pdf --ignore-system-fonts --no-font-cache \
  --font-path /fonts 2>/dev/null
"$x86" build examples/2023-39.yaml -o "$work/x86.pdf" "${pdf_fonts[@]}" 2>/dev/null
same "the empty root's PDF" "$root/out.pdf" "$work/x86.pdf"

# ---- Linux, ARM64 ---------------------------------------------------------------------
echo "ARM64: goldens under qemu-user"
WEEKLY_TEST_BIN=$arm WEEKLY_TEST_RUNNER=qemu-aarch64 \
  cargo test --locked --quiet --test fixtures --test corpus
qemu-aarch64 "$arm" build examples/2023-39.yaml -o "$work/arm.pdf" "${pdf_fonts[@]}" 2>/dev/null
same "the ARM64 PDF" "$work/arm.pdf" "$work/x86.pdf"

# ---- Windows, under Wine --------------------------------------------------------------
wine_prefix "$PWD/target/wine"
# Wine reads the arguments in the Unix locale: Chinese file names need a UTF-8 one.
export LC_ALL=C.UTF-8 LANG=C.UTF-8
echo "Windows: README's first command, in the unpacked folder"
(cd "$(dirname "$exe")" && wine weekly.exe build 'examples\2023-39.yaml' 2>/dev/null) |
  cmp -s - "$reference" || fail "the Windows archive does not build its example"
echo "Windows: the test suite under Wine"
CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER=wine \
  cargo test --locked --quiet --target x86_64-pc-windows-gnu --no-default-features

echo "Windows: weekly.exe against the Linux binary"
# Each binary in a copy of its own: a folder named with a space and Chinese, the issue with
# CRLF line ends as Notepad saves it.
for os in linux windows; do
  folder="$work/$os/周报 2023"
  mkdir -p "$folder"
  cp examples/2023-38.yaml examples/2023-40.yaml "$folder/"
  sed 's/$/\r/' examples/2023-39.yaml >"$folder/2023-39.yaml"
  cp -r examples/archive "$work/$os/档案"
done
run() { # OS NAME ARGS...: stdout, stderr and exit code into files named NAME
  local os=$1 name=$2 code=0
  shift 2
  local bin=("$x86")
  [ "$os" = windows ] && bin=(wine "$exe")
  (cd "$work/$os/周报 2023" && "${bin[@]}" "$@" >"../$name.out" 2>"../$name.err") || code=$?
  echo "$code" >"$work/$os/$name.code"
}
steps=(
  "md build 2023-39.yaml -o 第39期.md"
  "txt build 2023-39.yaml -o 第39期.txt --width 60"
  "html build 2023-39.yaml -o 第39期.html"
  "docx build 2023-39.yaml -o 第39期.docx"
  "typ build 2023-39.yaml -o 第39期.typ"
  "pdf build 2023-39.yaml -o 第39期.pdf ${pdf_fonts[*]}"
  "stdout build 2023-40.yaml --format md"
  "check check 2023-39.yaml 2023-40.yaml"
  "check-json check 2023-40.yaml --message-format json"
  "new new 2023-40.yaml -o 2023-41.yaml"
  "import-docx import 第39期.docx -o 导入.yaml"
  "import-md import 第39期.md -o 导入-md.yaml"
  "stats stats ../档案"
  "stats-csv stats ../档案 --format csv -o stats.csv"
  "stats-json stats ../档案 --format json -o stats.json"
  "stats-svg stats ../档案 --format svg -o stats.svg"
  "stats-xlsx stats ../档案 --format xlsx -o stats.xlsx"
  "missing build 没有这个文件.yaml"
)
for step in "${steps[@]}"; do
  read -r -a words <<<"$step"
  for os in linux windows; do run "$os" "${words[@]}"; done
  name=${words[0]}
  for what in out err code; do
    same "weekly ${words[*]:1} ($what)" "$work/linux/$name.$what" "$work/windows/$name.$what"
  done
done
for file in 第39期.md 第39期.txt 第39期.html 第39期.typ 第39期.pdf 2023-41.yaml 导入.yaml \
  导入-md.yaml stats.csv stats.json stats.svg; do
  same "$file" "$work/linux/周报 2023/$file" "$work/windows/周报 2023/$file"
done
for file in 第39期.docx stats.xlsx; do
  same_parts "$file" "$work/linux/周报 2023/$file" "$work/windows/周报 2023/$file"
done
same "the Markdown of an issue saved with CRLF" "$work/windows/周报 2023/第39期.md" "$reference"
grep -q 'No such file or directory (os error 2)' "$work/windows/missing.err" ||
  fail "a missing file is not said as on Linux: $(cat "$work/windows/missing.err")"

echo "Windows: the fonts of C:\\Windows\\Fonts"
cp "$fonts"/NotoS*CJK-*.ttc "$WINEPREFIX/drive_c/windows/Fonts/"
(cd "$work/windows/周报 2023" && wine "$exe" build 2023-39.yaml -o system-fonts.pdf 2>/dev/null)
same "the PDF set in the fonts of Windows" "$work/windows/周报 2023/system-fonts.pdf" \
  "$work/linux/周报 2023/第39期.pdf"

echo "Windows: a Chinese Windows speaks Chinese"
wine_prefix "$PWD/target/wine-zh" zh_CN.UTF-8
said=$(cd "$work/windows" && LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 \
  wine cmd /c "set LANG=&& set LC_ALL=&& Z:${exe//\//\\} check 没有这个文件.yaml" 2>&1 || true)
[[ $said == *"找不到该文件或文件夹"* ]] || fail "a Chinese Windows is answered in: $said"
wineserver -k 2>/dev/null || true
export LC_ALL=C.UTF-8 LANG=C.UTF-8

# ---- The Debian packages --------------------------------------------------------------
echo "Debian: the package installed"
deb=$dist/weekly_${version}-1_amd64.deb
dpkg -i "$deb" >/dev/null
trap 'dpkg -r weekly >/dev/null 2>&1 || true; rm -rf "$work"; wineserver -k 2>/dev/null || true' EXIT
[ "$(weekly --version)" = "weekly $version" ] || fail "weekly --version: $(weekly --version)"
man -w weekly >/dev/null || fail "no man page"
man weekly 2>/dev/null | grep -q "weekly" || fail "the man page does not read"
bash -c 'source /usr/share/bash-completion/completions/weekly && complete -p weekly' \
  >/dev/null || fail "no bash completion"
(cd examples && weekly build 2023-39.yaml) | cmp -s - "$reference" ||
  fail "the installed weekly does not build the example"
dpkg -r weekly >/dev/null
! command -v weekly >/dev/null || fail "weekly is left after dpkg -r"
[ "$(dpkg-deb -f "$dist/weekly_${version}-1_arm64.deb" Architecture)" = arm64 ] ||
  fail "the ARM64 package is not for arm64"
diff <(dpkg-deb -c "$deb" | awk '{print $6}') \
  <(dpkg-deb -c "$dist/weekly_${version}-1_arm64.deb" | awk '{print $6}') >/dev/null ||
  fail "the two packages hold different files"
echo "test-dist: every artefact works where it runs"
