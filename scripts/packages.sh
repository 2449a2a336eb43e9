# Sourced by the CI scripts: `need_packages COMMAND=PACKAGE... [cjk-fonts]` installs from
# Debian the package of each command that is missing and, with `cjk-fonts`, fonts-noto-cjk when
# fontconfig knows no Noto CJK font.
need_packages() {
  local missing=() wanted fonts
  for wanted in "$@"; do
    if [ "$wanted" = cjk-fonts ]; then
      # The font list is read whole: `grep -q` would close the pipe early, and under pipefail
      # fc-list's SIGPIPE would count as no font.
      fonts=$(fc-list 2>/dev/null || true)
      grep -qi "Noto Serif CJK\|Noto Sans CJK" <<<"$fonts" || missing+=(fonts-noto-cjk)
    else
      command -v "${wanted%%=*}" >/dev/null || missing+=("${wanted#*=}")
    fi
  done
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}
