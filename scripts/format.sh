#!/usr/bin/env bash
# Checks (--check) or applies clang-format to every C++ source of ours.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files -co --exclude-standard -- '*.h' '*.cc' | grep -v '^build/')
if [[ "${1:-}" == "--check" ]]; then
  if ! clang-format --dry-run --Werror "${files[@]}"; then
    echo "format-check: run 'make format' to fix the files above" >&2
    exit 1
  fi
  echo "format-check: ${#files[@]} files formatted"
else
  clang-format -i "${files[@]}"
fi
