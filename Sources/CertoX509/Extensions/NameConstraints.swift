// nameConstraints (RFC 5280 §4.2.1.10): permitted and excluded GeneralSubtrees, decoded as written.
// minimum/maximum are kept (the RFC says 0 and absent); the validator decides what to do with others.
import CertoDER

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
    /// The one decoder: checks everything, and builds the subtrees when `value` is set.
    static func decode(_ s: inout DERScanner, value: Bool) throws(CertificateError) -> NameConstraints {
        let field = "nameConstraints"
        let tlv = try s.read(0x30, field)
        var inner = try s.enter(tlv, field)
        var result = NameConstraints(permittedSubtrees: [], excludedSubtrees: [])
        var any = false
        if inner.nextTag == 0xa0 {
            result.permittedSubtrees = try subtrees(&inner, 0xa0, "nameConstraints.permittedSubtrees", value: value)
            any = true
        }
        if inner.nextTag == 0xa1 {
            result.excludedSubtrees = try subtrees(&inner, 0xa1, "nameConstraints.excludedSubtrees", value: value)
            any = true
        }
        try inner.finish(field)
        guard any else { throw .invalidEncoding(field: field, offset: tlv.start, problem: .emptySequence) }
        return result
    }

    /// GeneralSubtrees ::= SEQUENCE SIZE (1..MAX) OF GeneralSubtree, under implicit tag `tag`;
    /// GeneralSubtree ::= SEQUENCE { base GeneralName, minimum [0] BaseDistance DEFAULT 0, maximum [1] BaseDistance OPTIONAL }.
    private static func subtrees(_ s: inout DERScanner, _ tag: UInt8, _ field: String, value: Bool) throws(CertificateError) -> [GeneralSubtree] {
        var list = try s.enterNonEmpty(tag, field)
        var result: [GeneralSubtree] = []
        while !list.isAtEnd {
            var subtree = try list.enter(0x30, field)
            let base = try GeneralName.check(&subtree, field, context: .constraint)
            var minimum = 0
            var maximum: Int? = nil
            if subtree.nextTag == 0x80 { minimum = try subtree.smallNonNegativeInteger(field, tag: 0x80) }
            if subtree.nextTag == 0x81 { maximum = try subtree.smallNonNegativeInteger(field, tag: 0x81) }
            try subtree.finish(field)
            if value {
                result.append(GeneralSubtree(base: try GeneralName(checked: base, in: subtree.bytes, field: field),
                                             minimum: minimum, maximum: maximum))
            }
        }
        return result
    }
}
