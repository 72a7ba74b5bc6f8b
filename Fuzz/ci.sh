#!/usr/bin/env bash
# The fuzzing step for .ci/run: fetches the test vectors, builds the seed corpora, then builds every
# fuzz target and runs its regressions, its corpus and FUZZ_SECONDS (default 60) of fuzzing, one target
# at a time. Fails when any target crashes, leaks or times out (Fuzz/run.sh prints which, and keeps the
# input in Fuzz/.crashes/). Wall time on the 2-core development machine: see Fuzz/RESULTS.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

start=$(date +%s)
TestVectors/fetch-vectors.sh
python3 Fuzz/make-seeds.py
status=0
Fuzz/run.sh all "${FUZZ_SECONDS:-60}" || status=$?
echo "fuzz-ci: $([ "$status" -eq 0 ] && echo passed || echo FAILED) in $(( $(date +%s) - start )) s"
exit "$status"
