#!/usr/bin/env python3
"""Builds the path-building pathologies that Tests/CertoTests/PathPathologyTests.swift verifies.

Usage: make-path-pathologies.py OUTDIR

Writes OUTDIR/<case>/ for every case: roots.pem (the trust store), pool.pem (the intermediates, in an
order chosen to be the worst for a naive search), leaf.pem and case.json:

  expect          "ok", or the VerificationFailureReason names that are acceptable ("a|b")
  max_depth       Policy.maxDepth (null: the default)
  max_signature_checks  SearchBudget.maxSignatureChecks (null: the default)
  path_length     for "ok": the number of certificates of the path that must be found (leaf to anchor)
  rule            what the case is about

The cases: a mesh of 8 fully cross-signed CAs where every short way to the root is expired but one;
two levels of 40 look-alike intermediates (same name, same key identifiers, different keys) with the
valid one last; the same with distinct key identifiers (found with three signature checks); 60-deep
chains; cross-signing cycles with and without an exit; a pool of 10,000 certificates named like the
leaf's issuer that hides no valid path. Keys are fresh P-256 keys on every run, dates are fixed, the
validation time is AT. Test-only: Python's `cryptography` is a generator here, never in the product.
"""
import base64
import datetime
import json
import os
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

UTC = datetime.timezone.utc
AT = 1780272000  # 2026-06-01T00:00:00Z
VALID = (datetime.datetime(2025, 1, 1, tzinfo=UTC), datetime.datetime(2035, 1, 1, tzinfo=UTC))
EXPIRED = (datetime.datetime(2020, 1, 1, tzinfo=UTC), datetime.datetime(2021, 1, 1, tzinfo=UTC))
LEAF_VALIDITY = (datetime.datetime(2026, 1, 1, tzinfo=UTC), datetime.datetime(2026, 12, 31, tzinfo=UTC))
HOST = "www.example.com"


def new_key():
    return ec.generate_private_key(ec.SECP256R1())


def ski_of(key):
    return x509.SubjectKeyIdentifier.from_public_key(key.public_key()).digest


def name(cn):
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Certo Test"),
                      x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def key_usage(ca):
    return x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                         data_encipherment=False, key_agreement=False, key_cert_sign=ca, crl_sign=ca,
                         encipher_only=False, decipher_only=False)


def certificate(subject, key, issuer_name, signer, issuer_ski, validity=VALID, ca=True, own_ski=None, extra=()):
    """DER of a CA (or, with ca=False, a TLS server leaf for HOST) certificate; own_ski overrides the SKI;
    `extra` holds further (extension, critical) pairs."""
    builder = (x509.CertificateBuilder()
               .subject_name(subject)
               .issuer_name(issuer_name)
               .public_key(key.public_key())
               .serial_number(x509.random_serial_number())
               .not_valid_before(validity[0])
               .not_valid_after(validity[1])
               .add_extension(key_usage(ca), critical=True)
               .add_extension(x509.AuthorityKeyIdentifier(issuer_ski, None, None), critical=False))
    if ca:
        builder = (builder.add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
                   .add_extension(x509.SubjectKeyIdentifier(own_ski or ski_of(key)), critical=False))
    else:
        builder = (builder.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
                   .add_extension(x509.SubjectAlternativeName([x509.DNSName(HOST)]), critical=False))
    for extension, critical in extra:
        builder = builder.add_extension(extension, critical=critical)
    return builder.sign(signer, hashes.SHA256()).public_bytes(serialization.Encoding.DER)


class CA:
    """A CA's name and key, with its self-signed root certificate."""

    def __init__(self, cn):
        self.name = name(cn)
        self.key = new_key()
        self.ski = ski_of(self.key)
        self.root = certificate(self.name, self.key, self.name, self.key, self.ski)

    def issue(self, subject, validity=VALID, ca=True, own_ski=None, extra=()):
        """A certificate for `subject` (a CA) signed by this CA."""
        return certificate(subject.name, subject.key, self.name, self.key, self.ski, validity, ca, own_ski, extra)

    def leaf(self, extra=()):
        return certificate(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, HOST)]), new_key(), self.name,
                           self.key, self.ski, LEAF_VALIDITY, ca=False, extra=extra)


