// ECDSA public-key and signature-encoding parsing: SPKI, PEM, SEC1 (compressed and uncompressed),
// and every refusal with its precise error. Keys below were made with `openssl ecparam -genkey`
// and `openssl ec -pubout [-param_enc explicit | -conv_form compressed]`.
import CertoSignature
import CertoTestSupport
import Testing

private let p256SPKI = "3059301306072a8648ce3d020106082a8648ce3d0301070342000400d289993c1a4d179e972097462be65adda093ed75f3c8a16e7edaa0629d5b3c32ceb34baafafc50850ea19cce55b6e541131a03b02f0b39a5ab78b62f76f4f6"
private let p256CompressedSPKI = "3039301306072a8648ce3d020106082a8648ce3d0301070322000200d289993c1a4d179e972097462be65adda093ed75f3c8a16e7edaa0629d5b3c"
private let p256ExplicitSPKI = "3082014b3082010306072a8648ce3d02013081f7020101302c06072a8648ce3d0101022100ffffffff00000001000000000000000000000000ffffffffffffffffffffffff305b0420ffffffff00000001000000000000000000000000fffffffffffffffffffffffc04205ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b031500c49d360886e704936a6678e1139d26b7819f7e900441046b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c2964fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5022100ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc6325510201010342000400d289993c1a4d179e972097462be65adda093ed75f3c8a16e7edaa0629d5b3c32ceb34baafafc50850ea19cce55b6e541131a03b02f0b39a5ab78b62f76f4f6"
private let secp256k1SPKI = "3056301006072a8648ce3d020106052b8104000a034200042e18fe2da419a896223be540b9d7097d601a8e6b847fda55e306ab7888e51c48aec8d7570e774f93cb9ad658596c2f091f7960f1fb7be618402a6e08b1052781"
private let p384SPKI = "3076301006072a8648ce3d020106052b8104002203620004a1da5a7160988d2b3c46ce70abb57e9bbf7fbca5d8865889f2d14040631defd3d895d1ab7e5b3f3fa35ad41320fce9be2768de7bebaab9ec485f7e3466b47eb5fca46dcdcce8add7b2d0a7f6b0f10fa6e89ae0582848f6ee461e368cfb502194"
/// An RSA-2048 SubjectPublicKeyInfo prefix is enough to be refused before the key is read.
private let rsaSPKI = "30820122300d06092a864886f70d01010105000382010f003082010a0282010100" + String(repeating: "c5", count: 256) + "0203010001"

private func hex(_ text: String) -> [UInt8] { TestHex.decode(text)! }

private func keyError(_ body: () throws -> Void) -> ECDSAKeyError? {
    do {
        try body()
        return nil
    } catch let error as ECDSAKeyError {
        return error
    } catch {
        return nil
    }
}

@Suite("ECDSA keys and signature encodings")
struct ECDSAKeyTests {
    @Test func spkiCompressedAndUncompressedAgree() throws {
        let full = try ECDSAPublicKey(subjectPublicKeyInfoDER: hex(p256SPKI))
        let compressed = try ECDSAPublicKey(subjectPublicKeyInfoDER: hex(p256CompressedSPKI))
        #expect(full.curve == .p256)
        #expect(full.x963Representation == compressed.x963Representation)
        #expect(full.x963Representation == Array(hex(p256SPKI).suffix(65)))
        let p384 = try ECDSAPublicKey(subjectPublicKeyInfoDER: hex(p384SPKI))
        #expect(p384.curve == .p384)
        #expect(p384.curve.name == "P-384" && p384.curve.coordinateByteCount == 48 && p384.curve.bitCount == 384)
    }

    /// Compressing an uncompressed point (both parities) and decoding it gives the point back.
    @Test(arguments: [p256SPKI, p384SPKI])
    func compressionRoundTrip(spki: String) throws {
        let key = try ECDSAPublicKey(subjectPublicKeyInfoDER: hex(spki))
        let point = key.x963Representation
        let coordinateBytes = key.curve.coordinateByteCount
        let x = Array(point[1...coordinateBytes])
        let yIsOdd = point.last! & 1 == 1
        let compressed = try ECDSAPublicKey(curve: key.curve, sec1Representation: [yIsOdd ? 3 : 2] + x)
        #expect(compressed.x963Representation == point)
        // The other prefix gives the negated point: same x, different y.
        let negated = try ECDSAPublicKey(curve: key.curve, sec1Representation: [yIsOdd ? 2 : 3] + x)
        #expect(Array(negated.x963Representation.prefix(1 + coordinateBytes)) == Array(point.prefix(1 + coordinateBytes)))
        #expect(negated.x963Representation != point)
    }

