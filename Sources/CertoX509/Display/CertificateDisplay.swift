// What `certo show` prints for one certificate, from either of two sources: a `Certificate` the strict
// parser accepted (no problems), or the tolerant display decoder (CertificateDisplay+Decoding.swift),
// which reads a certificate the strict parser refuses as far as its TLV structure allows and lists
// every departure as a CertificateProblem. A display value is for people: it checks no signature, and
// nothing that verifies takes one (there is no way from here to a Certificate the strict parser refused).
import CertoDER
import CertoHash

/// One certificate as `certo show` presents it: strictly parsed (`certificate` set, no `problems`) or
/// read by the display decoder, with every departure from DER and RFC 5280 in `problems`.
public struct CertificateDisplay: Sendable {
    /// One reference per value, as Certificate keeps its fields: `certo show` holds a whole bundle's
    /// displays at once, and a strict parse is shown from the Certificate itself.
    private enum Storage: Sendable {
        case strict(Certificate)
        case decoded(Decoded)
    }

    /// What the display decoder read.
    final class Decoded: Sendable {
        let derBytes: [UInt8]
        let version: Int?
        let serialNumber: [UInt8]
        let signatureAlgorithm: SignatureAlgorithmIdentifier?
        let issuer: DistinguishedName
        let subject: DistinguishedName
        let notBefore: Int64?
        let notAfter: Int64?
        let publicKey: DisplayedPublicKey
        let extensions: Extensions
        /// The decoder's own summary, by extension index, where it has a better one than `Extension.summary`.
        let summaries: [String?]
        /// The subjectAltName entries the decoder read where the strict decoder refused them.
        let alternativeNames: [String]?
        let problems: [CertificateProblem]

        init(derBytes: [UInt8], version: Int?, serialNumber: [UInt8], signatureAlgorithm: SignatureAlgorithmIdentifier?,
             issuer: DistinguishedName, subject: DistinguishedName, notBefore: Int64?, notAfter: Int64?,
             publicKey: DisplayedPublicKey, extensions: Extensions, summaries: [String?], alternativeNames: [String]?,
             problems: [CertificateProblem]) {
            self.derBytes = derBytes
            self.version = version
            self.serialNumber = serialNumber
            self.signatureAlgorithm = signatureAlgorithm
            self.issuer = issuer
            self.subject = subject
            self.notBefore = notBefore
            self.notAfter = notAfter
            self.publicKey = publicKey
            self.extensions = extensions
            self.summaries = summaries
            self.alternativeNames = alternativeNames
            self.problems = problems
        }
    }

    private let storage: Storage

    /// The display of a certificate the strict parser accepted.
    public init(_ certificate: Certificate) { storage = .strict(certificate) }

    init(decoded: Decoded) { storage = .decoded(decoded) }

    /// The strict parse, when the strict parser accepted the certificate.
    public var certificate: Certificate? {
        if case .strict(let certificate) = storage { return certificate }
        return nil
    }

    /// The certificate's DER, exactly as given (fingerprints are of these bytes).
    public var derBytes: [UInt8] {
        switch storage { case .strict(let c): return c.derBytes; case .decoded(let d): return d.derBytes }
    }

    /// 1, 2 or 3 for a strictly parsed certificate; the encoded INTEGER plus one otherwise; nil when unreadable.
    public var version: Int? {
        switch storage { case .strict(let c): return c.version; case .decoded(let d): return d.version }
    }

    /// serialNumber INTEGER content octets as encoded (two's complement).
    public var serialNumber: [UInt8] {
        switch storage { case .strict(let c): return c.serialNumber; case .decoded(let d): return d.serialNumber }
    }

    /// The signature algorithm (tbsCertificate.signature when the two fields differ); nil when unreadable.
    public var signatureAlgorithm: SignatureAlgorithmIdentifier? {
        switch storage { case .strict(let c): return c.signatureAlgorithm; case .decoded(let d): return d.signatureAlgorithm }
    }

    /// The issuer Name; one the strict decoder refused compares equal only to the same refused bytes.
    public var issuer: DistinguishedName {
        switch storage { case .strict(let c): return c.issuer; case .decoded(let d): return d.issuer }
    }

    /// The subject Name, compared as `issuer` is.
    public var subject: DistinguishedName {
        switch storage { case .strict(let c): return c.subject; case .decoded(let d): return d.subject }
    }

    /// The first second of validity (inclusive), Unix seconds; nil when the time cannot be read.
    public var notBefore: Int64? {
        switch storage { case .strict(let c): return c.notBefore; case .decoded(let d): return d.notBefore }
    }

