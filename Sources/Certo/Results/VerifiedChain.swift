// The result of a successful verification: the chain leaf first, each link with the certificate,
// the certificate that signed it, the signature algorithm and the key, and (when asked for) the
// checks made on it, as typed Check values.

/// A verified path, leaf first, trust anchor last, with what was checked on each certificate.
public struct VerifiedChain: Sendable, Equatable {
    /// One certificate of the path and how it was verified.
    public struct Link: Sendable, Equatable {
        /// The certificate at this depth.
        public let certificate: Certificate
        /// The certificate whose key verified this one's signature; nil for the trust anchor itself.
        public let issuer: Certificate?
        /// How `issuer` signed this certificate.
        public let signatureAlgorithm: SignatureAlgorithmIdentifier
        /// This certificate's own key: "RSA 2048-bit", "ECDSA P-256".
        public let publicKeyDescription: String
        /// Whether this is the trust store's own certificate that ends the path.
        public let isTrustAnchor: Bool
        /// What revocation checking found (`.notChecked` unless Policy.revocation covers this certificate).
        public let revocation: RevocationStatus
        /// The checks made on this certificate, in the order they were made (empty unless `explain` was
        /// asked for).
        public let checks: [Check]
    }

    /// Leaf first, trust anchor last.
    public let links: [Link]
    /// The time the path was valid at.
    public let validationTime: Instant
    /// The certificate profile the chain was judged under.
    public let profile: Profile
    /// The certificate policies valid for the whole path within the caller's
    /// `Policy.certificatePolicies` set (RFC 5280 §6.1.6's user-constrained policy set).
    public let policies: CertificatePolicySet
    /// Intermediates offered as DER that failed strict parsing and so were never candidates.
    public internal(set) var skippedIntermediates: [SkippedCertificate] = []

    /// The certificates of the path, leaf first.
    public var certificates: [Certificate] { links.map(\.certificate) }
    /// The leaf (depth 0).
    public var leaf: Certificate { links[0].certificate }
    /// The trust anchor that ends the path.
    public var anchor: Certificate { links[links.count - 1].certificate }

    init(path: [Certificate], notes: [[Check]]?, validationTime: Instant, profile: Profile, policies: CertificatePolicySet,
         revocation: [RevocationStatus]) {
        var links: [Link] = []
        links.reserveCapacity(path.count)
        for (index, certificate) in path.enumerated() {
            let isAnchor = index == path.count - 1
            links.append(Link(
                certificate: certificate,
                issuer: isAnchor ? nil : path[index + 1],
                signatureAlgorithm: certificate.signatureAlgorithm,
                publicKeyDescription: KeyDescription.describe(certificate.publicKey),
                isTrustAnchor: isAnchor,
                revocation: revocation[index],
                checks: notes?[index] ?? []
            ))
        }
        self.links = links
        self.validationTime = validationTime
        self.profile = profile
        self.policies = policies
    }

    /// Human name of a signature algorithm ("RSA PKCS#1 v1.5 with SHA-256").
    public static func algorithmName(_ identifier: SignatureAlgorithmIdentifier) -> String {
        SignatureCheck.name(identifier)
    }
}

/// A certificate offered to the verifier that failed strict parsing: its position in the list given
/// (0-based) and why.
public struct SkippedCertificate: Sendable, Equatable {
    /// Its 0-based position among the intermediates offered.
    public let position: Int
    /// Why it does not parse.
    public let error: CertificateError

    /// An intermediate at `position` that failed with `error`.
    public init(position: Int, error: CertificateError) {
        self.position = position
        self.error = error
    }
}
