// An X.509 certificate (RFC 5280 §4.1), v1 to v3, parsed strictly from DER in one forward pass with
// CertoDER's allocation-free DERScanner. It keeps the exact tbsCertificate bytes and shares the input's
// storage for every byte field; it checks no signature and judges no policy (that is CertoSignature's
// and Certo's job).
import CertoDER
import CertoHash

public struct Certificate: Sendable, Hashable {
    /// Certificates larger than this are refused before parsing (real ones are a few KiB).
    public static let maximumByteCount = 1 << 20

    /// The parsed fields, shared by every copy: path building copies a certificate onto each path it
    /// tries, and one reference costs one retain where a dozen arrays and slices cost a dozen.
    private final class Fields: Sendable {
        let derBytes: [UInt8]
        let tbsRange: Range<Int>
        let version: Int
        let serial: ArraySlice<UInt8>
        let signatureAlgorithm: SignatureAlgorithmIdentifier
        let signature: ArraySlice<UInt8>
        let issuer: DistinguishedName
        let subject: DistinguishedName
        let notBefore: Int64
        let notAfter: Int64
        let publicKey: PublicKeyInfo
        let extensions: Extensions
        let issuerUID: ArraySlice<UInt8>?
        let subjectUID: ArraySlice<UInt8>?

        init(derBytes: [UInt8], tbsRange: Range<Int>, version: Int, serial: ArraySlice<UInt8>,
             signatureAlgorithm: SignatureAlgorithmIdentifier, signature: ArraySlice<UInt8>,
             issuer: DistinguishedName, subject: DistinguishedName, notBefore: Int64, notAfter: Int64,
             publicKey: PublicKeyInfo, extensions: Extensions, issuerUID: ArraySlice<UInt8>?, subjectUID: ArraySlice<UInt8>?) {
            self.derBytes = derBytes
            self.tbsRange = tbsRange
            self.version = version
            self.serial = serial
            self.signatureAlgorithm = signatureAlgorithm
            self.signature = signature
            self.issuer = issuer
            self.subject = subject
            self.notBefore = notBefore
            self.notAfter = notAfter
            self.publicKey = publicKey
            self.extensions = extensions
            self.issuerUID = issuerUID
            self.subjectUID = subjectUID
        }
    }

    private let fields: Fields

    public var derBytes: [UInt8] { fields.derBytes }
    var tbsRange: Range<Int> { fields.tbsRange }
    /// 1, 2 or 3.
    public var version: Int { fields.version }
    var serial: ArraySlice<UInt8> { fields.serial }
    /// The outer signatureAlgorithm (parsing refuses one that differs from tbsCertificate.signature).
    public var signatureAlgorithm: SignatureAlgorithmIdentifier { fields.signatureAlgorithm }
    var signature: ArraySlice<UInt8> { fields.signature }
    public var issuer: DistinguishedName { fields.issuer }
    public var subject: DistinguishedName { fields.subject }
    /// Unix seconds, UTC; both bounds are inclusive (RFC 5280 §4.1.2.5).
    public var notBefore: Int64 { fields.notBefore }
    public var notAfter: Int64 { fields.notAfter }
    public var publicKey: PublicKeyInfo { fields.publicKey }
    public var extensions: Extensions { fields.extensions }
    var issuerUID: ArraySlice<UInt8>? { fields.issuerUID }
    var subjectUID: ArraySlice<UInt8>? { fields.subjectUID }

