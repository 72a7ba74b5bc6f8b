// The real certificates of TestVectors/chains (committed), read once per process for the targets that
// mix fixed certificates into fuzzed input. CERTO_FUZZ_CHAINS overrides the folder; by default it is
// found from this source file's path, so a binary built in the checkout needs no setup. Read with
// Glibc calls: Foundation's file reading keeps buffers LeakSanitizer reports at exit.
import CertoX509
import Glibc

public enum ChainVectors {
    /// The folder holding one sub-folder per chain case.
    public static var folder: String {
        if let override = getenv("CERTO_FUZZ_CHAINS") { return String(cString: override) }
        var path = #filePath
        for _ in 0..<4 { path = String(path[..<path.lastIndex(of: "/")!]) }  // .../Fuzz/Sources/FuzzSupport/x.swift
        return path + "/TestVectors/chains"
    }

    /// Every distinct certificate's DER, in path order (case folder, then file, then block), so an
    /// index into the list names the same certificate on every run.
    public static let certificates: [[UInt8]] = {
        let cases = entries(folder)
        guard !cases.isEmpty else { fatalError("no chain vectors in \(folder) (set CERTO_FUZZ_CHAINS)") }
        var seen = Set<[UInt8]>()
        var result: [[UInt8]] = []
        for name in cases {
            let caseFolder = folder + "/" + name
            for file in entries(caseFolder) where file.hasSuffix(".pem") {
                guard let blocks = try? Certificate.encodedCertificates(contents(caseFolder + "/" + file)) else { continue }
                for der in blocks where seen.insert(der).inserted { result.append(der) }
            }
        }
        return result
    }()

    /// The names in a folder, sorted, without "." and "..".
    private static func entries(_ path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    private static func contents(_ path: String) -> [UInt8] {
        guard let file = fopen(path, "rb") else { return [] }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes += buffer[..<count]
        }
        return bytes
    }
}
