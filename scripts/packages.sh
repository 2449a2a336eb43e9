# Sourced by the CI scripts: `need_packages COMMAND=PACKAGE... [cjk-fonts] [free-fonts]` installs
# from Debian the package of each command that is missing; with `cjk-fonts`, fonts-noto-cjk when
# fontconfig knows no Noto CJK font; with `free-fonts`, the free 楷体 and 仿宋 the templates name
# (need_free_fonts).
need_packages() {
  local missing=() wanted fonts
  for wanted in "$@"; do
    if [ "$wanted" = cjk-fonts ]; then
      # The font list is read whole: `grep -q` would close the pipe early, and under pipefail
      # fc-list's SIGPIPE would count as no font.
      fonts=$(fc-list 2>/dev/null || true)
      grep -qi "Noto Serif CJK\|Noto Sans CJK" <<<"$fonts" || missing+=(fonts-noto-cjk)
    elif [ "$wanted" = free-fonts ]; then
      fonts=$(fc-list 2>/dev/null || true)
      grep -q "LXGW WenKai" <<<"$fonts" || missing+=(fonts-lxgw-wenkai)
    else
      command -v "${wanted%%=*}" >/dev/null || missing+=("${wanted#*=}")
    fi
  done
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  if [[ " $* " == *" free-fonts "* ]]; then
    need_fandol_fang
  fi
}

# FandolFang, a free 仿宋 covering GB 2312, which Debian ships only inside texlive-lang-chinese:
# the package is fetched and that one file taken out, not installed with TeX Live.
need_fandol_fang() {
  local fonts tmp font=usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolFang-Regular.otf
  fonts=$(fc-list 2>/dev/null || true)
  grep -q "FandolFang" <<<"$fonts" && return
  tmp=$(mktemp -d)
  (cd "$tmp" && apt-get download -qq texlive-lang-chinese 2>/dev/null) || {
    apt-get update -qq && (cd "$tmp" && apt-get download -qq texlive-lang-chinese)
  }
  dpkg-deb --fsys-tarfile "$tmp"/texlive-lang-chinese_*.deb | tar -x -C "$tmp" "./$font"
  install -Dm644 "$tmp/$font" /usr/local/share/fonts/fandol/FandolFang-Regular.otf
  fc-cache -f /usr/local/share/fonts >/dev/null
  rm -rf "$tmp"
}
