// The intermediates a search may use, ready for it: duplicates dropped and, past a handful, indexed
// by subject so that finding an issuer's candidates costs one lookup whatever the pool's size. Built
// once per pool: an IntermediatePool keeps its own for every verification it serves.
import Synchronization

struct CandidatePool: Sendable {
    /// Pools this small are scanned: comparing a few names beats hashing one.
    static let linearLimit = 8

    let certificates: [Certificate]
    let bySubject: [DistinguishedName: [Int]]

    init(_ intermediates: [Certificate]) {
        var unique: [Certificate] = []
        if intermediates.count <= Self.linearLimit {
            for certificate in intermediates where !unique.contains(where: { $0.derBytes == certificate.derBytes }) {
                unique.append(certificate)
            }
        } else {
            var seen = Set<EncodedCertificate>(minimumCapacity: intermediates.count)
            for certificate in intermediates where seen.insert(EncodedCertificate(certificate.derBytes)).inserted {
                unique.append(certificate)
            }
        }
        var index: [DistinguishedName: [Int]] = [:]
        if unique.count > Self.linearLimit {
            for (position, certificate) in unique.enumerated() { index[certificate.subject, default: []].append(position) }
        }
        certificates = unique
        bySubject = index
    }

    /// The pool positions of certificates whose subject is `name`.
    func indices(named name: DistinguishedName) -> [Int] {
        if certificates.count <= Self.linearLimit { return certificates.indices.filter { certificates[$0].subject == name } }
        return bySubject[name] ?? []
    }

    /// A certificate's DER as a set member, hashed in one pass (an array of bytes hashes byte by byte).
    private struct EncodedCertificate: Hashable {
        let bytes: [UInt8]
        init(_ bytes: [UInt8]) { self.bytes = bytes }
        func hash(into hasher: inout Hasher) { bytes.withUnsafeBytes { hasher.combine(bytes: $0) } }
    }
}

/// An IntermediatePool's CandidatePool, built on first use and shared by the copies of the pool
/// until it changes (a change gets a new box).
final class CandidatePoolBox: Sendable {
    private let built = Mutex<CandidatePool?>(nil)

    func pool(for certificates: [Certificate]) -> CandidatePool {
        if let known = built.withLock({ $0 }) { return known }
        let pool = CandidatePool(certificates)
        built.withLock { $0 = pool }
        return pool
    }
}
