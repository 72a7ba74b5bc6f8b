// The small extension values of RFC 5280 §4.2.1: basicConstraints, keyUsage, extKeyUsage, key
// identifiers, policies and their constraints, inhibitAnyPolicy. Each decoder takes the extnValue
// octets and checks DER and the RFC's SIZE/range rules; what the values mean is the validator's job.
import SwiftASN1

public struct BasicConstraints: Sendable, Hashable {
    public var isCA: Bool
    public var pathLenConstraint: Int?

    public init(isCA: Bool, pathLenConstraint: Int? = nil) {
        self.isCA = isCA
        self.pathLenConstraint = pathLenConstraint
    }
}

/// KeyUsage bits (RFC 5280 §4.2.1.3), bit 0 = digitalSignature.
public struct KeyUsage: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let digitalSignature = KeyUsage(rawValue: 1 << 0)
    public static let nonRepudiation = KeyUsage(rawValue: 1 << 1)
    public static let keyEncipherment = KeyUsage(rawValue: 1 << 2)
    public static let dataEncipherment = KeyUsage(rawValue: 1 << 3)
    public static let keyAgreement = KeyUsage(rawValue: 1 << 4)
    public static let keyCertSign = KeyUsage(rawValue: 1 << 5)
    public static let cRLSign = KeyUsage(rawValue: 1 << 6)
    public static let encipherOnly = KeyUsage(rawValue: 1 << 7)
    public static let decipherOnly = KeyUsage(rawValue: 1 << 8)

    static let names = ["Digital Signature", "Non Repudiation", "Key Encipherment", "Data Encipherment",
                        "Key Agreement", "Certificate Sign", "CRL Sign", "Encipher Only", "Decipher Only"]

    /// OpenSSL's names, comma separated.
    public var description: String {
        (0..<9).filter { rawValue & (1 << $0) != 0 }.map { Self.names[$0] }.joined(separator: ", ")
    }

    /// KeyUsage ::= BIT STRING; bits past decipherOnly are ignored. Trailing zero bits are tolerated
    /// (DER forbids them for named bit lists, but the value is unambiguous).
    init(bits: ArraySlice<UInt8>) {
        var raw: UInt16 = 0
        for (index, byte) in bits.prefix(2).enumerated() {
            for bit in 0..<8 where byte & (0x80 >> bit) != 0 {
                let position = index * 8 + bit
                if position < 9 { raw |= 1 << position }
            }
        }
        self.init(rawValue: raw)
    }
}

/// Extended key usage purposes (RFC 5280 §4.2.1.12), dotted.
public enum ExtendedKeyUsage {
    public static let serverAuth = "1.3.6.1.5.5.7.3.1"
    public static let clientAuth = "1.3.6.1.5.5.7.3.2"
    public static let codeSigning = "1.3.6.1.5.5.7.3.3"
    public static let emailProtection = "1.3.6.1.5.5.7.3.4"
    public static let timeStamping = "1.3.6.1.5.5.7.3.8"
    public static let ocspSigning = "1.3.6.1.5.5.7.3.9"
    public static let anyExtendedKeyUsage = "2.5.29.37.0"

    public static func name(_ oid: String) -> String {
        switch oid {
        case serverAuth: return "TLS Web Server Authentication"
        case clientAuth: return "TLS Web Client Authentication"
        case codeSigning: return "Code Signing"
        case emailProtection: return "E-mail Protection"
        case timeStamping: return "Time Stamping"
        case ocspSigning: return "OCSP Signing"
        case anyExtendedKeyUsage: return "Any Extended Key Usage"
        default: return oid
        }
    }

    /// ExtKeyUsageSyntax ::= SEQUENCE SIZE (1..MAX) OF KeyPurposeId.
    static func decode(_ value: ArraySlice<UInt8>) throws(CertificateError) -> [String] {
        try oidSequence(value, "extKeyUsage")
    }
}

