// Fuzz target: public keys as certificates, key files and `sigverify --key` hold them. Every input goes
// to both SubjectPublicKeyInfo parsers (CertoSignature's `PublicKey`, on SwiftASN1, and CertoX509's
// `PublicKeyInfo`, on DERScanner), and to the PKCS#1 and SEC1 readers. A key that parses verifies one
// signature, so fuzzed moduli and points reach the arithmetic. Differential: a key CertoSignature
// accepts must parse in CertoX509 too (else a certificate holding it could not be read), with the same
// RSA modulus and exponent, or the same curve and point.
import CertoBigInt
import CertoHash
import CertoSignature
import CertoX509
import FuzzSupport

private let digest = HashAlgorithm.sha256.hash(Array("Certo fuzz: public keys".utf8))

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput(data, size).bytes
    let info = try? PublicKeyInfo(derEncoded: bytes)
    if let info { _ = info.algorithm.description + info.algorithmOID }
    switch Result(catching: { () throws(PublicKeyError) in try PublicKey(subjectPublicKeyInfoDER: bytes) }) {
    case .success(let key):
        invariant(info != nil, "CertoSignature accepts a SubjectPublicKeyInfo that CertoX509 refuses")
        compare(key, info!)
        exercise(key)
    case .failure(let error):
        _ = error.description
    }
    if let rsa = try? RSAPublicKey(pkcs1DER: bytes) { exercise(.rsa(rsa)) }
    for curve in ECDSACurve.allCases {
        if let ec = try? ECDSAPublicKey(curve: curve, sec1Representation: bytes) { exercise(.ecdsa(ec)) }
    }
    return 0
}

/// The two parsers read the same numbers out of one SubjectPublicKeyInfo.
private func compare(_ key: PublicKey, _ info: PublicKeyInfo) {
    switch (key, info.algorithm) {
    case (.rsa(let rsa), .rsa), (.rsa(let rsa), .rsaPSS):
        invariant(info.rsaModulusBytes == rsa.modulus.serialize(), "RSA modulus differs between the parsers")
        invariant(info.rsaPublicExponentBytes == rsa.publicExponent.serialize(), "RSA exponent differs between the parsers")
    case (.ecdsa(let ec), .ec(let curve)):
        invariant(curve.oid == ec.curve.objectIdentifier, "EC curve differs between the parsers")
        if info.keyBytes.first == 0x04 {
            invariant(info.keyBytes == ec.x963Representation, "EC point differs between the parsers")
        }
    default:
        invariant(false, "key type differs between the parsers: \(key.algorithmName) vs \(info.algorithm)")
    }
}

/// One verification with the key, through the path a certificate check takes.
private func exercise(_ key: PublicKey) {
    _ = key.sizeDescription + (key.isWeak ? "weak" : "")
    switch key {
    case .rsa(let rsa):
        let signature = [UInt8](repeating: 0x5a, count: rsa.modulusByteCount)
        _ = key.isValidSignature(signature, digest: digest, algorithm: .rsaPKCS1v15(.sha256))
        _ = key.isValidSignature(signature, digest: digest, algorithm: .rsaPSS(hash: .sha256, mgf1: .sha256, saltLength: 32))
    case .ecdsa(let ec):
        let width = ec.curve.coordinateByteCount
        let raw = [UInt8](repeating: 0x11, count: width) + [UInt8](repeating: 0x22, count: width)
        _ = ec.isValidSignature(rawSignature: raw, digest: digest)
    }
}

@main enum PublicKeyFuzzer {
    static func main() { LibFuzzerDriver.run(testOneInput) }
}
