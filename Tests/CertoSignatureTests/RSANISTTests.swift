// NIST CAVP RSA signature verification vectors (cryptography-vectors): SigVer15_186-3.rsp (PKCS#1
// v1.5) and SigVerPSS_186-3.rsp (PSS, MGF1 with the message hash, salt as long as SaltVal), plus
// RSA Laboratories' pkcs1v15sign-vectors.txt (PKCS#1 v1.5 with SHA-1, all valid; each also checked
// with one flipped bit, which must fail). A key the library refuses counts as "signature invalid".
import CertoHash
import CertoSignature
import CertoTestSupport
import Testing

private struct CAVPCase {
    var modulus: [UInt8] = []
    var hash = ""
    var exponent: [UInt8] = []
    var message: [UInt8] = []
    var signature: [UInt8] = []
    var salt: [UInt8] = []
    var expected = false
    var line = 0
}

/// Reads the `key = value` records of a SigVer .rsp file: `n` comes from the [mod] section,
/// a record ends at its `Result` line.
private func cavpCases(_ text: String) throws -> [CAVPCase] {
    var cases: [CAVPCase] = []
    var current = CAVPCase()
    var modulus: [UInt8] = []
    for (number, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
        let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !line.isEmpty, !line.hasPrefix("#"), !line.hasPrefix("["), let equals = line.firstIndex(of: "=") else { continue }
        let key = line[..<equals].trimmingCharacters(in: .whitespaces)
        let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        switch key {
        case "n": modulus = try RSATestSupport.bytes(hex: value)
        case "SHAAlg": current.hash = value
        case "e": current.exponent = try RSATestSupport.bytes(hex: value)
        case "Msg": current.message = try RSATestSupport.bytes(hex: value)
        case "S": current.signature = try RSATestSupport.bytes(hex: value)
        case "SaltVal": current.salt = value == "00" ? [] : try RSATestSupport.bytes(hex: value)
        case "Result":
            current.expected = value.hasPrefix("P")
            current.modulus = modulus
            current.line = number + 1
            cases.append(current)
            current = CAVPCase()
        default: continue  // d, p, q, "EM with hash moved", ...: not needed to verify
        }
    }
    return cases
}

@Suite struct RSANISTTests {
    @Test(arguments: ["FIPS_186-2/SigVer15_186-3.rsp", "FIPS_186-2/SigVerPSS_186-3.rsp"])
    func cavp(file: String) throws {
        let path = "asymmetric/RSA/\(file)"
        let records = try cavpCases(try VectorFiles.text(.cryptography, path))
        let isPSS = file.contains("PSS")
        var ran = 0, passed = 0
        for record in records {
            ran += 1
            let hash = try RSATestSupport.hash(named: record.hash)
            var verdict = false
            if let key = try? RSAPublicKey(modulus: record.modulus, publicExponent: record.exponent) {
                if isPSS {
                    verdict = key.isValidPSSSignature(record.signature, message: record.message, hash: hash,
                                                      mgf1: hash, saltLength: record.salt.count)
                } else {
                    verdict = key.isValidPKCS1v15Signature(record.signature, message: record.message, hash: hash)
                }
            }
            if verdict == record.expected {
                passed += 1
            } else {
                Issue.record("\(path) line \(record.line): got \(verdict), expected \(record.expected)")
            }
        }
        reportVectorCount(path, ran: ran, passed: passed)
        #expect(ran == 450 && passed == ran)
    }

    @Test func pkcs1v15SignVectors() throws {
        let path = "asymmetric/RSA/pkcs1v15sign-vectors.txt"
        let text = try VectorFiles.text(.cryptography, path)
        // Blocks are "# Label:" followed by hex lines; the first Modulus/Exponent of each example
        // is the public key, then Message/Signature pairs.
        var label = ""
        var blocks: [(String, [UInt8])] = []
        var hex = ""
        func flush() throws {
            if !label.isEmpty { blocks.append((label, try RSATestSupport.bytes(hex: hex))) }
            label = ""
            hex = ""
        }
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("# ") {
                try flush()
                if line.hasSuffix(":") { label = String(line.dropFirst(2).dropLast()) }
                if line.hasPrefix("# Example") || line.hasPrefix("# PKCS#1 v1.5 Signature Example") {
                    blocks.append((String(line.dropFirst(2)), []))
                }
            } else if line.isEmpty || line.hasPrefix("=") {
                try flush()
            } else if !label.isEmpty {
                hex += line
            }
        }
        try flush()

        var ran = 0, passed = 0
        var key: RSAPublicKey?
        var modulus: [UInt8]?
        var exponent: [UInt8]?
        var message: [UInt8]?
        for (name, value) in blocks {
            switch name {
            case let example where example.hasPrefix("Example"):
                key = nil; modulus = nil; exponent = nil
            case "Modulus" where modulus == nil: modulus = value
            case "Exponent" where exponent == nil:
                exponent = value
                key = try RSAPublicKey(modulus: modulus ?? [], publicExponent: value)
            case "Message to be signed": message = value
            case "Signature":
                ran += 1
                let verifier = try #require(key)
                let signed = try #require(message)
                var tampered = value
                tampered[tampered.count / 2] ^= 0x01
                if verifier.isValidPKCS1v15Signature(value, message: signed, hash: .sha1),
                   !verifier.isValidPKCS1v15Signature(tampered, message: signed, hash: .sha1) {
                    passed += 1
                } else {
                    Issue.record("\(path): signature \(ran) failed")
                }
            default: continue
            }
        }
        reportVectorCount(path, ran: ran, passed: passed)
        #expect(ran == 300 && passed == ran)
    }
}