    @Test func refusals() throws {
        let point = Array(hex(p256SPKI).suffix(65))
        var offCurve = point
        offCurve[64] ^= 1
        #expect(keyError { _ = try ECDSAPublicKey(curve: .p256, sec1Representation: offCurve) } == .pointNotOnCurve)
        #expect(keyError { _ = try ECDSAPublicKey(curve: .p256, sec1Representation: [0x00]) } == .pointAtInfinity)
        #expect(keyError { _ = try ECDSAPublicKey(curve: .p256, sec1Representation: []) } == .invalidPointEncoding("empty point"))
        // x = p (not reduced) with any y.
        let p = hex("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff")
        #expect(keyError { _ = try ECDSAPublicKey(curve: .p256, sec1Representation: [0x04] + p + Array(point[33...])) } == .coordinateOutOfRange)
        #expect(keyError { _ = try ECDSAPublicKey(curve: .p256, sec1Representation: [0x02] + p) } == .coordinateOutOfRange)
        // Wrong lengths and formats.
        #expect(keyError { _ = try ECDSAPublicKey(curve: .p256, sec1Representation: Array(point.dropLast())) } != nil)
        #expect(keyError { _ = try ECDSAPublicKey(curve: .p384, sec1Representation: point) } != nil)
        var hybrid = point
        hybrid[0] = 0x06
        #expect(keyError { _ = try ECDSAPublicKey(curve: .p256, sec1Representation: hybrid) } == .invalidPointEncoding("hybrid point format is not supported"))
        // SPKI-level refusals.
        #expect(keyError { _ = try ECDSAPublicKey(subjectPublicKeyInfoDER: hex(p256ExplicitSPKI)) } == .explicitCurveParametersNotSupported)
        #expect(keyError { _ = try ECDSAPublicKey(subjectPublicKeyInfoDER: hex(secp256k1SPKI)) } == .unsupportedCurve(oid: "1.3.132.0.10"))
        #expect(keyError { _ = try ECDSAPublicKey(subjectPublicKeyInfoDER: hex(rsaSPKI)) } == .notAnECPublicKey(algorithm: "1.2.840.113549.1.1.1"))
        #expect(keyError { _ = try ECDSAPublicKey(subjectPublicKeyInfoDER: hex(p256SPKI) + [0]) } == .malformedDER(field: "SubjectPublicKeyInfo"))
        #expect(keyError { _ = try ECDSAPublicKey(subjectPublicKeyInfoDER: Array(hex(p256SPKI).dropLast())) } == .malformedDER(field: "SubjectPublicKeyInfo"))
        #expect(keyError { _ = try P384.Signing.PublicKey(derRepresentation: hex(p256SPKI)) } == .curveMismatch(expected: "P-384", found: "P-256"))
        // implicitCurve: parameters NULL instead of the curve OID (lengths adjusted: 0x13 → 0x0b, 0x30 0x59 → 0x30 0x51).
        let implicit = hex("3051300b06072a8648ce3d02010500034200") + Array(point)
        #expect(keyError { _ = try ECDSAPublicKey(subjectPublicKeyInfoDER: implicit) } == .implicitCurveNotSupported)
        let missing = hex("304f300906072a8648ce3d0201034200") + Array(point)
        #expect(keyError { _ = try ECDSAPublicKey(subjectPublicKeyInfoDER: missing) } == .missingCurveParameters)
    }

    @Test func pem() throws {
        let body = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEBKrsc2NXJvIT+4qeZNo7hjLkFJWp\nRNAEW1IuunJA+tWH2TFXmKqjpboBd1eHztBeqve04J/IHW0apUboNl1SXQ==\n"
        let key = try ECDSAPublicKey(pemRepresentation: "-----BEGIN PUBLIC KEY-----\n" + body + "-----END PUBLIC KEY-----\n")
        #expect(key.curve == .p256)
        let wrongType = "-----BEGIN CERTIFICATE-----\n" + body + "-----END CERTIFICATE-----\n"
        #expect(keyError { _ = try ECDSAPublicKey(pemRepresentation: wrongType) } == .unexpectedPEMType("CERTIFICATE"))
        if case .invalidPEM = keyError({ _ = try ECDSAPublicKey(pemRepresentation: "not pem") }) {} else {
            Issue.record("garbage PEM was not refused as invalidPEM")
        }
    }

    /// Strict DER for ECDSA-Sig-Value, table-driven: (hex, expected error) with r = 1, s = 1 as the base.
    @Test(arguments: [
        ("3006020101020101", nil),
        ("300602010102010100", ECDSASignatureError.malformedDER(field: "ECDSA-Sig-Value")),        // trailing byte
        ("30810602010102010100", .malformedDER(field: "ECDSA-Sig-Value")),                          // non-minimal length
        ("3080020101020101" + "0000", .malformedDER(field: "ECDSA-Sig-Value")),                     // BER indefinite
        ("300702020001020101", .malformedDER(field: "r")),                                           // padded r
        ("3006020181020101", .malformedDER(field: "r")),                                             // negative r
        ("3006020100020101", .scalarOutOfRange("r")),                                               // r = 0
        ("3006020101020100", .scalarOutOfRange("s")),                                               // s = 0
        ("3003020101", .malformedDER(field: "s (missing)")),
        ("3009020101020101020101", .malformedDER(field: "ECDSA-Sig-Value (extra element)")),
        ("3106020101020101", .malformedDER(field: "ECDSA-Sig-Value")),                               // SET
        ("3006040101020101", .malformedDER(field: "r")),                                             // OCTET STRING r
        ("3026022100ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551020101", .scalarOutOfRange("r")), // r = n
        ("30260221010000000000000000000000000000000000000000000000000000000000000000020101", .scalarOutOfRange("r")), // 33-byte r = 2^256
    ] as [(String, ECDSASignatureError?)])
    func derSignatureStrictness(der: String, expected: ECDSASignatureError?) {
        do {
            _ = try P256.Signing.ECDSASignature(derRepresentation: hex(der))
            #expect(expected == nil, "accepted \(der)")
        } catch {
            #expect(error == expected, "\(der)")
        }
    }

    @Test func rawSignatureLength() {
        #expect(throws: ECDSASignatureError.wrongRawLength(expected: 64, actual: 63)) {
            _ = try P256.Signing.ECDSASignature(rawRepresentation: [UInt8](repeating: 1, count: 63))
        }
        #expect(throws: ECDSASignatureError.wrongRawLength(expected: 96, actual: 64)) {
            _ = try P384.Signing.ECDSASignature(rawRepresentation: [UInt8](repeating: 1, count: 64))
        }
        let one = [UInt8](repeating: 0, count: 31) + [1]
        #expect((try? P256.Signing.ECDSASignature(rawRepresentation: one + one))?.rawRepresentation == one + one)
    }
}
