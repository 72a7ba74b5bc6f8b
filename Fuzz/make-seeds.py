#!/usr/bin/env python3
"""Builds each fuzz target's seed corpus in Fuzz/.corpus/TARGET/ (ignored by git) from
TestVectors/chains (committed), TestVectors/.cache/cryptography_vectors (TestVectors/fetch-vectors.sh
downloads it; without it the seeds come from the chains and generated inputs only) and inputs generated
here: signatures by the fixed keys (seeds/fixed_keys.py), TLS server flights (seeds/tls_messages.py).
Seeds are named by content hash, so running it again adds nothing twice. Usage: make-seeds.py [TARGET...]
"""
import base64
import hashlib
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "seeds"))
import der  # noqa: E402
import fixed_keys  # noqa: E402
import tls_messages as tls  # noqa: E402

ROOT = os.path.dirname(HERE)
CHAINS = os.path.join(ROOT, "TestVectors", "chains")
VECTORS = os.path.join(ROOT, "TestVectors", ".cache", "cryptography_vectors")
CORPUS = os.path.join(HERE, ".corpus")
# Enough variety for every parser branch without making the initial corpus pass slow.
MAX_SEEDS_PER_TARGET = 3000


def targets():
    """name -> max_len, from targets.tsv."""
    table = {}
    for line in open(os.path.join(HERE, "targets.tsv")):
        if line.startswith("#") or not line.strip():
            continue
        name, _, max_len = line.split("\t")[:3]
        table[name] = int(max_len)
    return table


PEM_BLOCK = re.compile(rb"-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \1-----", re.S)


def pem_blocks(data):
    """(label, DER) of each PEM block (headers skipped, bad base64 ignored)."""
    for label, body in PEM_BLOCK.findall(data):
        lines = [line for line in body.splitlines() if b":" not in line]
        try:
            yield label.decode(), base64.b64decode(b"".join(lines), validate=False)
        except ValueError:
            continue


def chain_cases():
    """(case name, {file stem: [DER]}, expected fields) per TestVectors/chains folder, sorted."""
    for name in sorted(os.listdir(CHAINS)):
        folder = os.path.join(CHAINS, name)
        files = {}
        for file in sorted(os.listdir(folder)):
            if file.endswith(".pem"):
                data = open(os.path.join(folder, file), "rb").read()
                files[file[:-4]] = [d for label, d in pem_blocks(data) if label == "CERTIFICATE"]
        expected = {}
        path = os.path.join(folder, "expected")
        if os.path.exists(path):
            for line in open(path):
                key, _, value = line.partition(":")
                expected[key.strip()] = value.strip()
        yield name, files, expected


def chain_certificates():
    """Every distinct chain certificate in ChainVectors.swift's order (case, file, block)."""
    seen, result = set(), []
    for _, files, _ in chain_cases():
        for stem in sorted(files):
            for certificate in files[stem]:
                if certificate not in seen:
                    seen.add(certificate)
                    result.append(certificate)
    return result


def vector_files(*subfolders):
    for sub in subfolders:
        for folder, _, names in os.walk(os.path.join(VECTORS, sub)):
            for name in sorted(names):
                yield os.path.join(folder, name)


def vector_certificates():
    """DER certificates of cryptography-vectors' x509/ (PEM blocks and DER files that look like one)."""
    result = []
    for path in vector_files("x509"):
        data = open(path, "rb").read()
        if b"-----BEGIN" in data:
            result += [d for label, d in pem_blocks(data) if label in ("CERTIFICATE", "X509 CERTIFICATE")]
        elif path.endswith((".der", ".cer", ".crt")) and data[:1] == b"\x30":
            result.append(data)
    return [c for c in result if looks_like_certificate(c)]


def looks_like_certificate(data):
    try:
        der.parts(data)
        return True
    except (IndexError, ValueError):
        return False


def vector_text_files():
    """PEM files of cryptography-vectors (certificates, keys, CSRs, CRLs) for the PEM target."""
    for path in vector_files("x509", "asymmetric"):
        data = open(path, "rb").read(70000)
        if b"-----BEGIN" in data:
            yield data


