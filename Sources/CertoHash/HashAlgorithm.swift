// Names a hash at run time, for code that learns the algorithm from data (certificates, signature
// requests). The digest comes back as bytes; hot code that knows its hash uses the concrete type.

public enum HashAlgorithm: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case sha1
    case sha224
    case sha256
    case sha384
    case sha512

    public var digestByteCount: Int {
        switch self {
        case .sha1: return 20
        case .sha224: return 28
        case .sha256: return 32
        case .sha384: return 48
        case .sha512: return 64
        }
    }

    /// SHA-1 is broken for collision resistance; policy refuses it unless asked not to.
    public var isInsecure: Bool { self == .sha1 }

    public var description: String {
        switch self {
        case .sha1: return "SHA-1"
        case .sha224: return "SHA-224"
        case .sha256: return "SHA-256"
        case .sha384: return "SHA-384"
        case .sha512: return "SHA-512"
        }
    }

    public func hash(bufferPointer: UnsafeRawBufferPointer) -> [UInt8] {
        switch self {
        case .sha1: return Insecure.SHA1.hash(bufferPointer: bufferPointer).bytes
        case .sha224: return SHA224.hash(bufferPointer: bufferPointer).bytes
        case .sha256: return SHA256.hash(bufferPointer: bufferPointer).bytes
        case .sha384: return SHA384.hash(bufferPointer: bufferPointer).bytes
        case .sha512: return SHA512.hash(bufferPointer: bufferPointer).bytes
        }
    }

    public func hash<Bytes: Sequence>(_ data: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        if let digest = data.withContiguousStorageIfAvailable({ hash(bufferPointer: UnsafeRawBufferPointer($0)) }) {
            return digest
        }
        return Array(data).withUnsafeBytes { hash(bufferPointer: $0) }
    }
}
