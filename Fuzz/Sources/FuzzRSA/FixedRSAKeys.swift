// The RSA target's fixed keys: the public halves of the keys seeds/fixed_keys.py derives from labels
// (it prints the moduli), so make-seeds.py can write valid signatures over `message` as seeds. The
// 2049-bit key makes PSS's encoded message one byte shorter than the modulus (RFC 8017 §8.1.2 step 2c).
import CertoSignature
import FuzzSupport

enum FixedRSAKeys {
    static let message = Array("Certo fuzz: fixed message".utf8)

    static let keys: [RSAPublicKey] = [
        try! RSAPublicKey(modulus: Hex.bytes("aa7a4a63156ae10ae7f746bc5ca59c6487ccb9591619d2e8f0f04d68891e27a3d318f1f0f7e827b05188d46bb1f8cfd52cc163854e2b8dc789f736fc429b2e2f1cf69fa505b651637d99ae59393e18aaed9cf6fd597a1715bf56a6aad701a3f4c16cd4c14c5d9ba0470dc38adf492389f858b60c95fa1aeb47de8d598b47567497be8c10ec13190f614148e6872d48a3ac9ec8adf570ecf9035595284c50c4ede990b8adecda7234b25ec6c554a834c834967bd3305646d82e2b4f93db440941f36fd3267a0527a6783ae7f1f4b9b14697b2ab4c821c2142607b73dae1aff24342727e4689e40fbbd0ca7449102ed6c98eddf6844d1b5bdd06dd335381c2d0ab"), publicExponent: [0x01, 0x00, 0x01]),
        try! RSAPublicKey(modulus: Hex.bytes("0139a0745674c7eb4be3fa12daf909302eefebee650c0530c269935e448d1ae59f54355e3eb446dd02cb7e3ed2a30e96b3560da01d9ae036d1c085ae7ee0f9cdd26b9b5f20acb384e5c02bfa474b93177678d51fd8a328dc17b17dd9e97d5ea86f2343fd308f16105b96f8661116cf221e5d76033f4eb77b147f08171acc5c1a8ee29334cfed7805c95388cf5d8e14159cd30c172ffc1657fbda70257e83dc2b089f27303005362d0e6a42643b46ba07a02e893cdc5e0e3f7ea0c5aa9387a7f1e3a65eec08bb945ff6080283c24478fa75ae8f28b077d459f4469818fc36203736dfc17bcf4fa21da5f7113df939b324dd173e8e62cdae7f1b995088975ab4d951"), publicExponent: [0x01, 0x00, 0x01]),
    ]
}
