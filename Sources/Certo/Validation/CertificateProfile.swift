// The certificate profile a path must meet beyond RFC 5280's §6.1 algorithm: the MUSTs of RFC 5280
// §4.2 that say where an extension may appear and how it must be marked, and, under Profile.webPKI,
// the CA/Browser Forum Baseline Requirements §6.1.5 and §7.1 profiles for root, subordinate CA and
// subscriber (TLS server) certificates, as rustls-webpki and pyca/cryptography apply them.
// One check per rule, each throwing its own reason with the rule that refuses. It reads only the
// certificate (and whether it is self-signed); chaining, signatures and constraints are the Validator's.

/// Where a certificate sits on the path being judged.
enum CertificateRole {
    case leaf
    case intermediate
    /// The trust anchor that ends a path of two or more certificates.
    case anchor
}

struct CertificateProfile {
    let profile: Profile
    let purpose: Purpose

    private var isWeb: Bool { profile == .webPKI }

    /// All the profile's rules for `certificate` in `role`. `selfSigned`: its own key verified its
    /// signature. `basicConstraints`: the certificate's, decoded once by the caller.
    func check(_ certificate: Certificate, as role: CertificateRole, selfSigned: Bool,
               basicConstraints: BasicConstraints?) throws(VerificationFailureReason) {
        let extensions = certificate.extensions
        let isCA = basicConstraints?.isCA == true
        // Under RFC 5280 alone a trust anchor is a name and a key: its certificate's profile is not
        // judged, except where the path obeys it (its nameConstraints).
        if role == .anchor && !isWeb { return try checkNameConstraintsPlacement(extensions, isCA: isCA) }
        try checkKeyIdentifiers(certificate, role: role, selfSigned: selfSigned)
        try checkCriticality(extensions, role: role, subjectIsEmpty: certificate.subject.isEmpty)
        try checkCertificatePolicyQualifiers(extensions)
        try checkNameConstraintsPlacement(extensions, isCA: isCA)
        try checkSubject(certificate, role: role)
        switch role {
        case .leaf: try checkLeaf(certificate, isCA: isCA)
        case .intermediate: return  // §6.1.4 checks the rest of an intermediate
        case .anchor: try checkAnchor(certificate, basicConstraints: basicConstraints, isRoot: selfSigned)
        }
    }

    // MARK: Key identifiers (RFC 5280 §4.2.1.1, §4.2.1.2; BR §7.1.2.1.3)

    private func checkKeyIdentifiers(_ certificate: Certificate, role: CertificateRole, selfSigned: Bool) throws(VerificationFailureReason) {
        let extensions = certificate.extensions
        if let aki = extensions[.authorityKeyIdentifier], aki.critical {
            throw .extensionMustNotBeCritical(oid: KnownExtension.authorityKeyIdentifier.oid, rule: .rfc5280("§4.2.1.1"))
        }
        if let ski = extensions[.subjectKeyIdentifier], ski.critical {
            throw .extensionMustNotBeCritical(oid: KnownExtension.subjectKeyIdentifier.oid, rule: .rfc5280("§4.2.1.2"))
        }
        guard isWeb else { return }
        let authorityKeyID = extensions.authorityKeyIdentifier
        if role == .anchor, selfSigned, let authorityKeyID {
            // BR §7.1.2.1.3: a root's AKI, when present, is its own keyIdentifier and nothing else.
            guard let keyID = authorityKeyID.keyIdentifier, authorityKeyID.authorityCertIssuer == nil,
                  authorityKeyID.authorityCertSerialNumber == nil, keyID == extensions.subjectKeyIdentifier else {
                throw .invalidAuthorityKeyIdentifier(rule: .br("§7.1.2.1.3"))
            }
        }
        if !selfSigned {
            // §4.2.1.1: every certificate but a self-signed one carries the keyIdentifier of its issuer.
            guard let authorityKeyID else {
                throw .extensionMissing(oid: KnownExtension.authorityKeyIdentifier.oid, rule: .rfc5280("§4.2.1.1"))
            }
            guard authorityKeyID.keyIdentifier != nil else { throw .invalidAuthorityKeyIdentifier(rule: .rfc5280("§4.2.1.1")) }
        }
        if role != .leaf && extensions[.subjectKeyIdentifier] == nil {
            throw .extensionMissing(oid: KnownExtension.subjectKeyIdentifier.oid, rule: .rfc5280("§4.2.1.2"))
        }
    }

    // MARK: Criticality (RFC 5280 §4.2.1.11, §4.2.2.1)

