// The one error type of CertoX509: a closed enum whose cases say what went wrong and where (a field
// path such as "tbsCertificate.validity.notAfter" and, where it helps, a byte offset in the DER).
// Messages derive from the case; callers match on cases, never on text.

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

    public enum DERProblem: String, Sendable, Equatable {
        case truncated = "element runs past the end of its container"
        case invalidLength = "length is not in DER form (indefinite or non-minimal)"
        case invalidTag = "tag is not in minimal form"
        case tooDeep = "nesting is deeper than the parser allows"
        case trailingData = "data follows the outermost element"
        case empty = "no data"
    }

    public enum EncodingProblem: String, Sendable, Equatable {
        case integer = "INTEGER is empty or not minimally encoded"
        case integerTooLarge = "INTEGER is too large for this field"
        case boolean = "BOOLEAN is not 0x00 or 0xFF"
        case null = "NULL has content"
        case bitString = "BIT STRING is empty, has more than 7 unused bits, or non-zero padding"
        case objectIdentifier = "OBJECT IDENTIFIER is empty or not minimally encoded"
        case string = "string contains characters its type does not allow"
        case time = "time is not in RFC 5280 form"
        case constructedPrimitive = "element must be primitive but is constructed"
        case primitiveConstructed = "element must be constructed but is primitive"
        case emptySequence = "SEQUENCE or SET must not be empty here"
        case ipAddressLength = "IP address has the wrong length"
        case duplicateValue = "value appears more than once"
        case unknownChoice = "CHOICE alternative is not allowed here"
    }

    public enum PEMProblem: String, Sendable, Equatable {
        case unterminatedBlock = "BEGIN line without a matching END line"
        case mismatchedEnd = "END label does not match BEGIN label"
        case invalidBase64 = "invalid base64"
        case malformedBoundary = "malformed BEGIN/END line"
    }

    public var description: String {
        switch self {
        case .malformedDER(let offset, let problem):
            return "byte \(offset): malformed DER: \(problem.rawValue)"
        case .missingElement(let field):
            return "\(field): missing"
        case .unexpectedElement(let field, let offset, let tag):
            return "\(field): unexpected element with tag 0x\(hexByte(tag)) at byte \(offset)"
        case .trailingElements(let field, let offset):
            return "\(field): unexpected extra element at byte \(offset)"
        case .invalidEncoding(let field, let offset, let problem):
            return "\(field): \(problem.rawValue) (byte \(offset))"
        case .valueOutOfRange(let field, let offset):
            return "\(field): value out of range (byte \(offset))"
        case .notAllowedInVersion(let field, let version):
            return "\(field): not allowed in a version \(version) certificate"
        case .invalidAlgorithmParameters(let field, let offset, let algorithm):
            return "\(field): parameters not allowed for \(algorithm) (byte \(offset))"
        case .signatureAlgorithmMismatch:
            return "signatureAlgorithm: differs from tbsCertificate.signature"
        case .duplicateExtension(let oid):
            return "tbsCertificate.extensions: extension \(oid) appears more than once"
        case .invalidPEM(let line, let problem):
            return "line \(line): \(problem.rawValue)"
        case .inPEMBlock(let index, let line, let error):
            return "certificate \(index) (PEM line \(line)): \(error)"
        case .noCertificates:
            return "no certificate found"
        case .inputTooLarge(let count, let limit):
            return "input of \(count) bytes exceeds the limit of \(limit) bytes"
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

func hexByte(_ byte: UInt8) -> String {
    let digits: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f"]
    return String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0f)])
}
