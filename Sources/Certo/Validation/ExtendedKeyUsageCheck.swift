// Whether a certificate's extKeyUsage (RFC 5280 §4.2.1.12) allows a purpose: CertoX509 says which
// purposes it lists; whether anyExtendedKeyUsage stands for the others is this validator's policy.

enum ExtendedKeyUsageCheck {
    /// nil when the certificate has no extKeyUsage (no restriction); otherwise whether `purpose`, or
    /// anyExtendedKeyUsage when `acceptingAny`, is listed.
    static func allows(_ certificate: Certificate, purpose: KeyPurpose, acceptingAny: Bool = true) -> Bool? {
        let extensions = certificate.extensions
        guard let listed = extensions.extendedKeyUsage(lists: purpose) else { return nil }
        return listed || (acceptingAny && extensions.extendedKeyUsage(lists: .anyExtendedKeyUsage) == true)
    }
}
