// The trust anchors: certificates from PEM/DER files, a directory, or the system store, indexed by
// normalised subject (RFC 5280 §7.1 comparison, via DistinguishedName's Hashable) and by subject key
// identifier. An anchor is matched by name AND key, never by name alone. Immutable once built.
import CertoDER
import Synchronization

/// The trust anchors: certificates trusted as the ends of paths, matched by name and key, never
/// by name alone. Immutable once built and safe to share.
public struct TrustStore: Sendable {
    /// The anchors, duplicates removed, in the order given.
    public let certificates: [Certificate]
    /// The files and directories the anchors were read from (for the system store, the one it
    /// found); empty for a store built from certificates in memory.
    public let sources: [String]
    private let bySubject: [DistinguishedName: [Int]]
    private let byKeyIdentifier: [[UInt8]: [Int]]
    /// Per anchor, its parsed key and whether it is self-signed, once decided.
    let anchorState: AnchorState

    /// Stores this small are searched linearly: comparing a few names beats hashing one.
    private static let linearSearchLimit = 16

    /// A store of `certificates` (byte-identical duplicates dropped).
    public init(_ certificates: [Certificate]) {
        self.init(certificates, sources: [])
    }

    /// The anchors of a PEM bundle (every CERTIFICATE block; one that does not parse is an error).
    public init(pemEncoded: String) throws(CertificateError) {
        self.init(try Certificate.parseAll(pemEncoded: pemEncoded))
    }

    /// This store with `certificates` trusted as well (a private root beside the system store).
    public func adding(_ certificates: [Certificate]) -> TrustStore {
        TrustStore(self.certificates + certificates, sources: sources)
    }

    /// This store with `certificate` trusted as well.
    public func adding(_ certificate: Certificate) -> TrustStore { adding([certificate]) }

    init(_ certificates: [Certificate], sources: [String]) {
        self.sources = sources
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

    /// How many anchors it holds.
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

    /// Whether an anchor has the subject and key of `certificate`.
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
    package static func load(files: [String], directories: [String], budget: inout InputBudget,
                            skipped: inout [DirectoryScan.Skipped]) throws(TrustStoreError) -> TrustStore {
        var all: [Certificate] = []
        for path in files { all.append(contentsOf: try certificates(inFile: path, budget: &budget)) }
        for directory in directories {
            let read = DirectoryScan.readRegularFiles(of: directory, budget: &budget, skipped: &skipped) { _, bytes in
                all.append(contentsOf: parseEachBlock(bytes))
            }
            if case .failure(let error) = read { throw .unreadable(error) }
        }
        return TrustStore(all, sources: files + directories)
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
        let blocks = PEM.wellFormedBlocks(bytes).filter { PEM.isCertificateLabel($0.label) }
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
    /// The hashed certificate directory tried when no bundle file exists.
    public static let systemDirectory = "/etc/ssl/certs"

    /// The system store, loaded once per process on first use. `SSL_CERT_FILE` (a bundle) and
    /// `SSL_CERT_DIR` (directories, separated by ':'), as OpenSSL reads them, come first: when either
    /// is set, the store is what they name and nothing else. Otherwise the first of
    /// `systemBundlePaths` that exists, else `systemDirectory`. `sources` says which was used.
    public static func system() throws(TrustStoreError) -> TrustStore {
        switch systemStore {
        case .success(let store): return store
        case .failure(let error): throw error
        }
    }

    private static let systemStore: Result<TrustStore, TrustStoreError> = {
        let environment = ProcessEnvironment.self
        let file = environment.value("SSL_CERT_FILE").flatMap { $0.isEmpty ? nil : $0 }
        let directories = (environment.value("SSL_CERT_DIR") ?? "").split(separator: ":").map(String.init)
        if file != nil || !directories.isEmpty {
            return systemStore(file: file, directories: directories)
        }
        for path in systemBundlePaths where FileBytes.exists(path) {
            return systemStore(file: path, directories: [])
        }
        if FileBytes.exists(systemDirectory) { return systemStore(file: nil, directories: [systemDirectory]) }
        return .failure(.noSystemStore(searched: systemBundlePaths + [systemDirectory]))
    }()

    /// A bundle is the system's, not the user's: one certificate this parser refuses must not take
    /// every other anchor down with it, so blocks are parsed one by one (directories likewise).
    private static func systemStore(file: String?, directories: [String]) -> Result<TrustStore, TrustStoreError> {
        var all: [Certificate] = []
        if let file {
            switch FileBytes.read(file) {
            case .failure(let error): return .failure(.unreadable(error))
            case .success(let bytes): all = parseEachBlock(bytes)
            }
        }
        var budget = InputBudget()
        var skipped: [DirectoryScan.Skipped] = []
        // As OpenSSL does, a directory of SSL_CERT_DIR that does not exist adds nothing.
        let existing = directories.filter(FileBytes.exists)
        for directory in existing {
            let read = DirectoryScan.readRegularFiles(of: directory, budget: &budget, skipped: &skipped) { _, bytes in
                all.append(contentsOf: parseEachBlock(bytes))
            }
            if case .failure(let error) = read { return .failure(.unreadable(error)) }
        }
        let sources = (file.map { [$0] } ?? []) + existing
        if all.isEmpty { return .failure(.malformed(path: sources.joined(separator: ", "), error: .noCertificates)) }
        return .success(TrustStore(all, sources: sources))
    }
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

/// Why a trust store could not be loaded.
public enum TrustStoreError: Error, Equatable, Sendable, CustomStringConvertible {
/// A file or directory could not be read.
    case unreadable(FileError)
/// A named file holds no certificate, or one that does not parse.
    case malformed(path: String, error: CertificateError)
/// None of the usual system locations exists.
    case noSystemStore(searched: [String])

    /// The problem in one line.
    public var description: String {
        switch self {
        case .unreadable(let error): return "cannot read \(error)"
        case .malformed(let path, let error): return "\(path): \(error)"
        case .noSystemStore(let searched): return "no system trust store found (looked in \(searched.joined(separator: ", ")))"
        }
    }
}
