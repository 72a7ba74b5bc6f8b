// The extensions of a v3 certificate (RFC 5280 §4.2). Every extension this module knows is decoded once
// at parse to prove it well formed (so the accessors cannot fail later); the accessors decode again on
// demand instead of storing every typed value, which keeps parsing a certificate cheap. Unknown
// extensions are kept with their criticality; a repeated extension is an error.
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
    var isHandled: Bool { Self.handled.contains { oidBytes.equals($0) } }

    static let handled: [[UInt8]] = [
        OID.basicConstraints, OID.keyUsage, OID.extendedKeyUsage, OID.subjectAltName, OID.issuerAltName,
        OID.authorityKeyIdentifier, OID.subjectKeyIdentifier, OID.nameConstraints, OID.certificatePolicies,
        OID.policyMappings, OID.policyConstraints, OID.inhibitAnyPolicy, OID.authorityInfoAccess,
        OID.subjectInfoAccess, OID.crlDistributionPoints, OID.freshestCRL,
    ]

    /// Decodes the value of a known extension with the typed decoders the accessors use, and throws if
    /// it is malformed; unknown extensions pass. (Parsing already validated it; this is for tests and tools.)
    public func decodeValue() throws(CertificateError) {
        let v = content
        switch oidBytes.count {
        case 3 where oidBytes.first == 0x55 && oidBytes[oidBytes.startIndex + 1] == 0x1d:
            switch oidBytes.last! {
            case 0x0e: _ = try decodeOctetString(v, "subjectKeyIdentifier")
            case 0x0f: _ = try KeyUsage.decode(v)
            case 0x11: _ = try GeneralName.sequence(try parseDER(v), field: "subjectAltName")
            case 0x12: _ = try GeneralName.sequence(try parseDER(v), field: "issuerAltName")
            case 0x13: _ = try BasicConstraints.decode(v)
            case 0x1e: _ = try NameConstraints.decode(v)
            case 0x1f: _ = try DistributionPoint.decodeList(v, "cRLDistributionPoints")
            case 0x20: _ = try PolicyInformation.decodeList(v)
            case 0x21: _ = try PolicyMapping.decodeList(v)
            case 0x23: _ = try AuthorityKeyIdentifier.decode(v)
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

    public init(_ all: [Extension]) { self.all = all }

    /// Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension; `scanner` is positioned on that SEQUENCE.
    init(_ scanner: inout DERScanner, field: String) throws(CertificateError) {
        let listTLV = try scanner.read(0x30, field)
        var reader = try scanner.enter(listTLV, field)
        var list: [Extension] = []
        list.reserveCapacity(12)
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
                    try ExtensionValidator.validate(oid: oid, value: value)
                } catch {
                    throw error.prefixed(OID.dotted(oid))
                }
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
        all = list
    }

    /// Runs every known extension through its typed decoder (parsing has validated them; see `Extension.decodeValue`).
    public func decodeAll() throws(CertificateError) {
        for ext in all {
            do { try ext.decodeValue() } catch { throw error.prefixed(ext.oid) }
        }
    }

    /// The extension with this raw OID, if present.
    func find(_ oid: [UInt8]) -> Extension? { all.first { $0.oidBytes.equals(oid) } }

    /// The extension with this dotted OID, if present.
    public subscript(oid: String) -> Extension? {
        guard let encoded = OID.encode(oid) else { return nil }
        return find(encoded)
    }

    public var basicConstraints: BasicConstraints? { find(OID.basicConstraints).flatMap { try? BasicConstraints.decode($0.content) } }
    public var keyUsage: KeyUsage? { find(OID.keyUsage).flatMap { try? KeyUsage.decode($0.content) } }
    public var extendedKeyUsage: [String]? { find(OID.extendedKeyUsage).flatMap { try? ExtendedKeyUsage.decode($0.content) } }
    public var subjectAlternativeNames: [GeneralName]? {
        find(OID.subjectAltName).flatMap { ext in try? GeneralName.sequence(try parseDER(ext.content), field: "subjectAltName") }
    }
    public var issuerAlternativeNames: [GeneralName]? {
        find(OID.issuerAltName).flatMap { ext in try? GeneralName.sequence(try parseDER(ext.content), field: "issuerAltName") }
    }
    public var authorityKeyIdentifier: AuthorityKeyIdentifier? { find(OID.authorityKeyIdentifier).flatMap { try? AuthorityKeyIdentifier.decode($0.content) } }
    public var subjectKeyIdentifier: [UInt8]? { find(OID.subjectKeyIdentifier).flatMap { try? Array(decodeOctetString($0.content, "subjectKeyIdentifier")) } }
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
