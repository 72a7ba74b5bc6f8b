// What the display decoder found wrong in a certificate it could still read: the field (the strict
// parser's field paths), where (a byte offset in the certificate as given), what (a typed reason whose
// text derives from the case) and the rule it breaks (an RFC 5280 section, or X.690 for encodings).
// `certo show` prints them; nothing decides on them, and verification never sees them.
import CertoDER

/// One departure from DER or RFC 5280 in a certificate shown by the display decoder: field, offset, reason, rule.
public struct CertificateProblem: Sendable, Equatable, CustomStringConvertible {
    /// Field path, as the strict parser names it ("tbsCertificate.validity.notAfter").
    public let field: String
    /// Byte offset of the offending element in the certificate's DER as given, when one is to blame.
    public let offset: Int?
    /// What is wrong, as a typed case.
    public let reason: Reason
    /// The rule broken: "RFC 5280 §4.1.2.5.1", "X.690 §10.1", ...
    public let rule: String

    /// A problem with `field` at `offset`; `rule` defaults to the one the reason always breaks.
    public init(field: String, offset: Int?, reason: Reason, rule: String? = nil) {
        self.field = field
        self.offset = offset
        self.reason = reason
        self.rule = rule ?? reason.rule
    }

    /// What is wrong, in words.
    public var what: String { reason.description }
    /// "field: what (rule)".
    public var description: String { "\(field): \(what) (\(rule))" }

    /// What is wrong; the words derive from the case.
    public enum Reason: Sendable, Equatable, CustomStringConvertible {
        /// A length in long form where the short form does, or with leading zero octets.
        case nonMinimalLength(atByte: Int)
        /// Bytes follow the certificate's SEQUENCE in the same DER input.
        case dataAfterCertificate(byteCount: Int)
        /// An element where the structure should have ended, or of a kind not allowed there.
        case unexpectedElement(tag: UInt8)
        /// An INTEGER with a redundant leading octet.
        case integerNotMinimal
        /// An INTEGER with no content octets.
        case integerEmpty
        /// A BOOLEAN whose one octet is neither 0x00 nor 0xFF (or that is not one octet).
        case booleanNotDER
        /// A BIT STRING whose unused-bits octet is over 7, or not 0 for an empty value.
        case bitStringUnusedBits(Int)
        /// A BIT STRING whose unused bits are not all zero.
        case bitStringPaddingNotZero
        /// A BIT STRING that must hold whole octets (a signature, a key) has unused bits.
        case notWholeOctets(unusedBits: Int)
        /// version is present with the value of v1, its DEFAULT.
        case versionEncodedAsDefault
        /// version holds an INTEGER other than 0, 1 or 2 (v1, v2, v3).
        case versionOutOfRange(Int)
        /// version is not an INTEGER that can be read.
        case versionUnreadable
        /// The field appears in a certificate whose version does not allow it.
        case notAllowedInVersion(Int)
        /// A validity time not in RFC 5280's form (or not readable at all).
        case time(TimeReason, encoding: TimeEncoding, text: String)
        /// signatureAlgorithm differs from tbsCertificate.signature; the outer one as it reads.
        case signatureAlgorithmMismatch(outer: String)
        /// extensions is present but empty.
        case emptyExtensions
        /// The extension appears more than once; the first is shown decoded.
        case duplicateExtension(oid: String)
        /// An IA5String name form (dNSName, rfc822Name, URI) holding non-ASCII bytes, shown as UTF-8.
        case nonASCIIName(form: String, text: String)
        /// What the strict decoder said of a field it refused, where no case above says more.
        case refused(CertificateError)

        /// What is wrong, in words (without the field or the rule).
        public var description: String {
            switch self {
            case .nonMinimalLength(let offset): return "the length of the element at byte \(offset) is not in the fewest octets (BER, not DER)"
            case .dataAfterCertificate(let count): return "\(count) byte\(count == 1 ? "" : "s") of data after the certificate (ignored)"
            case .unexpectedElement(let tag): return "unexpected element with tag 0x\(hexByte(tag)) (ignored)"
            case .integerNotMinimal: return "INTEGER is not minimally encoded"
            case .integerEmpty: return "INTEGER has no content octets"
            case .booleanNotDER: return "BOOLEAN is not 0x00 or 0xFF (read as TRUE unless zero)"
            case .bitStringUnusedBits(let bits): return "BIT STRING claims \(bits) unused bits"
            case .bitStringPaddingNotZero: return "BIT STRING has non-zero unused bits"
            case .notWholeOctets(let bits): return "BIT STRING has \(bits) unused bit\(bits == 1 ? "" : "s"); it must hold whole octets"
            case .versionEncodedAsDefault: return "v1 is encoded, but DER omits a DEFAULT value"
            case .versionOutOfRange(let value): return "version \(value + 1) (INTEGER \(value)) does not exist; v1 to v3 do"
            case .versionUnreadable: return "version is not a readable INTEGER"
            case .notAllowedInVersion(let version): return "not allowed in a version \(version) certificate"
            case .time(let reason, let encoding, let text): return reason.describe(encoding, text)
            case .signatureAlgorithmMismatch(let outer): return "differs from tbsCertificate.signature (outer: \(outer))"
            case .emptyExtensions: return "present but empty; it is SIZE (1..MAX)"
            case .duplicateExtension(let oid): return "extension \(Extension.name(forOID: oid)) (\(oid)) appears more than once"
            case .nonASCIIName(let form, let text): return "\(form) \"\(text)\" is not ASCII (an IA5String); shown as UTF-8"
            case .refused(let error): return error.messageWithoutField
            }
        }

