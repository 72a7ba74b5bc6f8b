// P-256 ECDSA public keys and signatures in the shape of swift-crypto's `P256.Signing`
// (verification only): keys from SEC1 points, SubjectPublicKeyInfo DER or PEM; signatures from DER
// or raw r‖s. The formats are parsed by ECDSAEncoding.swift, strictly, with typed errors;
// verification answers true or false.

import CertoHash

extension P256 {
    /// ECDSA over P-256: public keys and signatures (verification only).
    public enum Signing {}
}

extension P256.Signing {
    /// An ECDSA signature (r, s) with both values in [1, n−1].
    public struct ECDSASignature: Sendable {
        /// r and s in Montgomery form.
        let r: P256.Scalar
        let s: P256.Scalar

        /// IEEE P1363 r‖s: exactly 64 bytes, each half big-endian.
        public init(rawRepresentation: [UInt8]) throws(ECDSASignatureError) {
            (r, s) = try P256.signatureScalars(raw: rawRepresentation)
        }

        /// DER `ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }` (RFC 3279 §2.2.3), strictly.
        public init(derRepresentation: [UInt8]) throws(ECDSASignatureError) {
            (r, s) = try P256.signatureScalars(der: derRepresentation)
        }

        /// r‖s, 64 bytes.
        public var rawRepresentation: [UInt8] { r.bigEndianBytes + s.bigEndianBytes }
    }

    /// An ECDSA public key: a point on P-256 other than infinity.
    public struct PublicKey: Sendable {
        let point: P256.AffinePoint
        /// Tables made when the key verifies a second time (see ECKeyPrecomputation.swift); copies
        /// of the key share them.
        let precomputation = ECKeyPrecomputation<P256>()

        /// A SEC1 point (SEC 1 v2 §2.3.4): uncompressed 04‖X‖Y or compressed 02/03‖X.
        public init(sec1Representation: [UInt8]) throws(ECDSAKeyError) {
            point = try P256.decodePoint(sec1Representation)
        }

        /// The uncompressed SEC1 form 04‖X‖Y (swift-crypto's name).
        public init(x963Representation: [UInt8]) throws(ECDSAKeyError) {
            try self.init(sec1Representation: x963Representation)
        }

        /// A DER SubjectPublicKeyInfo with id-ecPublicKey and the P-256 named curve.
        public init(derRepresentation: [UInt8]) throws(ECDSAKeyError) {
            point = try P256.decodePoint(subjectPublicKeyInfo: derRepresentation)
        }

        /// A PEM "PUBLIC KEY" block holding a SubjectPublicKeyInfo.
        public init(pemRepresentation: String) throws(ECDSAKeyError) {
            try self.init(derRepresentation: ECPublicKeyInfo.derBytes(fromPEM: pemRepresentation))
        }

        /// The uncompressed SEC1 form 04‖X‖Y.
        public var x963Representation: [UInt8] { P256.encodeUncompressed(point) }

        /// Verifies `signature` over `message`, hashed with SHA-256 first: the same meaning as
        /// swift-crypto's `isValidSignature(_:for:)` with data. For a digest already computed, use
        /// `isValidSignature(_:forDigest:)` or pass a CertoHash digest value.
        public func isValidSignature(_ signature: ECDSASignature, for message: [UInt8]) -> Bool {
            SHA256.hash(data: message).withUnsafeBytes { isValidSignature(signature, forDigest: Array($0)) }
        }

        /// Verifies `signature` over a CertoHash digest value (`SHA256.hash(data:)` and friends).
        public func isValidSignature<D: HashDigest>(_ signature: ECDSASignature, for digest: D) -> Bool {
            isValidSignature(signature, forDigest: Array(digest))
        }

        /// FIPS 186-4 §6.4.2 verification of a digest (any length: longer digests are truncated to
        /// their leftmost 256 bits, shorter ones used as they are).
        public func isValidSignature(_ signature: ECDSASignature, forDigest digest: [UInt8]) -> Bool {
            P256.verifyVarTime(r: signature.r, s: signature.s, digest: digest, key: point,
                               keyTable: precomputation.tableForVerification(of: point))
        }
    }
}
