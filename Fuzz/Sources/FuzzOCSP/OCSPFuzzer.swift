// Fuzz target: one DER OCSP response, as a responder or a TLS staple hands it over. A response that
// parses is read through every accessor, its CertIDs matched against a fixed certificate and issuer,
// and its CertIDs re-encoded as a request. Invariants: responseBytes exactly when successful; the
// basic response re-parses on its own to the same reading; the signed bytes lie inside the input;
// nextUpdate never precedes thisUpdate; no proper prefix of a response parses; the request encoder
// writes one well-formed DER element.
import CertoDER
import CertoX509
import FuzzSupport

/// A certificate of TestVectors/chains and its issuer, to match fuzzed CertIDs against.
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
    let response: OCSPResponse
    do {
        response = try OCSPResponse(derEncoded: bytes)
    } catch {
        _ = error.description
        return 0
    }
    invariant((response.status == .successful) == (response.basic != nil), "responseBytes present iff successful")
    invariant((try? OCSPResponse(derEncoded: Array(bytes.dropLast()))) == nil, "a proper prefix of a response parsed")
    _ = response.status.description
    guard let basic = response.basic else { return 0 }
    guard let pair else {
        invariant(false, "no certificate and issuer found in TestVectors/chains")
        return 0
    }

    let tbs = basic.tbsResponseDataBytes
    invariant(tbs.first == 0x30 && contains(response.derBytes, tbs), "tbsResponseData is not a part of the input")
    _ = (basic.version, basic.producedAt, basic.nonce, basic.unhandledCriticalExtension, basic.signatureBytes.count)
    _ = basic.signatureAlgorithm.description + basic.extensions.all.map(\.oid).joined()
    switch basic.responderID {
    case .byName(let name): _ = name.description + name.openSSLDescription
    case .byKey(let hash): _ = hash.count
    }
    for certificate in basic.certificates + [pair.leaf, pair.issuer] { _ = basic.responderID.matches(certificate) }
    for single in basic.responses {
        if let next = single.nextUpdate { invariant(next >= single.thisUpdate, "nextUpdate before thisUpdate") }
        if case .revoked(_, let reason) = single.status { _ = reason?.description }
        _ = single.extensions.all.map(\.oid)
        _ = single.certID.hashAlgorithmOID
        let matched = single.certID.matches(certificate: pair.leaf, issuer: pair.issuer)
        if let hash = single.certID.hashAlgorithm {
            invariant(matched == (single.certID == OCSPCertID(certificate: pair.leaf, issuer: pair.issuer, hash: hash)),
                      "CertID matching disagrees with CertID equality")
        } else {
            invariant(!matched, "a CertID with an unknown hash matched")
        }
    }
    _ = basic.response(for: pair.leaf, issuer: pair.issuer)

    do {
        let alone = try BasicOCSPResponse(derEncoded: basic.derBytes)
        invariant(alone.producedAt == basic.producedAt && alone.responses.map(\.certID) == basic.responses.map(\.certID)
                  && alone.responses.map(\.status) == basic.responses.map(\.status) && alone.nonce == basic.nonce
                  && alone.tbsResponseDataBytes == tbs && alone.certificates == basic.certificates,
                  "the basic response reads differently on its own")
    } catch {
        invariant(false, "the basic response does not parse on its own: \(error)")
    }

    let request = OCSPRequest.encode(basic.responses.prefix(8).map(\.certID), nonce: basic.nonce)
    do {
        _ = try DERScanner<DERError>.singleSequence(request[...], "ocspRequest")
    } catch {
        invariant(false, "the request encoder wrote malformed DER: \(error)")
    }
    return 0
}

/// Whether `part` occurs in `whole` as a contiguous run.
private func contains(_ whole: [UInt8], _ part: [UInt8]) -> Bool {
    guard part.count <= whole.count else { return false }
    for start in 0...(whole.count - part.count) where whole[start] == part.first {
        if whole[start..<(start + part.count)].elementsEqual(part) { return true }
    }
    return false
}

@main enum OCSPFuzzer {
    static func main() { LibFuzzerDriver.run(testOneInput) }
}
