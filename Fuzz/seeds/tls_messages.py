# TLS server messages for the TLS target's seeds, in the layouts TLSServerFuzzer.swift reads. The
# TLS 1.3 ones echo FixedClient.swift's session id and send an X25519 share the client can use, so a
# scripted handshake (mode 3) decrypts and reaches the Certificate message.

SESSION_ID = b"\x22" * 32
X25519_SHARE = bytes([9]) + bytes(31)  # the base point: any valid public value will do
HRR_RANDOM = bytes.fromhex("cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c")


def u8(n):
    return bytes([n])


def u16(n):
    return n.to_bytes(2, "big")


def u24(n):
    return n.to_bytes(3, "big")


def vector(length_bytes, data):
    return len(data).to_bytes(length_bytes, "big") + data


def extension(kind, data):
    return u16(kind) + vector(2, data)


def alpn(name=b"h2"):
    return extension(16, vector(2, vector(1, name)))


def server_hello(version=0x0304, suite=0x1301, session_id=SESSION_ID, random=b"\x44" * 32, extensions=None):
    if extensions is None:
        extensions = extension(43, u16(0x0304)) + extension(51, u16(0x1D) + vector(2, X25519_SHARE))
        if version != 0x0304:
            extensions = b""
    body = u16(0x0303) + random + vector(1, session_id) + u16(suite) + u8(0)
    return body + (vector(2, extensions) if extensions or version == 0x0304 else b"")


def hello_retry_request(cookie=b"certo-cookie"):
    extensions = extension(43, u16(0x0304)) + extension(44, vector(2, cookie))
    return server_hello(random=HRR_RANDOM, extensions=extensions)


def encrypted_extensions(with_alpn=False):
    return vector(2, alpn() if with_alpn else b"")


def certificate_tls12(chain):
    return vector(3, b"".join(vector(3, der) for der in chain))


def certificate_tls13(chain):
    return vector(1, b"") + vector(3, b"".join(vector(3, der) + vector(2, b"") for der in chain))


def handshake(kind, body):
    return u8(kind) + u24(len(body)) + body


def record(content_type, content):
    return u8(content_type) + b"\x03\x03" + vector(2, content)


def tls12_flight(chain, suite=0xC02F):
    """A TLS 1.2 server's plaintext answer: ServerHello, Certificate (and ServerHelloDone)."""
    hello = handshake(2, server_hello(version=0x0303, suite=suite, session_id=b"\x55" * 32,
                                      extensions=extension(23, b"") + extension(0xFF01, b"\x00")))
    messages = hello + handshake(11, certificate_tls12(chain)) + handshake(14, b"")
    return record(22, messages)


def scripted_tls13(chain, suite=0x1301, certificate_request=False, with_alpn=False):
    """Mode 3 input after the flags byte: ServerHello body, then encrypted handshake pieces
    (kind 3 | selector << 2, ScriptedServer.handshakeTypes: 0 EncryptedExtensions, 1 Certificate,
    2 CertificateRequest)."""
    out = vector(2, server_hello(suite=suite))
    out += u8(3 | 0 << 2) + vector(2, encrypted_extensions(with_alpn))
    if certificate_request:
        out += u8(3 | 2 << 2) + vector(2, vector(1, b"") + vector(2, b""))
    out += u8(3 | 1 << 2) + vector(2, certificate_tls13(chain))
    return out
