// The small extension values of RFC 5280 §4.2.1: basicConstraints, keyUsage, extKeyUsage, key
// identifiers, policies and their constraints, inhibitAnyPolicy. Each decoder reads the value with
// CertoDER's scanner and checks DER and the RFC's SIZE/range rules, building a list's values only when
// asked (ExtensionDecoder.swift); what the values mean is the validator's job.
import CertoDER

public struct BasicConstraints: Sendable, Hashable {
    public var isCA: Bool
    public var pathLenConstraint: Int?

    public init(isCA: Bool, pathLenConstraint: Int? = nil) {
        self.isCA = isCA
        self.pathLenConstraint = pathLenConstraint
    }

    /// BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER (0..MAX) OPTIONAL }.
    /// An explicitly encoded cA FALSE is tolerated: many deployed certificates carry it.
    static func decode(_ s: inout DERScanner) throws(CertificateError) -> BasicConstraints {
        var inner = try s.enter(0x30, "basicConstraints")
        var isCA = false
        if inner.nextTag == 0x01 { isCA = try inner.boolean("basicConstraints.cA") }
        var pathLength: Int? = nil
        if !inner.isAtEnd { pathLength = try inner.smallNonNegativeInteger("basicConstraints.pathLenConstraint") }
        try inner.finish("basicConstraints")
        return BasicConstraints(isCA: isCA, pathLenConstraint: pathLength)
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

    /// ExtKeyUsageSyntax ::= SEQUENCE SIZE (1..MAX) OF KeyPurposeId; the purposes when `value` is set.
    static func decode(_ s: inout DERScanner, value: Bool) throws(CertificateError) -> [String] {
        let field = "extKeyUsage"
        var inner = try s.enterNonEmpty(0x30, field)
        var purposes: [String] = []
        while !inner.isAtEnd {
            let oid = try inner.objectIdentifier(field)
            if value { purposes.append(ObjectIdentifierEncoding.dotted(oid)) }
        }
        return purposes
    }
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

    /// AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] OCTET STRING OPTIONAL,
    ///   authorityCertIssuer [1] GeneralNames OPTIONAL, authorityCertSerialNumber [2] INTEGER OPTIONAL } (implicit tags).
    static func decode(_ s: inout DERScanner) throws(CertificateError) -> AuthorityKeyIdentifier {
        let field = "authorityKeyIdentifier"
        var inner = try s.enter(0x30, field)
        var result = AuthorityKeyIdentifier()
        if let keyID = try inner.readIfPresent(0x80, "authorityKeyIdentifier.keyIdentifier") {
            result.keyIdentifier = Array(inner.content(keyID))
        }
        if inner.nextTag == 0xa1 {
            result.authorityCertIssuer = try GeneralName.decodeList(&inner, 0xa1, "authorityKeyIdentifier.authorityCertIssuer", value: true)
        }
        if inner.nextTag == 0x82 {
            result.authorityCertSerialNumber = Array(try inner.integer("authorityKeyIdentifier.authorityCertSerialNumber", tag: 0x82))
        }
        try inner.finish(field)
        return result
    }
}

public struct PolicyInformation: Sendable, Hashable {
    /// The policy OID's content octets (slices of the certificate's bytes).
    public var policyOID: ArraySlice<UInt8>
    /// DER of the policyQualifiers SEQUENCE, when present (`decodedQualifiers()` reads it).
    public var qualifiers: [UInt8]?

    /// The policy OID, dotted.
    public var policyIdentifier: String { ObjectIdentifierEncoding.dotted(policyOID) }

    public static let anyPolicy = "2.5.29.32.0"
    /// anyPolicy's content octets (RFC 5280 §4.2.1.4).
    public static let anyPolicyOID: [UInt8] = [0x55, 0x1d, 0x20, 0x00]

