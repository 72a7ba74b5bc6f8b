// Fuzz target: ECDSA signatures from outside (certificates, `sigverify`) against fixed P-256 and P-384
// keys and a fixed message. Input: a mode byte, a hash byte, then the signature (DER or raw r‖s).
// Every signature is checked twice, by a key seen for the first time (plain multiplication path) and
// by a long-lived key (split path); the answers must agree. Modes 4 and 5 compare the two paths'
// points directly (MultiplicationDifferential.swift).
import CertoHash
import CertoSignature
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let mode = input.byte() % 6
    let curve: ECDSACurve = mode % 2 == 0 ? .p256 : .p384
    switch mode {
    case 0...3:
        let hash = HashAlgorithm.allCases[Int(input.byte()) % HashAlgorithm.allCases.count]
        let digest = hash.hash(FixedECDSAKeys.message)
        let signature = input.rest()
        let isDER = mode < 2
        // A key parsed now: its first verification takes the plain path.
        let fresh = try! ECDSAPublicKey(curve: curve, sec1Representation: FixedECDSAKeys.sec1(curve))
        let plain = isDER ? fresh.isValidSignature(derSignature: signature, digest: digest)
            : fresh.isValidSignature(rawSignature: signature, digest: digest)
        let split = longLivedVerdict(curve, signature, isDER: isDER, digest: digest)
        invariant(plain == split, "\(curve) verdicts differ: plain path \(plain), split path \(split)")
    case 4:
        MultiplicationDifferential.run(P256.self, fallback: FixedECDSAKeys.p256SEC1, &input)
    default:
        MultiplicationDifferential.run(P384.self, fallback: FixedECDSAKeys.p384SEC1, &input)
    }
    return 0
}

/// The long-lived key's answer (split path); a signature that does not parse is invalid.
private func longLivedVerdict(_ curve: ECDSACurve, _ signature: [UInt8], isDER: Bool, digest: [UInt8]) -> Bool {
    switch curve {
    case .p256:
        let parsed = isDER ? try? P256.Signing.ECDSASignature(derRepresentation: signature)
            : try? P256.Signing.ECDSASignature(rawRepresentation: signature)
        return parsed.map { FixedECDSAKeys.p256.isValidSignature($0, forDigest: digest) } ?? false
    case .p384:
        let parsed = isDER ? try? P384.Signing.ECDSASignature(derRepresentation: signature)
            : try? P384.Signing.ECDSASignature(rawRepresentation: signature)
        return parsed.map { FixedECDSAKeys.p384.isValidSignature($0, forDigest: digest) } ?? false
    }
}

@main enum ECDSAFuzzer {
    static func main() {
        // Two checks each, so the long-lived keys hold their split tables before fuzzing starts.
        for curve in ECDSACurve.allCases {
            let one = [UInt8](repeating: 0, count: curve.coordinateByteCount - 1) + [1]
            for _ in 0..<2 { _ = longLivedVerdict(curve, one + one, isDER: false, digest: []) }
        }
        LibFuzzerDriver.run(testOneInput)
    }
}
