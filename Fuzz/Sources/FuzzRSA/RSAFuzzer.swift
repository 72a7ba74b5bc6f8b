// Fuzz target: RSA signatures from outside (certificates, `sigverify`) against fixed keys and a fixed
// message. Input: a mode byte (bits 0-2 the scheme, bit 3 the key, bit 4 message or digest entry
// point), three parameter bytes used by the free-form PSS scheme, then the signature.
import CertoHash
import CertoSignature
import FuzzSupport

private let hashes = HashAlgorithm.allCases

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let mode = input.byte()
    let parameters = input.paddedBytes(3)
    let signature = input.rest()
    let key = FixedRSAKeys.keys[Int(mode >> 3) & 1]
    let padding: RSASignaturePadding
    switch mode & 7 {
    case 0: padding = .pkcs1v15(.sha256)
    case 1: padding = .pkcs1v15(.sha384)
    case 2: padding = .pkcs1v15(.sha512)
    case 3: padding = .pkcs1v15(.sha1)
    case 4: padding = .pss(.sha256)
    case 5: padding = .pss(.sha384)
    case 6: padding = .pss(hash: .sha256, mgf1: .sha256, saltLength: 0)
    default:
        // Free-form PSS: any hash pair and salt length, including ones that cannot fit the modulus.
        padding = .pss(hash: hashes[Int(parameters[0]) % hashes.count], mgf1: hashes[Int(parameters[1]) % hashes.count],
                       saltLength: Int(parameters[2]) * 2)
    }
    if mode & 0x10 == 0 {
        _ = key.isValidSignature(signature, for: FixedRSAKeys.message, padding: padding)
    } else {
        let hash: HashAlgorithm
        switch padding {
        case .pkcs1v15(let h), .pss(let h, _, _): hash = h
        case .pssWithKeyParameters: hash = .sha256
        }
        _ = key.isValidSignature(signature, forDigest: hash.hash(FixedRSAKeys.message), padding: padding)
    }
    return 0
}

@main enum RSAFuzzer {
    static func main() { LibFuzzerDriver.run(testOneInput) }
}
