// What is wrong with a DER structure and where: a byte offset into the caller's buffer (slices keep
// their indices, so offsets are absolute) and, once a field could be named, its path
// ("tbsCertificate.validity.notAfter"). Each module above turns these into its own error type through
// `DERFailure`, so a scanner throws the caller's type and no call site converts.

public enum DERError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The TLV structure itself is broken at `offset` (before any field could be read).
    case malformedDER(offset: Int, problem: DERProblem)
    /// A required element is absent.
    case missingElement(field: String)
    /// The element at `offset` has tag `tag`, which `field` does not allow there.
    case unexpectedElement(field: String, offset: Int, tag: UInt8)
    /// Elements follow where `field` should have ended.
    case trailingElements(field: String, offset: Int)
    /// The element is present with the right tag but its content breaks DER or the ASN.1 type.
    case invalidEncoding(field: String, offset: Int, problem: DEREncodingProblem)
    /// A well-formed value outside the range the field allows (a negative count, ...).
    case valueOutOfRange(field: String, offset: Int)

    /// The field path, once one could be named.
    public var field: String? {
        switch self {
        case .malformedDER: return nil
        case .missingElement(let field), .unexpectedElement(let field, _, _), .trailingElements(let field, _),
             .invalidEncoding(let field, _, _), .valueOutOfRange(let field, _):
            return field
        }
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
        }
    }
}

/// An error type a `DERScanner` can throw: every DER failure has a representation in it.
public protocol DERFailure: Error {
    init(_ error: DERError)
}

extension DERError: DERFailure {
    @inlinable public init(_ error: DERError) { self = error }
}

public enum DERProblem: String, Sendable, Equatable {
    case truncated = "element runs past the end of its container"
    case invalidLength = "length is not in DER form (indefinite or non-minimal)"
    case invalidTag = "tag is not in minimal form"
    case tooDeep = "nesting is deeper than the parser allows"
    case trailingData = "data follows the outermost element"
    case empty = "no data"
}

public enum DEREncodingProblem: String, Sendable, Equatable {
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

/// Two lowercase hex digits.
public func hexByte(_ byte: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    return String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0f)])
}