def vector_public_keys():
    """DER SubjectPublicKeyInfo and PKCS#1 keys of cryptography-vectors' asymmetric/."""
    for path in vector_files("asymmetric"):
        data = open(path, "rb").read(70000)
        if b"-----BEGIN" in data:
            for label, block in pem_blocks(data):
                if label in ("PUBLIC KEY", "RSA PUBLIC KEY"):
                    yield block
        elif "pub" in os.path.basename(path).lower() and path.endswith(".der"):
            yield data


class Corpus:
    def __init__(self, name, max_len):
        self.folder = os.path.join(CORPUS, name)
        self.max_len = max_len
        self.count = 0
        os.makedirs(self.folder, exist_ok=True)

    def add(self, data):
        if not data or len(data) > self.max_len or self.count >= MAX_SEEDS_PER_TARGET:
            return
        path = os.path.join(self.folder, "seed-" + hashlib.sha1(data).hexdigest()[:20])
        if not os.path.exists(path):
            with open(path, "wb") as f:
                f.write(data)
        self.count += 1


def der_integer(value):
    content = value.to_bytes((value.bit_length() + 8) // 8, "big")
    return der.encode(0x02, content)


# One function per target; each gets its Corpus and the shared certificate lists.

def seed_pem(corpus, chains, certificates):
    for _, files, _ in chain_cases():
        for stem in files:
            corpus.add(b"".join(b"-----BEGIN CERTIFICATE-----\n" + base64.encodebytes(c) + b"-----END CERTIFICATE-----\n"
                                for c in files[stem]))
    for data in vector_text_files():
        corpus.add(data)
    for certificate in certificates[:200]:
        corpus.add(certificate)  # DER input is accepted too


def seed_certificate(corpus, chains, certificates):
    for certificate in chains + certificates:
        corpus.add(certificate)


def seed_spki(corpus, chains, certificates):
    for certificate in chains + certificates:
        corpus.add(der.parts(certificate)["spki"])
    for key in vector_public_keys():
        corpus.add(key)
    for curve in fixed_keys.CURVES:
        point = fixed_keys.ec_public_sec1(curve)
        corpus.add(point)
        corpus.add(bytes([2 + (point[-1] & 1)]) + point[1:1 + fixed_keys.CURVES[curve]["size"]])


def seed_ecdsa(corpus, chains, certificates):
    hash_index = {"sha1": 0, "sha224": 1, "sha256": 2, "sha384": 3, "sha512": 4}
    for mode, curve in ((0, "p256"), (1, "p384")):
        size = fixed_keys.CURVES[curve]["size"]
        own_hash = hash_index[fixed_keys.CURVES[curve]["hash"]]
        for label in (b"", b"a", b"b"):
            r, s = fixed_keys.ec_sign(curve, nonce_label=label)
            body = der_integer(r) + der_integer(s)
            corpus.add(bytes([mode, own_hash]) + der.encode(0x30, body))
            corpus.add(bytes([mode + 2, own_hash]) + r.to_bytes(size, "big") + s.to_bytes(size, "big"))
        # Same signature under the other digests (truncation and left padding of e).
        for other in hash_index.values():
            corpus.add(bytes([mode + 2, other]) + r.to_bytes(size, "big") + s.to_bytes(size, "big"))
        n = fixed_keys.CURVES[curve]["n"]
        for u1, u2 in ((1, 1), (n - 1, 1), (0, 5), (2**64 + 3, n - 2), (r, s)):
            point = fixed_keys.ec_public_sec1(curve)
            corpus.add(bytes([mode + 4]) + u1.to_bytes(size, "big") + u2.to_bytes(size, "big")
                       + bytes([point[-1] & 1]) + point[1:1 + size])


def seed_rsa(corpus, chains, certificates):
    schemes = [("pkcs1", "sha256"), ("pkcs1", "sha384"), ("pkcs1", "sha512"), ("pkcs1", "sha1"),
               ("pss", "sha256", 32), ("pss", "sha384", 48), ("pss", "sha256", 0)]
    hash_index = {"sha1": 0, "sha224": 1, "sha256": 2, "sha384": 3, "sha512": 4}
    for key_bit, bits in enumerate(fixed_keys.RSA_SIZES):
        key = fixed_keys.rsa_key(bits)
        for mode, scheme in enumerate(schemes):
            if scheme[0] == "pkcs1":
                signature = fixed_keys.rsa_pkcs1v15_sign(key, scheme[1])
            else:
                signature = fixed_keys.rsa_pss_sign(key, scheme[1], scheme[2])
            for api in (0, 0x10):
                corpus.add(bytes([mode | key_bit << 3 | api]) + bytes(3) + signature)
        # Free-form PSS (mode 7): hash, MGF1 hash, salt length / 2.
        for hash_name, mgf1, salt in (("sha512", "sha256", 20), ("sha1", "sha1", 0), ("sha224", "sha384", 64)):
            signature = fixed_keys.rsa_pss_sign(key, hash_name, salt, mgf1_hash=mgf1)
            corpus.add(bytes([7 | key_bit << 3, hash_index[hash_name], hash_index[mgf1], salt // 2]) + signature)


def seed_extensions(corpus, chains, certificates):
    seen = set()
    for certificate in chains + certificates:
        parts = der.parts(certificate)
        for oid, critical, value in parts["extensions"]:
            if (oid, value) in seen:
                continue
            seen.add((oid, value))
            corpus.add(bytes([1 if critical else 0, len(oid)]) + oid + value)
        if parts["extensions_der"]:
            corpus.add(b"\x02" + parts["extensions_der"])
        corpus.add(b"\x03\x00" + parts["subject"])
        corpus.add(b"\x03\x01" + parts["spki"])


def seed_path(corpus, chains, certificates):
    hosts = ["a1b2c3d4e5f6g7-ats.iot.us-east-1.certo.test", "a.b.iot.us-east-1.certo.test", "192.0.2.7",
             "www.p256.certo.test", "www.p384.certo.test", "www.rsa4096.certo.test", "mixed.certo.test",
             "www.allowed.certo.test", "www.elsewhere.certo.test", "client.certo.test", "pathlen.certo.test",
             "critical.certo.test", "notca.certo.test", "expired.certo.test", "2001:db8::1", "no-such-name.test"]
    purposes = {"sslserver": 0, "sslclient": 1, "any": 2}
    index = {c: i for i, c in enumerate(chains)}

    def record(role, certificate, by_reference):
        if by_reference:
            return bytes([role | 4, index[certificate] % 256])
        return bytes([role]) + len(certificate).to_bytes(2, "big") + certificate

    for _, files, expected in chain_cases():
        leaf = files.get("leaf", [])[:1]
        untrusted = files.get("untrusted", [])
        roots = files.get("root", [])
        if not leaf:
            continue
        host = expected.get("host")
        flags = purposes.get(expected.get("purpose"), 0) << 1
        host_byte = 0
        if host in hosts:
            flags |= 8
            host_byte = hosts.index(host)
        for by_reference in (False, True):
            for extra in (0, 0x80, 0x01):  # web PKI, with explanation, RFC 5280 profile
                pool = bytes([flags | extra, host_byte]) + record(0, leaf[0], by_reference)
                pool += b"".join(record(1, c, by_reference) for c in untrusted)
                pool += b"".join(record(2, c, by_reference) for c in roots)
                corpus.add(pool)
        # The leaf in full, everything else by reference to the whole vector set.
        pool = bytes([flags, host_byte]) + record(0, leaf[0], False)
        pool += b"".join(record(1, c, True) for c in chains[:24]) + b"".join(record(2, c, True) for c in roots)
        corpus.add(pool)


def seed_tls(corpus, chains, certificates):
    chain_lists = [files.get("leaf", []) + files.get("untrusted", []) for _, files, _ in chain_cases()]
    chain_lists = [c for c in chain_lists if c][:6]
    for chain in chain_lists:
        corpus.add(b"\x00\x02" + tls.certificate_tls12(chain))           # mode 0: Certificate (1.2)
        corpus.add(b"\x00\x03" + tls.certificate_tls13(chain))           # mode 0: Certificate (1.3)
        corpus.add(b"\x01\x00" + tls.tls12_flight(chain))                # mode 1: records
        corpus.add(b"\x02\x00" + tls.tls12_flight(chain))                # mode 2: whole TLS 1.2 handshake
        corpus.add(b"\x02\x01" + tls.tls12_flight(chain, suite=0xC02B))
    chain = chain_lists[0]
    for body in (tls.server_hello(), tls.server_hello(version=0x0303, suite=0xC02F), tls.hello_retry_request()):
        corpus.add(b"\x00\x00" + body)                                   # mode 0: ServerHello
    corpus.add(b"\x00\x01" + tls.encrypted_extensions(True))           # mode 0: EncryptedExtensions
    records = tls.record(22, tls.handshake(2, tls.server_hello())) + tls.record(20, b"\x01") + tls.record(21, b"\x01\x70")
    corpus.add(b"\x01\x01" + records)
    # Mode 2: a HelloRetryRequest, then a plaintext TLS 1.3 ServerHello (decryption then fails).
    corpus.add(b"\x02\x00" + tls.record(22, tls.handshake(2, tls.hello_retry_request()))
               + tls.record(20, b"\x01") + tls.record(22, tls.handshake(2, tls.server_hello())))
    # Mode 3: scripted TLS 1.3, each cipher suite, with and without CertificateRequest and ALPN.
    for chain in chain_lists[:3]:
        for suite in (0x1301, 0x1302, 0x1303):
            corpus.add(b"\x03\x00" + tls.scripted_tls13(chain, suite=suite))
        corpus.add(b"\x03\x02" + tls.scripted_tls13(chain, certificate_request=True))
        corpus.add(b"\x03\x04" + tls.scripted_tls13(chain, with_alpn=True))


# FuzzSigVerify's algorithm list, in its order (the structured mode picks by index).
SIGVERIFY_ALGORITHMS = [
    "rsa-pkcs1-sha1", "rsa-pkcs1-sha224", "rsa-pkcs1-sha256", "rsa-pkcs1-sha384", "rsa-pkcs1-sha512",
    "rsa-pss-sha256", "rsa-pss-sha384", "rsa-pss-sha512", "rsa-pss-sha1",
    "ecdsa-p256-sha256", "ecdsa-p256-sha384", "ecdsa-p256-sha512", "ecdsa-p384-sha256", "ecdsa-p384-sha384",
    "ecdsa-p384-sha512", "ecdsa-p256-sha256-p1363", "ecdsa-p384-sha384-p1363", "ecdsa-p256-sha1", "rsa-x-sha256",
]
OID_RSA_ENCRYPTION = bytes.fromhex("06092a864886f70d010101")
OID_EC_PUBLIC_KEY = bytes.fromhex("06072a8648ce3d0201")
OID_CURVE = {"p256": bytes.fromhex("06082a8648ce3d030107"), "p384": bytes.fromhex("06052b81040022")}


def rsa_spki(n, e):
    key = der.encode(0x30, der_integer(n) + der_integer(e))
    return der.encode(0x30, der.encode(0x30, OID_RSA_ENCRYPTION + b"\x05\x00") + der.encode(0x03, b"\x00" + key))


def ec_spki(curve):
    algorithm = der.encode(0x30, OID_EC_PUBLIC_KEY + OID_CURVE[curve])
    return der.encode(0x30, algorithm + der.encode(0x03, b"\x00" + fixed_keys.ec_public_sec1(curve)))


def seed_sigverify(corpus, chains, certificates):
    """Valid requests by the fixed keys, as text lines and in the structured mode, and malformed lines."""
    message = fixed_keys.MESSAGE
    requests = []  # (algorithm, key DER, signature, salt or None, mgf1 or None)
    for bits in fixed_keys.RSA_SIZES:
        n, e, d = key = fixed_keys.rsa_key(bits)
        spki = rsa_spki(n, e)
        for hash_name in sorted(fixed_keys.DIGEST_INFO):
            requests.append(("rsa-pkcs1-" + hash_name, spki, fixed_keys.rsa_pkcs1v15_sign(key, hash_name), None, None))
        for hash_name, length in (("sha256", 32), ("sha384", 48), ("sha512", 64)):
            requests.append(("rsa-pss-" + hash_name, spki, fixed_keys.rsa_pss_sign(key, hash_name, length), None, None))
        requests.append(("rsa-pss-sha256", spki, fixed_keys.rsa_pss_sign(key, "sha256", 0), 0, None))
        requests.append(("rsa-pss-sha256", spki, fixed_keys.rsa_pss_sign(key, "sha256", 20, mgf1_hash="sha1"), 20, "sha1"))
    for curve in ("p256", "p384"):
        size = fixed_keys.CURVES[curve]["size"]
        hash_name = fixed_keys.CURVES[curve]["hash"]
        r, s = fixed_keys.ec_sign(curve)
        spki = ec_spki(curve)
        requests.append(("ecdsa-%s-%s" % (curve, hash_name), spki, der.encode(0x30, der_integer(r) + der_integer(s)), None, None))
        requests.append(("ecdsa-%s-%s-p1363" % (curve, hash_name), spki, r.to_bytes(size, "big") + s.to_bytes(size, "big"), None, None))
    mgf1_names = ["sha1", "sha224", "sha256", "sha384", "sha512"]
    for algorithm, spki, signature, salt, mgf1 in requests:
        line = '{"alg": "%s", "key": "%s", "msg": "%s", "sig": "%s"' % (algorithm, spki.hex(), message.hex(), signature.hex())
        if salt is not None:
            line += ', "salt": %d' % salt
        if mgf1 is not None:
            line += ', "mgf1": "%s"' % mgf1
        corpus.add((line + "}").encode())
        options = 0
        if salt is not None and salt < 64:
            options |= 1 | salt << 2
        if mgf1 is not None:
            options |= 2 | mgf1_names.index(mgf1) << 4
        if algorithm in SIGVERIFY_ALGORITHMS and (salt is None or salt < 64):
            corpus.add(bytes([0, SIGVERIFY_ALGORITHMS.index(algorithm), options])
                       + len(spki).to_bytes(2, "big") + spki + len(message).to_bytes(2, "big") + message + signature)
    for line in ('{}', '[]', '"x"', '{"alg": 1}', '{"alg": "rsa-pkcs1-sha256", "key": "0g"}', '{"a": {"b": [1, 2.5e3, -0, true, null]}}',
                 '{"alg": "\\u0041\\ud83d\\ude00"}', '{"salt": 1e400}', '{"alg": "x", "alg": "y"}', ' {"key": "" } '):
        corpus.add(line.encode())


def seed_crl(corpus, chains, certificates):
    """Every CRL of cryptography-vectors (PKITS_data/crls and x509/custom, PEM blocks decoded)."""
    for path in vector_files(os.path.join("x509", "PKITS_data", "crls"), os.path.join("x509", "custom")):
        with open(path, "rb") as f:
            data = f.read()
        if path.endswith(".crl") or path.endswith(".der"):
            corpus.add(data)
        for label, der in pem_blocks(data):
            if label == "X509 CRL":
                corpus.add(der)


def seed_ocsp(corpus, chains, certificates):
    """Every DER file of cryptography-vectors' x509/ocsp (the responses, and requests as near misses)."""
    for path in vector_files(os.path.join("x509", "ocsp")):
        if path.endswith(".der"):
            with open(path, "rb") as f:
                corpus.add(f.read())


SEEDERS = {
    "pem": seed_pem, "certificate": seed_certificate, "crl": seed_crl, "ocsp": seed_ocsp, "spki": seed_spki, "ecdsa": seed_ecdsa, "rsa": seed_rsa,
    "extensions": seed_extensions, "path": seed_path, "tls": seed_tls, "sigverify": seed_sigverify,
}


def main(argv):
    table = targets()
    wanted = argv or list(table)
    unknown = [name for name in wanted if name not in SEEDERS]
    if unknown:
        sys.exit("make-seeds: unknown target(s) %s; targets: %s" % (" ".join(unknown), " ".join(table)))
    chains = chain_certificates()
    if os.path.isdir(VECTORS):
        certificates = vector_certificates()
    else:
        print("make-seeds: %s missing (run TestVectors/fetch-vectors.sh); using chains only" % VECTORS, file=sys.stderr)
        certificates = []
    for name in wanted:
        corpus = Corpus(name, table[name])
        SEEDERS[name](corpus, chains, certificates)
        print("make-seeds: %-11s %4d seeds in %s" % (name, corpus.count, os.path.relpath(corpus.folder, ROOT)))


if __name__ == "__main__":
    main(sys.argv[1:])
