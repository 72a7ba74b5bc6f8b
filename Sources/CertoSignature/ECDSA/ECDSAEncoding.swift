// The byte formats of ECDSA keys and signatures for any ECCurveArithmetic curve: SEC1 points
// (SEC 1 v2 §2.3.4, uncompressed and compressed), and signatures as raw r‖s (IEEE P1363) or DER.
// P256.Signing and P384.Signing wrap these in swift-crypto-shaped types. Strict, typed errors.

extension ECCurveArithmetic {
    /// A SEC1 point on this curve: 04‖X‖Y or 02/03‖X. Coordinates ≥ p, points off the curve and the
    /// point at infinity are refused.
    static func decodePoint(_ bytes: [UInt8]) throws(ECDSAKeyError) -> AffinePoint {
        let width = byteCount
        guard let format = bytes.first else { throw .invalidPointEncoding("empty point") }
        switch format {
        case 0x04:
            guard bytes.count == 1 + 2 * width else {
                throw .invalidPointEncoding("uncompressed point of \(bytes.count) bytes, expected \(1 + 2 * width)")
            }
            guard let x = FieldElement(bigEndianBytes: bytes[1..<(1 + width)]),
                  let y = FieldElement(bigEndianBytes: bytes[(1 + width)...])
            else { throw .coordinateOutOfRange }
            let point = AffinePoint(x: x, y: y)
            guard point.isOnCurve else { throw .pointNotOnCurve }
            return point
        case 0x02, 0x03:
            guard bytes.count == 1 + width else {
                throw .invalidPointEncoding("compressed point of \(bytes.count) bytes, expected \(1 + width)")
            }
            guard let x = FieldElement(bigEndianBytes: bytes[1...]) else { throw .coordinateOutOfRange }
            let ySquared = x.squared() * x - (x.doubled() + x) + FieldElement.curveB
            guard var y = ySquared.squareRoot() else { throw .pointNotOnCurve }
            if y.integerLimbs.limb(0) & 1 != UInt64(format & 1) {
                guard !y.isZero else { throw .pointNotOnCurve }
                y = y.negated()
            }
            return AffinePoint(x: x, y: y)
        case 0x00:
            throw .pointAtInfinity
        case 0x06, 0x07:
            throw .invalidPointEncoding("hybrid point format is not supported")
        default:
            throw .invalidPointEncoding("unknown point format 0x\(String(format, radix: 16))")
        }
    }

    /// A DER SubjectPublicKeyInfo (id-ecPublicKey) naming this curve.
    static func decodePoint(subjectPublicKeyInfo der: [UInt8]) throws(ECDSAKeyError) -> AffinePoint {
        let info = try ECPublicKeyInfo(derEncoded: der)
        guard info.curve == curve else { throw .curveMismatch(expected: curve.name, found: info.curve.name) }
        return try decodePoint(info.point)
    }

    /// The uncompressed SEC1 form 04‖X‖Y.
    static func encodeUncompressed(_ point: AffinePoint) -> [UInt8] {
        [0x04] + point.x.bigEndianBytes + point.y.bigEndianBytes
    }

    /// (r, s) from IEEE P1363 r‖s: exactly 2·byteCount bytes, each half big-endian.
    static func signatureScalars(raw bytes: [UInt8]) throws(ECDSASignatureError) -> (r: Scalar, s: Scalar) {
        let width = byteCount
        guard bytes.count == 2 * width else { throw .wrongRawLength(expected: 2 * width, actual: bytes.count) }
        return try signatureScalars(rBytes: bytes[0..<width], sBytes: bytes[width...])
    }

    /// (r, s) from DER `ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }` (RFC 3279 §2.2.3), strictly.
    static func signatureScalars(der bytes: [UInt8]) throws(ECDSASignatureError) -> (r: Scalar, s: Scalar) {
        let (r, s) = try ECDSASignatureDER.integers(from: bytes, byteCount: byteCount)
        return try signatureScalars(rBytes: r[...], sBytes: s[...])
    }

    /// r and s must both lie in [1, n−1].
    private static func signatureScalars(rBytes: ArraySlice<UInt8>, sBytes: ArraySlice<UInt8>) throws(ECDSASignatureError) -> (r: Scalar, s: Scalar) {
        guard let r = Scalar(bigEndianBytes: rBytes), !r.isZero else { throw .scalarOutOfRange("r") }
        guard let s = Scalar(bigEndianBytes: sBytes), !s.isZero else { throw .scalarOutOfRange("s") }
        return (r, s)
    }
}
