# Sourced by the scripts that run weekly's Windows build under Wine (Debian's wine64):
# `wine_prefix DIR [LANG]` makes a Wine prefix in DIR, started in the locale LANG (a Chinese
# Windows: zh_CN.UTF-8, generated when missing), with the DLL that Wine 8 lacks and Rust
# programs need (scripts/wine/bcryptprimitives.c), and exports WINEPREFIX.
wine_prefix() {
  local dir=$1 lang=${2:-C.UTF-8} system32
  # `wine` and the 64-bit loader it runs `.exe` files with are two packages.
  if ! command -v wine >/dev/null || [ ! -e /usr/lib/wine/wine64 ]; then
    apt-get update -qq && apt-get install -y -qq wine wine64 >/dev/null
  fi
  need_packages x86_64-w64-mingw32-gcc=mingw-w64
  if [[ $lang == zh_CN* ]] && ! locale -a 2>/dev/null | grep -qi '^zh_CN.utf-\?8$'; then
    need_packages locale-gen=locales
    sed -i 's/^# *zh_CN.UTF-8 UTF-8/zh_CN.UTF-8 UTF-8/' /etc/locale.gen
    locale-gen >/dev/null
  fi
  export WINEPREFIX=$dir WINEDEBUG=-all
  # The prefix takes its language from the environment its server starts in.
  wineserver -k 2>/dev/null || true
  mkdir -p "$dir"
  LANG=$lang LC_ALL=$lang wineboot -i >/dev/null 2>&1
  system32=$dir/drive_c/windows/system32
  if [ ! -e "$system32/bcryptprimitives.dll" ]; then
    x86_64-w64-mingw32-gcc -shared -O2 -o "$system32/bcryptprimitives.dll" \
      scripts/wine/bcryptprimitives.c scripts/wine/bcryptprimitives.def -ladvapi32
  fi
}
