// The ECDSA target's fixed keys: the public halves of the keys seeds/fixed_keys.py derives from labels
// (it prints them), so make-seeds.py can write valid signatures over `message` as seeds.
import CertoSignature
import FuzzSupport

enum FixedECDSAKeys {
    static let message = Array("Certo fuzz: fixed message".utf8)

    static let p256SEC1 = Hex.bytes("04197e55f4cae13fef8d287ece1d7d0d75a33db0255052c926ca6301212593e4118fc3923627277abf174e620bd1bd37c68140191daa1aa7fc0794ed7772d9be25")
    static let p384SEC1 = Hex.bytes("0473e871e895730f5461abe89b96800e68279ec0cf5a0f719a1621c5867eb6e6f16c5d546529fae1849ae6a2de8917364e445a972fc503352b92731b40c760a3d22b88ba2c26f94ae609cf327f1f78c3b46c6a33444a03435d92cdd68bdbbd7ffe")

    /// Long-lived keys: from their second verification on they take the split path. Kept as the
    /// curve types rather than ECDSAPublicKey, whose enum packs its case into the pointer to the key's
    /// tables, which LeakSanitizer then cannot see (a false leak report at exit).
    static let p256 = try! P256.Signing.PublicKey(sec1Representation: p256SEC1)
    static let p384 = try! P384.Signing.PublicKey(sec1Representation: p384SEC1)

    static func sec1(_ curve: ECDSACurve) -> [UInt8] { curve == .p256 ? p256SEC1 : p384SEC1 }
}
