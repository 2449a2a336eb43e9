#!/usr/bin/env bash
# Mutation testing of the pure modules with cargo-mutants: each mutant (a function body
# replaced, an operator swapped, a condition negated) must make `cargo test` fail. Not run in
# CI: it builds and tests the crate once per mutant, an hour or more on two cores.
#
#   cargo install cargo-mutants --locked
#   bash scripts/mutants.sh                  # every pure module
#   bash scripts/mutants.sh --file src/model.rs    # one module, replacing the default list
#
# Results go to mutants.out/ (caught.txt, missed.txt, unviable.txt, timeout.txt); the
# mutation testing section of CONTRIBUTING.md says which missed mutants are left and why.
set -euo pipefail
cd "$(dirname "$0")/.."
files=(--file src/model.rs --file 'src/text/*.rs' --file src/check/series.rs --file 'src/check/lint/*.rs' --file src/load.rs)
[ $# -gt 0 ] && files=()
# Two jobs on two cores; the property tests run their 256 cases as in `cargo test`.
cargo mutants --jobs 2 --timeout 120 "${files[@]}" "$@"
