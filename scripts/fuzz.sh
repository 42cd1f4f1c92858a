#!/usr/bin/env bash
# Runs each libFuzzer target in DIR (build/fuzz/fuzz) for SECONDS, one after another, seeded from
# fuzz/corpus/NAME: all four (csv toml folder xlsx), or the NAMEs given. New inputs go to a
# temporary directory, removed afterwards, never into the repository; crashes, leaks, timeouts
# and out-of-memory inputs go to DIR/../artifacts/fuzz_NAME/ and each target's output to
# DIR/../logs/. Prints one line per target and exits 1 if any failed.
set -euo pipefail

if [[ $# -lt 2 || ! $2 =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: $0 DIR SECONDS [NAME...]   (SECONDS for each target)" >&2
  exit 2
fi
dir=$(cd "$1" && pwd)
seconds=$2
shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
artifacts=$(dirname "$dir")/artifacts
logs=$(dirname "$dir")/logs

# name and -max_len: a CSV or TOML file of a few KB; a small folder of them; a small workbook.
declare -A max_lens=([csv]=8192 [toml]=4096 [folder]=16384 [xlsx]=32768)
names=("$@")
((${#names[@]})) || names=(csv toml folder xlsx)
for name in "${names[@]}"; do
  if [[ -z ${max_lens[$name]:-} ]]; then
    echo "$0: no fuzz target $name (expected csv, toml, folder or xlsx)" >&2
    exit 2
  fi
done

# Without halt_on_error UBSan only prints, and libFuzzer would carry on as if nothing happened.
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"

scratch=$(mktemp -d "$dir/corpus.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# The first line of a failure report that says what went wrong.
causes='ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer): [^ ]+( [^ ]+)?'
causes+='|[^ ]+: runtime error: .*|check failed: .*'

failed=0
for name in "${names[@]}"; do
  max_len=${max_lens[$name]}
  exe=$dir/fuzz_$name
  if [[ ! -x $exe ]]; then
    echo "fuzz_$name: not built (expected $exe)" >&2
    failed=1
    continue
  fi
  work=$scratch/$name
  out=$artifacts/fuzz_$name
  log=$logs/fuzz_$name.log
  mkdir -p "$work" "$out" "$logs"
  args=(-max_total_time="$seconds" -max_len="$max_len" -timeout=10 -print_final_stats=1
        -artifact_prefix="$out/")
  [[ -f $root/fuzz/$name.dict ]] && args+=(-dict="$root/fuzz/$name.dict")
  status=0
  start=$SECONDS
  "$exe" "${args[@]}" "$work" "$root/fuzz/corpus/$name" >"$log" 2>&1 || status=$?

  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  added=$(sed -n 's/^stat::new_units_added: *//p' "$log" | tail -n 1)
  last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -n 1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  corp=$(sed -n 's/.* corp: \([0-9]*\)\/.*/\1/p' <<<"$last")
  summary="${runs:-?} runs (${speed:-?}/s) in $((SECONDS - start))s, cov ${cov:-?}, ft ${ft:-?}"
  summary+=", corpus ${corp:-?} (+${added:-0} new)"
  if [[ $status -eq 0 ]]; then
    echo "fuzz_$name: ok: $summary, 0 crashes"
  else
    failed=1
    unit=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
    what=$(grep -m 1 -oE "$causes" "$log" || true)
    echo "fuzz_$name: FAILED (exit $status): $summary; ${what:-see the log}; input ${unit:-none};" \
      "log $log"
  fi
done
exit $failed
