// Parse-time decoding of the extensions this module knows, on the allocation-free DERScanner. Every
// value is proved well formed here; the ones path validation asks for on every certificate it tries
// (basicConstraints, keyUsage and the two key identifiers) are also produced here, once, and stored by
// Extensions. The rest are only validated, by the same rules their typed decoders (ExtensionValues.swift,
// ...) apply on access, so those accessors cannot fail later; tests and the extensions fuzzer check the
// two agree.

/// The values Extensions keeps from parsing.
struct DecodedExtensionValues: Sendable {
    var basicConstraints: BasicConstraints?
    var keyUsage: KeyUsage?
    var subjectKeyIdentifier: ArraySlice<UInt8>?
    var authorityKeyIdentifier: AuthorityKeyIdentifier?
}

enum ExtensionValidator {
    /// Throws when a known extension's value is malformed; unknown extensions pass.
    static func validate(oid: ArraySlice<UInt8>, value: ArraySlice<UInt8>) throws(CertificateError) {
        var ignored = DecodedExtensionValues()
        try decode(oid: oid, value: value, into: &ignored)
    }

    /// Validates a known extension's value and, for the kinds `DecodedExtensionValues` holds, stores it.
    static func decode(oid: ArraySlice<UInt8>, value: ArraySlice<UInt8>, into values: inout DecodedExtensionValues) throws(CertificateError) {
        if oid.count == 3, oid.first == 0x55, oid[oid.startIndex + 1] == 0x1d {
            switch oid.last! {
            case 0x0e: values.subjectKeyIdentifier = try decodeOctetString(value, "subjectKeyIdentifier")
            case 0x0f: values.keyUsage = try single(value, "keyUsage") { s throws(CertificateError) in KeyUsage(bits: try s.bitString("keyUsage").bytes) }
            case 0x11: try single(value, "subjectAltName") { s throws(CertificateError) in try generalNames(&s, 0x30, "subjectAltName", ipLengths: (4, 16)) }
            case 0x12: try single(value, "issuerAltName") { s throws(CertificateError) in try generalNames(&s, 0x30, "issuerAltName", ipLengths: (4, 16)) }
            case 0x13: values.basicConstraints = try single(value, "basicConstraints", basicConstraints)
            case 0x1e: try single(value, "nameConstraints", nameConstraints)
            case 0x1f: try single(value, "cRLDistributionPoints") { s throws(CertificateError) in try distributionPoints(&s, "cRLDistributionPoints") }
            case 0x20: try single(value, "certificatePolicies", certificatePolicies)
            case 0x21: try single(value, "policyMappings", policyMappings)
            case 0x23: values.authorityKeyIdentifier = try single(value, "authorityKeyIdentifier", authorityKeyIdentifier)
            case 0x24: try single(value, "policyConstraints", policyConstraints)
            case 0x25: try single(value, "extKeyUsage") { s throws(CertificateError) in try oidSequence(&s, "extKeyUsage") }
            case 0x2e: try single(value, "freshestCRL") { s throws(CertificateError) in try distributionPoints(&s, "freshestCRL") }
            case 0x36: try single(value, "inhibitAnyPolicy") { s throws(CertificateError) in _ = try s.smallNonNegativeInteger("inhibitAnyPolicy") }
            default: break
            }
        } else if oid.equals(OID.authorityInfoAccess) {
            try single(value, "authorityInfoAccess") { s throws(CertificateError) in try accessDescriptions(&s, "authorityInfoAccess") }
        } else if oid.equals(OID.subjectInfoAccess) {
            try single(value, "subjectInfoAccess") { s throws(CertificateError) in try accessDescriptions(&s, "subjectInfoAccess") }
        } else if oid.equals(OID.signedCertificateTimestamps) {
            _ = try decodeOctetString(value, "signedCertificateTimestampList")
        }
    }