        /// The rule a reason breaks wherever it occurs; sites whose rule depends on the field pass their own.
        var rule: String {
            switch self {
            case .nonMinimalLength: return "X.690 §10.1"
            case .dataAfterCertificate: return "RFC 5280 §4.1"
            case .unexpectedElement: return "RFC 5280 §4.1"
            case .integerNotMinimal, .integerEmpty: return "X.690 §8.3.2"
            case .booleanNotDER: return "X.690 §11.1"
            case .bitStringUnusedBits: return "X.690 §8.6.2.2"
            case .bitStringPaddingNotZero: return "X.690 §11.2.1"
            case .notWholeOctets: return "RFC 5280 §4.1.1.3"
            case .versionEncodedAsDefault: return "X.690 §11.5"
            case .versionOutOfRange, .versionUnreadable: return "RFC 5280 §4.1.2.1"
            case .notAllowedInVersion: return "RFC 5280 §4.1.2.1"
            case .time(let reason, let encoding, _): return reason.rule(encoding)
            case .signatureAlgorithmMismatch: return "RFC 5280 §4.1.1.2"
            case .emptyExtensions: return "RFC 5280 §4.1"
            case .duplicateExtension: return "RFC 5280 §4.2"
            case .nonASCIIName: return "RFC 5280 §4.2.1.6"
            case .refused: return "RFC 5280 §4.1"
            }
        }
    }

    /// The ASN.1 type a validity time was encoded with.
    public enum TimeEncoding: String, Sendable, Hashable {
        /// UTCTime (tag 0x17), RFC 5280 §4.1.2.5.1.
        case utcTime = "UTCTime"
        /// GeneralizedTime (tag 0x18), RFC 5280 §4.1.2.5.2.
        case generalizedTime = "GeneralizedTime"
    }

    /// How a validity time departs from RFC 5280 §4.1.2.5's forms.
    public enum TimeReason: Sendable, Hashable {
        /// Not a time in any form this decoder reads; shown as unreadable.
        case unreadable
        /// The element is neither UTCTime nor GeneralizedTime (its tag); the text is its content as hex.
        case notATime(tag: UInt8)
        /// No seconds (or no minutes); read as zero.
        case noSeconds
        /// Fractional seconds; dropped.
        case fractionalSeconds
        /// No "Z" and no offset: a local time, read as UTC.
        case noTimeZone
        /// An offset from UTC such as "+0100" instead of "Z"; converted to UTC.
        case offset(String)
        /// A GeneralizedTime for a date before 2050, which RFC 5280 encodes as UTCTime.
        case generalizedTimeBefore2050

        func describe(_ encoding: TimeEncoding, _ text: String) -> String {
            let time = "\(encoding.rawValue) \"\(text)\""
            switch self {
            case .unreadable: return "\(time) cannot be read as a time"
            case .notATime(let tag): return "element with tag 0x\(hexByte(tag)) is neither UTCTime nor GeneralizedTime"
            case .noSeconds: return "\(time) has no seconds (read as :00)"
            case .fractionalSeconds: return "\(time) has fractional seconds (dropped)"
            case .noTimeZone: return "\(time) has no Z (a local time, read as UTC)"
            case .offset(let offset): return "\(time) has the offset \(offset) instead of Z (converted to UTC)"
            case .generalizedTimeBefore2050: return "\(time) is before 2050, which must be UTCTime"
            }
        }

        func rule(_ encoding: TimeEncoding) -> String {
            switch self {
            case .notATime, .generalizedTimeBefore2050: return "RFC 5280 §4.1.2.5"
            default: return encoding == .utcTime ? "RFC 5280 §4.1.2.5.1" : "RFC 5280 §4.1.2.5.2"
            }
        }
    }
}

extension CertificateError {
    /// The field path this error names, if any.
    var fieldPath: String? {
        switch self {
        case .missingElement(let field), .unexpectedElement(let field, _, _), .trailingElements(let field, _),
             .invalidEncoding(let field, _, _), .valueOutOfRange(let field, _), .notAllowedInVersion(let field, _),
             .invalidAlgorithmParameters(let field, _, _):
            return field
        case .inPEMBlock(_, _, let inner): return inner.fieldPath
        default: return nil
        }
    }

    /// The byte offset this error names, if any.
    var byteOffset: Int? {
        switch self {
        case .malformedDER(let offset, _), .unexpectedElement(_, let offset, _), .trailingElements(_, let offset),
             .invalidEncoding(_, let offset, _), .valueOutOfRange(_, let offset), .invalidAlgorithmParameters(_, let offset, _):
            return offset
        case .inPEMBlock(_, _, let inner): return inner.byteOffset
        default: return nil
        }
    }

    /// The message without the field path and byte offset, which a CertificateProblem carries itself.
    var messageWithoutField: String {
        switch self {
        case .malformedDER(_, let problem): return "malformed DER: \(problem.rawValue)"
        case .missingElement: return "missing"
        case .unexpectedElement(_, _, let tag): return "unexpected element with tag 0x\(hexByte(tag))"
        case .trailingElements: return "unexpected extra element"
        case .invalidEncoding(_, _, let problem): return problem.rawValue
        case .valueOutOfRange: return "value out of range"
        case .notAllowedInVersion(_, let version): return "not allowed in a version \(version) certificate"
        case .invalidAlgorithmParameters(_, _, let algorithm): return "parameters not allowed for \(algorithm)"
        case .signatureAlgorithmMismatch: return "differs from tbsCertificate.signature"
        case .inPEMBlock(_, _, let inner): return inner.messageWithoutField
        default: return description
        }
    }
}
