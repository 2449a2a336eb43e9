#!/usr/bin/env bash
# Release artefacts, each with its SHA-256, in target/dist/:
#
#   weekly-VERSION-x86_64-pc-windows-gnu.zip       weekly.exe for Windows 10 and later
#   weekly-VERSION-x86_64-unknown-linux-musl.tar.gz  static: any x86-64 Linux, any libc or none
#   weekly-VERSION-aarch64-unknown-linux-musl.tar.gz static: ARM64 Linux (Kunpeng, Phytium)
#   weekly_VERSION-1_amd64.deb, weekly_VERSION-1_arm64.deb   the static binaries for dpkg
#   SHA256SUMS                                        all of them, for `sha256sum -c`
#
# Each archive holds the binary, README.md, the examples, the templates (also built into the
# binary; `weekly export-templates` writes them out), the fontconfig file of docs/print.md
# and the shell completions; the Linux ones the man page. The packages put the binary in
# /usr/bin, the man page, the completions and the fontconfig file where Debian keeps them.
#
#   bash scripts/dist.sh                              # every artefact
#   bash scripts/dist.sh x86_64-pc-windows-gnu        # some targets (and their packages)
#
# The Rust targets come from rustup and the linkers from Debian (mingw-w64,
# gcc-aarch64-linux-gnu), installed when missing. scripts/test-dist.sh tests the artefacts
# where they run.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/packages.sh

targets=("$@")
[ ${#targets[@]} -gt 0 ] ||
  targets=(x86_64-unknown-linux-musl aarch64-unknown-linux-musl x86_64-pc-windows-gnu)
# The x86-64 Linux binary is built whatever is asked for: it runs here, and writes the man
# page and the completions of every artefact.
[[ " ${targets[*]} " == *" x86_64-unknown-linux-musl "* ]] ||
  targets=(x86_64-unknown-linux-musl "${targets[@]}")

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
dist=target/dist
mkdir -p "$dist"
# Archives with the commit's time and no owner, so that a build from the same commit and
# toolchain gives the same bytes.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
stamp=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y%m%d%H%M.%S)

# Rust's musl targets bring their own C library and start files: the x86-64 one links with
# the system's gcc, the ARM64 one with Debian's cross gcc. One dependency builds code of its
# own for the target (psm, the stack switching under Typst, assembles a file): with musl-gcc
# (musl-tools) for x86-64 and the cross gcc for ARM64, named to cc-rs below.
need_packages zip=zip dpkg-deb=dpkg
for target in "${targets[@]}"; do
  case $target in
    x86_64-pc-windows-gnu) need_packages x86_64-w64-mingw32-gcc=mingw-w64 ;;
    x86_64-unknown-linux-musl) need_packages gcc=gcc musl-gcc=musl-tools ;;
    aarch64-unknown-linux-musl) need_packages aarch64-linux-gnu-gcc=gcc-aarch64-linux-gnu ;;
    *) echo "dist: no artefact for $target" >&2; exit 2 ;;
  esac
  rustup target list --installed | grep -qx "$target" || rustup target add "$target"
done

export CARGO_TARGET_AARCH64_UNKNOWN_LINUX_MUSL_LINKER=aarch64-linux-gnu-gcc
export CC_x86_64_unknown_linux_musl=musl-gcc CC_aarch64_unknown_linux_musl=aarch64-linux-gnu-gcc
# Symbols only serve a debugger: stripped, the binaries are a third smaller.
export CARGO_PROFILE_RELEASE_STRIP=symbols

built() { # TARGET -> the binary's path
  local exe=weekly
  [[ $1 == *windows* ]] && exe=weekly.exe
  printf 'target/%s/release/%s\n' "$1" "$exe"
}

