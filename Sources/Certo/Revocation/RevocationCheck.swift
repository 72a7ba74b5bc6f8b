// Revocation for one certificate of a validated path (RFC 5280 §6.1.3 (a)(3)), from every source the
// verification has, in this order: the OCSP staple (the leaf only), OCSP responses and CRLs given to
// the Verifier, then, with a RevocationFetcher and nothing local that answered, OCSP from the
// certificate's authorityInfoAccess and CRLs from its cRLDistributionPoints. A revoked answer from
// any usable source refuses; the first good one answers; otherwise every source's problem is kept,
// in order, for the report.
import CertoHash

struct RevocationSources: Sendable {
    var crls: [CertificateRevocationList] = []
    var ocspResponses: [OCSPResponse] = []
    /// The leaf's stapled response as it came from the TLS handshake, parsed or not.
    var staple: Result<OCSPResponse, CertificateError>?
    var fetch: RevocationFetchSession?
}

enum RevocationCheck {
    enum Answer: Equatable {
        case good(RevocationSource)
        case revoked(reason: RevocationReason?, date: Int64, source: RevocationSource)
        case unknown(RevocationProblem)
    }

    static func check(_ certificate: Certificate, depth: Int, issuer: Certificate, sources: RevocationSources,
                      time: Instant, policy: Policy, cache: SignatureCache?, keys: IssuerKeyCache?,
                      separateSigner: ((CertificateRevocationList) -> Certificate?)?) -> Answer {
        var problems: [RevocationProblem] = []
        var good: RevocationSource?
        /// Records an answer; returns it when it refuses.
        func take(_ answer: Answer?) -> Answer? {
            switch answer {
            case .revoked?: return answer
            case .good(let source)?: if good == nil { good = source }
            case .unknown(let problem)?: problems.append(problem)
            case nil: break
            }
            return nil
        }
        func ocsp(_ responses: [OCSPResponse], _ origin: RevocationOrigin) -> Answer? {
            switch OCSPCheck.check(certificate, issuer: issuer, responses: responses, origin: origin, time: time,
                                   policy: policy, cache: cache, keys: keys) {
            case nil: return nil
            case .revoked(let reason, let date, let source): return .revoked(reason: reason, date: date, source: source)
            case .good(let source): return .good(source)
            case .unknown(let problem): return .unknown(.unusableOCSPResponse(origin: origin, problem))
            }
        }
        func crl(_ crls: [CertificateRevocationList], _ origin: RevocationOrigin) -> Answer {
            switch CRLCheck.check(certificate, issuer: issuer, crls: crls, origin: origin, time: time, policy: policy,
                                  separateSigner: separateSigner) {
            case .revoked(let reason, let date, let source): return .revoked(reason: reason, date: date, source: source)
            case .good(let source): return .good(source)
            case .unknown(let problem): return .unknown(problem)
            }
        }

        if depth == 0, let staple = sources.staple {
            switch staple {
            case .success(let response): if let refused = take(ocsp([response], .staple)) { return refused }
            case .failure(let error): problems.append(.unusableOCSPResponse(origin: .staple, .malformed(error)))
            }
        }
        if let refused = take(ocsp(sources.ocspResponses, .file)) { return refused }
        if !sources.crls.isEmpty, let refused = take(crl(sources.crls, .file)) { return refused }
        if let good { return .good(good) }

        if let fetch = sources.fetch {
            let responders = certificate.extensions.ocspURIs.filter(isHTTP)
            let points = distributionPointURLs(certificate)
            if responders.isEmpty && points.isEmpty { problems.append(.nothingToFetch) }
            // SHA-1 CertIDs are what every responder answers (RFC 5019 §2.1.1).
            let request = responders.isEmpty ? [] : OCSPRequest.encode([OCSPCertID(certificate: certificate, issuer: issuer, hash: .sha1)])
            for url in responders {
                switch fetch.body(at: url, ocspRequest: request) {
                case .failure(let failure): problems.append(.fetchFailed(url: url, failure))
                case .success(let body):
                    do {
                        if let refused = take(ocsp([try OCSPResponse(derEncoded: body)], .fetched)) { return refused }
                    } catch {
                        problems.append(.unusableOCSPResponse(origin: .fetched, .malformed(error)))
                    }
                }
                if let good { return .good(good) }
            }
            for url in points {
                switch fetch.body(at: url, ocspRequest: nil) {
                case .failure(let failure): problems.append(.fetchFailed(url: url, failure))
                case .success(let body):
                    do {
                        if let refused = take(crl(try CertificateRevocationList.parseAll(body), .fetched)) { return refused }
                    } catch {
                        problems.append(.fetchFailed(url: url, FetchFailure("not a CRL: \(error)")))
                    }
                }
                if let good { return .good(good) }
            }
        }
        if problems.isEmpty { return .unknown(.noSource) }
        return .unknown(problems.count == 1 ? problems[0] : .noSourceAnswered(problems))
    }

    /// The http URIs of the certificate's cRLDistributionPoints, in order.
    static func distributionPointURLs(_ certificate: Certificate) -> [String] {
        (certificate.extensions.crlDistributionPoints ?? []).flatMap { point in
            (point.fullName ?? []).compactMap { name -> String? in
                guard case .uniformResourceIdentifier(let uri) = name, isHTTP(uri) else { return nil }
                return uri
            }
        }
    }

    static func isHTTP(_ uri: String) -> Bool { uri.lowercased().hasPrefix("http://") }
}
