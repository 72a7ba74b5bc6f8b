// RSASSA-PSS-params (RFC 4055 §3.1) read once for every caller: CertoX509 for signature algorithms and
// certificate keys, CertoSignature for keys given on their own. This is the syntax only. Absent fields
// stay nil (their DEFAULTs name algorithms, and what an OID means is the caller's business), so each
// caller decides alone whether an unknown hash makes the algorithm unknown or the key unusable.
//
//   RSASSA-PSS-params ::= SEQUENCE {
//     hashAlgorithm    [0] HashAlgorithm    DEFAULT sha1,
//     maskGenAlgorithm [1] MaskGenAlgorithm DEFAULT mgf1SHA1,
//     saltLength       [2] INTEGER          DEFAULT 20,
//     trailerField     [3] TrailerField     DEFAULT trailerFieldBC }

public struct RSASSAPSSParameterFields: Sendable, Equatable {
    /// id-mgf1 (RFC 8017 §B.2.1), the one mask generation function whose parameters are a hash.
    public static let mgf1: [UInt8] = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x08]

    /// Content octets of hashAlgorithm's OID; nil when absent (SHA-1).
    public var hashAlgorithm: ArraySlice<UInt8>?
    /// Content octets of maskGenAlgorithm's OID; nil when absent (MGF1 with SHA-1).
    public var maskGenAlgorithm: ArraySlice<UInt8>?
    /// For MGF1, the OID of the hash in its parameters; nil when the field is absent or names another function.
    public var maskGenHash: ArraySlice<UInt8>?
    /// Non-negative; 20 when absent.
    public var saltLength: Int

    /// Reads the SEQUENCE at `scanner`'s position. Hash AlgorithmIdentifiers may carry NULL or no
    /// parameters (RFC 4055 §2.1 asks for both to be accepted); fields equal to their DEFAULT are
    /// accepted when present, as deployed encoders write them. A negative salt or a trailerField other
    /// than 1 (the only TrailerField defined) is `valueOutOfRange`.
    @inlinable
    public init<Failure>(_ scanner: inout DERScanner<Failure>) throws(Failure) {
        var fields = try scanner.enter(0x30, "")
        hashAlgorithm = nil
        maskGenAlgorithm = nil
        maskGenHash = nil
        saltLength = 20
        if fields.nextTag == 0xa0 {
            var tagged = try fields.enter(0xa0, "hashAlgorithm")
            hashAlgorithm = try Self.hashIdentifier(&tagged, "hashAlgorithm")
            try tagged.finish("hashAlgorithm")
        }
        if fields.nextTag == 0xa1 {
            var tagged = try fields.enter(0xa1, "maskGenAlgorithm")
            var algorithm = try tagged.enter(0x30, "maskGenAlgorithm")
            let oid = try algorithm.objectIdentifier("maskGenAlgorithm.algorithm")
            maskGenAlgorithm = oid
            if oid.elementsEqual(Self.mgf1) {
                maskGenHash = try Self.hashIdentifier(&algorithm, "maskGenAlgorithm.parameters")
            } else if !algorithm.isAtEnd {
                let parameters = try algorithm.read("maskGenAlgorithm.parameters")
                if parameters.isConstructed { try algorithm.enter(parameters, "maskGenAlgorithm.parameters").skipAll("maskGenAlgorithm.parameters") }
            }
            try algorithm.finish("maskGenAlgorithm")
            try tagged.finish("maskGenAlgorithm")
        }
        if fields.nextTag == 0xa2 {
            var tagged = try fields.enter(0xa2, "saltLength")
            saltLength = try tagged.smallNonNegativeInteger("saltLength")
            try tagged.finish("saltLength")
        }
        if fields.nextTag == 0xa3 {
            var tagged = try fields.enter(0xa3, "trailerField")
            let start = tagged.position
            let trailer = try tagged.smallInteger("trailerField")
            guard trailer == 1 else { throw Failure(.valueOutOfRange(field: "trailerField", offset: start)) }
            try tagged.finish("trailerField")
        }
        try fields.finish("")
    }

    /// A hash AlgorithmIdentifier: its OID, parameters NULL or absent.
    @usableFromInline
    static func hashIdentifier<Failure>(_ scanner: inout DERScanner<Failure>, _ field: String) throws(Failure) -> ArraySlice<UInt8> {
        var algorithm = try scanner.enter(0x30, field)
        let oid = try algorithm.objectIdentifier(field)
        if !algorithm.isAtEnd { try algorithm.null(field) }
        try algorithm.finish(field)
        return oid
    }
}
