#!/usr/bin/env python3
"""Fails when a target's Swift `import` lines and its declared dependencies in Package.swift differ.

For every target of the package (and of the Fuzz package), the modules its sources import, toolchain
and system modules aside, must be exactly the dependencies the manifest declares for it: an import
without a declared edge builds only by accident of build order, and a declared edge nothing imports
says the graph is something it is not. Usage: Scripts/check-module-graph.py [PACKAGE_DIR...]
"""
import json
import os
import re
import subprocess
import sys

# Modules that come with the toolchain or the OS, never declared in a manifest.
SYSTEM = {"Foundation", "FoundationEssentials", "Glibc", "Musl", "Darwin", "Dispatch", "Synchronization",
          "Testing", "XCTest", "_Concurrency", "WinSDK", "Android"}
# The product's layers (Package.swift's header, ../shared/ARCHITECTURE.md): a module imports only lower ones.
LAYERS = {"CertoGMP": 1, "CertoBigInt": 2, "CertoHash": 2, "CertoDER": 2, "CertoSignature": 3, "CertoX509": 4,
          "Certo": 5, "CertoTLS": 6, "CertoSignatureRequests": 6, "certo": 7}
IMPORT = re.compile(r"^\s*(?:@testable\s+|@_exported\s+|@preconcurrency\s+|@_implementationOnly\s+)*"
                    r"import\s+(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?([A-Za-z_][A-Za-z0-9_]*)")


def declared(target):
    names = set()
    for dependency in target.get("dependencies", []):
        for kind in ("byName", "target", "product"):
            if kind in dependency:
                names.add(dependency[kind][0])
    return names


def imported(directory):
    modules = {}
    for root, _, files in os.walk(directory):
        for name in sorted(files):
            if not name.endswith(".swift"):
                continue
            path = os.path.join(root, name)
            with open(path, encoding="utf-8") as source:
                in_string = False  # inside a multi-line string literal (test scripts for oracles)
                for line in source:
                    if line.count('"""') % 2 == 1:
                        in_string = not in_string
                        continue
                    if in_string:
                        continue
                    match = IMPORT.match(line)
                    if match and match.group(1) not in SYSTEM:
                        modules.setdefault(match.group(1), path)
    return modules


def check(package):
    manifest = json.loads(subprocess.run(["swift", "package", "--package-path", package, "dump-package"],
                                         check=True, capture_output=True, text=True).stdout)
    problems = []
    checked = 0
    for target in manifest["targets"]:
        if target["type"] in ("system", "binary", "plugin", "macro"):
            continue
        default = "Tests" if target["type"] == "test" else "Sources"
        directory = os.path.join(package, target.get("path") or os.path.join(default, target["name"]))
        uses = imported(directory)
        declares = declared(target)
        for module in sorted(set(uses) - declares):
            problems.append(f"{target['name']}: imports {module} ({os.path.relpath(uses[module], package)}) "
                            "without declaring it")
        layer = LAYERS.get(target["name"])
        for module in sorted(uses):
            if layer is not None and LAYERS.get(module, 0) >= layer:
                problems.append(f"{target['name']} (layer {layer}) imports {module} (layer {LAYERS[module]})")
        for module in sorted(declares - set(uses)):
            problems.append(f"{target['name']}: declares {module}, which none of its files imports")
        checked += 1
    return checked, problems


def main():
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    packages = sys.argv[1:] or [here, os.path.join(here, "Fuzz")]
    failures = 0
    for package in packages:
        checked, problems = check(package)
        for problem in problems:
            print(f"module graph: {os.path.relpath(package, here) or '.'}: {problem}", file=sys.stderr)
        failures += len(problems)
        print(f"module graph: {os.path.relpath(package, here)}: {checked} targets checked, "
              f"{len(problems)} differences")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
