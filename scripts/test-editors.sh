#!/usr/bin/env bash
# weekly's language server under a real editor: Neovim (Debian's package), headless, runs
# tests/editors/neovim.lua against the debug build on a copy of the example series.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v nvim >/dev/null || { apt-get update -qq && apt-get install -y -qq neovim >/dev/null; }
cargo build --quiet --no-default-features
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cp examples/2023-38.yaml examples/2023-39.yaml examples/2023-40.yaml "$dir/"
WEEKLY_BIN="$PWD/target/debug/weekly" ISSUE="$dir/2023-40.yaml" \
  timeout 120 nvim --headless -u NONE -i NONE -n -c "luafile tests/editors/neovim.lua"