/// SEQUENCE SIZE (1..MAX) OF OBJECT IDENTIFIER, as dotted strings.
func oidSequence(_ value: ArraySlice<UInt8>, _ field: String) throws(CertificateError) -> [String] {
    let node = try parseDER(value)
    var reader = try DERReader(node, field)
    var oids: [String] = []
    while let element = reader.nextIfPresent() { oids.append(OID.dotted(try objectIdentifier(element, field))) }
    guard !oids.isEmpty else { throw .invalidEncoding(field: field, offset: node.offset, problem: .emptySequence) }
    return oids
}

public struct AuthorityKeyIdentifier: Sendable, Hashable {
    public var keyIdentifier: [UInt8]?
    public var authorityCertIssuer: [GeneralName]?
    public var authorityCertSerialNumber: [UInt8]?

    public init(keyIdentifier: [UInt8]? = nil, authorityCertIssuer: [GeneralName]? = nil, authorityCertSerialNumber: [UInt8]? = nil) {
        self.keyIdentifier = keyIdentifier
        self.authorityCertIssuer = authorityCertIssuer
        self.authorityCertSerialNumber = authorityCertSerialNumber
    }
}

/// The contents of a value that is exactly one OCTET STRING: SubjectKeyIdentifier ::= OCTET STRING, and
/// the SignedCertificateTimestampList's wrapper (RFC 6962 §3.3).
func decodeOctetString(_ value: ArraySlice<UInt8>, _ field: String) throws(CertificateError) -> ArraySlice<UInt8> {
    var scanner = DERScanner(value)
    if scanner.isAtEnd { throw .malformedDER(offset: value.startIndex, problem: .empty) }
    let element = try scanner.read(0x04, field)
    if !scanner.isAtEnd { throw .malformedDER(offset: scanner.position, problem: .trailingData) }
    return scanner.content(element)
}

public struct PolicyInformation: Sendable, Hashable {
    public var policyIdentifier: String
    /// DER of the policyQualifiers SEQUENCE, when present.
    public var qualifiers: [UInt8]?
    /// The policyQualifierId of each qualifier, dotted, in order.
    public var qualifierIDs: [String] = []

    public static let anyPolicy = "2.5.29.32.0"
    /// The qualifiers RFC 5280 §4.2.1.4 defines: a CPS pointer and a user notice.
    public static let cpsQualifier = "1.3.6.1.5.5.7.2.1"
    public static let userNoticeQualifier = "1.3.6.1.5.5.7.2.2"

    /// certificatePolicies ::= SEQUENCE SIZE (1..MAX) OF PolicyInformation; a policy OID at most once (§4.2.1.4).
    static func decodeList(_ value: ArraySlice<UInt8>) throws(CertificateError) -> [PolicyInformation] {
        let field = "certificatePolicies"
        let node = try parseDER(value)
        var reader = try DERReader(node, field)
        var policies: [PolicyInformation] = []
        var seen: [ArraySlice<UInt8>] = []
        while let element = reader.nextIfPresent() {
            var info = try DERReader(element, "certificatePolicies.policyInformation")
            let oid = try objectIdentifier(try info.next("certificatePolicies.policyIdentifier"), "certificatePolicies.policyIdentifier")
            var qualifiers: [UInt8]? = nil
            var qualifierIDs: [String] = []
            if let qualifierNode = info.nextIfPresent() {
                var list = try DERReader(qualifierNode, "certificatePolicies.policyQualifiers")
                guard !list.isAtEnd else { throw .invalidEncoding(field: "certificatePolicies.policyQualifiers", offset: qualifierNode.offset, problem: .emptySequence) }
                while let qualifier = list.nextIfPresent() {
                    var parts = try DERReader(qualifier, "certificatePolicies.policyQualifiers.qualifier")
                    let qualifierID = try objectIdentifier(try parts.next("certificatePolicies.policyQualifiers.policyQualifierId"), "certificatePolicies.policyQualifiers.policyQualifierId")
                    qualifierIDs.append(OID.dotted(qualifierID))
                    _ = parts.nextIfPresent()
                    try parts.finish()
                }
                qualifiers = Array(qualifierNode.encodedBytes)
            }
            try info.finish()
            if seen.contains(where: { $0 == oid }) {
                throw .invalidEncoding(field: "certificatePolicies.policyIdentifier", offset: element.offset, problem: .duplicateValue)
            }
            seen.append(oid)
            policies.append(PolicyInformation(policyIdentifier: OID.dotted(oid), qualifiers: qualifiers, qualifierIDs: qualifierIDs))
        }
        guard !policies.isEmpty else { throw .invalidEncoding(field: field, offset: node.offset, problem: .emptySequence) }
        if let duplicate = ExtensionValidator.firstDuplicate(seen) {
            throw .invalidEncoding(field: "certificatePolicies.policyIdentifier", offset: duplicate.startIndex, problem: .duplicateValue)
        }
        return policies
    }
}