def pem(der):
    text = base64.b64encode(der).decode()
    return "-----BEGIN CERTIFICATE-----\n" + "\n".join(text[i:i + 64] for i in range(0, len(text), 64)) \
        + "\n-----END CERTIFICATE-----\n"


# -------------------------------------------------------------------------------------------- cases

def mesh():
    """8 CAs, each cross-signed by every other; only C8 is trusted (its self-signed root). Every C_i
    signed by C8 is expired except C3's, so the one short valid path is leaf <- C1(by C3) <- C3(by C8) <- C8.
    The pool lists C8's signatures last, so a depth-first search that takes the first candidate wanders."""
    cas = [CA(f"Certo Mesh CA {i}") for i in range(1, 9)]
    pool = []
    for subject_index, subject in enumerate(cas):
        for issuer_index, issuer in enumerate(cas):
            if issuer is subject:
                continue
            expired = issuer_index == 7 and subject_index != 2
            pool.append(issuer.issue(subject, EXPIRED if expired else VALID))
    return dict(roots=[cas[7].root], pool=pool, leaf=cas[0].leaf(), expect="ok", path_length=4,
                rule="8 fully cross-signed CAs, one short valid path (RFC 4158 §2.4 path building in a mesh)")


def lookalikes(distinct_ski):
    """Two levels of 40 intermediates with the same name; only the last of each level is the real one.
    With distinct_ski the look-alikes carry their own key identifiers, so AKI/SKI ranking finds the path
    first time (the case runs with a budget of 3 signature checks); without, they copy the real SKI."""
    root = CA("Certo Look-alike Root")
    level1 = [CA("Certo Look-alike CA 1") for _ in range(40)]
    level2 = [CA("Certo Look-alike CA 2") for _ in range(40)]
    real1, real2 = level1[-1], level2[-1]
    pool = []
    for ca in level2:
        pool.append(real1.issue(ca, own_ski=None if distinct_ski or ca is real2 else real2.ski))
    for ca in level1:
        pool.append(root.issue(ca, own_ski=None if distinct_ski or ca is real1 else real1.ski))
    return dict(roots=[root.root], pool=pool, leaf=real2.leaf(), expect="ok", path_length=4,
                max_signature_checks=3 if distinct_ski else None,
                rule="look-alike intermediates: same subject name, " + ("own" if distinct_ski else "copied") + " key identifiers")


def deep(length, max_depth, expect):
    root = CA("Certo Deep Root")
    chain = [CA(f"Certo Deep CA {i}") for i in range(1, length + 1)]
    pool = []
    issuer = root
    for ca in chain:
        pool.append(issuer.issue(ca))
        issuer = ca
    pool.reverse()
    return dict(roots=[root.root], pool=pool, leaf=issuer.leaf(), expect=expect, max_depth=max_depth,
                path_length=length + 2 if expect == "ok" else None,
                rule=f"a chain of {length} intermediates under Policy.maxDepth {max_depth}")


def cycle(with_exit):
    """A and B cross-sign each other; with_exit adds B signed by the trusted root."""
    root, a, b = CA("Certo Cycle Root"), CA("Certo Cycle A"), CA("Certo Cycle B")
    pool = [b.issue(a), a.issue(b)]
    if with_exit:
        pool.append(root.issue(b))
    return dict(roots=[root.root], pool=pool, leaf=a.leaf(), expect="ok" if with_exit else "issuerNotFound|untrustedRoot",
                path_length=4 if with_exit else None,
                rule="a cross-signing cycle " + ("with a way out to the root" if with_exit else "with no way out"))


def crowd(count):
    """`count` certificates named like the leaf's issuer, none holding its key: no valid path."""
    root, real, fake = CA("Certo Crowd Root"), CA("Certo Crowd CA"), CA("Certo Crowd Forger")
    pool = []
    for _ in range(count):
        pool.append(certificate(real.name, new_key(), root.name, fake.key, root.ski, own_ski=real.ski))
    return dict(roots=[root.root], pool=pool, leaf=real.leaf(), expect="searchBudgetExhausted",
                rule=f"{count} certificates with the issuer's name and key identifier, none with its key")


