// Splits NIST-style "Name = value" vector files (CAVS .rsp, cryptography's KDF .txt) into records.
// A record starts at each line whose key is `startKey`; bare words (FAIL) are kept as flags.
import CertoTestSupport

struct VectorRecord {
    var fields: [String: String] = [:]
    var flags: Set<String> = []

    func bytes(_ key: String) throws -> [UInt8] {
        guard let value = fields[key] else { throw VectorRecordError.missingField(key) }
        return TestHex.bytes(value)
    }
}

enum VectorRecordError: Error { case missingField(String) }

func parseVectorRecords(_ text: String, startKey: String) -> [VectorRecord] {
    var records: [VectorRecord] = []
    var current: VectorRecord? = nil
    for rawLine in text.split(whereSeparator: { $0.isNewline }) {
        let line = rawLine.trimmingCharacters(in: " \r\t")
        if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("[") { continue }
        if let equals = line.firstIndex(of: "=") {
            let key = line[..<equals].trimmingCharacters(in: " \t")
            let value = line[line.index(after: equals)...].trimmingCharacters(in: " \t")
            if key == startKey {
                if let done = current { records.append(done) }
                current = VectorRecord()
            }
            current?.fields[key] = value
        } else {
            current?.flags.insert(line)
        }
    }
    if let done = current { records.append(done) }
    return records
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
