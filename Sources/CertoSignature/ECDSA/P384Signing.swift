// P-384 ECDSA public keys and signatures in the shape of swift-crypto's `P384.Signing`
// (verification only): keys from SEC1 points, SubjectPublicKeyInfo DER or PEM; signatures from DER
// or raw r‖s. Parsing is strict and throws typed errors; verification answers true or false.

extension P384 {
    /// ECDSA over P-384: public keys and signatures (verification only).
    public enum Signing {}
}

extension P384.Signing {
    /// An ECDSA signature (r, s) with both values in [1, n−1].
    public struct ECDSASignature: Sendable {
        /// r and s in Montgomery form.
        let r: P384.Scalar
        let s: P384.Scalar

        /// IEEE P1363 r‖s: exactly 96 bytes, each half big-endian.
        public init(rawRepresentation: [UInt8]) throws(ECDSASignatureError) {
            guard rawRepresentation.count == 96 else {
                throw .wrongRawLength(expected: 96, actual: rawRepresentation.count)
            }
            try self.init(
                rBytes: rawRepresentation[0..<48],
                sBytes: rawRepresentation[48..<96]
            )
        }

        /// DER `ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }` (RFC 3279 §2.2.3), strictly.
        public init(derRepresentation: [UInt8]) throws(ECDSASignatureError) {
            let (r, s) = try ECDSASignatureDER.integers(from: derRepresentation, byteCount: 48)
            try self.init(rBytes: r[...], sBytes: s[...])
        }

        init(rBytes: ArraySlice<UInt8>, sBytes: ArraySlice<UInt8>) throws(ECDSASignatureError) {
            guard let r = P384.Scalar(bigEndianBytes: rBytes), !r.isZero else { throw .scalarOutOfRange("r") }
            guard let s = P384.Scalar(bigEndianBytes: sBytes), !s.isZero else { throw .scalarOutOfRange("s") }
            self.r = r
            self.s = s
        }

        /// r‖s, 96 bytes.
        public var rawRepresentation: [UInt8] { r.bigEndianBytes + s.bigEndianBytes }
    }

    /// An ECDSA public key: a point on P-384 other than infinity.
    public struct PublicKey: Sendable {
        let point: P384.AffinePoint
        /// Tables made when the key verifies a second time (see ECKeyPrecomputation.swift); copies
        /// of the key share them.
        let precomputation = ECKeyPrecomputation<P384>()

        /// A SEC1 point (SEC 1 v2 §2.3.4): uncompressed 04‖X‖Y or compressed 02/03‖X.
        public init(sec1Representation: [UInt8]) throws(ECDSAKeyError) {
            point = try Self.decodePoint(sec1Representation)
        }

        /// The uncompressed SEC1 form 04‖X‖Y (swift-crypto's name).
        public init(x963Representation: [UInt8]) throws(ECDSAKeyError) {
            try self.init(sec1Representation: x963Representation)
        }

        /// A DER SubjectPublicKeyInfo with id-ecPublicKey and the P-384 named curve.
        public init(derRepresentation: [UInt8]) throws(ECDSAKeyError) {
            let info = try ECPublicKeyInfo(derEncoded: derRepresentation)
            guard info.curve == .p384 else { throw .curveMismatch(expected: "P-384", found: info.curve.name) }
            try self.init(sec1Representation: info.point)
        }

        /// A PEM "PUBLIC KEY" block holding a SubjectPublicKeyInfo.
        public init(pemRepresentation: String) throws(ECDSAKeyError) {
            try self.init(derRepresentation: ECPublicKeyInfo.derBytes(fromPEM: pemRepresentation))
        }

        /// The uncompressed SEC1 form 04‖X‖Y.
        public var x963Representation: [UInt8] { [0x04] + point.x.bigEndianBytes + point.y.bigEndianBytes }

        /// FIPS 186-4 §6.4.2 verification of a digest (any length: longer digests are truncated to
        /// their leftmost 384 bits, shorter ones used as they are).
        public func isValidSignature(_ signature: ECDSASignature, for digest: [UInt8]) -> Bool {
            P384.verifyVarTime(r: signature.r, s: signature.s, digest: digest, key: point,
                               keyTable: precomputation.tableForVerification(of: point))
        }

        static func decodePoint(_ bytes: [UInt8]) throws(ECDSAKeyError) -> P384.AffinePoint {
            guard let format = bytes.first else { throw .invalidPointEncoding("empty point") }
            switch format {
            case 0x04:
                guard bytes.count == 1 + 96 else {
                    throw .invalidPointEncoding("uncompressed point of \(bytes.count) bytes, expected 97")
                }
                guard let x = P384.FieldElement(bigEndianBytes: bytes[1..<49]),
                      let y = P384.FieldElement(bigEndianBytes: bytes[49..<97])
                else { throw .coordinateOutOfRange }
                let point = P384.AffinePoint(x: x, y: y)
                guard point.isOnCurve else { throw .pointNotOnCurve }
                return point
            case 0x02, 0x03:
                guard bytes.count == 1 + 48 else {
                    throw .invalidPointEncoding("compressed point of \(bytes.count) bytes, expected 49")
                }
                guard let x = P384.FieldElement(bigEndianBytes: bytes[1..<49]) else { throw .coordinateOutOfRange }
                let ySquared = x.squared() * x - (x.doubled() + x) + P384.FieldElement.curveB
                guard var y = ySquared.squareRoot() else { throw .pointNotOnCurve }
                if y.integerLimbs.l0 & 1 != UInt64(format & 1) {
                    guard !y.isZero else { throw .pointNotOnCurve }
                    y = y.negated()
                }
                return P384.AffinePoint(x: x, y: y)
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