public struct PolicyMapping: Sendable, Hashable {
    public var issuerDomainPolicy: String
    public var subjectDomainPolicy: String

    /// PolicyMappings ::= SEQUENCE SIZE (1..MAX) OF SEQUENCE { issuerDomainPolicy, subjectDomainPolicy }.
    static func decodeList(_ value: ArraySlice<UInt8>) throws(CertificateError) -> [PolicyMapping] {
        let field = "policyMappings"
        let node = try parseDER(value)
        var reader = try DERReader(node, field)
        var mappings: [PolicyMapping] = []
        while let element = reader.nextIfPresent() {
            var pair = try DERReader(element, "policyMappings.mapping")
            let issuer = try objectIdentifier(try pair.next("policyMappings.issuerDomainPolicy"), "policyMappings.issuerDomainPolicy")
            let subject = try objectIdentifier(try pair.next("policyMappings.subjectDomainPolicy"), "policyMappings.subjectDomainPolicy")
            try pair.finish()
            mappings.append(PolicyMapping(issuerDomainPolicy: OID.dotted(issuer), subjectDomainPolicy: OID.dotted(subject)))
        }
        guard !mappings.isEmpty else { throw .invalidEncoding(field: field, offset: node.offset, problem: .emptySequence) }
        return mappings
    }
}

public struct PolicyConstraints: Sendable, Hashable {
    public var requireExplicitPolicy: Int?
    public var inhibitPolicyMapping: Int?

    /// PolicyConstraints ::= SEQUENCE { requireExplicitPolicy [0] SkipCerts OPTIONAL,
    ///   inhibitPolicyMapping [1] SkipCerts OPTIONAL }; §4.2.1.11: MUST NOT be an empty sequence.
    static func decode(_ value: ArraySlice<UInt8>) throws(CertificateError) -> PolicyConstraints {
        let node = try parseDER(value)
        var reader = try DERReader(node, "policyConstraints")
        var result = PolicyConstraints()
        if let tagged = reader.optional(.context(0)) {
            result.requireExplicitPolicy = try smallNonNegativeInteger(tagged, "policyConstraints.requireExplicitPolicy", id: .context(0))
        }
        if let tagged = reader.optional(.context(1)) {
            result.inhibitPolicyMapping = try smallNonNegativeInteger(tagged, "policyConstraints.inhibitPolicyMapping", id: .context(1))
        }
        try reader.finish()
        if result.requireExplicitPolicy == nil && result.inhibitPolicyMapping == nil {
            throw .invalidEncoding(field: "policyConstraints", offset: node.offset, problem: .emptySequence)
        }
        return result
    }
}

/// InhibitAnyPolicy ::= SkipCerts (INTEGER 0..MAX).
func decodeInhibitAnyPolicy(_ value: ArraySlice<UInt8>) throws(CertificateError) -> Int {
    try smallNonNegativeInteger(try parseDER(value), "inhibitAnyPolicy")
}
