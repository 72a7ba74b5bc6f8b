// RFC 6960's client checks for one certificate of a validated path against OCSP responses, from a
// staple, files or a fetch. A response answers when it is successful, one SingleResponse's CertID
// names the certificate and its issuer (issuer name and key hashed with SHA-1 or SHA-2, §4.1.1), no
// critical extension is left unprocessed, it is current, and its signer is authorized (§4.2.2.2):
// the issuing CA itself, or a responder certificate that CA's key signed, with id-kp-OCSPSigning,
// valid at the validation time, whose key verifies the response. Whether the delegated responder is
// itself revoked is not checked (§4.2.2.2.1 leaves it to the CA, through id-pkix-ocsp-nocheck).
// Current means: thisUpdate and producedAt no later than the validation time and nextUpdate no
// earlier, each with `clockTolerance` for skewed clocks; a response without nextUpdate (the
// responder always has newer information) is taken as current for `lifetimeWithoutNextUpdate`.
// A revoked answer from any usable response wins over a good one.

enum OCSPCheck {
    enum Answer: Equatable {
        case good(RevocationSource)
        case revoked(reason: RevocationReason?, date: Int64, source: RevocationSource)
        case unknown(OCSPProblem)
    }

    /// Allowed clock difference between the responder and the validation time, in seconds.
    static let clockTolerance: Int64 = 300
    /// How long a response without nextUpdate is taken as current after its thisUpdate, in seconds.
    static let lifetimeWithoutNextUpdate: Int64 = 86_400

    /// Nil when `responses` is empty.
    static func check(_ certificate: Certificate, issuer: Certificate, responses: [OCSPResponse], origin: RevocationOrigin,
                      time: Instant, policy: Policy, cache: SignatureCache?, keys: IssuerKeyCache?) -> Answer? {
        guard !responses.isEmpty else { return nil }
        var good: RevocationSource?
        var lastProblem = OCSPProblem.noResponseForCertificate
        for response in responses {
            switch answer(response, for: certificate, issuer: issuer, origin: origin, time: time, policy: policy,
                          cache: cache, keys: keys) {
            case .revoked(let reason, let date, let source): return .revoked(reason: reason, date: date, source: source)
            case .good(let source): if good == nil { good = source }
            case .unknown(let problem): if problem != .noResponseForCertificate || good == nil { lastProblem = problem }
            }
        }
        return good.map { .good($0) } ?? .unknown(lastProblem)
    }

    static func answer(_ response: OCSPResponse, for certificate: Certificate, issuer: Certificate, origin: RevocationOrigin,
                       time: Instant, policy: Policy, cache: SignatureCache?, keys: IssuerKeyCache?) -> Answer {
        guard response.status == .successful, let basic = response.basic else {
            return .unknown(.responderError(response.status))
        }
        guard let single = basic.response(for: certificate, issuer: issuer) else { return .unknown(.noResponseForCertificate) }
        if let oid = basic.unhandledCriticalExtension { return .unknown(.unhandledCriticalExtension(oid: oid)) }
        let now = time.seconds
        if single.thisUpdate > now + clockTolerance { return .unknown(.notYetValid(thisUpdate: single.thisUpdate)) }
        if basic.producedAt > now + clockTolerance { return .unknown(.notYetValid(thisUpdate: basic.producedAt)) }
        if let next = single.nextUpdate {
            if next < now - clockTolerance { return .unknown(.expired(nextUpdate: next)) }
        } else if single.thisUpdate + lifetimeWithoutNextUpdate < now - clockTolerance {
            return .unknown(.stale(thisUpdate: single.thisUpdate))
        }
        let responder: OCSPResponderKind
        switch authorizedSigner(of: basic, issuer: issuer, time: time, policy: policy, cache: cache, keys: keys) {
        case .failure(let problem): return .unknown(problem)
        case .success(let kind): responder = kind
        }
        let source = RevocationSource.ocsp(origin: origin, producedAt: basic.producedAt, responder: responder)
        switch single.status {
        case .good: return .good(source)
        case .revoked(let date, let reason): return .revoked(reason: reason, date: date, source: source)
        case .unknown: return .unknown(.certificateUnknown)
        }
    }

    /// §4.2.2.2: the response is signed by the CA that issued the certificate, or by a responder
    /// certificate included in the response that the CA issued for OCSP signing.
    static func authorizedSigner(of basic: BasicOCSPResponse, issuer: Certificate, time: Instant, policy: Policy,
                                 cache: SignatureCache?, keys: IssuerKeyCache?) -> Result<OCSPResponderKind, OCSPProblem> {
        if basic.responderID.matches(issuer) {
            if let problem = problem(verifying: basic, with: issuer, policy: policy, cache: cache, keys: keys) { return .failure(problem) }
            return .success(.issuer)
        }
        var lastProblem = OCSPProblem.unauthorizedResponder
        for responder in basic.certificates where basic.responderID.matches(responder) {
            if let problem = delegationProblem(responder, issuer: issuer, time: time, policy: policy, cache: cache)
                ?? problem(verifying: basic, with: responder, policy: policy, cache: cache, keys: keys) {
                lastProblem = problem
                continue
            }
            return .success(.delegated)
        }
        return .failure(lastProblem)
    }

    /// Why `responder` is not a responder certificate of `issuer` (§4.2.2.2), or nil.
    static func delegationProblem(_ responder: Certificate, issuer: Certificate, time: Instant, policy: Policy,
                                  cache: SignatureCache?) -> OCSPProblem? {
        guard responder.issuer == issuer.subject else { return .responderNotIssuedByCA }
        var checks = 0
        do {
            try SignatureCheck.verify(responder, issuedBy: issuer, policy: policy, cache: cache, signatureChecks: &checks)
        } catch {
            return error == .badSignature ? .responderNotIssuedByCA : .signatureRefused(error)
        }
        guard responder.extensions.extendedKeyUsage(lists: .ocspSigning) == true else { return .responderLacksOCSPSigning }
        if let usage = responder.extensions.keyUsage, !usage.contains(.digitalSignature) { return .responderLacksDigitalSignature }
        if time.seconds < responder.notBefore { return .responderCertificateNotYetValid(notBefore: responder.notBefore) }
        if time.seconds > responder.notAfter { return .responderCertificateExpired(notAfter: responder.notAfter) }
        if let critical = responder.extensions.unhandledCriticalExtensions.first {
            return .responderUnhandledCriticalExtension(oid: critical.oid)
        }
        return nil
    }

    /// Why `signer`'s key does not verify the response's signature, or nil. The Verifier's caches
    /// serve here as for certificates: a staple is the same bytes on every connection for hours.
    static func problem(verifying basic: BasicOCSPResponse, with signer: Certificate, policy: Policy,
                        cache: SignatureCache?, keys: IssuerKeyCache?) -> OCSPProblem? {
        var checks = 0
        do {
            try SignatureCheck.verify(signed: basic.tbsResponseDataBytes, signature: basic.signatureBytes,
                                      algorithm: basic.signatureAlgorithm, issuedBy: signer, policy: policy,
                                      cache: cache, keys: keys, signatureChecks: &checks)
        } catch {
            return error == .badSignature ? .badSignature : .signatureRefused(error)
        }
        return nil
    }
}
