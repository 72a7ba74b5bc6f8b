// The extensions of a v3 certificate (RFC 5280 §4.2). Every extension this module knows is decoded once
// at parse to prove it well formed (so the accessors cannot fail later). The values path validation
// reads from every candidate (basicConstraints, keyUsage, the key identifiers) are kept from that pass,
// as is where each known extension sits; the longer lists (names, policies, access descriptions) are
// built on demand by the same decoders instead, which keeps parsing a certificate cheap. Unknown extensions are kept
// with their criticality; a repeated extension is an error.
import CertoDER

public struct Extension: Sendable, Hashable {
    let oidBytes: ArraySlice<UInt8>
    public let critical: Bool
    let content: ArraySlice<UInt8>

    /// Dotted extnID.
    public var oid: String { ObjectIdentifierEncoding.dotted(oidBytes) }
    /// The extnValue OCTET STRING contents (the DER of the extension's own value).
    public var value: [UInt8] { Array(content) }

    public init(oid: String, critical: Bool, value: [UInt8]) {
        guard let encoded = ObjectIdentifierEncoding.encode(oid) else { preconditionFailure("Extension(oid:): '\(oid)' is not a dotted OID") }
        oidBytes = encoded[...]
        self.critical = critical
        content = value[...]
    }

    init(oidBytes: ArraySlice<UInt8>, critical: Bool, content: ArraySlice<UInt8>) {
        self.oidBytes = oidBytes
        self.critical = critical
        self.content = content
    }

    /// Whether this module decodes the extension (everything else counts as unhandled when critical).
    var isHandled: Bool { KnownExtension(oidBytes: oidBytes) != nil }

    /// Runs a known extension's decoder with value building on, and throws if the value is malformed;
    /// unknown extensions pass. (Parsing already checked it with the same decoder; this is for tests and tools.)
    public func decodeValue() throws(CertificateError) {
        var values = DecodedExtensionValues()
        try ExtensionDecoder.decode(KnownExtension(oidBytes: oidBytes), oid: oidBytes, value: content, into: &values, building: true)
    }
}

public struct Extensions: Sendable, Hashable {
    public let all: [Extension]
    /// Decoded at parse; nil when absent.
    public let basicConstraints: BasicConstraints?
    public let keyUsage: KeyUsage?
    public let authorityKeyIdentifier: AuthorityKeyIdentifier?
    private let subjectKeyID: ArraySlice<UInt8>?
    private let positions: KnownExtensionPositions

    /// Extensions built by hand (tests, tools); a known extension that does not decode reads as absent
    /// from the typed accessors, as it would in a certificate that failed to parse.
    public init(_ all: [Extension]) {
        var values = DecodedExtensionValues()
        var positions = KnownExtensionPositions()
        for (index, ext) in all.enumerated() {
            // Only known extensions carry values; a repeat is ignored, as `self[known]` finds the first.
            guard let known = KnownExtension(oidBytes: ext.oidBytes), case .absent = positions.position(of: known) else { continue }
            positions.record(known, at: index)
            try? ExtensionDecoder.decode(known, oid: ext.oidBytes, value: ext.content, into: &values)
        }
        self.init(all: all, values: values, positions: positions)
    }

    private init(all: [Extension], values: DecodedExtensionValues, positions: KnownExtensionPositions) {
        self.all = all
        basicConstraints = values.basicConstraints
        keyUsage = values.keyUsage
        authorityKeyIdentifier = values.authorityKeyIdentifier
        subjectKeyID = values.subjectKeyIdentifier
        self.positions = positions
    }

    /// Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension; `scanner` is positioned on that SEQUENCE.
    init(_ scanner: inout DERScanner, field: String) throws(CertificateError) {
        let listTLV = try scanner.read(0x30, field)
        var reader = try scanner.enter(listTLV, field)
        var list: [Extension] = []
        list.reserveCapacity(12)
        var values = DecodedExtensionValues()
        var positions = KnownExtensionPositions()
        var index = 0
        while !reader.isAtEnd {
            do throws(CertificateError) {
                var parts = try reader.enter(0x30, "")
                let oid = try parts.objectIdentifier("extnID")
                var critical = false
                if parts.nextTag == 0x01 { critical = try parts.boolean("critical") }
                let valueTLV = try parts.read(0x04, "extnValue")
                try parts.finish("")
                let value = parts.content(valueTLV)
                let known = KnownExtension(oidBytes: oid)
                do {
                    try ExtensionDecoder.decode(known, oid: oid, value: value, into: &values)
                } catch {
                    throw error.prefixed(ObjectIdentifierEncoding.dotted(oid))
                }
                if let known { positions.record(known, at: index) }
                list.append(Extension(oidBytes: oid, critical: critical, content: value))
            } catch {
                throw error.prefixed(field + "[\(index)]")
            }
            index += 1
        }
        guard !list.isEmpty else { throw .invalidEncoding(field: field, offset: listTLV.start, problem: .emptySequence) }
        // RFC 5280 §4.2: a certificate MUST NOT include more than one instance of an extension.
        if list.count <= 16 {
            for i in 1..<list.count {
                for j in 0..<i where list[j].oidBytes == list[i].oidBytes { throw .duplicateExtension(oid: list[i].oid) }
            }
        } else if let duplicate = ExtensionDecoder.firstDuplicate(list.map(\.oidBytes)) {
            throw .duplicateExtension(oid: ObjectIdentifierEncoding.dotted(duplicate))
        }
        self.init(all: list, values: values, positions: positions)
    }

    /// Equal when the extension lists are: every other field is decoded from them.
    public static func == (lhs: Extensions, rhs: Extensions) -> Bool { lhs.all == rhs.all }
    public func hash(into hasher: inout Hasher) { hasher.combine(all) }

