// Hash throughput cases for `certo bench`: one-shot hashes of fixed inputs, as a certificate
// verifier uses them (a TBS certificate is ~1 KiB; 16 KiB shows the compression function alone).
import CertoHash

extension BenchRegistry {
    static var hashCases: [BenchCase] {
        [
            hashCase("sha256-1k", SHA256.self, bytes: 1024),
            hashCase("sha256-16k", SHA256.self, bytes: 16384),
            hashCase("sha384-16k", SHA384.self, bytes: 16384),
            hashCase("sha512-16k", SHA512.self, bytes: 16384),
            hashCase("sha1-16k", Insecure.SHA1.self, bytes: 16384),
        ]
    }

    private static func hashCase<H: HashFunction>(_ name: String, _: H.Type, bytes: Int) -> BenchCase {
        BenchCase(name: name, bytesPerOp: bytes) {
            let input = [UInt8](repeating: 0xa5, count: bytes)
            return { _ = blackHole(input.withUnsafeBytes { H.hash(bufferPointer: $0) }) }
        }
    }
}

/// Keeps the optimizer from deleting a benchmarked result.
@inline(never)
func blackHole<T>(_ value: T) -> T { value }
