// The trust anchors: certificates from PEM/DER files, a directory, or the system store, indexed by
// normalised subject (RFC 5280 §7.1 comparison, via DistinguishedName's Hashable) and by subject key
// identifier. An anchor is matched by name AND key, never by name alone. Immutable once built.
import CertoDER
import Synchronization

public struct TrustStore: Sendable {
    public let certificates: [Certificate]
    private let bySubject: [DistinguishedName: [Int]]
    private let byKeyIdentifier: [[UInt8]: [Int]]
    /// Per anchor, its parsed key and whether it is self-signed, once decided.
    let anchorState: AnchorState

    /// Stores this small are searched linearly: comparing a few names beats hashing one.
    private static let linearSearchLimit = 16

    public init(_ certificates: [Certificate]) {
        var unique: [Certificate] = []
        var seen = Set<[UInt8]>()
        for certificate in certificates where seen.insert(certificate.derBytes).inserted {
            unique.append(certificate)
        }
        self.certificates = unique
        var bySubject: [DistinguishedName: [Int]] = [:]
        var byKeyIdentifier: [[UInt8]: [Int]] = [:]
        if unique.count > TrustStore.linearSearchLimit {
            for (index, certificate) in unique.enumerated() {
                bySubject[certificate.subject, default: []].append(index)
                if let ski = certificate.extensions.subjectKeyIdentifier { byKeyIdentifier[ski, default: []].append(index) }
            }
        }
        self.bySubject = bySubject
        self.byKeyIdentifier = byKeyIdentifier
        anchorState = AnchorState(count: unique.count)
    }

    public var count: Int { certificates.count }

    /// Anchors whose subject equals `name` (RFC 5280 §7.1 comparison).
    public func anchors(named name: DistinguishedName) -> [Certificate] {
        indices(named: name).map { certificates[$0] }
    }

    func indices(named name: DistinguishedName) -> [Int] {
        if certificates.count <= TrustStore.linearSearchLimit {
            return certificates.indices.filter { certificates[$0].subject == name }
        }
        return bySubject[name] ?? []
    }

    /// Anchors whose subjectKeyIdentifier is `keyIdentifier`.
    public func anchors(keyIdentifier: [UInt8]) -> [Certificate] {
        if certificates.count <= TrustStore.linearSearchLimit {
            return certificates.filter { $0.extensions.hasSubjectKeyIdentifier(keyIdentifier) }
        }
        return (byKeyIdentifier[keyIdentifier] ?? []).map { certificates[$0] }
    }

    /// The store's own certificate with the same subject and key as `certificate`, if it is trusted.
    public func anchor(matching certificate: Certificate) -> Certificate? {
        anchorIndex(matching: certificate).map { certificates[$0] }
    }

    func anchorIndex(matching certificate: Certificate) -> Int? {
        indices(named: certificate.subject).first { certificates[$0].publicKey == certificate.publicKey }
    }

    public func contains(_ certificate: Certificate) -> Bool {
        anchorIndex(matching: certificate) != nil
    }

    // MARK: Loading

    /// Certificates from PEM (any number of blocks) or DER files, and from every file of the
    /// directories that parses as certificates (files that do not parse are skipped there, as
    /// OpenSSL's -CApath skips non-certificate files; a named file that does not parse is an error).
    /// Each file and all of them together are held to a fresh `InputBudget`; entries of a directory
    /// that are not regular files are left out unread.
    public static func load(files: [String], directories: [String] = []) throws(TrustStoreError) -> TrustStore {
        var budget = InputBudget()
        var skipped: [DirectoryScan.Skipped] = []
        return try load(files: files, directories: directories, budget: &budget, skipped: &skipped)
    }

    /// As `load(files:directories:)`, charging what it reads to `budget` and appending the directory
    /// entries it left out (FIFOs, sockets, devices, subdirectories, dangling links) to `skipped`, for
    /// the caller to show. A regular file that cannot be read, or is over budget, is an error.
    public static func load(files: [String], directories: [String], budget: inout InputBudget,
                            skipped: inout [DirectoryScan.Skipped]) throws(TrustStoreError) -> TrustStore {
        var all: [Certificate] = []
        for path in files { all.append(contentsOf: try certificates(inFile: path, budget: &budget)) }
        for directory in directories {
            let read = DirectoryScan.readRegularFiles(of: directory, budget: &budget, skipped: &skipped) { _, bytes in
                all.append(contentsOf: parseEachBlock(bytes))
            }
            if case .failure(let error) = read { throw .unreadable(error) }
        }
        return TrustStore(all)
    }

