#!/usr/bin/env bash
# Runs the hook in .pre-commit-hooks.yaml with the real pre-commit, in a scratch repository of
# issue files: it must pass on a good issue and fail on a broken one. Needs python3 and git;
# pre-commit comes from PyPI into a venv under target/.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
venv=$here/target/pre-commit-venv
[ -x "$venv/bin/pre-commit" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install --quiet pre-commit; }

# pre-commit installs a hook from a commit of its repository: use the working tree as one.
hook_repo=$(mktemp -d)
scratch=$(mktemp -d)
trap 'rm -rf "$hook_repo" "$scratch"' EXIT
git -C "$here" ls-files -z --cached --others --exclude-standard | (cd "$here" && xargs -0 cp --no-dereference --parents -t "$hook_repo")
cd "$hook_repo"
git init -q && git add -A && git -c user.name=t -c user.email=t@t commit -qm hook
rev=$(git rev-parse HEAD)

cd "$scratch"
git init -q
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $hook_repo
    rev: $rev
    hooks:
      - id: weekly-check
YAML
cp "$here/examples/2023-38.yaml" "$here/examples/2023-39.yaml" .
git add -A
export PRE_COMMIT_HOME=$here/target/pre-commit-cache
"$venv/bin/pre-commit" run --all-files
echo "pre-commit passes on good issues"

sed -i 's/year_to_date: 59029/year_to_date: 590/' 2023-39.yaml
git add -A
if "$venv/bin/pre-commit" run --all-files > out.txt 2>&1; then
  cat out.txt; echo "pre-commit passed a broken issue" >&2; exit 1
fi
grep -q 'error\[E009\]' out.txt || { cat out.txt; echo "the hook's output lacks the finding" >&2; exit 1; }
echo "pre-commit fails on a broken issue, with its finding"