    /// The last second of validity (inclusive), Unix seconds; nil when the time cannot be read.
    public var notAfter: Int64? {
        switch storage { case .strict(let c): return c.notAfter; case .decoded(let d): return d.notAfter }
    }

    /// The SubjectPublicKeyInfo, decoded strictly or as far as the display decoder could read it.
    public var publicKey: DisplayedPublicKey {
        switch storage { case .strict(let c): return .decoded(c.publicKey); case .decoded(let d): return d.publicKey }
    }

    /// The extensions as read (a repeated one included; the typed accessors see the first).
    public var extensions: Extensions {
        switch storage { case .strict(let c): return c.extensions; case .decoded(let d): return d.extensions }
    }

    /// Empty for a strictly parsed certificate.
    public var problems: [CertificateProblem] {
        switch storage { case .strict: return []; case .decoded(let d): return d.problems }
    }

    /// One line per extension of `extensions.all`, in order.
    public var extensionSummaries: [String] {
        let decoded: [String?]
        if case .decoded(let d) = storage { decoded = d.summaries } else { decoded = [] }
        return extensions.all.enumerated().map { index, ext in (index < decoded.count ? decoded[index] : nil) ?? ext.summary }
    }

    /// The subjectAltName entries as text ("DNS:example.com"), nil when there is no subjectAltName (or
    /// when not even the display decoder could read it).
    public var subjectAlternativeNames: [String]? {
        if let names = extensions.subjectAlternativeNames { return names.map(\.description) }
        if case .decoded(let d) = storage { return d.alternativeNames }
        return nil
    }

    /// Serial number as lower-case hex of its content octets (two's complement, as encoded).
    public var serialNumberHex: String { hexString(serialNumber) }

    /// What RFC 5280 §4.1.2.2 forbids in a serial number, as `Certificate.serialNumberProblems` says.
    public var serialNumberProblems: SerialNumberProblems {
        var problems: SerialNumberProblems = []
        guard let first = serialNumber.first else { return problems }
        if first & 0x80 != 0 { problems.insert(.negative) }
        if serialNumber.allSatisfy({ $0 == 0 }) { problems.insert(.zero) }
        if serialNumber.count > 20 { problems.insert(.longerThan20Octets) }
        return problems
    }

    /// The digest of the whole DER certificate as given.
    public func fingerprint(_ algorithm: HashAlgorithm) -> [UInt8] {
        derBytes.withUnsafeBytes { algorithm.hash(bufferPointer: $0) }
    }

    /// subject == issuer under RFC 5280 §7.1 comparison.
    public var isSelfIssued: Bool { subject == issuer }

    /// How `candidate`'s subjectKeyIdentifier relates to this certificate's authorityKeyIdentifier, as
    /// `Certificate.keyIdentifierRelation(toIssuer:)` says for strictly parsed certificates.
    public func keyIdentifierRelation(toIssuer candidate: CertificateDisplay) -> KeyIdentifierRelation {
        if let mine = certificate, let theirs = candidate.certificate { return mine.keyIdentifierRelation(toIssuer: theirs) }
        guard let authorityKeyID = extensions.authorityKeyIdentifier?.keyIdentifier,
              candidate.extensions[.subjectKeyIdentifier] != nil else { return .unknown }
        return candidate.extensions.hasSubjectKeyIdentifier(authorityKeyID) ? .agrees : .contradicts
    }
}

/// A SubjectPublicKeyInfo as the display shows it.
public enum DisplayedPublicKey: Sendable, Hashable {
    /// The strict decoder accepted it.
    case decoded(PublicKeyInfo)
    /// What could be read of one the strict decoder refused (the problems say why).
    case undecoded(UndecodedPublicKey)
}

/// The facts the display decoder could read from a SubjectPublicKeyInfo the strict decoder refused.
public struct UndecodedPublicKey: Sendable, Hashable {
    /// Dotted algorithm OID; nil when the AlgorithmIdentifier cannot be read.
    public let algorithmOID: String?
    /// The algorithm with its size or curve, when those could be read.
    public let algorithm: PublicKeyAlgorithm?
    /// An RSA key's public exponent, big-endian without the sign octet, when it could be read.
    public let rsaPublicExponentBytes: [UInt8]?

    /// The algorithm's usual name ("rsaEncryption", "id-ecPublicKey"), or the OID.
    public var algorithmName: String {
        switch algorithmOID {
        case nil: return "unreadable algorithm"
        case "1.2.840.113549.1.1.1": return "rsaEncryption"
        case "1.2.840.10045.2.1": return "id-ecPublicKey"
        case "1.2.840.113549.1.1.10": return "id-RSASSA-PSS"
        case let oid?: return PublicKeyAlgorithm.unknown(oid: oid).description
        }
    }
}
