// P-256 ECDSA public keys and signatures in the shape of swift-crypto's `P256.Signing`
// (verification only): keys from SEC1 points, SubjectPublicKeyInfo DER or PEM; signatures from DER
// or raw r‖s. Parsing is strict and throws typed errors; verification answers true or false.

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
            guard rawRepresentation.count == 64 else {
                throw .wrongRawLength(expected: 64, actual: rawRepresentation.count)
            }
            try self.init(
                rBytes: rawRepresentation[0..<32],
                sBytes: rawRepresentation[32..<64]
            )
        }

        /// DER `ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }` (RFC 3279 §2.2.3), strictly.
        public init(derRepresentation: [UInt8]) throws(ECDSASignatureError) {
            let (r, s) = try ECDSASignatureDER.integers(from: derRepresentation, byteCount: 32)
            try self.init(rBytes: r[...], sBytes: s[...])
        }

        init(rBytes: ArraySlice<UInt8>, sBytes: ArraySlice<UInt8>) throws(ECDSASignatureError) {
            guard let r = P256.Scalar(bigEndianBytes: rBytes), !r.isZero else { throw .scalarOutOfRange("r") }
            guard let s = P256.Scalar(bigEndianBytes: sBytes), !s.isZero else { throw .scalarOutOfRange("s") }
            self.r = r
            self.s = s
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
            point = try Self.decodePoint(sec1Representation)
        }

        /// The uncompressed SEC1 form 04‖X‖Y (swift-crypto's name).
        public init(x963Representation: [UInt8]) throws(ECDSAKeyError) {
            try self.init(sec1Representation: x963Representation)
        }

        /// A DER SubjectPublicKeyInfo with id-ecPublicKey and the P-256 named curve.
        public init(derRepresentation: [UInt8]) throws(ECDSAKeyError) {
            let info = try ECPublicKeyInfo(derEncoded: derRepresentation)
            guard info.curve == .p256 else { throw .curveMismatch(expected: "P-256", found: info.curve.name) }
            try self.init(sec1Representation: info.point)
        }

        /// A PEM "PUBLIC KEY" block holding a SubjectPublicKeyInfo.
        public init(pemRepresentation: String) throws(ECDSAKeyError) {
            try self.init(derRepresentation: ECPublicKeyInfo.derBytes(fromPEM: pemRepresentation))
        }

        /// The uncompressed SEC1 form 04‖X‖Y.
        public var x963Representation: [UInt8] { [0x04] + point.x.bigEndianBytes + point.y.bigEndianBytes }

        /// FIPS 186-4 §6.4.2 verification of a digest (any length: longer digests are truncated to
        /// their leftmost 256 bits, shorter ones used as they are).
        public func isValidSignature(_ signature: ECDSASignature, for digest: [UInt8]) -> Bool {
            P256.verifyVarTime(r: signature.r, s: signature.s, digest: digest, key: point,
                               keyTable: precomputation.tableForVerification(of: point))
        }

        static func decodePoint(_ bytes: [UInt8]) throws(ECDSAKeyError) -> P256.AffinePoint {
            guard let format = bytes.first else { throw .invalidPointEncoding("empty point") }
            switch format {
            case 0x04:
                guard bytes.count == 1 + 64 else {
                    throw .invalidPointEncoding("uncompressed point of \(bytes.count) bytes, expected 65")
                }
                guard let x = P256.FieldElement(bigEndianBytes: bytes[1..<33]),
                      let y = P256.FieldElement(bigEndianBytes: bytes[33..<65])
                else { throw .coordinateOutOfRange }
                let point = P256.AffinePoint(x: x, y: y)
                guard point.isOnCurve else { throw .pointNotOnCurve }
                return point
            case 0x02, 0x03:
                guard bytes.count == 1 + 32 else {
                    throw .invalidPointEncoding("compressed point of \(bytes.count) bytes, expected 33")
                }
                guard let x = P256.FieldElement(bigEndianBytes: bytes[1..<33]) else { throw .coordinateOutOfRange }
                let ySquared = x.squared() * x - (x.doubled() + x) + P256.FieldElement.curveB
                guard var y = ySquared.squareRoot() else { throw .pointNotOnCurve }
                if y.integerLimbs.l0 & 1 != UInt64(format & 1) {
                    guard !y.isZero else { throw .pointNotOnCurve }
                    y = y.negated()
                }
                return P256.AffinePoint(x: x, y: y)
            case 0x00:
                throw .pointAtInfinity
            case 0x06, 0x07:
                throw .invalidPointEncoding("hybrid point format is not supported")
            default:
                throw .invalidPointEncoding("unknown point format 0x\(String(format, radix: 16))")
            }
        }
    }
}
