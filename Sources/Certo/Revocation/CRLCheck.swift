// RFC 5280 §6.3's CRL processing for one certificate of a validated path, against the CRLs given to
// the Verifier: the CRLs named by the certificate's issuer are tried newest first, and the first
// complete one that is usable answers (the others may be older, or cover other partitions). A CRL is
// usable when its signature verifies with the issuer's key (the key that signed the certificate) or
// with the key of another certificate of that issuer whose own path to the same trust anchor
// validates (§6.3.3 (f): `separateSigner`), the signer's keyUsage allows cRLSign,
// the validation time lies within thisUpdate...nextUpdate, no critical extension is left unprocessed,
// and its issuingDistributionPoint covers the certificate (§6.3.3 (b)). Partitioned CRLs answer
// together once their reasons cover every reason (§6.3.3 (d)). A usable delta CRL (§5.2.4) of the
// same issuer and scope, whose base is no newer than the complete CRL and whose number is higher,
// answers first (§6.3.3 (c), (j)): an entry there revokes, or with removeFromCRL lifts a hold. Not
// yet: indirect CRLs (§5.2.5, §5.3.3), which answer for nothing rather than being trusted blindly.
import CertoBigInt

enum CRLCheck {
    enum Answer: Equatable {
        case good(RevocationSource)
        case revoked(reason: RevocationReason?, date: Int64)
        case unknown(RevocationProblem)
    }

    /// ReasonFlags bits 1...8, keyCompromise to aACompromise (bit 0 is unused).
    static let allReasons: UInt16 = 0x1fe

    /// `separateSigner` finds, for a CRL the issuer's own key does not verify, a certificate of the
    /// same issuer with cRLSign whose key does and whose path validates; nil when there is none.
    static func check(_ certificate: Certificate, issuer: Certificate, crls: [CertificateRevocationList],
                      time: Instant, policy: Policy,
                      separateSigner: ((CertificateRevocationList) -> Certificate?)? = nil) -> Answer {
        let candidates = crls.filter { $0.issuer == certificate.issuer }.sorted { $0.thisUpdate > $1.thisUpdate }
        guard !candidates.isEmpty else { return .unknown(.noCRL) }
        let complete = candidates.filter { $0.deltaCRLIndicator == nil }
        if complete.isEmpty { return .unknown(.unusableCRL(.deltaWithoutBase)) }
        let serial = certificate.serialNumber[...]
        var lastProblem: CRLProblem?
        var covered: UInt16 = 0
        var source: RevocationSource?
        for crl in complete {
            if let problem = problem(of: crl, for: certificate, issuer: issuer, time: time, policy: policy,
                                     separateSigner: separateSigner) {
                lastProblem = problem
                continue
            }
            if let delta = applicableDelta(to: crl, among: candidates, for: certificate, issuer: issuer, time: time,
                                           policy: policy, separateSigner: separateSigner),
               let entry = delta.entry(forSerialNumber: serial) {
                if entry.reason != .removeFromCRL { return .revoked(reason: entry.reason, date: entry.revocationDate) }
            } else if let entry = crl.entry(forSerialNumber: serial), entry.reason != .removeFromCRL {
                return .revoked(reason: entry.reason, date: entry.revocationDate)
            }
            if source == nil {
                source = .crlFile(crlNumber: crl.crlNumber.map { BigInt(bytes: $0).decimalString }, thisUpdate: crl.thisUpdate)
            }
            covered |= crl.issuingDistributionPoint?.onlySomeReasons ?? allReasons
            if covered & allReasons == allReasons { break }
        }
        if let source {
            return covered & allReasons == allReasons ? .good(source) : .unknown(.unusableCRL(.reasonsNotCovered))
        }
        return .unknown(lastProblem.map { .unusableCRL($0) } ?? .noCRL)
    }

