// The entry points a program reaches for first: a certificate from a PEM string or from DER in any
// byte collection, every certificate of a PEM bundle, and a one-line description for logs.
import CertoDER

extension Certificate {
    /// Parses the one CERTIFICATE block of `pemEncoded` (text around it is ignored). Throws
    /// `.noCertificates` when there is none and `.multipleCertificates` when there are several: a
    /// bundle is `parseAll(pemEncoded:)`'s.
    public init(pemEncoded: String) throws(CertificateError) {
        let all = try Certificate.parseAll(pemEncoded: pemEncoded)
        guard all.count == 1 else { throw .multipleCertificates(count: all.count) }
        self = all[0]
    }

    /// Parses one DER certificate from any collection of bytes (`Data`, `ArraySlice`, a `ByteBuffer`'s
    /// readable view, ...).
    public init<Bytes: Collection>(derEncoded bytes: Bytes) throws(CertificateError) where Bytes.Element == UInt8 {
        try self.init(derEncoded: Array(bytes))
    }

    /// Every CERTIFICATE block of `pemEncoded`, in order; throws `.noCertificates` when there is none,
    /// and for the first block that does not parse (`.inPEMBlock`, with its line).
    public static func parseAll(pemEncoded: String) throws(CertificateError) -> [Certificate] {
        let bytes = Array(pemEncoded.utf8)
        guard !looksLikeDER(bytes) else { throw .noCertificates }
        return try parseAll(bytes)
    }
}

extension Certificate: CustomStringConvertible {
    /// Subject, issuer, validity and key on one line, e.g.
    /// `Certificate(subject: CN=example.com, issuer: CN=Example CA, valid: 2025-01-01T00:00:00Z to 2026-01-01T00:00:00Z, key: ECDSA P-256)`.
    public var description: String {
        "Certificate(subject: \(subject.openSSLDescription), issuer: \(issuer.openSSLDescription), "
            + "valid: \(CivilTime.iso8601(notBefore)) to \(CivilTime.iso8601(notAfter)), key: \(KeyDescription.describe(publicKey)))"
    }
}
