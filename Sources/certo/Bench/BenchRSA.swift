// RSA cases for `certo bench`: PKCS#1 v1.5 SHA-256 verification with the key parsed and the digest
// computed in prepare, like `openssl speed rsa2048` (verify column). The keys and signatures below are
// fixed benchmark input, made once with `openssl genrsa` and `openssl dgst -sha256 -sign` over
// the message "certo rsa bench message".
import CertoHash
import CertoSignature

extension BenchRegistry {
    static var rsaCases: [BenchCase] {
        [
            rsaVerifyCase("rsa2048-verify", key: BenchRSAInput.spki2048, signature: BenchRSAInput.signature2048),
            rsaVerifyCase("rsa4096-verify", key: BenchRSAInput.spki4096, signature: BenchRSAInput.signature4096),
        ]
    }

    private static func rsaVerifyCase(_ name: String, key: String, signature: String) -> BenchCase {
        BenchCase(name: name, bytesPerOp: nil) {
            let publicKey = try RSAPublicKey(subjectPublicKeyInfoDER: benchConstantBytes(key))
            let signatureBytes = benchConstantBytes(signature)
            let digest = SHA256.hash(data: Array(BenchRSAInput.message.utf8)).bytes
            guard publicKey.isValidPKCS1v15Signature(signatureBytes, digest: digest, hash: .sha256) else {
                throw BenchRSAInput.SetupError.signatureDoesNotVerify(name)
            }
            return { _ = blackHole(publicKey.isValidPKCS1v15Signature(signatureBytes, digest: digest, hash: .sha256)) }
        }
    }
}

/// Fixed benchmark keys (DER SubjectPublicKeyInfo, hex) and their signatures of `message`.
enum BenchRSAInput {
    enum SetupError: Error {
        case signatureDoesNotVerify(String)
    }

    static let message = "certo rsa bench message"

    static let spki2048 = """
        30820122300d06092a864886f70d01010105000382010f003082010a0282010100c6ef191e3ebbb62b9740111bd0aac0
        2381b809914df886e04932ea2e08fa89dc546aceba678887f2cc9d8e72b2926fb7734a73955429969ff35dc587587bd2
        a20859f4575e94b01cdb03c872b03658e851a5c45be5441984ebb3bd36e17651e805b92de6c16bc11a24898657a959d7
        e2bbc07ad0034dee18df4ac7029149a7088f4f481c336e53fe7c3e087a1009f0e120a986a062f065cdf9f61944295384
        b81b128f82ece3302dce0e3db712e5b9881fe68771dc818aeb0148319c211c02c8206f92fd4499eecf0aaf075965ae1c
        7817cc4b23d280e42f6b79dd5deb9695ffd15d39608161369114e7199b27a600f4dee86ba50284f91960bd7a41ec7f06
        770203010001
        """

    static let signature2048 = """
        c42b487135054dbc7127af40416f4293f46b89d41e32a10c4424d3cd062de0885f3aa00c6d1c720a02f12074d38a1de6
        7fa8349afa74c6ceee8cccec14a13eebd61982bc16ae91242714e69eb4c88d9f3e6f9980f34160acdd589e5364ce83fd
        44aac7ac26f48f1c7ffb973dceabd8e74adc28cedbfcec21d7eac58d94971e9550140ca9e1ef017652eb353af28687d4
        0233e1023bb1342068612949942c9be4241d56b0f8b5c120cbcfc347da33d79f0eb87395113214a1f1fb58d8302efc3e
        0f4dc367bad9944e4f44b287ad92893f5fac39e46119766a688e081cf51ae34b34ebeb4cc7056b7f7cd7d5e1ba50a6f9
        a0f16e6eedc04daebb9f50ab9976e617
        """

    static let spki4096 = """
        30820222300d06092a864886f70d01010105000382020f003082020a0282020100cd59bfc7e4aaa2a567e63023aba5d8
        af05f1367f962c3db54251c213dbd64572ce4f54b6f3eb6e8f2f4ed9ef9116218159cd2641e958e34e69986196087b17
        016b14c8bf0663f9a410a83a7a4d4876572d5a2652ad410ed84f5dbf41585e2ead6516a776eaa376d34600c33b95a0dd
        1aaa7ca584193a5a5868f8d32ff8ba14fe2175a4fd0fdeb3992431c4d634d26e00d881fb374311daad6537f4d874a60c
        29a0ea1b599f035e307aec412812f54a6375536e81e5dc018b578eb1fbdfbd5808ece2ca586bee20cdad15b847f3d0ad
        533e966a153ac6194f9fb8dcff86937a502440404b1ccb8dd6ac50a98087497642f9c847f2713e1ed83ee9b0f02b10b2
        608f023d9ef099e5d3007398fa923c23ef72633123ea6028627355763555a8dbfdc48e26f20d3e59dff58fb680f3735a
        d43b7786a649a1c432838678e3e6aa604a01def3eba9aa69d675874f3e718f7bb97bad4c09ac0b0cc6a629ab5e65637a
        41006ddf1870dd82ac87967de133cf294621048facad98867e7aed6a0aabebaddeaac561327eef9bf6adf2b2ec358653
        630cdc945123bad6e48ff223e03d9d518c535388635f5f92dc2baae3c57a630d67f741065c77de42fdb1716c6494c54f
        0d0c41f3c93907ce57fda718d636e9f4c058a01ee0b5d86b74c004ed7cb9a4f39cd4c232a0a201d72237381ab60812e6
        cfae1599b2464df171985b6d67c71d65e30203010001
        """

    static let signature4096 = """
        cb8d574f17660d1fbfe87161db59e2ada1dde67d6220c620212ebbc4653f5957a00fee8d5057ac6e28e9782831cfff66
        1a5ee2b33fd37f3107bbf9a9b1e08ffb1b9917af27412374c1dbdeba27ba0ffceffa209bd1d9dc44d2ee2a3456db57fb
        b827f7a6d09030c57da55343378989a8d6933d8bf860cfaad55fdf3212914896fac05387ff4a16f00114a6af7d21b15b
        375a44911260a819de79cba4c9922bd21eae7ec5b3e157f4d3b109ad529ee5bb28b341b794ae16539cf448f25802badc
        2921a85745aa462cc5fe2475ad00e1067a67785e1235e6347f5965331ee5c8025d07934752cb633200a17b2a689d5a66
        3a27ca34b89d602908e0f3b579a3f8e14054b01206b6aa3160fb6960160ded0dfb2d2a1dcdfccd0bb62dcc4085fbe352
        4b94789e04a00abf7e4c8a7e6f8af62222977bea4bb9fec1c58ec5210804f93bbd6b79d28b1b1d3669b6e2f920f713fb
        b1a297b0a96c35db29258327142ab3d668ae819b446a4b58aebbc79b4ea1e21cfadb97fd0999d3701f3e3bb5f059460a
        0d88330d95a35cfcb5ebe956b82a28f5046f9a7dafd212ce6ad7f03773cd0f7085f59a6240d1a62796a917f0621b0e6c
        4e86fb3c1c4807fae28ad3f496d45bf186025669736a7ac2e227a14eab816e6aa734e2e1fbf966ffe17dd86068d46a78
        713fbe4277729450b31cba6a010b7ac494c88f1b3ce0f8df0dd7692edaa29da2
        """
}