    /// The value must be exactly one element, which `body` reads.
    @inline(__always)
    private static func single<Value>(_ value: ArraySlice<UInt8>, _ field: String, _ body: (inout DERScanner) throws(CertificateError) -> Value) throws(CertificateError) -> Value {
        var scanner = DERScanner(value)
        if scanner.isAtEnd { throw .malformedDER(offset: value.startIndex, problem: .empty) }
        let result = try body(&scanner)
        if !scanner.isAtEnd { throw .malformedDER(offset: scanner.position, problem: .trailingData) }
        return result
    }

    /// BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER (0..MAX) OPTIONAL }.
    /// An explicitly encoded cA FALSE is tolerated: many deployed certificates carry it.
    private static func basicConstraints(_ s: inout DERScanner) throws(CertificateError) -> BasicConstraints {
        var inner = try s.enter(0x30, "basicConstraints")
        var isCA = false
        if inner.nextTag == 0x01 { isCA = try inner.boolean("basicConstraints.cA") }
        var pathLength: Int? = nil
        if !inner.isAtEnd { pathLength = try inner.smallNonNegativeInteger("basicConstraints.pathLenConstraint") }
        try inner.finish("basicConstraints")
        return BasicConstraints(isCA: isCA, pathLenConstraint: pathLength)
    }

    private static func oidSequence(_ s: inout DERScanner, _ field: String) throws(CertificateError) {
        let tlv = try s.read(0x30, field)
        var inner = try s.enter(tlv, field)
        guard !inner.isAtEnd else { throw .invalidEncoding(field: field, offset: tlv.start, problem: .emptySequence) }
        while !inner.isAtEnd { _ = try inner.objectIdentifier(field) }
    }

    /// AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] OCTET STRING OPTIONAL,
    ///   authorityCertIssuer [1] GeneralNames OPTIONAL, authorityCertSerialNumber [2] INTEGER OPTIONAL } (implicit tags).
    private static func authorityKeyIdentifier(_ s: inout DERScanner) throws(CertificateError) -> AuthorityKeyIdentifier {
        let field = "authorityKeyIdentifier"
        var inner = try s.enter(0x30, field)
        var result = AuthorityKeyIdentifier()
        if let keyID = try inner.readIfPresent(0x80, "authorityKeyIdentifier.keyIdentifier") {
            result.keyIdentifier = Array(inner.content(keyID))
        }
        if inner.nextTag == 0xa1 {
            let issuerStart = inner.position
            try generalNames(&inner, 0xa1, "authorityKeyIdentifier.authorityCertIssuer", ipLengths: (4, 16))
            // Rare (a few old CAs): the GeneralName values come from their typed decoder.
            let issuerBytes = inner.bytes[issuerStart..<inner.position]
            result.authorityCertIssuer = try GeneralName.sequence(try parseDER(issuerBytes), field: "authorityKeyIdentifier.authorityCertIssuer", id: .context(1))
        }
        if inner.nextTag == 0x82 {
            result.authorityCertSerialNumber = Array(try inner.integer("authorityKeyIdentifier.authorityCertSerialNumber", tag: 0x82))
        }
        try inner.finish(field)
        return result
    }

    private static func nameConstraints(_ s: inout DERScanner) throws(CertificateError) {
        let field = "nameConstraints"
        let tlv = try s.read(0x30, field)
        var inner = try s.enter(tlv, field)
        var any = false
        if inner.nextTag == 0xa0 { try subtrees(&inner, 0xa0, "nameConstraints.permittedSubtrees"); any = true }
        if inner.nextTag == 0xa1 { try subtrees(&inner, 0xa1, "nameConstraints.excludedSubtrees"); any = true }
        try inner.finish(field)
        guard any else { throw .invalidEncoding(field: field, offset: tlv.start, problem: .emptySequence) }
    }

