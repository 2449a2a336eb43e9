# Sourced by the scripts that open weekly's outputs in LibreOffice: `need_libreoffice` installs
# LibreOffice's Writer and Calc, version 24 or later, when the machine has none or an older one:
# from Debian's backports on Debian 12, whose own 7.4 dropped a full-width mark that ended a
# justified line of the Word document (measured; 25.2 keeps it).
libreoffice_major() {
  local version
  version=$(soffice --version 2>/dev/null | awk '{print $2}' || true)
  echo "${version%%.*}"
}

need_libreoffice() {
  if [ "$(libreoffice_major)" -ge 24 ] 2>/dev/null && [ -e /usr/lib/libreoffice/program/libsclo.so ]; then
    return
  fi
  local codename release=()
  codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
  if [ "$codename" = bookworm ]; then
    echo "deb http://deb.debian.org/debian bookworm-backports main" > /etc/apt/sources.list.d/weekly-backports.list
    release=(-t bookworm-backports)
  fi
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${release[@]}" \
    libreoffice-writer-nogui libreoffice-calc-nogui >/dev/null
  if ! [ "$(libreoffice_major)" -ge 24 ] 2>/dev/null; then
    echo "libreoffice: version 24 or later is needed, installed: $(soffice --version 2>&1 || true)" >&2
    return 1
  fi
}
