#!/usr/bin/env bash
# Builds the DocC documentation of the Certo library (Sources/Certo/Certo.docc and every public
# symbol's comment) and fails on any warning: a broken symbol link in an article, a missing symbol.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
swift package --package-path "$root" --scratch-path "$root/.build-docs" generate-documentation --target Certo \
  --warnings-as-errors >"$log" 2>&1 || { cat "$log" >&2; echo "docs: DocC failed" >&2; exit 1; }
if grep -E "warning:" "$log" >&2; then echo "docs: DocC warnings" >&2; exit 1; fi
echo "docs: DocC built for Certo without warnings"
