// RFC 5280 §6.3's CRL processing for one certificate of a validated path, against the CRLs given to
// the Verifier. The certificate's distribution points are taken in turn (one with no name or issuer
// when it has no cRLDistributionPoints), and for each the complete CRLs that it names are tried newest
// first (§6.3.3 (b)): a direct CRL of the certificate's issuer, or with a cRLIssuer an indirect CRL
// (§5.2.5) of that issuer, whose issuingDistributionPoint covers the certificate and the point (names,
// relative names included, user/CA/attribute limits). Each usable CRL adds the reasons it covers
// (§6.3.3 (d), (e)) until all are covered. A CRL is usable when its signature verifies with the
// issuer's key (direct CRLs) or with the key of a certificate of the CRL issuer whose own path
// validates to the same trust anchor (§6.3.3 (f): `separateSigner`), that signer's keyUsage allows
// cRLSign, the validation time lies within thisUpdate...nextUpdate, and no critical extension is left
// unprocessed. A usable delta CRL (§5.2.4) of the same issuer and scope, whose base is no newer than
// the complete CRL and whose number is higher, answers first (§6.3.3 (c), (j)): an entry there
// revokes, or with removeFromCRL lifts a hold. Entries are looked up by serial and, in an indirect
// CRL, by the certificateIssuer they carry (§5.3.3).
import CertoBigInt

enum CRLCheck {
    enum Answer: Equatable {
        case good(RevocationSource)
        case revoked(reason: RevocationReason?, date: Int64, source: RevocationSource)
        case unknown(RevocationProblem)
    }

    /// ReasonFlags bits 1...8, keyCompromise to aACompromise (bit 0 is unused).
    static let allReasons: UInt16 = 0x1fe

    /// `separateSigner` finds, for a CRL the issuer's own key does not verify, a certificate of the
    /// CRL's issuer with cRLSign whose key does and whose path validates; nil when there is none.
    static func check(_ certificate: Certificate, issuer: Certificate, crls: [CertificateRevocationList],
                      origin: RevocationOrigin = .file, time: Instant, policy: Policy,
                      separateSigner: ((CertificateRevocationList) -> Certificate?)? = nil) -> Answer {
        let points: [DistributionPoint?] = certificate.extensions.crlDistributionPoints ?? [nil]
        let candidates = crls.filter { crl in points.contains { issuerMatches(crl, $0, certificate) } }
            .sorted { $0.thisUpdate > $1.thisUpdate }
        guard !candidates.isEmpty else { return .unknown(.noCRL) }
        let complete = candidates.filter { $0.deltaCRLIndicator == nil }
        if complete.isEmpty { return .unknown(.unusableCRL(.deltaWithoutBase)) }
        let serial = certificate.serialNumber[...]
        var lastProblem: CRLProblem?
        var covered: UInt16 = 0
        var source: RevocationSource?
        for point in points {
            for crl in complete where issuerMatches(crl, point, certificate) {
                guard covers(crl, point, certificate) else {
                    lastProblem = .outOfScope
                    continue
                }
                let reasons = (crl.issuingDistributionPoint?.onlySomeReasons ?? allReasons) & (point?.reasons ?? allReasons)
                guard reasons & allReasons & ~covered != 0 else { continue }
                if let problem = problem(of: crl, for: certificate, issuer: issuer, time: time, policy: policy,
                                         separateSigner: separateSigner) {
                    lastProblem = problem
                    continue
                }
                func named(_ crl: CertificateRevocationList) -> RevocationSource {
                    .crl(origin: origin, crlNumber: crl.crlNumber.map { BigInt(bytes: $0).decimalString }, thisUpdate: crl.thisUpdate)
                }
                let delta = applicableDelta(to: crl, among: candidates, for: certificate, issuer: issuer, time: time,
                                            policy: policy, separateSigner: separateSigner)
                if let delta, let entry = delta.entry(forSerialNumber: serial, issuedBy: certificate.issuer) {
                    if entry.reason != .removeFromCRL {
                        return .revoked(reason: entry.reason, date: entry.revocationDate, source: named(delta))
                    }
                } else if let entry = crl.entry(forSerialNumber: serial, issuedBy: certificate.issuer),
                          entry.reason != .removeFromCRL {
                    return .revoked(reason: entry.reason, date: entry.revocationDate, source: named(crl))
                }
                // With a delta applied, the delta is the newest word on the certificate.
                if source == nil { source = named(delta ?? crl) }
                covered |= reasons & allReasons
                if covered == allReasons, let source { return .good(source) }
            }
        }
        if source != nil { return .unknown(.unusableCRL(.reasonsNotCovered)) }
        return .unknown(lastProblem.map { .unusableCRL($0) } ?? .noCRL)
    }

    /// §6.3.3 (b)(1): a distribution point with a cRLIssuer is served by an indirect CRL of that
    /// issuer; any other by a CRL of the certificate's issuer.
    static func issuerMatches(_ crl: CertificateRevocationList, _ point: DistributionPoint?, _ certificate: Certificate) -> Bool {
        guard let crlIssuers = point?.cRLIssuer else { return crl.issuer == certificate.issuer }
        return crl.issuingDistributionPoint?.indirectCRL == true && crlIssuers.contains(.directoryName(crl.issuer))
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
                  delta.issuer == base.issuer,
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
        if crl.hasCertificateIssuerEntries && crl.issuingDistributionPoint?.indirectCRL != true {
            return .certificateIssuerOutsideIndirectCRL
        }
        // An indirect CRL is signed by its own issuer, never by the certificate's.
        let signerProblem = crl.issuer == issuer.subject ? problem(signing: crl, with: issuer, policy: policy) : .noCRLSigner
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

    /// §6.3.3 (b)(2): the CRL's issuingDistributionPoint, when it has one, admits `certificate` as
    /// reached through `point`: one of its names is one of the point's (or, for a point without a
    /// name, of its cRLIssuer's), and its user/CA/attribute limits allow the certificate.
    static func covers(_ crl: CertificateRevocationList, _ point: DistributionPoint?, _ certificate: Certificate) -> Bool {
        guard let scope = crl.issuingDistributionPoint else { return true }
        let isCA = certificate.extensions.basicConstraints?.isCA ?? false
        if scope.onlyContainsUserCerts && isCA { return false }
        if scope.onlyContainsCACerts && !isCA { return false }
        if scope.onlyContainsAttributeCerts { return false }
        guard let names = fullNames(scope.fullName, relative: scope.nameRelativeToCRLIssuer, base: [crl.issuer]) else {
            return true
        }
        let base = point?.cRLIssuer?.compactMap { name -> DistinguishedName? in
            if case .directoryName(let directory) = name { return directory }
            return nil
        } ?? [certificate.issuer]
        let theirs = fullNames(point?.fullName, relative: point?.nameRelativeToCRLIssuer, base: base) ?? point?.cRLIssuer ?? []
        return theirs.contains(where: names.contains)
    }

    /// A DistributionPointName as full names: a name relative to the CRL issuer is appended to it
    /// (§4.2.1.13). Nil when there is no name.
    static func fullNames(_ full: [GeneralName]?, relative: [UInt8]?, base: [DistinguishedName]) -> [GeneralName]? {
        if let full { return full }
        guard let relative else { return nil }
        return base.compactMap { $0.appending(relativeName: relative).map(GeneralName.directoryName) }
    }
}