    /// Every certificate of one PEM/DER file.
    public static func certificates(inFile path: String) throws(TrustStoreError) -> [Certificate] {
        var budget = InputBudget()
        return try certificates(inFile: path, budget: &budget)
    }

    static func certificates(inFile path: String, budget: inout InputBudget) throws(TrustStoreError) -> [Certificate] {
        let bytes: [UInt8]
        switch budget.read(path, keep: true) {
        case .success(let b): bytes = b
        case .failure(let error): throw .unreadable(error)
        }
        do {
            return try Certificate.parseAll(bytes)
        } catch {
            throw .malformed(path: path, error: error)
        }
    }

    /// Every PEM CERTIFICATE block of `bytes` that parses (malformed blocks and certificates skipped),
    /// or the DER certificate.
    static func parseEachBlock(_ bytes: [UInt8]) -> [Certificate] {
        let blocks = PEM.wellFormedBlocks(bytes).filter { $0.label == "CERTIFICATE" }
        if blocks.isEmpty { return (try? Certificate.parseAll(bytes)) ?? [] }
        return blocks.compactMap { try? Certificate(derEncoded: $0.der) }
    }

    /// Bundle files of the usual Linux distributions, first found wins (Debian/Ubuntu, Fedora/RHEL,
    /// openSUSE, Alpine), then the hashed directory /etc/ssl/certs.
    public static let systemBundlePaths = [
        "/etc/ssl/certs/ca-certificates.crt",
        "/etc/pki/tls/certs/ca-bundle.crt",
        "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",
        "/etc/ssl/ca-bundle.pem",
        "/etc/ssl/cert.pem",
    ]
    public static let systemDirectory = "/etc/ssl/certs"

    /// The system store, loaded once per process on first use.
    public static func system() throws(TrustStoreError) -> TrustStore {
        switch systemStore {
        case .success(let store): return store
        case .failure(let error): throw error
        }
    }

    private static let systemStore: Result<TrustStore, TrustStoreError> = {
        for path in systemBundlePaths where FileBytes.exists(path) {
            switch FileBytes.read(path) {
            case .failure(let error): return .failure(.unreadable(error))
            case .success(let bytes):
                // A bundle is the system's, not the user's: one certificate this parser refuses must
                // not take every other anchor down with it, so blocks are parsed one by one.
                let certificates = parseEachBlock(bytes)
                if certificates.isEmpty { return .failure(.malformed(path: path, error: .noCertificates)) }
                return .success(TrustStore(certificates))
            }
        }
        if FileBytes.exists(systemDirectory) {
            do throws(TrustStoreError) { return .success(try load(files: [], directories: [systemDirectory])) } catch { return .failure(error) }
        }
        return .failure(.noSystemStore(searched: systemBundlePaths + [systemDirectory]))
    }()
}

/// Per anchor, its key parsed for signature checks (the PublicKey a Verifier's IssuerKeyCache holds
/// for an intermediate) and whether its own key verifies its own signature, each decided at most once
/// by the PathBuilder: the store holds certificates and never checks a signature itself. Slots by
/// anchor index, so a lookup costs no hashing of key bytes. Not filled at load time: the system store
/// has ~150 anchors and a verification needs one or two.
final class AnchorState: Sendable {
    private let keys: Mutex<[PublicKey?]>
    private let selfSigned: Mutex<[Bool?]>

    init(count: Int) {
        keys = Mutex(Array(repeating: nil, count: count))
        selfSigned = Mutex(Array(repeating: nil, count: count))
    }

    func key(at index: Int) -> PublicKey? { keys.withLock { $0[index] } }
    func store(_ key: PublicKey, at index: Int) { keys.withLock { $0[index] = key } }
    func isSelfSigned(at index: Int) -> Bool? { selfSigned.withLock { $0[index] } }
    func storeSelfSigned(_ value: Bool, at index: Int) { selfSigned.withLock { $0[index] = value } }
}

public enum TrustStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(FileError)
    case malformed(path: String, error: CertificateError)
    case noSystemStore(searched: [String])

    public var description: String {
        switch self {
        case .unreadable(let error): return "cannot read \(error)"
        case .malformed(let path, let error): return "\(path): \(error)"
        case .noSystemStore(let searched): return "no system trust store found (looked in \(searched.joined(separator: ", ")))"
        }
    }
}