    /// The newest usable delta CRL for `base` (§5.2.4, §6.3.3 (c)): same scope, its BaseCRLNumber no
    /// higher than the base's cRLNumber, its own cRLNumber higher.
    static func applicableDelta(to base: CertificateRevocationList, among candidates: [CertificateRevocationList],
                                for certificate: Certificate, issuer: Certificate, time: Instant, policy: Policy,
                                separateSigner: ((CertificateRevocationList) -> Certificate?)?) -> CertificateRevocationList? {
        guard let baseNumber = base.crlNumber else { return nil }
        for delta in candidates {
            guard let indicator = delta.deltaCRLIndicator, let number = delta.crlNumber,
                  !isGreater(indicator, than: baseNumber), isGreater(number, than: baseNumber),
                  delta.issuingDistributionPoint == base.issuingDistributionPoint else { continue }
            if problem(of: delta, for: certificate, issuer: issuer, time: time, policy: policy,
                       separateSigner: separateSigner, asDelta: true) == nil {
                return delta
            }
        }
        return nil
    }

    /// Whether big-endian magnitude `a` is greater than `b`.
    static func isGreater(_ a: ArraySlice<UInt8>, than b: ArraySlice<UInt8>) -> Bool {
        let x = a.drop { $0 == 0 }, y = b.drop { $0 == 0 }
        if x.count != y.count { return x.count > y.count }
        return y.lexicographicallyPrecedes(x)
    }

    /// Why `crl` cannot answer for `certificate`, or nil when it can. A delta CRL answers only
    /// through its base (`asDelta`).
    static func problem(of crl: CertificateRevocationList, for certificate: Certificate, issuer: Certificate,
                        time: Instant, policy: Policy,
                        separateSigner: ((CertificateRevocationList) -> Certificate?)? = nil,
                        asDelta: Bool = false) -> CRLProblem? {
        if let oid = crl.unhandledCriticalExtension { return .unhandledCriticalExtension(oid: oid) }
        // §5.2.3: conforming CRL issuers MUST include a cRLNumber, and it is non-critical.
        guard crl.crlNumber != nil else { return .missingCRLNumber }
        if crl.crlNumberIsCritical { return .criticalCRLNumber }
        if crl.deltaCRLIndicator != nil && !asDelta { return .deltaWithoutBase }
        if time.seconds < crl.thisUpdate { return .notYetValid(thisUpdate: crl.thisUpdate) }
        if let next = crl.nextUpdate, time.seconds > next { return .expired(nextUpdate: next) }
        if let point = crl.issuingDistributionPoint, !covers(point, certificate) { return .outOfScope }
        let signerProblem = problem(signing: crl, with: issuer, policy: policy)
        guard let signerProblem else { return nil }
        if let separateSigner, separateSigner(crl) != nil { return nil }
        return signerProblem
    }

    /// Why `signer` cannot have signed `crl` as its issuer: no cRLSign, or a signature its key refuses.
    static func problem(signing crl: CertificateRevocationList, with signer: Certificate, policy: Policy) -> CRLProblem? {
        if let usage = signer.extensions.keyUsage, !usage.contains(.cRLSign) { return .issuerLacksCRLSign }
        var checks = 0
        do {
            try SignatureCheck.verify(signed: crl.tbsCertListBytes, signature: crl.signatureBytes,
                                      algorithm: crl.signatureAlgorithm, issuedBy: signer, policy: policy,
                                      cache: nil, signatureChecks: &checks)
        } catch {
            return error == .badSignature ? .badSignature : .signatureRefused(error)
        }
        return nil
    }

    /// §6.3.3 (b): the issuingDistributionPoint's limits admit `certificate`.
    static func covers(_ point: IssuingDistributionPoint, _ certificate: Certificate) -> Bool {
        let isCA = certificate.extensions.basicConstraints?.isCA ?? false
        if point.onlyContainsUserCerts && isCA { return false }
        if point.onlyContainsCACerts && !isCA { return false }
        if point.onlyContainsAttributeCerts || point.indirectCRL { return false }
        if point.nameRelativeToCRLIssuer != nil { return false }
        guard let names = point.fullName else { return true }
        // One of the IDP's names must be one of the certificate's distribution point names (or, for a
        // point without a name, of its cRLIssuer names).
        for distributionPoint in certificate.extensions.crlDistributionPoints ?? [] {
            let theirs = distributionPoint.fullName ?? distributionPoint.cRLIssuer ?? []
            if theirs.contains(where: names.contains) { return true }
        }
        return false
    }
}
