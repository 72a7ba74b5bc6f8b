// Intermediates offered as DER (from files or a peer), parsed once: the certificates that parse, and
// the ones that do not with why, by their position in the order offered. A caller that verifies many
// leaves against one pool (the CLI with several CERT files) parses the pool once and extends it, and
// the pool's search index is built once too.

/// Intermediates as DER, parsed once: the ones that parse are candidates, the others are listed.
public struct IntermediatePool: Sendable {
    /// The offered certificates that parsed, in order.
    public private(set) var certificates: [Certificate] = []
    /// The offered certificates that failed strict parsing (position among all offered, error).
    public private(set) var skipped: [SkippedCertificate] = []
    /// How many certificates have been offered.
    public private(set) var offeredCount = 0
    /// The certificates deduplicated and indexed for the path search, built once for all the
    /// verifications this pool serves (a new box whenever the pool grows).
    private var candidateBox = CandidatePoolBox()

    var candidates: CandidatePool { candidateBox.pool(for: certificates) }

    /// A pool of the DER certificates `encoded`.
    public init(encoded: [[UInt8]] = []) {
        add(encoded: encoded)
    }

    /// Parses and appends `encoded`; their positions continue after those offered before.
    public mutating func add(encoded: some Sequence<[UInt8]>) {
        candidateBox = CandidatePoolBox()
        for der in encoded {
            do {
                certificates.append(try Certificate(derEncoded: der))
            } catch {
                skipped.append(SkippedCertificate(position: offeredCount, error: error))
            }
            offeredCount += 1
        }
    }
}
