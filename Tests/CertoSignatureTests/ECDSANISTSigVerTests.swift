// NIST CAVP ECDSA SigVer (FIPS 186-3, cryptography-vectors asymmetric/ECDSA/FIPS_186-3/SigVer.rsp):
// every P-256 and P-384 section with SHA-224/256/384/512 must give the recorded P/F verdict.
// Out of scope and printed with their counts: P-192, P-224, P-521, the K- and B- curves, SHA-1.
import CertoHash
import CertoSignature
import CertoTestSupport
import Foundation
import Testing

private let file = "asymmetric/ECDSA/FIPS_186-3/SigVer.rsp"

private struct SigVerSection {
    let name: String
    var entries: [[String: String]] = []
}

/// Sections in file order; each entry maps Msg / Qx / Qy / R / S / Result to its value.
private func sections(_ text: String) -> [SigVerSection] {
    var result: [SigVerSection] = []
    var entry: [String: String] = [:]
    for rawLine in text.components(separatedBy: .newlines) {
        let line = rawLine.trimmingCharacters(in: .whitespaces)
        if line.hasPrefix("[") && line.hasSuffix("]") {
            result.append(SigVerSection(name: String(line.dropFirst().dropLast())))
            continue
        }
        guard !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") else { continue }
        let key = line[..<equals].trimmingCharacters(in: .whitespaces)
        let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        entry[key] = value
        if key == "Result", !result.isEmpty {
            result[result.count - 1].entries.append(entry)
            entry = [:]
        }
    }
    return result
}

/// Left-pads hex to `bytes` bytes; nil when it is longer.
private func fixedWidth(_ hex: String, bytes: Int) -> [UInt8]? {
    let padded = hex.count % 2 == 1 ? "0" + hex : hex
    guard let value = TestHex.decode(padded) else { return nil }
    let significant = Array(value.drop(while: { $0 == 0 }))
    guard significant.count <= bytes else { return nil }
    return [UInt8](repeating: 0, count: bytes - significant.count) + significant
}

@Suite("ECDSA NIST CAVP SigVer")
struct ECDSANISTSigVerTests {
    @Test func sigVer() throws {
        let text = try VectorFiles.text(.cryptography, file)
        var inScopeSections = 0
        var outOfScope: [String] = []
        for section in sections(text) {
            let parts = section.name.split(separator: ",").map(String.init)
            let curve: ECDSACurve? = parts.first == "P-256" ? .p256 : parts.first == "P-384" ? .p384 : nil
            let hash = parts.count == 2 ? ecdsaTestHash(named: parts[1]) : nil
            guard let curve, let hash else {
                outOfScope.append("\(section.name) (\(section.entries.count))")
                continue
            }
            inScopeSections += 1
            var ran = 0
            var passed = 0
            for entry in section.entries {
                ran += 1
                let result = try #require(entry["Result"])
                let expected = result.hasPrefix("P")
                let messageHex = try #require(entry["Msg"])
                let message = try #require(TestHex.decode(messageHex))
                let bytes = curve.coordinateByteCount
                let qxHex = try #require(entry["Qx"])
                let qyHex = try #require(entry["Qy"])
                let rHex = try #require(entry["R"])
                let sHex = try #require(entry["S"])
                let qx = try #require(fixedWidth(qxHex, bytes: bytes))
                let qy = try #require(fixedWidth(qyHex, bytes: bytes))
                let valid: Bool
                if let key = try? ECDSAPublicKey(curve: curve, sec1Representation: [0x04] + qx + qy),
                   let r = fixedWidth(rHex, bytes: bytes),
                   let s = fixedWidth(sHex, bytes: bytes) {
                    // The first use takes the plain path; from the second on a P-256 key uses its
                    // precomputed tables. Both must give the vector's answer.
                    let once = key.isValidSignature(rawSignature: r + s, digest: hash.hash(message))
                    let again = key.isValidSignature(rawSignature: r + s, digest: hash.hash(message))
                    #expect(once == again, "SigVer [\(section.name)] entry \(ran): first use \(once), second use \(again)")
                    valid = once && again
                } else {
                    valid = false
                }
                if valid == expected {
                    passed += 1
                } else {
                    Issue.record("SigVer [\(section.name)] entry \(ran): got \(valid), expected \(result)")
                }
            }
            reportVectorCount("SigVer.rsp [\(section.name)]", ran: ran, passed: passed)
            #expect(ran > 0)
            #expect(passed == ran)
        }
        print("vectors: SigVer.rsp out of scope: \(outOfScope.joined(separator: ", "))")
        // P-256 and P-384, each with SHA-224, SHA-256, SHA-384 and SHA-512.
        #expect(inScopeSections == 8)
    }
}
