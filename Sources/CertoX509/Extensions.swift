// The extensions of a v3 certificate (RFC 5280 §4.2). Every extension this module knows is decoded once
// at parse to prove it well formed (so the accessors cannot fail later). The values path validation
// reads from every candidate (basicConstraints, keyUsage, the key identifiers) are kept from that pass,
// as is where each known extension sits; the longer lists (names, policies, access descriptions) are
// decoded again on demand instead, which keeps parsing a certificate cheap. Unknown extensions are kept
// with their criticality; a repeated extension is an error.
import SwiftASN1

public struct Extension: Sendable, Hashable {
    let oidBytes: ArraySlice<UInt8>
    public let critical: Bool
    let content: ArraySlice<UInt8>

    /// Dotted extnID.
    public var oid: String { OID.dotted(oidBytes) }
    /// The extnValue OCTET STRING contents (the DER of the extension's own value).
    public var value: [UInt8] { Array(content) }

    public init(oid: String, critical: Bool, value: [UInt8]) {
        guard let encoded = OID.encode(oid) else { preconditionFailure("Extension(oid:): '\(oid)' is not a dotted OID") }
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

    /// Decodes the value of a known extension with the typed decoders the accessors use, and throws if
    /// it is malformed; unknown extensions pass. (Parsing already validated it; this is for tests and tools.)
    public func decodeValue() throws(CertificateError) {
        let v = content
        switch oidBytes.count {
        case 3 where oidBytes.first == 0x55 && oidBytes[oidBytes.startIndex + 1] == 0x1d:
            switch oidBytes.last! {
            case 0x0e, 0x0f, 0x13, 0x23:
                // Their one decoder is the parse-time one.
                var values = DecodedExtensionValues()
                try ExtensionValidator.decode(oid: oidBytes, value: v, into: &values)
            case 0x11: _ = try GeneralName.sequence(try parseDER(v), field: "subjectAltName")
            case 0x12: _ = try GeneralName.sequence(try parseDER(v), field: "issuerAltName")
            case 0x1e: _ = try NameConstraints.decode(v)
            case 0x1f: _ = try DistributionPoint.decodeList(v, "cRLDistributionPoints")
            case 0x20: _ = try PolicyInformation.decodeList(v)
            case 0x21: _ = try PolicyMapping.decodeList(v)
            case 0x24: _ = try PolicyConstraints.decode(v)
            case 0x25: _ = try ExtendedKeyUsage.decode(v)
            case 0x2e: _ = try DistributionPoint.decodeList(v, "freshestCRL")
            case 0x36: _ = try decodeInhibitAnyPolicy(v)
            default: break
            }
        default:
            if oidBytes.equals(OID.authorityInfoAccess) {
                _ = try AccessDescription.decodeList(v, "authorityInfoAccess")
            } else if oidBytes.equals(OID.subjectInfoAccess) {
                _ = try AccessDescription.decodeList(v, "subjectInfoAccess")
            } else if oidBytes.equals(OID.signedCertificateTimestamps) {
                _ = try decodeOctetString(v, "signedCertificateTimestampList")
            }
        }
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
            try? ExtensionValidator.decode(oid: ext.oidBytes, value: ext.content, into: &values)
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
                do {
                    try ExtensionValidator.decode(oid: oid, value: value, into: &values)
                } catch {
                    throw error.prefixed(OID.dotted(oid))
                }
                if let known = KnownExtension(oidBytes: oid) { positions.record(known, at: index) }
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
        } else if let duplicate = ExtensionValidator.firstDuplicate(list.map(\.oidBytes)) {
            throw .duplicateExtension(oid: OID.dotted(duplicate))
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
        guard let encoded = OID.encode(oid) else { return nil }
        return find(encoded)
    }

    public var extendedKeyUsage: [String]? { find(OID.extendedKeyUsage).flatMap { try? ExtendedKeyUsage.decode($0.content) } }
    public var subjectAlternativeNames: [GeneralName]? {
        find(OID.subjectAltName).flatMap { ext in try? GeneralName.sequence(try parseDER(ext.content), field: "subjectAltName") }
    }
    public var issuerAlternativeNames: [GeneralName]? {
        find(OID.issuerAltName).flatMap { ext in try? GeneralName.sequence(try parseDER(ext.content), field: "issuerAltName") }
    }
    public var nameConstraints: NameConstraints? { find(OID.nameConstraints).flatMap { try? NameConstraints.decode($0.content) } }
    public var certificatePolicies: [PolicyInformation]? { find(OID.certificatePolicies).flatMap { try? PolicyInformation.decodeList($0.content) } }
    public var policyMappings: [PolicyMapping]? { find(OID.policyMappings).flatMap { try? PolicyMapping.decodeList($0.content) } }
    public var policyConstraints: PolicyConstraints? { find(OID.policyConstraints).flatMap { try? PolicyConstraints.decode($0.content) } }
    public var inhibitAnyPolicy: Int? { find(OID.inhibitAnyPolicy).flatMap { try? decodeInhibitAnyPolicy($0.content) } }
    public var authorityInformationAccess: [AccessDescription]? {
        find(OID.authorityInfoAccess).flatMap { try? AccessDescription.decodeList($0.content, "authorityInfoAccess") }
    }
    public var subjectInformationAccess: [AccessDescription]? {
        find(OID.subjectInfoAccess).flatMap { try? AccessDescription.decodeList($0.content, "subjectInfoAccess") }
    }
    public var crlDistributionPoints: [DistributionPoint]? { find(OID.crlDistributionPoints).flatMap { try? DistributionPoint.decodeList($0.content, "cRLDistributionPoints") } }
    public var freshestCRL: [DistributionPoint]? { find(OID.freshestCRL).flatMap { try? DistributionPoint.decodeList($0.content, "freshestCRL") } }
    /// The TLS-encoded SignedCertificateTimestampList (RFC 6962 §3.3), undecoded.
    public var signedCertificateTimestampList: [UInt8]? {
        find(OID.signedCertificateTimestamps).flatMap { try? Array(decodeOctetString($0.content, "signedCertificateTimestampList")) }
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
