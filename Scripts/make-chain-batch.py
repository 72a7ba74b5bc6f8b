#!/usr/bin/env python3
"""Writes N `certo verify --jsonl` request lines to stdout, cycling over chains of TestVectors/chains
(the AWS IoT-shaped RSA chain and the P-256 chain, both verifying; an expired leaf, a wrong host, a
malformed line every 1,000th): for throughput runs, the Spark recipe and the batch tests.

usage: Scripts/make-chain-batch.py N [rsa|p256|mixed] > requests.jsonl
"""
import json, os, sys

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "TestVectors", "chains")

def chain(name):
    def read(file):
        with open(os.path.join(here, name, file)) as f:
            return f.read()
    return [read("leaf.pem"), read("untrusted.pem")]

def main():
    count = int(sys.argv[1])
    kind = sys.argv[2] if len(sys.argv) > 2 else "mixed"
    rsa = {"chain": chain("aws-iot-rsa2048"), "host": "a1b2c3d4e5f6g7-ats.iot.us-east-1.certo.test", "time": "2026-06-01T00:00:00Z"}
    p256 = {"chain": chain("ecdsa-p256"), "host": "www.p256.certo.test", "time": "2026-06-01T00:00:00Z"}
    wrong = dict(rsa, host="wrong.example")
    lines = {"rsa": [json.dumps(rsa)], "p256": [json.dumps(p256)],
             "mixed": [json.dumps(rsa), json.dumps(p256), json.dumps(wrong)]}[kind]
    out = sys.stdout
    for i in range(count):
        if kind == "mixed" and i % 1000 == 999:
            out.write("{not json\n")
        else:
            out.write(lines[i % len(lines)] + "\n")

main()