    private static func subtrees(_ s: inout DERScanner, _ tag: UInt8, _ name: String) throws(CertificateError) {
        let subtreesTLV = try s.read(tag, name)
        var subtrees = try s.enter(subtreesTLV, name)
        guard !subtrees.isAtEnd else { throw .invalidEncoding(field: name, offset: subtreesTLV.start, problem: .emptySequence) }
        while !subtrees.isAtEnd {
            var subtree = try subtrees.enter(0x30, name)
            try generalName(&subtree, name, ipLengths: (8, 32))
            if subtree.nextTag == 0x80 { _ = try subtree.smallNonNegativeInteger(name, tag: 0x80) }
            if subtree.nextTag == 0x81 { _ = try subtree.smallNonNegativeInteger(name, tag: 0x81) }
            try subtree.finish(name)
        }
    }

    private static func certificatePolicies(_ s: inout DERScanner) throws(CertificateError) {
        let field = "certificatePolicies"
        let tlv = try s.read(0x30, field)
        var list = try s.enter(tlv, field)
        guard !list.isAtEnd else { throw .invalidEncoding(field: field, offset: tlv.start, problem: .emptySequence) }
        var policies: [ArraySlice<UInt8>] = []
        while !list.isAtEnd {
            var info = try list.enter(0x30, "certificatePolicies.policyInformation")
            policies.append(try info.objectIdentifier("certificatePolicies.policyIdentifier"))
            if !info.isAtEnd {
                let qualifiersTLV = try info.read(0x30, "certificatePolicies.policyQualifiers")
                var qualifiers = try info.enter(qualifiersTLV, "certificatePolicies.policyQualifiers")
                guard !qualifiers.isAtEnd else {
                    throw .invalidEncoding(field: "certificatePolicies.policyQualifiers", offset: qualifiersTLV.start, problem: .emptySequence)
                }
                while !qualifiers.isAtEnd {
                    var qualifier = try qualifiers.enter(0x30, "certificatePolicies.policyQualifiers.qualifier")
                    _ = try qualifier.objectIdentifier("certificatePolicies.policyQualifiers.policyQualifierId")
                    if !qualifier.isAtEnd {
                        let any = try qualifier.read("certificatePolicies.policyQualifiers.qualifier")
                        if any.isConstructed { try qualifier.enter(any, "certificatePolicies.policyQualifiers.qualifier").skipAll("certificatePolicies.policyQualifiers.qualifier") }
                    }
                    try qualifier.finish("certificatePolicies.policyQualifiers.qualifier")
                }
            }
            try info.finish("certificatePolicies.policyInformation")
        }
        // §4.2.1.4: a policy OID appears at most once.
        if let duplicate = firstDuplicate(policies) {
            throw .invalidEncoding(field: "certificatePolicies.policyIdentifier", offset: duplicate.startIndex, problem: .duplicateValue)
        }
    }

    private static func policyMappings(_ s: inout DERScanner) throws(CertificateError) {
        let field = "policyMappings"
        let tlv = try s.read(0x30, field)
        var list = try s.enter(tlv, field)
        guard !list.isAtEnd else { throw .invalidEncoding(field: field, offset: tlv.start, problem: .emptySequence) }
        while !list.isAtEnd {
            var pair = try list.enter(0x30, "policyMappings.mapping")
            _ = try pair.objectIdentifier("policyMappings.issuerDomainPolicy")
            _ = try pair.objectIdentifier("policyMappings.subjectDomainPolicy")
            try pair.finish("policyMappings.mapping")
        }
    }

    private static func policyConstraints(_ s: inout DERScanner) throws(CertificateError) {
        let field = "policyConstraints"
        let tlv = try s.read(0x30, field)
        var inner = try s.enter(tlv, field)
        var any = false
        if inner.nextTag == 0x80 { _ = try inner.smallNonNegativeInteger("policyConstraints.requireExplicitPolicy", tag: 0x80); any = true }
        if inner.nextTag == 0x81 { _ = try inner.smallNonNegativeInteger("policyConstraints.inhibitPolicyMapping", tag: 0x81); any = true }
        try inner.finish(field)
        guard any else { throw .invalidEncoding(field: field, offset: tlv.start, problem: .emptySequence) }
    }

