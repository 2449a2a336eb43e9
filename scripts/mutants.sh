#!/usr/bin/env bash
# Mutation testing with cargo-mutants: each mutant of the code (a function's body replaced by a
# default value, an operator swapped, a condition negated) must make a test fail, or the suite
# does not test what the code says. Not run in CI: it builds the crate once per mutant.
#
#   cargo install cargo-mutants cargo-nextest --locked
#   bash scripts/mutants.sh                  # every area
#   bash scripts/mutants.sh stats render     # some areas
#
# An area's mutants are first tested by the tests named after what the area holds (a nextest
# filter: seconds a mutant instead of a minute); the mutants those miss are tested again by
# the whole suite (`--iterate`), and only what the whole suite misses is missed. Results are in
# mutants.out/<area>/ (missed.txt, caught.txt, unviable.txt, timeout.txt); CONTRIBUTING.md
# names the missed mutants that change nothing a test can see.
set -euo pipefail
cd "$(dirname "$0")/.."

# area: files (cargo-mutants globs) | the tests that name it (a nextest filterset)
declare -A files tests
files[import]="src/import/*.rs src/issue_file/imported.rs src/issue_file/draft.rs"
tests[import]='test(/import/)'
files[stats]="src/stats/*.rs"
tests[stats]='test(/stats/)'
files[render]="src/render/*.rs"
tests[render]='test(/render|build|docx|pdf|outputs|golden/)'
files[writers]="src/issue_file/next.rs src/issue_file/freeze.rs src/issue_file/frame.rs"
tests[writers]='test(/issue_file|new|freeze|year|import/)'
files[series]="src/check/series.rs src/check/masthead.rs src/check/sections.rs src/check/folder.rs"
tests[series]='test(/series|check|year|new|stats|folder/)'
files[core]="src/model.rs src/text/*.rs src/check/lint/*.rs src/load/*.rs src/check/history.rs src/check/previous.rs src/issue_file/mend.rs"
tests[core]='test(/model|text|lint|load|build|typography|punctuation|history|mend|fix/) | binary(fixtures)'

# Only the render area needs the PDF's typesetter; without it a mutant builds and links in
# half the time.
declare -A features=([render]="")

areas=("$@")
[ ${#areas[@]} -gt 0 ] || areas=(import stats render writers series core)
for area in "${areas[@]}"; do
  [ -n "${files[$area]:-}" ] || { echo "no area $area (${!files[*]})" >&2; exit 2; }
  mkdir -p "mutants.out/$area"
  args=(--test-tool nextest --profile mutants --jobs 2 --timeout 300 --copy-target=false --output "mutants.out/$area")
  [ -n "${features[$area]+set}" ] || args+=(--no-default-features)
  for f in ${files[$area]}; do args+=(--file "$f"); done
  # First the area's own tests; a mutant they miss is only a candidate. cargo-mutants exits
  # 2 for mutants missed and 3 for timeouts, which are results; 4 when the tests fail on the
  # code unmutated, which leaves nothing tested, and stops the script.
  rc=0
  cargo mutants "${args[@]}" -- -E "${tests[$area]}" || rc=$?
  [ "$rc" -ne 4 ] || { echo "$area: the tests fail on the unmutated code" >&2; exit 1; }
  # Then every test, on the candidates alone.
  rc=0
  cargo mutants "${args[@]}" --iterate || rc=$?
  [ "$rc" -ne 4 ] || { echo "$area: the whole suite fails on the unmutated code" >&2; exit 1; }
  # The second run lists what the first caught or found unviable as previously caught.
  out="mutants.out/$area/mutants.out"
  unviable=$(cat "$out.old/unviable.txt" "$out/unviable.txt" | wc -l)
  all=$(cat "$out/previously_caught.txt" "$out/"{caught,missed,timeout,unviable}.txt | wc -l)
  echo "$area: $(wc -l < "$out/missed.txt") missed of $((all - unviable)) viable mutants"
done
