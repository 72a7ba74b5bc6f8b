// What a certificate's key identifiers say about a candidate issuer (RFC 5280 §4.2.1.1, §4.2.1.2): the
// one comparison path building ranks candidates by and `certo show` links a file's certificates with.
// Only a hint: the issuer's name must match and its signature decides.

public enum KeyIdentifierRelation: Sendable, Hashable {
    /// The candidate's subjectKeyIdentifier is this certificate's authorityKeyIdentifier keyIdentifier.
    case agrees
    /// Both are present and differ.
    case contradicts
    /// One of the two is absent.
    case unknown
}

extension Certificate {
    /// How `candidate`'s subjectKeyIdentifier relates to this certificate's authorityKeyIdentifier.
    public func keyIdentifierRelation(toIssuer candidate: Certificate) -> KeyIdentifierRelation {
        guard let authorityKeyID = extensions.authorityKeyIdentifier?.keyIdentifier,
              candidate.extensions[.subjectKeyIdentifier] != nil else { return .unknown }
        return candidate.extensions.hasSubjectKeyIdentifier(authorityKeyID) ? .agrees : .contradicts
    }
}