    private static func accessDescriptions(_ s: inout DERScanner, _ field: String) throws(CertificateError) {
        let tlv = try s.read(0x30, field)
        var list = try s.enter(tlv, field)
        guard !list.isAtEnd else { throw .invalidEncoding(field: field, offset: tlv.start, problem: .emptySequence) }
        while !list.isAtEnd {
            var description = try list.enter(0x30, field)
            _ = try description.objectIdentifier(field)
            try generalName(&description, field, ipLengths: (4, 16))
            try description.finish(field)
        }
    }

    private static func distributionPoints(_ s: inout DERScanner, _ field: String) throws(CertificateError) {
        let tlv = try s.read(0x30, field)
        var list = try s.enter(tlv, field)
        guard !list.isAtEnd else { throw .invalidEncoding(field: field, offset: tlv.start, problem: .emptySequence) }
        while !list.isAtEnd {
            let pointTLV = try list.read(0x30, field)
            var point = try list.enter(pointTLV, field)
            var hasName = false
            if point.nextTag == 0xa0 {
                var name = try point.enter(0xa0, field)
                let choice = try name.read(field)
                switch choice.tag {
                case 0xa0:
                    var inner = DERScanner(name.bytes[choice.start..<choice.end])
                    try generalNames(&inner, 0xa0, field, ipLengths: (4, 16))
                case 0xa1:
                    try name.enter(choice, field).skipAll(field)
                default:
                    throw .unexpectedElement(field: field, offset: choice.start, tag: choice.tag)
                }
                try name.finish(field)
                hasName = true
            }
            if point.nextTag == 0x81 { _ = try point.bitString(field, tag: 0x81) }
            if point.nextTag == 0xa2 { try generalNames(&point, 0xa2, field, ipLengths: (4, 16)); hasName = true }
            try point.finish(field)
            guard hasName else { throw .invalidEncoding(field: field, offset: pointTLV.start, problem: .emptySequence) }
        }
    }

    /// GeneralNames with identifier `tag` (0x30, or an implicit context tag): at least one GeneralName.
    static func generalNames(_ s: inout DERScanner, _ tag: UInt8, _ field: String, ipLengths: (Int, Int)) throws(CertificateError) {
        let tlv = try s.read(tag, field)
        var list = try s.enter(tlv, field)
        guard !list.isAtEnd else { throw .invalidEncoding(field: field, offset: tlv.start, problem: .emptySequence) }
        while !list.isAtEnd { try generalName(&list, field, ipLengths: ipLengths) }
    }

    /// One GeneralName (RFC 5280 §4.2.1.6), with the checks GeneralName's decoder makes.
    static func generalName(_ s: inout DERScanner, _ field: String, ipLengths: (Int, Int)) throws(CertificateError) {
        let tlv = try s.read(field)
        switch tlv.tag {
        case 0xa0:
            var other = try s.enter(tlv, field)
            _ = try other.objectIdentifier(field)
            var wrapped = try other.enter(0xa0, field)
            let value = try wrapped.read(field)
            if value.isConstructed { try wrapped.enter(value, field).skipAll(field) }
            try wrapped.finish(field)
            try other.finish(field)
        case 0x81, 0x82, 0x86:
            guard DirectoryString.asciiAllowed(.ia5String, s.content(tlv)) else {
                throw .invalidEncoding(field: field, offset: tlv.start, problem: .string)
            }
        case 0xa3, 0xa5:
            try s.enter(tlv, field).skipAll(field)
        case 0xa4:
            var wrapped = try s.enter(tlv, field)
            let name = try wrapped.read(0x30, field)
            _ = try NameKey.build(wrapped.bytes[name.start..<name.end], field: field)
            try wrapped.finish(field)
        case 0x87:
            guard tlv.contentCount == ipLengths.0 || tlv.contentCount == ipLengths.1 else {
                throw .invalidEncoding(field: field, offset: tlv.start, problem: .ipAddressLength)
            }
        case 0x88:
            guard OID.isValidEncoding(s.content(tlv)) else {
                throw .invalidEncoding(field: field, offset: tlv.start, problem: .objectIdentifier)
            }
        default:
            throw .unexpectedElement(field: field, offset: tlv.start, tag: tlv.tag)
        }
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
