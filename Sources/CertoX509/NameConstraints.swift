// nameConstraints (RFC 5280 §4.2.1.10): permitted and excluded GeneralSubtrees, decoded as written.
// minimum/maximum are kept (the RFC says 0 and absent); the validator decides what to do with others.
import SwiftASN1

public struct GeneralSubtree: Sendable, Hashable {
    public var base: GeneralName
    public var minimum: Int
    public var maximum: Int?

    public init(base: GeneralName, minimum: Int = 0, maximum: Int? = nil) {
        self.base = base
        self.minimum = minimum
        self.maximum = maximum
    }
}

public struct NameConstraints: Sendable, Hashable {
    public var permittedSubtrees: [GeneralSubtree]
    public var excludedSubtrees: [GeneralSubtree]

    /// NameConstraints ::= SEQUENCE { permittedSubtrees [0] GeneralSubtrees OPTIONAL,
    ///   excludedSubtrees [1] GeneralSubtrees OPTIONAL }; at least one present, each SIZE (1..MAX).
    static func decode(_ value: ArraySlice<UInt8>) throws(CertificateError) -> NameConstraints {
        let node = try parseDER(value)
        var reader = try DERReader(node, "nameConstraints")
        var result = NameConstraints(permittedSubtrees: [], excludedSubtrees: [])
        if let tagged = reader.optional(.context(0)) {
            result.permittedSubtrees = try subtrees(tagged, 0, "nameConstraints.permittedSubtrees")
        }
        if let tagged = reader.optional(.context(1)) {
            result.excludedSubtrees = try subtrees(tagged, 1, "nameConstraints.excludedSubtrees")
        }
        try reader.finish()
        if result.permittedSubtrees.isEmpty && result.excludedSubtrees.isEmpty {
            throw .invalidEncoding(field: "nameConstraints", offset: node.offset, problem: .emptySequence)
        }
        return result
    }

    private static func subtrees(_ node: ASN1Node, _ tag: UInt, _ field: String) throws(CertificateError) -> [GeneralSubtree] {
        do { return try subtrees(node, tag) } catch { throw error.prefixed(field) }
    }

    private static func subtrees(_ node: ASN1Node, _ tag: UInt) throws(CertificateError) -> [GeneralSubtree] {
        let field = ""
        var reader = try DERReader(node, field, id: .context(tag))
        var result: [GeneralSubtree] = []
        while let element = reader.nextIfPresent() {
            var subtree = try DERReader(element, "subtree")
            let base = try GeneralName(node: try subtree.next("base"), field: "base", context: .constraint)
            var minimum = 0
            var maximum: Int? = nil
            if let tagged = subtree.optional(.context(0)) {
                minimum = try smallNonNegativeInteger(tagged, "minimum", id: .context(0))
            }
            if let tagged = subtree.optional(.context(1)) {
                maximum = try smallNonNegativeInteger(tagged, "maximum", id: .context(1))
            }
            try subtree.finish()
            result.append(GeneralSubtree(base: base, minimum: minimum, maximum: maximum))
        }
        guard !result.isEmpty else { throw .invalidEncoding(field: field, offset: node.offset, problem: .emptySequence) }
        return result
    }
}