    private func checkCriticality(_ extensions: Extensions, role: CertificateRole, subjectIsEmpty: Bool) throws(VerificationFailureReason) {
        if let access = extensions[.authorityInfoAccess], access.critical {
            throw .extensionMustNotBeCritical(oid: KnownExtension.authorityInfoAccess.oid, rule: .rfc5280("§4.2.2.1"))
        }
        // §4.2.1.11 tells CAs to mark policyConstraints critical; §6.1 processes it either way, and
        // PKITS (4.8-4.12) expects a non-critical one to be honoured. The web profile holds CAs to the
        // MUST, as pyca/cryptography does; RFC 5280 alone processes it, as OpenSSL, Go and BoringSSL do.
        if isWeb, let constraints = extensions[.policyConstraints], !constraints.critical {
            throw .extensionMustBeCritical(oid: KnownExtension.policyConstraints.oid, rule: .rfc5280("§4.2.1.11"))
        }
        // §4.2.1.6: with an empty subject the identity is in subjectAltName, which must then be critical.
        if subjectIsEmpty, let names = extensions[.subjectAltName], !names.critical {
            throw .extensionMustBeCritical(oid: KnownExtension.subjectAltName.oid, rule: .rfc5280("§4.2.1.6"))
        }
        if role != .leaf, isWeb, let basic = extensions[.basicConstraints], !basic.critical {
            throw .extensionMustBeCritical(oid: KnownExtension.basicConstraints.oid,
                                           rule: .br(role == .anchor ? "§7.1.2.1.2" : "§7.1.2.10.4"))
        }
    }

    /// §4.2.1.4: a critical certificatePolicies must be understood whole, qualifiers included: Certo
    /// knows the two qualifiers RFC 5280 defines (CPS pointer and user notice), and they must decode.
    private func checkCertificatePolicyQualifiers(_ extensions: Extensions) throws(VerificationFailureReason) {
        guard let policies = extensions[.certificatePolicies], policies.critical else { return }
        for policy in extensions.certificatePolicies ?? [] {
            guard let qualifiers = try? policy.decodedQualifiers() else {
                throw .unhandledCriticalExtension(oid: KnownExtension.certificatePolicies.oid)
            }
            let understood = qualifiers.allSatisfy { qualifier in
                if case .other = qualifier { return false }
                return true
            }
            guard understood else { throw .unhandledCriticalExtension(oid: KnownExtension.certificatePolicies.oid) }
        }
    }

    /// §4.2.1.10: nameConstraints only in CA certificates; critical, except that the BRs allow a
    /// non-critical one (so that clients that do not process it still accept the chain).
    private func checkNameConstraintsPlacement(_ extensions: Extensions, isCA: Bool) throws(VerificationFailureReason) {
        guard let constraints = extensions[.nameConstraints] else { return }
        guard isCA else { throw .extensionNotAllowed(oid: KnownExtension.nameConstraints.oid, rule: .rfc5280("§4.2.1.10")) }
        if !isWeb && !constraints.critical {
            throw .extensionMustBeCritical(oid: KnownExtension.nameConstraints.oid, rule: .rfc5280("§4.2.1.10"))
        }
    }

    /// §4.1.2.6: a CA's subject is a non-empty name; an end entity's may be empty only when its
    /// subjectAltName carries the identity. §4.1.2.2 (web): serial numbers are positive and at most 20 octets.
    private func checkSubject(_ certificate: Certificate, role: CertificateRole) throws(VerificationFailureReason) {
        if certificate.subject.isEmpty {
            if role != .leaf || certificate.extensions[.subjectAltName] == nil { throw .emptySubject(rule: .rfc5280("§4.1.2.6")) }
        }
        if isWeb && role != .anchor && !certificate.serialNumberProblems.isEmpty {
            throw .invalidSerialNumber(rule: .rfc5280("§4.1.2.2"))
        }
    }

    // MARK: CA certificates (BR §7.1.2.1, §7.1.2.10)

    /// A web anchor is judged like an intermediate (its own CA checks, which §6.1.4 makes for
    /// intermediates); a self-signed one, a root, also by the root profile (BR §7.1.2.1.2). An anchor
    /// that is not self-signed (a partial chain) is a subordinate CA, which may carry extKeyUsage.
    private func checkAnchor(_ certificate: Certificate, basicConstraints: BasicConstraints?, isRoot: Bool) throws(VerificationFailureReason) {
        let extensions = certificate.extensions
        if let unknown = certificate.extensions.unhandledCriticalExtensions.first {
            throw .unhandledCriticalExtension(oid: unknown.oid)
        }
        guard let basic = basicConstraints else {
            throw .extensionMissing(oid: KnownExtension.basicConstraints.oid, rule: .br("§7.1.2.1.2"))
        }
        guard basic.isCA else { throw .notACA }
        if let keyUsage = extensions.keyUsage, !keyUsage.contains(.keyCertSign) {
            throw .inconsistentKeyUsage(rule: .rfc5280("§4.2.1.3"))
        }
        if let bits = KeyDescription.rsaBits(certificate.publicKey), bits % 8 != 0 {
            throw .forbiddenKey(certificate.publicKey, rule: .br("§6.1.5"))
        }
        guard isRoot else { return }
        if extensions[.extendedKeyUsage] != nil {
            throw .extensionNotAllowed(oid: KnownExtension.extendedKeyUsage.oid, rule: .br("§7.1.2.1.2"))
        }
    }

