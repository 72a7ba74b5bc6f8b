#!/usr/bin/env bash
# Certo beside its peers, in one run: runs the Benchmarks package (every target, or the targets
# named as arguments) through ordo-one/benchmark, pairs each "certo X" with every "<peer> X" of the
# same target and prints ops/s medians with the ratio, then OpenSSL's own `openssl speed` figures
# (SHA-256/384 integer-only, RSA and ECDSA verify) from the same session, with Certo's ratio to them.
#
# Usage: Benchmarks/compare.sh [TARGET...]      e.g. Benchmarks/compare.sh HashBenchmarks
# Environment: SCRATCH (build directory, default .build-compare), OPENSSL_SECONDS (default 2),
#              NO_OPENSSL=1 to skip the openssl figures.
# A target that fails to build, has no benchmarks yet, or has no pairs is reported and skipped;
# the script carries on with the others and exits non-zero only when nothing at all was measured.
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
scratch="${SCRATCH:-.build-compare}"
seconds="${OPENSSL_SECONDS:-2}"
work="$(mktemp -d "${TMPDIR:-/tmp}/certo-compare.XXXXXX")"
trap 'rm -rf "$work"' EXIT

if [ "$#" -gt 0 ]; then
    targets=("$@")
else
    targets=()
    for dir in Benchmarks/*/; do targets+=("$(basename "$dir")"); done
fi

# 1. Benchmarks package, one target at a time so that one broken target does not hide the rest.
#    Only the throughput metric is recorded (ops/s histograms); JMH export carries its percentiles.
for target in "${targets[@]}"; do
    if [ ! -d "Benchmarks/$target" ]; then
        echo "compare.sh: no benchmark target '$target' (have: $(ls Benchmarks | tr '\n' ' '))" >&2
        continue
    fi
    out="$work/$target"
    mkdir -p "$out"
    echo "== running $target" >&2
    if ! swift package --scratch-path "$scratch" --allow-writing-to-directory "$out" \
        benchmark --target "^${target}\$" --metric throughput --format jmh --path "$out" --no-progress \
        >"$out/log.txt" 2>&1; then
        echo "compare.sh: $target did not run (see below); skipping it" >&2
        tail -n 15 "$out/log.txt" | sed 's/^/    /' >&2
    fi
done

# 2. OpenSSL's figures in the same session. The ia32cap mask clears the AVX and SSSE3 bits, which
#    leaves OpenSSL's integer-only SHA code: the fair comparison for a portable Swift implementation.
openssl_file="$work/openssl.txt"
: >"$openssl_file"
if [ -z "${NO_OPENSSL:-}" ] && command -v openssl >/dev/null; then
    echo "== openssl speed (${seconds}s per figure)" >&2
    for hash in sha256 sha384; do
        for bytes in 1024 16384; do
            line="$(OPENSSL_ia32cap="~0x1000020000000000" openssl speed -seconds "$seconds" -bytes "$bytes" -evp "$hash" 2>/dev/null | tail -n 1)"
            echo "hash $hash $bytes $line" >>"$openssl_file"
        done
    done
    openssl speed -seconds "$seconds" rsa2048 rsa4096 2>/dev/null | grep -E '^rsa +[0-9]+ bits' | sed 's/^/rsa /' >>"$openssl_file"
    openssl speed -seconds "$seconds" ecdsap256 ecdsap384 2>/dev/null | grep -E 'ecdsa \(nistp(256|384)\)' | sed 's/^/ecdsa /' >>"$openssl_file"
fi

python3 - "$work" "$openssl_file" "${targets[@]}" <<'PY'
import glob, json, os, re, sys

work, openssl_file, targets = sys.argv[1], sys.argv[2], sys.argv[3:]

def bytes_per_op(op):
    """Hash benchmarks are named like 'sha256-16k': bytes per operation, else None."""
    m = re.search(r"-(\d+)k$", op)
    return int(m.group(1)) * 1024 if m else None

def mb(ops, op):
    size = bytes_per_op(op)
    return f"{ops * size / 1e6:,.1f}" if size and ops is not None else ""

def op_key(name):
    """'certo sha256-16k' -> ('certo', 'sha256-16k'); the first word names the implementation."""
    name = name.replace("_", " ")
    who, _, op = name.partition(" ")
    return who, op.strip()

results = {}   # target -> {op: {who: median ops/s}}
for target in targets:
    files = glob.glob(os.path.join(work, target, "*.jmh.json"))
    rows = {}
    for path in files:
        try:
            elements = json.load(open(path))
        except (OSError, ValueError) as error:
            print(f"{target}: unreadable JMH output {path}: {error}", file=sys.stderr)
            continue
        for element in elements:
            # "package.benchmark.<Target>.<name with spaces as underscores>"
            parts = element.get("benchmark", "").split(".", 3)
            if len(parts) < 4:
                continue
            who, op = op_key(parts[3])
            metric = element.get("primaryMetric", {})
            median = metric.get("scorePercentiles", {}).get("50.0", metric.get("score"))
            if median is None:
                continue
            rows.setdefault(op, {})[who] = float(median)
    results[target] = rows

measured = 0
print()
print(f"{'target':<18} {'benchmark':<24} {'certo ops/s':>13} {'MB/s':>8} {'peer':<14} {'peer ops/s':>13} {'MB/s':>8} {'certo/peer':>10}")
print("-" * 116)
certo_by_op = {}
for target in targets:
    rows = results.get(target, {})
    if not rows:
        print(f"{target:<18} (no results: no benchmarks yet, or the target failed to build/run)")
        continue
    for op in sorted(rows):
        impls = rows[op]
        measured += len(impls)
        certo = impls.get("certo")
        if certo is not None:
            certo_by_op[op] = certo
        peers = sorted(who for who in impls if who != "certo")
        if certo is None or not peers:
            for who in sorted(impls):
                print(f"{target:<18} {op:<24} {'':>13} {'':>8} {who:<14} {impls[who]:>13,.0f} {mb(impls[who], op):>8} {'(unpaired)':>10}")
            continue
        for who in peers:
            ratio = certo / impls[who] if impls[who] else float("nan")
            print(f"{target:<18} {op:<24} {certo:>13,.0f} {mb(certo, op):>8} {who:<14} {impls[who]:>13,.0f} {mb(impls[who], op):>8} {ratio:>10.3f}")
print()
print("ops/s are medians of ordo-one/benchmark's throughput samples; certo/peer > 1 means Certo is faster.")

# OpenSSL figures: parse what `openssl speed` printed above.
openssl = []   # (op, ops/s, bytes/s or None, note)
try:
    lines = open(openssl_file).read().splitlines()
except OSError:
    lines = []
for line in lines:
    fields = line.split()
    if fields[:1] == ["hash"] and len(fields) >= 5:
        _, name, size, _, value = fields[:5]
        value = value.rstrip("k")
        try:
            rate = float(value) * 1000.0  # openssl prints 1000s of bytes per second
        except ValueError:
            continue
        label = f"{name}-{'1k' if size == '1024' else '16k'}"
        openssl.append((label, rate / int(size), rate, "integer-only (OPENSSL_ia32cap mask)"))
    elif fields[:1] == ["rsa"]:
        m = re.match(r"rsa\s+rsa\s+(\d+)\s+bits\s+\S+\s+\S+\s+(\S+)\s+(\S+)", line)
        if m:
            openssl.append((f"rsa{m.group(1)}-verify", float(m.group(3)), None, "verify/s"))
    elif fields[:1] == ["ecdsa"]:
        m = re.search(r"ecdsa \(nistp(\d+)\)\s+\S+s\s+\S+s\s+(\S+)\s+(\S+)", line)
        if m:
            openssl.append((f"p{m.group(1)}-verify", float(m.group(3)), None, "verify/s"))

if openssl:
    print()
    print(f"{'openssl speed':<24} {'ops/s':>13} {'MB/s':>8} {'certo ops/s':>13} {'MB/s':>8} {'certo/openssl':>13}  note")
    print("-" * 116)
    for label, ops, rate, note in openssl:
        certo = certo_by_op.get(label)
        if certo is None:  # names such as "rsa2048 verify" or "sha256 16k" match too
            loose = label.replace("-", " ")
            certo = next((v for k, v in certo_by_op.items() if k.replace("-", " ") == loose), None)
        mbs = f"{rate / 1e6:,.1f}" if rate else ""
        cs = f"{certo:,.0f}" if certo is not None else "-"
        ratio = f"{certo / ops:.3f}" if certo is not None and ops else "-"
        print(f"{label:<24} {ops:>13,.1f} {mbs:>8} {cs:>13} {mb(certo, label):>8} {ratio:>13}  {note}")
    print()
    print("openssl speed divides by user CPU time, the Benchmarks package by wall-clock time: on a busy")
    print("machine the openssl figures come out relatively higher. Hash MB = 10^6 bytes.")

sys.exit(0 if measured else 1)
PY
