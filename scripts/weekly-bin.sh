# Sourced by the scripts that run weekly: `weekly=$(weekly_bin [--release])` builds it and
# gives the binary cargo reports having built (CARGO_TARGET_DIR and profiles included),
# never a path guessed beforehand. With WEEKLY_BIN set, that binary, built already (CI gives
# the static release one, whose PDFs take a tenth of a debug build's time).
weekly_bin() {
  local bin
  if [ -n "${WEEKLY_BIN:-}" ]; then
    [ -x "$WEEKLY_BIN" ] || { echo "WEEKLY_BIN=$WEEKLY_BIN is not a program" >&2; return 1; }
    printf '%s\n' "$WEEKLY_BIN"
    return
  fi
  bin=$(cargo build --quiet --message-format=json "$@" \
    | sed -n 's/.*"executable":"\([^"]*\/weekly\)".*/\1/p' | tail -n 1)
  [ -x "$bin" ] || { echo "cargo reported no weekly binary" >&2; return 1; }
  printf '%s\n' "$bin"
}
