#!/usr/bin/env python3
"""Compares what two `certo` binaries print, for refactorings whose bar is "output byte-identical".

For every chain in TestVectors/chains and every real-server chain in ../shared/corpora/realworld, it
runs `verify` (plain, --explain, --json) and `show` (text and --json) with both binaries and reports
each command whose standard output, standard error or exit status differs.
Usage (from the project root): Scripts/compare-cli-output.py OLD_CERTO NEW_CERTO
"""
import glob
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REALWORLD = os.path.join(ROOT, "..", "shared", "corpora", "realworld")


def chains(scratch):
    """(name, root file, untrusted file, leaf file, time, host, purpose) for each chain."""
    for directory in sorted(glob.glob(os.path.join(ROOT, "TestVectors", "chains", "*"))):
        meta = {}
        with open(os.path.join(directory, "expected")) as expected:
            for line in expected:
                key, _, value = line.partition(": ")
                meta[key] = value.strip()
        purpose = {"sslserver": "server", "sslclient": "client"}.get(meta.get("purpose"), "any")
        yield (os.path.basename(directory), os.path.join(directory, "root.pem"),
               os.path.join(directory, "untrusted.pem"), os.path.join(directory, "leaf.pem"),
               meta["time"], meta.get("host"), purpose)
    for path in sorted(glob.glob(os.path.join(REALWORLD, "*.json"))):
        with open(path) as source:
            case = json.load(source)
        name = os.path.basename(path)[:-5]
        files = []
        for suffix, pems in (("root", case["trusted_certs"]), ("untrusted", case["untrusted_intermediates"]),
                             ("leaf", [case["peer_certificate"]])):
            file = os.path.join(scratch, f"{name}.{suffix}.pem")
            with open(file, "w") as out:
                out.write("".join(pems))
            files.append(file)
        host = (case.get("expected_peer_name") or {}).get("value")
        yield (name, files[0], files[1], files[2], case["validation_time"].replace("+00:00", "Z"), host, "server")


def commands(chain):
    name, root, untrusted, leaf, time, host, purpose = chain
    verify = ["verify", "--ca", root, "--untrusted", untrusted, "--at", time, "--purpose", purpose]
    if host:
        verify += ["--host", host]
    for extra in ([], ["--explain"], ["--json"]):
        yield f"{name}: verify {' '.join(extra)}".rstrip(), verify + extra + [leaf]
    for file in (leaf, untrusted, root):
        yield f"{name}: show {os.path.basename(file)}", ["show", file]
        yield f"{name}: show --json {os.path.basename(file)}", ["show", "--json", file]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    old, new = sys.argv[1:]
    compared = differing = 0
    with tempfile.TemporaryDirectory() as scratch:
        for chain in chains(scratch):
            for label, arguments in commands(chain):
                before = subprocess.run([old] + arguments, capture_output=True)
                after = subprocess.run([new] + arguments, capture_output=True)
                compared += 1
                same = (before.returncode, before.stdout, before.stderr) == (after.returncode, after.stdout, after.stderr)
                if not same:
                    differing += 1
                    print(f"differs: {label} (exit {before.returncode} -> {after.returncode})")
    print(f"cli output: {compared} commands compared, {differing} differ")
    sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()