    /// Runs every known extension through its typed decoder (parsing has validated them; see `Extension.decodeValue`).
    public func decodeAll() throws(CertificateError) {
        for ext in all {
            do { try ext.decodeValue() } catch { throw error.prefixed(ext.oid) }
        }
    }

    /// The extension with this raw OID, if present.
    func find(_ oid: [UInt8]) -> Extension? {
        if let known = KnownExtension(oidBytes: oid[...]) { return self[known] }
        return all.first { $0.oidBytes.equals(oid) }
    }

    /// The extension of this kind, if the certificate has it.
    public subscript(_ known: KnownExtension) -> Extension? {
        switch positions.position(of: known) {
        case .absent: return nil
        case .at(let index): return all[index]
        case .unrecorded: return all.first { $0.oidBytes.equals(known.oidBytes) }
        }
    }

    /// The subjectKeyIdentifier's octets, if present.
    public var subjectKeyIdentifier: [UInt8]? { subjectKeyID.map { Array($0) } }

    /// Whether the subjectKeyIdentifier is present and equal to `keyIdentifier` (no copy).
    public func hasSubjectKeyIdentifier(_ keyIdentifier: [UInt8]) -> Bool {
        guard let subjectKeyID else { return false }
        return subjectKeyID.elementsEqual(keyIdentifier)
    }

    /// The extension with this dotted OID, if present.
    public subscript(oid: String) -> Extension? {
        guard let encoded = ObjectIdentifierEncoding.encode(oid) else { return nil }
        return find(encoded)
    }

    public var extendedKeyUsage: [String]? {
        decoded(.extendedKeyUsage) { s throws(CertificateError) in try ExtendedKeyUsage.decode(&s, value: true) }
    }
    public var subjectAlternativeNames: [GeneralName]? {
        decoded(.subjectAltName) { s throws(CertificateError) in try GeneralName.decodeList(&s, 0x30, "subjectAltName", value: true) }
    }
    public var issuerAlternativeNames: [GeneralName]? {
        decoded(.issuerAltName) { s throws(CertificateError) in try GeneralName.decodeList(&s, 0x30, "issuerAltName", value: true) }
    }
    public var nameConstraints: NameConstraints? {
        decoded(.nameConstraints) { s throws(CertificateError) in try NameConstraints.decode(&s, value: true) }
    }
    public var certificatePolicies: [PolicyInformation]? {
        decoded(.certificatePolicies) { s throws(CertificateError) in try PolicyInformation.decodeList(&s, value: true) }
    }
    public var policyMappings: [PolicyMapping]? {
        decoded(.policyMappings) { s throws(CertificateError) in try PolicyMapping.decodeList(&s, value: true) }
    }
    public var policyConstraints: PolicyConstraints? { decoded(.policyConstraints, PolicyConstraints.decode) }
    public var inhibitAnyPolicy: Int? {
        decoded(.inhibitAnyPolicy) { s throws(CertificateError) in try s.smallNonNegativeInteger("inhibitAnyPolicy") }
    }
    public var authorityInformationAccess: [AccessDescription]? {
        decoded(.authorityInfoAccess) { s throws(CertificateError) in try AccessDescription.decodeList(&s, "authorityInfoAccess", value: true) }
    }
    public var subjectInformationAccess: [AccessDescription]? {
        decoded(.subjectInfoAccess) { s throws(CertificateError) in try AccessDescription.decodeList(&s, "subjectInfoAccess", value: true) }
    }
    public var crlDistributionPoints: [DistributionPoint]? {
        decoded(.crlDistributionPoints) { s throws(CertificateError) in try DistributionPoint.decodeList(&s, "cRLDistributionPoints", value: true) }
    }
    public var freshestCRL: [DistributionPoint]? {
        decoded(.freshestCRL) { s throws(CertificateError) in try DistributionPoint.decodeList(&s, "freshestCRL", value: true) }
    }
    /// The TLS-encoded SignedCertificateTimestampList (RFC 6962 §3.3), undecoded.
    public var signedCertificateTimestampList: [UInt8]? {
        find(OID.signedCertificateTimestamps).flatMap { ext in
            try? Array(ExtensionDecoder.single(ext.content) { s throws(CertificateError) in
                try s.primitive(0x04, "signedCertificateTimestampList")
            })
        }
    }

    /// The value of the extension `known`, read by its decoder; nil when absent (or, for extensions built
    /// by hand, malformed: parsing refuses a certificate whose known extension does not decode).
    private func decoded<Value>(_ known: KnownExtension, _ body: (inout DERScanner) throws(CertificateError) -> Value) -> Value? {
        guard let ext = self[known] else { return nil }
        return try? ExtensionDecoder.single(ext.content, body)
    }
    /// RFC 6962 precertificate poison present.
    public var isPrecertificate: Bool { find(OID.ctPoison) != nil }

    /// URIs of OCSP responders from authorityInfoAccess.
    public var ocspURIs: [String] { uris(of: AccessDescription.ocsp) }
    /// URIs where the issuer's certificate can be fetched, from authorityInfoAccess.
    public var caIssuersURIs: [String] { uris(of: AccessDescription.caIssuers) }

    private func uris(of method: String) -> [String] {
        (authorityInformationAccess ?? []).compactMap { access in
            guard access.method == method, case .uniformResourceIdentifier(let uri) = access.location else { return nil }
            return uri
        }
    }

    /// Critical extensions this library does not understand (the validator rejects them).
    public var unhandledCriticalExtensions: [Extension] { all.filter { $0.critical && !$0.isHandled } }
}