CASES = {
    "mesh-8-cross-signed": mesh,
    "lookalikes-2x40-copied-ski": lambda: lookalikes(False),
    "lookalikes-2x40-own-ski": lambda: lookalikes(True),
    "deep-60-allowed": lambda: deep(60, 60, "ok"),
    "deep-60-over-default-depth": lambda: deep(60, None, "depthExceeded"),
    "cycle-with-exit": lambda: cycle(True),
    "cycle-without-exit": lambda: cycle(False),
    "crowd-10000-no-path": lambda: crowd(10_000),
    "policy-mapping-explosion-within-budget": lambda: policy_explosion(16, 4, "ok"),
    "policy-mapping-explosion-past-budget": lambda: policy_explosion(40, 4, "searchBudgetExhausted"),
}


def policy_explosion(width, levels, expect):
    """`levels` intermediates below the root; the one at level d asserts `width` policies of its own
    domain (2.999.d.i) and maps every one of them to every policy of the next domain, so RFC 5280's
    valid_policy_tree would hold width**(levels + 1) nodes (CVE-2023-0464's shape); the leaf asserts
    the last domain's policies. Run under RFC 5280 alone with initial-explicit-policy, so the policy
    graph decides the verdict: valid for every policy of the first domain while the graph stays within
    SearchBudget.maxPolicyGraphSize, the search stopped past it."""
    def policy(domain, index):
        return x509.ObjectIdentifier(f"2.999.{domain}.{index}")

    def policies(domain):
        return x509.CertificatePolicies([x509.PolicyInformation(policy(domain, i), None) for i in range(width)])

    cas = [CA(f"Certo Policy CA {d}") for d in range(levels + 1)]
    pool = []
    for d in range(1, levels + 1):
        mappings = b"".join(
            der_sequence(der_oid(f"2.999.{d}.{i}") + der_oid(f"2.999.{d + 1}.{j}"))
            for i in range(width) for j in range(width))
        pool.append(cas[d - 1].issue(cas[d], extra=[
            (policies(d), False),
            (x509.UnrecognizedExtension(x509.ObjectIdentifier("2.5.29.33"), der_sequence(mappings)), True),
        ]))
    leaf = cas[levels].leaf(extra=[(policies(levels + 1), False)])
    return dict(roots=[cas[0].root], pool=pool, leaf=leaf, expect=expect, path_length=levels + 2,
                profile="rfc5280", explicit_policy=True, policies=width if expect == "ok" else None,
                max_seconds=0.5,  # the 100 ms bar is measured on the release CLI (README); debug tests run beside others
                rule=f"policy mappings {width} x {width} at {levels} depths: RFC 5280's tree would hold "
                     f"{width ** (levels + 1):,} nodes; RFC 9618's graph holds about {levels * (width * width + 2 * width):,}")


def der_length(count):
    if count < 0x80:
        return bytes([count])
    octets = count.to_bytes((count.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(octets)]) + octets


def der_sequence(content):
    return b"\x30" + der_length(len(content)) + content


def der_oid(dotted):
    arcs = [int(a) for a in dotted.split(".")]
    body = bytearray()
    for arc in [arcs[0] * 40 + arcs[1]] + arcs[2:]:
        chunk = [arc & 0x7f]
        arc >>= 7
        while arc:
            chunk.insert(0, 0x80 | (arc & 0x7f))
            arc >>= 7
        body += bytes(chunk)
    return b"\x06" + der_length(len(body)) + bytes(body)


def main(argv):
    if len(argv) != 2:
        print(f"usage: {argv[0]} OUTDIR", file=sys.stderr)
        return 1
    for case_name, make in CASES.items():
        built = make()
        directory = os.path.join(argv[1], case_name)
        os.makedirs(directory, exist_ok=True)
        for file, ders in (("roots.pem", built["roots"]), ("pool.pem", built["pool"]), ("leaf.pem", [built["leaf"]])):
            with open(os.path.join(directory, file), "w") as f:
                f.write("".join(pem(d) for d in ders))
        record = dict(expect=built["expect"], rule=built["rule"], max_depth=built.get("max_depth"),
                      max_signature_checks=built.get("max_signature_checks"), path_length=built.get("path_length"),
                      host=HOST, time=AT, profile=built.get("profile", "web"),
                      explicit_policy=built.get("explicit_policy", False), policies=built.get("policies"),
                      max_seconds=built.get("max_seconds"))
        with open(os.path.join(directory, "case.json"), "w") as f:
            json.dump(record, f, indent=2, sort_keys=True)
            f.write("\n")
    print(f"{len(CASES)} path-building cases written to {argv[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