# The files every archive holds beside the binary. The man page and the completions are
# written by a binary that runs here: the x86-64 one, built first when not asked for.
host_bin=""
docs() { # FOLDER WINDOWS?
  local into=$1
  mkdir -p "$into/examples" "$into/templates" "$into/completions"
  cp README.md docs/60-weekly-fonts.conf "$into/"
  cp examples/2023-3[89].yaml examples/2023-40.yaml "$into/examples/"
  cp templates/* "$into/templates/"
  if [ "$2" = windows ]; then
    "$host_bin" completions powershell >"$into/completions/_weekly.ps1"
  else
    "$host_bin" man >"$into/weekly.1"
    "$host_bin" completions bash >"$into/completions/weekly.bash"
    "$host_bin" completions zsh >"$into/completions/_weekly"
    "$host_bin" completions fish >"$into/completions/weekly.fish"
  fi
  find "$into" -exec touch -h -t "$stamp" {} +
}

tarball() { # FOLDER -> FOLDER.tar.gz
  tar -C "$(dirname "$1")" --sort=name --owner=0 --group=0 --numeric-owner \
    --mtime="@$SOURCE_DATE_EPOCH" -cf - "$(basename "$1")" | gzip -9n >"$1.tar.gz"
}

deb() { # FOLDER ARCH: the unpacked archive's files where Debian keeps them
  local from=$1 root="$dist/deb-$2" name="weekly_${version}-1_$2.deb"
  rm -rf "$root"
  install -Dm755 "$from/weekly" "$root/usr/bin/weekly"
  mkdir -p "$root/usr/share/man/man1"
  gzip -9n <"$from/weekly.1" >"$root/usr/share/man/man1/weekly.1.gz"
  install -Dm644 "$from/completions/weekly.bash" \
    "$root/usr/share/bash-completion/completions/weekly"
  install -Dm644 "$from/completions/_weekly" "$root/usr/share/zsh/vendor-completions/_weekly"
  install -Dm644 "$from/completions/weekly.fish" \
    "$root/usr/share/fish/vendor_completions.d/weekly.fish"
  # The fontconfig file is offered as Debian's font packages offer theirs, in conf.avail; it
  # takes effect for every program once linked into /etc/fonts/conf.d (docs/print.md).
  install -Dm644 "$from/60-weekly-fonts.conf" \
    "$root/usr/share/fontconfig/conf.avail/60-weekly-fonts.conf"
  install -Dm644 "$from/README.md" "$root/usr/share/doc/weekly/README.md"
  cp -r "$from/examples" "$root/usr/share/doc/weekly/"
  mkdir -p "$root/DEBIAN"
  cat >"$root/DEBIAN/control" <<EOF
Package: weekly
Version: ${version}-1
Architecture: $2
Maintainer: weekly developers <weekly@localhost>
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Recommends: fonts-noto-cjk
Section: text
Priority: optional
Description: typeset the 窗口工作周报 weekly bulletin from one YAML file
 weekly turns one YAML file per issue into the weekly bulletin of a government
 service centre, as Markdown, text, HTML, a Word document or a PDF, checks a draft
 for mistakes and begins next week's issue from this one. Statically linked.
EOF
  find "$root" -exec touch -h -t "$stamp" {} +
  dpkg-deb --root-owner-group -Zxz --build "$root" "$dist/$name" >/dev/null
  rm -rf "$root"
}

# One cargo run builds every target: what runs at build time (build scripts, derive macros)
# is built once, and the cores stay busy while a large crate builds for one target alone.
cargo build --release --locked "${targets[@]/#/--target=}"
host_bin=$(built x86_64-unknown-linux-musl)

for target in "${targets[@]}"; do
  folder="$dist/weekly-$version-$target"
  rm -rf "$folder"
  mkdir -p "$folder"
  cp "$(built "$target")" "$folder/"
  case $target in
    x86_64-pc-windows-gnu)
      docs "$folder" windows
      rm -f "$folder.zip"
      (cd "$dist" && find "$(basename "$folder")" | LC_ALL=C sort |
        zip -q -X -9 "$(basename "$folder").zip" -@)
      ;;
    x86_64-unknown-linux-musl) docs "$folder" unix; tarball "$folder"; deb "$folder" amd64 ;;
    aarch64-unknown-linux-musl) docs "$folder" unix; tarball "$folder"; deb "$folder" arm64 ;;
  esac
  rm -rf "$folder"
done

shopt -s nullglob
(cd "$dist" && for f in *.zip *.tar.gz *.deb; do sha256sum "$f" >"$f.sha256"; done &&
  cat ./*.sha256 >SHA256SUMS)
ls -l "$dist"
