// The one error type of CertoX509: a closed enum whose cases say what went wrong and where (a field
// path such as "tbsCertificate.validity.notAfter" and, where it helps, a byte offset in the DER).
// Messages derive from the case; callers match on cases, never on text. The DER-level cases are
// CertoDER's DERError, one for one, so a DERScanner<CertificateError> throws this type directly.
import CertoDER

public indirect enum CertificateError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The TLV structure itself is broken at `offset` (before any field could be read).
    case malformedDER(offset: Int, problem: DERProblem)
    /// A required element is absent.
    case missingElement(field: String)
    /// The element at `offset` has tag `tag`, which `field` does not allow there.
    case unexpectedElement(field: String, offset: Int, tag: UInt8)
    /// Elements follow where `field` should have ended.
    case trailingElements(field: String, offset: Int)
    /// The element is present with the right tag but its content breaks DER or the ASN.1 type.
    case invalidEncoding(field: String, offset: Int, problem: EncodingProblem)
    /// A well-formed value that RFC 5280 does not allow (version 4, a negative pathLen, ...).
    case valueOutOfRange(field: String, offset: Int)
    /// `field` appears in a certificate whose version does not allow it (extensions before v3, unique IDs in v1).
    case notAllowedInVersion(field: String, version: Int)
    /// Algorithm parameters that the algorithm's RFC forbids (NULL for ECDSA, absent for RSA keys, ...).
    case invalidAlgorithmParameters(field: String, offset: Int, algorithm: String)
    /// Certificate.signatureAlgorithm differs from tbsCertificate.signature (RFC 5280 §4.1.1.2).
    case signatureAlgorithmMismatch
    /// The same extension appears twice (RFC 5280 §4.2).
    case duplicateExtension(oid: String)
    /// A PEM problem at `line` (1-based) of the input.
    case invalidPEM(line: Int, problem: PEMProblem)
    /// An error inside the `index`-th (1-based) PEM block, which starts on `line`.
    case inPEMBlock(index: Int, line: Int, error: CertificateError)
    /// The input holds no certificate at all.
    case noCertificates
    /// The input is larger than the parser accepts.
    case inputTooLarge(byteCount: Int, limit: Int)
    /// An OCSP response whose responseBytes are of a type other than id-pkix-ocsp-basic (RFC 6960 §4.2.1).
    case unsupportedOCSPResponseType(oid: String)
    /// One certificate was asked for and the PEM input holds `count` of them.
    case multipleCertificates(count: Int)

    public typealias DERProblem = CertoDER.DERProblem
    public typealias EncodingProblem = DEREncodingProblem
    public typealias PEMProblem = CertoDER.PEMProblem

    public var description: String {
        switch self {
        case .malformedDER(let offset, let problem):
            return DERError.malformedDER(offset: offset, problem: problem).description
        case .missingElement(let field):
            return DERError.missingElement(field: field).description
        case .unexpectedElement(let field, let offset, let tag):
            return DERError.unexpectedElement(field: field, offset: offset, tag: tag).description
        case .trailingElements(let field, let offset):
            return DERError.trailingElements(field: field, offset: offset).description
        case .invalidEncoding(let field, let offset, let problem):
            return DERError.invalidEncoding(field: field, offset: offset, problem: problem).description
        case .valueOutOfRange(let field, let offset):
            return DERError.valueOutOfRange(field: field, offset: offset).description
        case .notAllowedInVersion(let field, let version):
            return "\(field): not allowed in a version \(version) certificate"
        case .invalidAlgorithmParameters(let field, let offset, let algorithm):
            return "\(field): parameters not allowed for \(algorithm) (byte \(offset))"
        case .signatureAlgorithmMismatch:
            return "signatureAlgorithm: differs from tbsCertificate.signature"
        case .duplicateExtension(let oid):
            return "tbsCertificate.extensions: extension \(oid) appears more than once"
        case .invalidPEM(let line, let problem):
            return PEMError(line: line, problem: problem).description
        case .inPEMBlock(let index, let line, let error):
            return "certificate \(index) (PEM line \(line)): \(error)"
        case .noCertificates:
            return "no certificate found"
        case .inputTooLarge(let count, let limit):
            return "input of \(count) bytes exceeds the limit of \(limit) bytes"
        case .multipleCertificates(let count):
            return "one certificate expected, the input holds \(count)"
        case .unsupportedOCSPResponseType(let oid):
            return "ocspResponse.responseBytes.responseType: \(oid) is not the basic OCSP response type"
        }
    }

    /// The same error with `prefix` put in front of its field path (for errors raised inside a nested value).
    func prefixed(_ prefix: String) -> CertificateError {
        func join(_ field: String) -> String { field.isEmpty ? prefix : prefix + "." + field }
        switch self {
        case .missingElement(let f): return .missingElement(field: join(f))
        case .unexpectedElement(let f, let o, let t): return .unexpectedElement(field: join(f), offset: o, tag: t)
        case .trailingElements(let f, let o): return .trailingElements(field: join(f), offset: o)
        case .invalidEncoding(let f, let o, let p): return .invalidEncoding(field: join(f), offset: o, problem: p)
        case .valueOutOfRange(let f, let o): return .valueOutOfRange(field: join(f), offset: o)
        case .notAllowedInVersion(let f, let v): return .notAllowedInVersion(field: join(f), version: v)
        case .invalidAlgorithmParameters(let f, let o, let a): return .invalidAlgorithmParameters(field: join(f), offset: o, algorithm: a)
        default: return self
        }
    }
}

extension CertificateError: DERFailure {
    public init(_ error: DERError) {
        switch error {
        case .malformedDER(let offset, let problem): self = .malformedDER(offset: offset, problem: problem)
        case .missingElement(let field): self = .missingElement(field: field)
        case .unexpectedElement(let field, let offset, let tag): self = .unexpectedElement(field: field, offset: offset, tag: tag)
        case .trailingElements(let field, let offset): self = .trailingElements(field: field, offset: offset)
        case .invalidEncoding(let field, let offset, let problem): self = .invalidEncoding(field: field, offset: offset, problem: problem)
        case .valueOutOfRange(let field, let offset): self = .valueOutOfRange(field: field, offset: offset)
        }
    }
}
