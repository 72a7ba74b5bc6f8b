// The extensions this module knows, each read by one decoder (next to its value type) that checks every
// DER and RFC 5280 rule and, when asked, builds the typed value. At parse every known extension goes
// through its decoder once without building (so parsing allocates nothing for them and the accessors
// cannot fail later), except the values path validation asks for on every certificate it tries
// (basicConstraints, keyUsage and the two key identifiers), which are built then and kept by Extensions.
// The accessors run the same decoders again, building.
import CertoDER

/// The values Extensions keeps from parsing.
struct DecodedExtensionValues: Sendable {
    var basicConstraints: BasicConstraints?
    var keyUsage: KeyUsage?
    var subjectKeyIdentifier: ArraySlice<UInt8>?
    var authorityKeyIdentifier: AuthorityKeyIdentifier?
}

enum ExtensionDecoder {
    /// Checks the value of the extension with extnID `oid` (`known`, when this module knows it) and, for
    /// the kinds `DecodedExtensionValues` holds, stores it; with `building`, the other kinds' values are
    /// built too (and dropped): for `Extension.decodeValue`. Unknown extensions pass.
    static func decode(_ known: KnownExtension?, oid: ArraySlice<UInt8>, value: ArraySlice<UInt8>,
                       into values: inout DecodedExtensionValues, building: Bool = false) throws(CertificateError) {
        guard let known else {
            // The SignedCertificateTimestampList travels inside an OCTET STRING (RFC 6962 §3.3).
            if oid.equals(OID.signedCertificateTimestamps) {
                _ = try single(value) { s throws(CertificateError) in try s.primitive(0x04, "signedCertificateTimestampList") }
            }
            return
        }
        switch known {
        case .subjectKeyIdentifier:
            // SubjectKeyIdentifier ::= KeyIdentifier ::= OCTET STRING (RFC 5280 §4.2.1.2).
            values.subjectKeyIdentifier = try single(value) { s throws(CertificateError) in try s.primitive(0x04, "subjectKeyIdentifier") }
        case .keyUsage:
            values.keyUsage = try single(value) { s throws(CertificateError) in KeyUsage(bits: try s.bitString("keyUsage").bytes) }
        case .basicConstraints:
            values.basicConstraints = try single(value, BasicConstraints.decode)
        case .authorityKeyIdentifier:
            values.authorityKeyIdentifier = try single(value, AuthorityKeyIdentifier.decode)
        case .subjectAltName:
            _ = try single(value) { s throws(CertificateError) in try GeneralName.decodeList(&s, 0x30, "subjectAltName", value: building) }
        case .issuerAltName:
            _ = try single(value) { s throws(CertificateError) in try GeneralName.decodeList(&s, 0x30, "issuerAltName", value: building) }
        case .nameConstraints:
            _ = try single(value) { s throws(CertificateError) in try NameConstraints.decode(&s, value: building) }
        case .crlDistributionPoints:
            _ = try single(value) { s throws(CertificateError) in try DistributionPoint.decodeList(&s, "cRLDistributionPoints", value: building) }
        case .freshestCRL:
            _ = try single(value) { s throws(CertificateError) in try DistributionPoint.decodeList(&s, "freshestCRL", value: building) }
        case .certificatePolicies:
            _ = try single(value) { s throws(CertificateError) in try PolicyInformation.decodeList(&s, value: building) }
        case .policyMappings:
            _ = try single(value) { s throws(CertificateError) in try PolicyMapping.decodeList(&s, value: building) }
        case .policyConstraints:
            _ = try single(value, PolicyConstraints.decode)
        case .extendedKeyUsage:
            _ = try single(value) { s throws(CertificateError) in try ExtendedKeyUsage.decode(&s, value: building) }
        case .inhibitAnyPolicy:
            _ = try single(value) { s throws(CertificateError) in try s.smallNonNegativeInteger("inhibitAnyPolicy") }
        case .authorityInfoAccess:
            _ = try single(value) { s throws(CertificateError) in try AccessDescription.decodeList(&s, "authorityInfoAccess", value: building) }
        case .subjectInfoAccess:
            _ = try single(value) { s throws(CertificateError) in try AccessDescription.decodeList(&s, "subjectInfoAccess", value: building) }
        }
    }

    /// The value must be exactly one element, which `body` reads.
    @inline(__always)
    static func single<Value>(_ value: ArraySlice<UInt8>, _ body: (inout DERScanner) throws(CertificateError) -> Value) throws(CertificateError) -> Value {
        var scanner = DERScanner(value)
        if scanner.isAtEnd { throw .malformedDER(offset: value.startIndex, problem: .empty) }
        let result = try body(&scanner)
        if !scanner.isAtEnd { throw .malformedDER(offset: scanner.position, problem: .trailingData) }
        return result
    }

    /// The second occurrence of a repeated value, in O(n log n) so that a hostile list cannot stall parsing.
    static func firstDuplicate(_ values: [ArraySlice<UInt8>]) -> ArraySlice<UInt8>? {
        if values.count < 2 { return nil }
        if values.count <= 8 {
            for i in 1..<values.count where values[..<i].contains(values[i]) { return values[i] }
            return nil
        }
        let sorted = values.sorted { $0.lexicographicallyPrecedes($1) }
        for i in 1..<sorted.count where sorted[i] == sorted[i - 1] {
            return sorted[i].startIndex > sorted[i - 1].startIndex ? sorted[i] : sorted[i - 1]
        }
        return nil
    }
}