    /// certificatePolicies ::= SEQUENCE SIZE (1..MAX) OF PolicyInformation; a policy OID at most once (§4.2.1.4).
    /// PolicyInformation ::= SEQUENCE { policyIdentifier OBJECT IDENTIFIER,
    ///   policyQualifiers SEQUENCE SIZE (1..MAX) OF PolicyQualifierInfo OPTIONAL };
    /// PolicyQualifierInfo ::= SEQUENCE { policyQualifierId OBJECT IDENTIFIER, qualifier ANY }.
    /// The one decoder: checks everything, and builds the list when `value` is set.
    static func decodeList(_ s: inout DERScanner, value: Bool) throws(CertificateError) -> [PolicyInformation] {
        let field = "certificatePolicies"
        var list = try s.enterNonEmpty(0x30, field)
        var identifiers: [ArraySlice<UInt8>] = []
        var policies: [PolicyInformation] = []
        while !list.isAtEnd {
            var info = try list.enter(0x30, "certificatePolicies.policyInformation")
            let oid = try info.objectIdentifier("certificatePolicies.policyIdentifier")
            identifiers.append(oid)
            var qualifiers: [UInt8]? = nil
            if !info.isAtEnd {
                let qualifiersTLV = try info.read(0x30, "certificatePolicies.policyQualifiers")
                var entries = try info.enter(qualifiersTLV, "certificatePolicies.policyQualifiers")
                guard !entries.isAtEnd else {
                    throw .invalidEncoding(field: "certificatePolicies.policyQualifiers", offset: qualifiersTLV.start, problem: .emptySequence)
                }
                while !entries.isAtEnd {
                    var qualifier = try entries.enter(0x30, "certificatePolicies.policyQualifiers.qualifier")
                    _ = try qualifier.objectIdentifier("certificatePolicies.policyQualifiers.policyQualifierId")
                    if !qualifier.isAtEnd {
                        let any = try qualifier.read("certificatePolicies.policyQualifiers.qualifier")
                        if any.isConstructed {
                            try qualifier.enter(any, "certificatePolicies.policyQualifiers.qualifier").skipAll("certificatePolicies.policyQualifiers.qualifier")
                        }
                    }
                    try qualifier.finish("certificatePolicies.policyQualifiers.qualifier")
                }
                if value { qualifiers = Array(info.element(qualifiersTLV)) }
            }
            try info.finish("certificatePolicies.policyInformation")
            if value {
                policies.append(PolicyInformation(policyOID: oid, qualifiers: qualifiers))
            }
        }
        if let duplicate = ExtensionDecoder.firstDuplicate(identifiers) {
            throw .invalidEncoding(field: "certificatePolicies.policyIdentifier", offset: duplicate.startIndex, problem: .duplicateValue)
        }
        return policies
    }
}

public struct PolicyMapping: Sendable, Hashable {
    /// Content octets of issuerDomainPolicy and subjectDomainPolicy.
    public var issuerDomainPolicyOID: ArraySlice<UInt8>
    public var subjectDomainPolicyOID: ArraySlice<UInt8>

    public var issuerDomainPolicy: String { ObjectIdentifierEncoding.dotted(issuerDomainPolicyOID) }
    public var subjectDomainPolicy: String { ObjectIdentifierEncoding.dotted(subjectDomainPolicyOID) }

    /// PolicyMappings ::= SEQUENCE SIZE (1..MAX) OF SEQUENCE { issuerDomainPolicy, subjectDomainPolicy };
    /// the mappings when `value` is set.
    static func decodeList(_ s: inout DERScanner, value: Bool) throws(CertificateError) -> [PolicyMapping] {
        let field = "policyMappings"
        var list = try s.enterNonEmpty(0x30, field)
        var mappings: [PolicyMapping] = []
        while !list.isAtEnd {
            var pair = try list.enter(0x30, "policyMappings.mapping")
            let issuer = try pair.objectIdentifier("policyMappings.issuerDomainPolicy")
            let subject = try pair.objectIdentifier("policyMappings.subjectDomainPolicy")
            try pair.finish("policyMappings.mapping")
            if value {
                mappings.append(PolicyMapping(issuerDomainPolicyOID: issuer, subjectDomainPolicyOID: subject))
            }
        }
        return mappings
    }
}

public struct PolicyConstraints: Sendable, Hashable {
    public var requireExplicitPolicy: Int?
    public var inhibitPolicyMapping: Int?

    /// PolicyConstraints ::= SEQUENCE { requireExplicitPolicy [0] SkipCerts OPTIONAL,
    ///   inhibitPolicyMapping [1] SkipCerts OPTIONAL }; §4.2.1.11: MUST NOT be an empty sequence.
    static func decode(_ s: inout DERScanner) throws(CertificateError) -> PolicyConstraints {
        let field = "policyConstraints"
        let tlv = try s.read(0x30, field)
        var inner = try s.enter(tlv, field)
        var result = PolicyConstraints()
        if inner.nextTag == 0x80 {
            result.requireExplicitPolicy = try inner.smallNonNegativeInteger("policyConstraints.requireExplicitPolicy", tag: 0x80)
        }
        if inner.nextTag == 0x81 {
            result.inhibitPolicyMapping = try inner.smallNonNegativeInteger("policyConstraints.inhibitPolicyMapping", tag: 0x81)
        }
        try inner.finish(field)
        if result.requireExplicitPolicy == nil && result.inhibitPolicyMapping == nil {
            throw .invalidEncoding(field: field, offset: tlv.start, problem: .emptySequence)
        }
        return result
    }
}
