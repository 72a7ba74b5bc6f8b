// Fuzz target: one DER certificate revocation list, as `certo verify --crl` reads it from a file.
// A CRL that parses is read through every accessor, and checked against a fixed certificate and
// issuer the way the revocation check uses it (scope, time, entry lookup, signature). Invariants:
// the parse and the lookup agree (every parsed entry is found by its own serial number, under its
// certificate issuer in an indirect CRL), and the check never calls a parsed CRL both usable and out
// of its own time window.
@testable import Certo
import CertoX509
import FuzzSupport

/// A certificate of TestVectors/chains and its issuer, to check fuzzed CRLs against.
nonisolated(unsafe) private let pair: (leaf: Certificate, issuer: Certificate)? = {
    let certificates = ChainVectors.certificates.compactMap { try? Certificate(derEncoded: $0) }
    for leaf in certificates where !leaf.isSelfIssued {
        if let issuer = certificates.first(where: { $0.subject == leaf.issuer }) { return (leaf, issuer) }
    }
    return nil
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput(data, size).bytes
    let crl: CertificateRevocationList
    do {
        crl = try CertificateRevocationList(derEncoded: bytes)
    } catch {
        _ = error.description
        return 0
    }
    _ = crl.issuer.openSSLDescription + crl.signatureAlgorithm.description
    _ = (crl.version, crl.thisUpdate, crl.nextUpdate, crl.crlNumber, crl.deltaCRLIndicator, crl.isComplete)
    _ = crl.unhandledCriticalExtension
    if let point = crl.issuingDistributionPoint { _ = point.fullName?.map(\.description) }
    for entry in crl.revokedCertificates {
        _ = (entry.reason?.description, entry.invalidityDate, entry.certificateIssuer?.map(\.description))
        guard let names = entry.effectiveIssuer else {
            invariant(crl.entry(forSerialNumber: entry.serialNumber)?.revocationDate == entry.revocationDate,
                      "a parsed entry is not found by its own serial number")
            continue
        }
        // An indirect CRL's entry of another issuer: found under that issuer's name (a certificate
        // issuer named other than by directoryName is no certificate's issuer field).
        for case .directoryName(let issuer) in names {
            invariant(crl.entry(forSerialNumber: entry.serialNumber, issuedBy: issuer)?.serialNumber
                        .elementsEqual(entry.serialNumber) == true,
                      "an indirect CRL's entry is not found by its serial number and certificate issuer")
        }
    }
    guard let pair else {
        invariant(false, "no certificate and issuer found in TestVectors/chains")
        return 0
    }
    let policy = Policy(profile: .rfc5280, purpose: .any)
    let time = Instant(seconds: crl.thisUpdate)
    let problem = CRLCheck.problem(of: crl, for: pair.leaf, issuer: pair.issuer, time: time, policy: policy)
    if case .notYetValid = problem { invariant(false, "a CRL judged not yet valid at its own thisUpdate") }
    _ = CRLCheck.check(pair.leaf, issuer: pair.issuer, crls: [crl], time: time, policy: policy)
    return 0
}

@main enum CRLFuzzer {
    static func main() { LibFuzzerDriver.run(testOneInput) }
}
