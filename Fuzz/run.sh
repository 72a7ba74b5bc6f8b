#!/usr/bin/env bash
# Fuzz/run.sh TARGET|all SECONDS: builds the fuzz targets once (libFuzzer + AddressSanitizer), then per
# target runs the committed regressions (Fuzz/regressions/TARGET/*, always first), the corpus
# (Fuzz/.corpus/TARGET, made by make-seeds.py when missing; new inputs are added to it) and SECONDS of
# fuzzing. Prints each target's executions and result; exits 1 if any target crashed, leaked, ran out
# of memory or took over a second on an input. Failing inputs are kept in Fuzz/.crashes/TARGET/: commit
# them to Fuzz/regressions/TARGET/ with the fix. Targets are listed in Fuzz/targets.tsv.
# One fuzzer process at a time; FUZZ_SCRATCH overrides the build folder (default Fuzz/.build-fuzz).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

usage() { echo "usage: Fuzz/run.sh TARGET|all SECONDS   (targets: $(target_names | tr '\n' ' '))" >&2; exit 2; }
target_names() { grep -v '^#' "$here/targets.tsv" | cut -f1; }
field() { awk -F'\t' -v t="$1" -v c="$2" '$1 == t { print $c }' "$here/targets.tsv"; }

[ $# -eq 2 ] || usage
[[ "$2" =~ ^[0-9]+$ ]] || usage
seconds="$2"
if [ "$1" = all ]; then
  targets=($(target_names))
else
  [ -n "$(field "$1" 2)" ] || usage
  targets=("$1")
fi

scratch="${FUZZ_SCRATCH:-$here/.build-fuzz}"
build=(swift build -c release --package-path "$here" --scratch-path "$scratch"
       -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing)
echo "fuzz: building (${build[*]})"
"${build[@]}" 2>&1 | grep -E 'error|warning: .*Fuzz/|Compiling Fuzz|Build' || true
[ "${PIPESTATUS[0]}" -eq 0 ] || { echo "fuzz: build failed" >&2; exit 1; }
bin="$("${build[@]}" --show-bin-path)"

# fatalError would otherwise start Swift's backtracer, which ASan then reports instead of the trap.
export SWIFT_BACKTRACE=enable=no
mkdir -p "$here/.logs"
failed=0
summary=()
for target in "${targets[@]}"; do
  executable="$bin/$(field "$target" 2)"
  max_len="$(field "$target" 3)"
  dict="$here/dictionaries/$(field "$target" 4).dict"
  corpus="$here/.corpus/$target"
  crashes="$here/.crashes/$target"
  log="$here/.logs/$target.log"
  mkdir -p "$crashes"
  [ -n "$(ls -A "$corpus" 2>/dev/null)" ] || python3 "$here/make-seeds.py" "$target"
  flags=(-max_len="$max_len" -timeout=1 -rss_limit_mb=2048 -dict="$dict" -artifact_prefix="$crashes/" -print_final_stats=1)
  before="$(ls "$crashes" | wc -l)"
  status=0
  regressions=("$here/regressions/$target"/*)
  : >"$log"
  if [ -e "${regressions[0]}" ]; then
    "$executable" "${flags[@]}" "${regressions[@]}" >>"$log" 2>&1 || status=$?
  fi
  if [ "$status" -eq 0 ]; then
    if [ "$seconds" -eq 0 ]; then run=(-runs=0); else run=(-max_total_time="$seconds"); fi
    "$executable" "${flags[@]}" "${run[@]}" "$corpus" >>"$log" 2>&1 || status=$?
  fi
  executions="$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | awk '{ sum += $2 } END { print sum + 0 }')"
  if [ "$status" -eq 0 ]; then
    result="ok"
  else
    failed=1
    artifact="$(ls -t "$crashes" | head -n 1)"
    [ "$(ls "$crashes" | wc -l)" -gt "$before" ] || artifact="(no new input saved)"
    reason="$(grep -m1 -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|Fatal error|invariant broken' "$log" || echo "exit $status")"
    result="FAILED: $reason; input: Fuzz/.crashes/$target/$artifact; log: Fuzz/.logs/$target.log"
  fi
  line="$(printf '%-11s %12s executions  %s' "$target" "$executions" "$result")"
  echo "fuzz: $line"
  summary+=("$line")
done
echo "fuzz: summary (${seconds}s per target)"
printf '  %s\n' "${summary[@]}"
exit "$failed"
