// `import Certo` is enough for a program that uses Certo as its verifier: the certificate model
// (CertoX509), the key/signature facade (CertoSignature) and the hash functions (CertoHash: SHA256
// and friends, whose digests the key types verify) are re-exported from here. Beside swift-crypto or
// swift-certificates in one file, `Certo.Certificate`, `Certo.P256` and `Certo.SHA256` say which is
// meant.
@_exported import CertoDER
@_exported import CertoHash
@_exported import CertoSignature
@_exported import CertoX509