    /// Equal when the DER is: every other field is parsed from it.
    public static func == (lhs: Certificate, rhs: Certificate) -> Bool {
        lhs.fields === rhs.fields || lhs.fields.derBytes == rhs.fields.derBytes
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(fields.derBytes.count)
        fields.derBytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    /// The exact DER bytes of tbsCertificate, which the issuer signed.
    public var tbsCertificateBytes: [UInt8] { Array(derBytes[tbsRange]) }
    /// serialNumber INTEGER content octets, big-endian two's complement, as encoded.
    public var serialNumber: [UInt8] { Array(serial) }
    /// signatureValue BIT STRING contents.
    public var signatureBytes: [UInt8] { Array(signature) }
    /// The whole SubjectPublicKeyInfo DER.
    public var subjectPublicKeyInfoBytes: [UInt8] { publicKey.derBytes }
    /// issuerUniqueID / subjectUniqueID BIT STRING contents (v2 and v3 only; practically never present).
    public var issuerUniqueID: [UInt8]? { issuerUID.map { Array($0) } }
    public var subjectUniqueID: [UInt8]? { subjectUID.map { Array($0) } }

    /// Calls `body` with the tbsCertificate bytes without copying them.
    public func withTBSCertificateBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try derBytes.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[tbsRange]))
        }
    }

    /// subject == issuer under RFC 5280 §7.1 comparison (a self-issued certificate; it may still be signed by another key).
    public var isSelfIssued: Bool { subject == issuer }

    /// What RFC 5280 §4.1.2.2 forbids in a serial number but deployed certificates carry; policy decides.
    public var serialNumberProblems: SerialNumberProblems {
        var problems: SerialNumberProblems = []
        if serial.first! & 0x80 != 0 { problems.insert(.negative) }
        if serial.allSatisfy({ $0 == 0 }) { problems.insert(.zero) }
        if serial.count > 20 { problems.insert(.longerThan20Octets) }
        return problems
    }

    /// Serial number as lower-case hex of its content octets (two's complement, as encoded).
    public var serialNumberHex: String { hexString(serial) }

    /// The digest of the whole DER certificate.
    public func fingerprint(_ algorithm: HashAlgorithm) -> [UInt8] {
        derBytes.withUnsafeBytes { algorithm.hash(bufferPointer: $0) }
    }

    /// Whether `time` (Unix seconds) lies within notBefore...notAfter, both inclusive.
    public func isValid(at time: Int64) -> Bool { notBefore <= time && time <= notAfter }

    /// Parses one DER certificate; the whole input must be that certificate.
    public init(derEncoded: [UInt8]) throws(CertificateError) {
        guard derEncoded.count <= Self.maximumByteCount else {
            throw .inputTooLarge(byteCount: derEncoded.count, limit: Self.maximumByteCount)
        }
        let bytes = derEncoded[...]
        guard !bytes.isEmpty else { throw .malformedDER(offset: 0, problem: .empty) }
        var outer = DERScanner(bytes)
        var certificate = try outer.enter(0x30, "certificate")
        if !outer.isAtEnd { throw .malformedDER(offset: outer.position, problem: .trailingData) }
        let tbsTLV = try certificate.read(0x30, "tbsCertificate")
        let outerAlgorithmTLV = try certificate.read(0x30, "signatureAlgorithm")
        let signatureStart = certificate.position
        let (signature, unusedBits) = try certificate.bitString("signatureValue")
        guard unusedBits == 0 else { throw .invalidEncoding(field: "signatureValue", offset: signatureStart, problem: .bitString) }
        try certificate.finish("certificate")

        var tbs = try certificate.enter(tbsTLV, "tbsCertificate")
        var version = 1
        if tbs.nextTag == 0xa0 {
            var tagged = try tbs.enter(0xa0, "tbsCertificate.version")
            let start = tagged.position
            let raw = try tagged.smallNonNegativeInteger("tbsCertificate.version")
            try tagged.finish("tbsCertificate.version")
            // DER forbids encoding the DEFAULT v1; versions beyond v3 do not exist.
            guard raw == 1 || raw == 2 else { throw .valueOutOfRange(field: "tbsCertificate.version", offset: start) }
            version = raw + 1
        }
        let serial = try tbs.integer("tbsCertificate.serialNumber")
        let innerAlgorithmTLV = try tbs.read(0x30, "tbsCertificate.signature")
        let issuerTLV = try tbs.read(0x30, "tbsCertificate.issuer")
        let issuer = try DistinguishedName(encoded: bytes[issuerTLV.start..<issuerTLV.end], field: "tbsCertificate.issuer")

        var validity = try tbs.enter(0x30, "tbsCertificate.validity")
        let notBefore = try CertificateTime.read(&validity, "tbsCertificate.validity.notBefore")
        let notAfter = try CertificateTime.read(&validity, "tbsCertificate.validity.notAfter")
        try validity.finish("tbsCertificate.validity")

        let subjectTLV = try tbs.read(0x30, "tbsCertificate.subject")
        let subject = try DistinguishedName(encoded: bytes[subjectTLV.start..<subjectTLV.end], field: "tbsCertificate.subject")
        let keyTLV = try tbs.read(0x30, "tbsCertificate.subjectPublicKeyInfo")
        let publicKey: PublicKeyInfo
        do {
            publicKey = try PublicKeyInfo(encoded: bytes[keyTLV.start..<keyTLV.end])
        } catch {
            throw error.prefixed("tbsCertificate")
        }

        var issuerUID: ArraySlice<UInt8>? = nil
        var subjectUID: ArraySlice<UInt8>? = nil
        var extensions = Extensions([])
        if tbs.nextTag == 0x81 {
            guard version >= 2 else { throw .notAllowedInVersion(field: "tbsCertificate.issuerUniqueID", version: version) }
            issuerUID = try tbs.bitString("tbsCertificate.issuerUniqueID", tag: 0x81).bytes
        }
        if tbs.nextTag == 0x82 {
            guard version >= 2 else { throw .notAllowedInVersion(field: "tbsCertificate.subjectUniqueID", version: version) }
            subjectUID = try tbs.bitString("tbsCertificate.subjectUniqueID", tag: 0x82).bytes
        }
        if tbs.nextTag == 0xa3 {
            guard version == 3 else { throw .notAllowedInVersion(field: "tbsCertificate.extensions", version: version) }
            var tagged = try tbs.enter(0xa3, "tbsCertificate.extensions")
            extensions = try Extensions(&tagged, field: "tbsCertificate.extensions")
            try tagged.finish("tbsCertificate.extensions")
        }
        try tbs.finish("tbsCertificate")

        // RFC 5280 §4.1.1.2: signatureAlgorithm MUST equal tbsCertificate.signature.
        let outerAlgorithm = bytes[outerAlgorithmTLV.start..<outerAlgorithmTLV.end]
        let innerAlgorithm = bytes[innerAlgorithmTLV.start..<innerAlgorithmTLV.end]
        guard outerAlgorithm == innerAlgorithm else {
            // Decode both first so a malformed identifier is reported as such rather than as a mismatch.
            _ = try Self.signatureAlgorithm(innerAlgorithm, "tbsCertificate.signature")
            _ = try Self.signatureAlgorithm(outerAlgorithm, "signatureAlgorithm")
            throw .signatureAlgorithmMismatch
        }
        let algorithm = try Self.signatureAlgorithm(outerAlgorithm, "signatureAlgorithm")

        fields = Fields(derBytes: derEncoded, tbsRange: tbsTLV.start..<tbsTLV.end, version: version, serial: serial,
                        signatureAlgorithm: algorithm, signature: signature, issuer: issuer, subject: subject,
                        notBefore: notBefore, notAfter: notAfter, publicKey: publicKey, extensions: extensions,
                        issuerUID: issuerUID, subjectUID: subjectUID)
    }
}

extension Certificate {
    private static func signatureAlgorithm(_ encoded: ArraySlice<UInt8>, _ field: String) throws(CertificateError) -> SignatureAlgorithmIdentifier {
        do { return try SignatureAlgorithmIdentifier(encoded: encoded) } catch { throw error.prefixed(field) }
    }
}

/// Serial-number properties RFC 5280 §4.1.2.2 forbids; tolerated at parse so policy can decide.
public struct SerialNumberProblems: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let negative = SerialNumberProblems(rawValue: 1)
    public static let zero = SerialNumberProblems(rawValue: 2)
    public static let longerThan20Octets = SerialNumberProblems(rawValue: 4)
}
