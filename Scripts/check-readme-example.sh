#!/usr/bin/env bash
# Builds README's "Use it as a library" example, exactly as README shows it, in a new package that
# depends on this one by path, and runs it on the AWS IoT-shaped chain of TestVectors/chains: it must
# print the three certificates of the verified path, and refuse a wrong host with an explanation.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/Sources/ReadmeExample"
awk '/<!-- readme-example: begin/{on=1; next} /<!-- readme-example: end/{on=0} on' "$root/README.md" \
  | sed '1{/^```swift$/d}; ${/^```$/d}' >"$work/Sources/ReadmeExample/main.swift"
[ -s "$work/Sources/ReadmeExample/main.swift" ] || { echo "readme-example: no example found in README.md" >&2; exit 1; }
cat >"$work/Package.swift" <<PKG
// swift-tools-version:6.1
import PackageDescription
let package = Package(
    name: "ReadmeExample",
    dependencies: [.package(name: "Certo", path: "$root")],
    targets: [.executableTarget(name: "ReadmeExample", dependencies: [.product(name: "Certo", package: "Certo")])]
)
PKG
chain="$root/TestVectors/chains/aws-iot-rsa2048"
cat "$chain/leaf.pem" "$chain/untrusted.pem" >"$work/chain.pem"
swift build --package-path "$work" --scratch-path "$root/.build-readme-example" -q
binary="$(swift build --package-path "$work" --scratch-path "$root/.build-readme-example" --show-bin-path)/ReadmeExample"
good="$("$binary" "$chain/root.pem" "$work/chain.pem" a1b2c3d4e5f6g7-ats.iot.us-east-1.certo.test)"
[ "$(grep -c '^Certificate(subject: ' <<<"$good")" = 3 ] || { echo "readme-example: expected 3 certificates, got:" >&2; echo "$good" >&2; exit 1; }
bad="$("$binary" "$chain/root.pem" "$work/chain.pem" wrong.example)"
grep -q '^certificate verification failed at depth 0' <<<"$bad" || { echo "readme-example: wrong host not refused:" >&2; echo "$bad" >&2; exit 1; }
echo "readme-example: built from README.md and ran: 3-certificate path verified, wrong host refused"
