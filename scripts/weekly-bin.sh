# Sourced by the scripts that run weekly: `weekly=$(weekly_bin [--release])` builds it and
# gives the binary cargo reports having built (CARGO_TARGET_DIR and profiles included),
# never a path guessed beforehand.
weekly_bin() {
  local bin
  bin=$(cargo build --quiet --message-format=json "$@" \
    | sed -n 's/.*"executable":"\([^"]*\/weekly\)".*/\1/p' | tail -n 1)
  [ -x "$bin" ] || { echo "cargo reported no weekly binary" >&2; return 1; }
  printf '%s\n' "$bin"
}
