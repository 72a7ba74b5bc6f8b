# The fuzz targets' fixed keys, derived from labels so that no private key is stored anywhere: the
# ECDSA and RSA targets hold only the public halves (FixedKeys.swift in each), and make-seeds.py signs
# with the private halves derived here. Pure Python (no cryptography package), deliberately simple:
# affine point arithmetic, textbook RSA, RFC 8017 padding. Test keys only.
import hashlib

MESSAGE = b"Certo fuzz: fixed message"

CURVES = {
    "p256": dict(
        p=0xFFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF,
        n=0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551,
        b=0x5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B,
        g=(0x6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296,
           0x4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5),
        size=32, hash="sha256"),
    "p384": dict(
        p=0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFFFF0000000000000000FFFFFFFF,
        n=0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFC7634D81F4372DDF581A0DB248B0A77AECEC196ACCC52973,
        b=0xB3312FA7E23EE7E4988E056BE3F82D19181D9C6EFE8141120314088F5013875AC656398D8A2ED19D2A85C8EDD3EC2AEF,
        g=(0xAA87CA22BE8B05378EB1C71EF320AD746E1D3B628BA79B9859F741E082542A385502F25DBF55296C3A545E3872760AB7,
           0x3617DE4A96262C6F5D9E98BF9292DC29F8F41DBD289A147CE9DA3113B5F0B8C00A60B1CE1D7E819D7A431D7C90EA0E5F),
        size=48, hash="sha384"),
}


def _add(c, a, b):
    """Affine addition on y^2 = x^3 - 3x + b; None is infinity."""
    p = c["p"]
    if a is None:
        return b
    if b is None:
        return a
    if a[0] == b[0]:
        if (a[1] + b[1]) % p == 0:
            return None
        slope = (3 * a[0] * a[0] - 3) * pow(2 * a[1], -1, p) % p
    else:
        slope = (b[1] - a[1]) * pow(b[0] - a[0], -1, p) % p
    x = (slope * slope - a[0] - b[0]) % p
    return x, (slope * (a[0] - x) - a[1]) % p


def ec_multiply(c, k, point):
    result = None
    while k:
        if k & 1:
            result = _add(c, result, point)
        point = _add(c, point, point)
        k >>= 1
    return result


def ec_private(curve):
    c = CURVES[curve]
    seed = hashlib.sha512(b"certo-fuzz-ecdsa-" + curve.encode()).digest()
    return int.from_bytes(seed, "big") % (c["n"] - 1) + 1


def ec_public_sec1(curve):
    c = CURVES[curve]
    x, y = ec_multiply(c, ec_private(curve), c["g"])
    return b"\x04" + x.to_bytes(c["size"], "big") + y.to_bytes(c["size"], "big")


def ec_sign(curve, message=MESSAGE, nonce_label=b""):
    """(r, s) over hash(message); the nonce is derived from the key, message and label."""
    c = CURVES[curve]
    n, d = c["n"], ec_private(curve)
    e = int.from_bytes(hashlib.new(c["hash"], message).digest()[: c["size"]], "big")
    counter = 0
    while True:
        k_seed = hashlib.sha512(d.to_bytes(64, "big") + message + nonce_label + bytes([counter])).digest()
        k = int.from_bytes(k_seed, "big") % (n - 1) + 1
        r = ec_multiply(c, k, c["g"])[0] % n
        s = pow(k, -1, n) * (e + r * d) % n
        if r and s:
            return r, s
        counter += 1


# Miller-Rabin with fixed bases: deterministic, and plenty for a test key from a hash.
_BASES = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53)


def _is_probable_prime(n):
    if n < 2 or n % 2 == 0:
        return n == 2
    d, r = n - 1, 0
    while d % 2 == 0:
        d, r = d // 2, r + 1
    for base in _BASES:
        x = pow(base, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(r - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


def _prime(label, bits, e):
    """The first prime of `bits` bits counting up from a value hashed from `label`."""
    stream = b"".join(hashlib.sha512(label + bytes([i])).digest() for i in range(bits // 512 + 1))
    candidate = int.from_bytes(stream, "big") >> (len(stream) * 8 - bits) | (3 << (bits - 2)) | 1
    while not ((candidate - 1) % e and _is_probable_prime(candidate)):
        candidate += 2
    return candidate


def rsa_key(bits=2048, e=65537):
    """(n, e, d) from fixed labels; n has exactly `bits` bits (odd sizes exercise PSS's short EM)."""
    p = _prime(b"certo-fuzz-rsa-p-%d" % bits, (bits + 1) // 2, e)
    q = _prime(b"certo-fuzz-rsa-q-%d" % bits, bits // 2, e)
    return p * q, e, pow(e, -1, (p - 1) * (q - 1))


# The RSA target's two keys: a common size, and one whose encoded message is a byte shorter than
# the modulus (RFC 8017 §8.1.2 step 2c).
RSA_SIZES = (2048, 2049)


# DER DigestInfo prefixes for PKCS #1 v1.5 (RFC 8017 §9.2, note 1).
DIGEST_INFO = {
    "sha1": bytes.fromhex("3021300906052b0e03021a05000414"),
    "sha256": bytes.fromhex("3031300d060960864801650304020105000420"),
    "sha384": bytes.fromhex("3041300d060960864801650304020205000430"),
    "sha512": bytes.fromhex("3051300d060960864801650304020305000440"),
}


def rsa_pkcs1v15_sign(key, hash_name, message=MESSAGE):
    n, _, d = key
    size = (n.bit_length() + 7) // 8
    t = DIGEST_INFO[hash_name] + hashlib.new(hash_name, message).digest()
    em = b"\x00\x01" + b"\xff" * (size - len(t) - 3) + b"\x00" + t
    return pow(int.from_bytes(em, "big"), d, n).to_bytes(size, "big")


def _mgf1(hash_name, seed, length):
    out = b""
    counter = 0
    while len(out) < length:
        out += hashlib.new(hash_name, seed + counter.to_bytes(4, "big")).digest()
        counter += 1
    return out[:length]


def rsa_pss_sign(key, hash_name, salt_length, message=MESSAGE, mgf1_hash=None):
    """RSASSA-PSS (RFC 8017 §9.1.1 EMSA-PSS-ENCODE) with a salt derived from the label inputs."""
    n, _, d = key
    mgf1_hash = mgf1_hash or hash_name
    em_bits = n.bit_length() - 1
    em_len = (em_bits + 7) // 8
    m_hash = hashlib.new(hash_name, message).digest()
    salt = hashlib.sha512(b"salt" + bytes([salt_length])).digest() * 4
    salt = salt[:salt_length]
    h = hashlib.new(hash_name, b"\x00" * 8 + m_hash + salt).digest()
    db = b"\x00" * (em_len - salt_length - len(h) - 2) + b"\x01" + salt
    masked = bytes(a ^ b for a, b in zip(db, _mgf1(mgf1_hash, h, len(db))))
    masked = bytes([masked[0] & (0xFF >> (8 * em_len - em_bits))]) + masked[1:]
    em = masked + h + b"\xbc"
    size = (n.bit_length() + 7) // 8
    return pow(int.from_bytes(em, "big"), d, n).to_bytes(size, "big")


if __name__ == "__main__":
    # The public halves, as the Swift targets embed them.
    for curve in CURVES:
        print(curve, ec_public_sec1(curve).hex())
    for bits in RSA_SIZES:
        n, e, _ = rsa_key(bits)
        print("rsa%d n %x e %d" % (bits, n, e))