    // MARK: Leaf (RFC 5280 §4.2.1.3, §4.2.1.9; BR §6.1.5, §7.1.2.7)

    private func checkLeaf(_ leaf: Certificate, isCA: Bool) throws(VerificationFailureReason) {
        let extensions = leaf.extensions
        let keyCertSign = extensions.keyUsage?.contains(.keyCertSign) == true
        // §4.2.1.3 / §4.2.1.9: keyCertSign only with cA=TRUE.
        if keyCertSign && !isCA { throw .inconsistentKeyUsage(rule: .rfc5280("§4.2.1.3")) }
        guard isWeb else { return }
        if isCA { throw .caCertificateAsLeaf(rule: .br("§7.1.2.7.8")) }
        if keyCertSign { throw .inconsistentKeyUsage(rule: .br("§7.1.2.7.11")) }
        try checkSubscriberKey(leaf.publicKey)
        let names = extensions.subjectAlternativeNames ?? []
        try checkPresentedNames(names)
        // The subscriber profile proper governs TLS server certificates.
        guard purpose != .client else { return }
        guard let usage = extensions[.extendedKeyUsage] else {
            throw .extensionMissing(oid: KnownExtension.extendedKeyUsage.oid, rule: .br("§7.1.2.7.10"))
        }
        if usage.critical { throw .extensionMustNotBeCritical(oid: KnownExtension.extendedKeyUsage.oid, rule: .br("§7.1.2.7.10")) }
        if extensions.extendedKeyUsage(lists: .anyExtendedKeyUsage) == true {
            throw .extensionNotAllowed(oid: ExtendedKeyUsage.anyExtendedKeyUsage, rule: .br("§7.1.2.7.10"))
        }
        if !leaf.subject.isEmpty, let names = extensions[.subjectAltName], names.critical {
            throw .extensionMustNotBeCritical(oid: KnownExtension.subjectAltName.oid, rule: .br("§7.1.2.7.12"))
        }
        try checkCommonNames(leaf, names: names)
    }

    /// BR §6.1.5: RSA with a modulus that is a multiple of 8 bits, or ECDSA on P-256, P-384 or P-521;
    /// nothing else (no DSA, no P-192, no Ed25519). The 2048-bit minimum is the Validator's for every
    /// profile (Policy.allowWeakRSA).
    private func checkSubscriberKey(_ key: PublicKeyInfo) throws(VerificationFailureReason) {
        switch key.algorithm {
        case .rsa(let bits), .rsaPSS(let bits, _):
            if bits % 8 != 0 { throw .forbiddenKey(key, rule: .br("§6.1.5")) }
        case .ec(let curve):
            switch curve {
            case .p256, .p384: return
            case .other: if curve.bits == 521 { return }
            }
            throw .forbiddenKey(key, rule: .br("§6.1.5"))
        case .unknown:
            throw .forbiddenKey(key, rule: .br("§6.1.5"))
        }
    }

    /// RFC 5280 §4.2.1.6 as the web PKI reads it: every dNSName in preferred name syntax (no
    /// underscore), every rfc822Name a mailbox.
    private func checkPresentedNames(_ names: [GeneralName]) throws(VerificationFailureReason) {
        for name in names {
            switch name {
            case .dnsName(let dns) where !DNSNameSyntax.isValidPresentedName(dns, allowsUnderscore: false):
                throw .malformedName(name, rule: .rfc5280("§4.2.1.6"))
            case .rfc822Name(let address) where !DNSNameSyntax.isValidMailbox(address):
                throw .malformedName(name, rule: .rfc5280("§4.2.1.6"))
            default:
                continue
            }
        }
    }

    /// BR §7.1.4.3: a subject commonName repeats one subjectAltName entry textually: a dNSName as
    /// written, an IP address in its canonical text (RFC 5952 §4 for IPv6).
    private func checkCommonNames(_ leaf: Certificate, names: [GeneralName]) throws(VerificationFailureReason) {
        let commonNames = leaf.subject.commonNames
        guard !commonNames.isEmpty else { return }
        for commonName in commonNames {
            let found = names.contains { name in
                switch name {
                case .dnsName(let dns): return dns == commonName
                case .ipAddress(let octets): return IPText.canonical(octets) == commonName
                default: return false
                }
            }
            if !found { throw .commonNameNotInSubjectAltName(commonName, rule: .br("§7.1.4.3")) }
        }
    }
}
