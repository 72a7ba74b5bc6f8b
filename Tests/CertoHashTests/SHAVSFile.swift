// Reads NIST SHAVS response files (.rsp) from cryptography-vectors: message vectors (Len/Msg/MD)
// and Monte Carlo files (Seed, then COUNT/MD checkpoints). Malformed lines throw instead of
// being skipped, so a vector that cannot be read fails the suite rather than vanishing.
import CertoHash
import CertoTestSupport

enum SHAVSError: Error, CustomStringConvertible {
    case malformed(file: String, line: Int, text: String)

    var description: String {
        switch self {
        case .malformed(let file, let line, let text): return "\(file):\(line): cannot read '\(text)'"
        }
    }
}

struct MessageVector {
    let line: Int
    let message: [UInt8]
    let digest: [UInt8]
}

struct MonteFile {
    let seed: [UInt8]
    /// Checkpoint digests in COUNT order (0...99).
    let checkpoints: [[UInt8]]
}

enum SHAVS {
    /// `Len = bits`, `Msg = hex` (a lone "00" when Len is 0), `MD = hex`, in that order.
    static func messageVectors(_ path: String) throws -> [MessageVector] {
        var vectors: [MessageVector] = []
        var bitLength: Int?
        var message: [UInt8]?
        for (number, key, value) in try fields(path) {
            switch key {
            case "Len":
                guard let bits = Int(value), bits >= 0, bits % 8 == 0 else { throw malformed(path, number, value) }
                bitLength = bits
            case "Msg":
                guard let bits = bitLength, let bytes = TestHex.decode(value) else { throw malformed(path, number, value) }
                message = bits == 0 ? [] : bytes
                guard message!.count * 8 == bits else { throw malformed(path, number, value) }
            case "MD":
                guard let msg = message, let digest = TestHex.decode(value) else { throw malformed(path, number, value) }
                vectors.append(MessageVector(line: number, message: msg, digest: digest))
                bitLength = nil
                message = nil
            case "L":
                continue
            default:
                throw malformed(path, number, key)
            }
        }
        return vectors
    }

    static func monteFile(_ path: String) throws -> MonteFile {
        var seed: [UInt8]?
        var checkpoints: [[UInt8]] = []
        var expectedCount = 0
        for (number, key, value) in try fields(path) {
            switch key {
            case "Seed":
                seed = TestHex.decode(value)
            case "COUNT":
                guard Int(value) == expectedCount else { throw malformed(path, number, value) }
                expectedCount += 1
            case "MD":
                guard let digest = TestHex.decode(value), checkpoints.count + 1 == expectedCount else {
                    throw malformed(path, number, value)
                }
                checkpoints.append(digest)
            case "L":
                continue
            default:
                throw malformed(path, number, key)
            }
        }
        guard let seed else { throw malformed(path, 0, "no Seed") }
        return MonteFile(seed: seed, checkpoints: checkpoints)
    }

    /// Each `key = value` line with its line number; `[L = n]` becomes ("L", n); comments and blanks are dropped.
    private static func fields(_ path: String) throws -> [(Int, String, String)] {
        let text = try VectorFiles.text(.cryptography, path)
        var out: [(Int, String, String)] = []
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            var line = raw.strippingBlanks()
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") { line = String(line.dropFirst().dropLast()) }
            let parts = line.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { throw malformed(path, index + 1, line) }
            out.append((index + 1, parts[0].strippingBlanks(), parts[1].strippingBlanks()))
        }
        return out
    }

    private static func malformed(_ path: String, _ line: Int, _ text: String) -> SHAVSError {
        .malformed(file: path, line: line, text: text)
    }
}

extension Substring {
    /// The text without leading and trailing spaces, tabs and carriage returns.
    func strippingBlanks() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(self[first...last])
    }
}
