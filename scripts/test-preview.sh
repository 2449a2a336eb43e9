#!/usr/bin/env bash
# `weekly preview` in a real browser: headless Chromium driven by Selenium
# (tests/editors/preview.py) opens the page, and the issue saved as editors save it must show
# there, with its findings when it has errors. Installs Debian's chromium, chromium-driver,
# python3-selenium and a CJK font when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/packages.sh
need_packages chromium=chromium chromedriver=chromium-driver cjk-fonts
# Debian's selenium is for Debian's python3, whatever else PATH holds.
/usr/bin/python3 -c 'import selenium' 2>/dev/null ||
  { apt-get update -qq && apt-get install -y -qq python3-selenium >/dev/null; }
cargo build --quiet --no-default-features
/usr/bin/python3 tests/editors/preview.py "$PWD/target/debug/weekly" examples
