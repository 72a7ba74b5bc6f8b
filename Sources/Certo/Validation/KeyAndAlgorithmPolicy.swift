// The policy's refusals of weak cryptography, decided in one place for every certificate of a path:
// SHA-1 in a signature algorithm unless `allowSHA1` (CA/B Forum BR §7.1.3.2), and RSA keys under 2048
// bits unless `allowWeakRSA` (BR §6.1.5), for an issuer's key as it verifies a signature and for the
// leaf's own key alike.

extension Policy {
    /// The smallest RSA modulus the policy accepts without `allowWeakRSA`.
    static let minimumRSABits = 2048

    /// Why the policy refuses a signature made with `algorithm`, or nil.
    func refusal(of algorithm: SignatureAlgorithmIdentifier) -> VerificationFailureReason? {
        if !allowSHA1 && SignatureCheck.usesSHA1(algorithm) { return .sha1Refused }
        return nil
    }

    /// Why the policy refuses `key` (a certificate's own, or its issuer's), or nil.
    func refusal(of key: PublicKeyInfo) -> VerificationFailureReason? {
        if !allowWeakRSA, let bits = KeyDescription.rsaBits(key), bits < Self.minimumRSABits { return .weakRSAKey(bits: bits) }
        return nil
    }
}
