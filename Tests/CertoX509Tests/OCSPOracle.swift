// The oracle for OCSP responses: Python's `cryptography` (load_der_ocsp_response) reads every file in
// one python3 process and prints, per file, the fields both parsers expose (or the error it raised) as
// one JSON object. `summary` gives Certo's reading in the same shape, so the two compare as JSON text.
import CertoHash
import CertoX509
import Foundation

enum OCSPOracle {
    /// Canonical JSON per path: the oracle's fields, or {"refused": true} when it raised.
    static func run(_ paths: [String]) throws -> [String: (summary: String, error: String?)] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(paths.joined(separator: "\n").utf8 + [0x0a]))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw OracleError.failed(process.terminationStatus) }
        var results: [String: (String, String?)] = [:]
        for line in data.split(separator: 0x0a) {
            guard var object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let path = object.removeValue(forKey: "path") as? String else { throw OracleError.badOutput }
            if let error = object["error"] as? String {
                results[path] = (try canonical(["refused": true]), error)
            } else {
                results[path] = (try canonical(object), nil)
            }
        }
        guard results.count == Set(paths).count else { throw OracleError.badOutput }
        return results
    }

    enum OracleError: Error { case failed(Int32), badOutput }

    static func canonical(_ object: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    /// Certo's reading of `bytes`, in the oracle's shape.
    static func summary(_ bytes: [UInt8]) throws -> String {
        guard let response = try? OCSPResponse(derEncoded: bytes) else { return try canonical(["refused": true]) }
        var fields: [String: Any] = ["status": response.status.description]
        guard let basic = response.basic else { return try canonical(fields) }
        fields["produced_at"] = basic.producedAt
        switch basic.responderID {
        case .byName(let name): fields["responder"] = "name:" + name.description
        case .byKey(let hash): fields["responder"] = "key:" + hexString(hash)
        }
        fields["certs"] = basic.certificates.count
        fields["responses"] = basic.responses.map(single)
        fields["extensions"] = basic.extensions.all.map(\.oid)
        fields["single_extensions"] = basic.responses.count == 1 ? basic.responses[0].extensions.all.map(\.oid) : NSNull()
        fields["nonce"] = basic.nonce.map { hexString($0) } ?? NSNull()
        fields["signature_oid"] = basic.signatureAlgorithm.oid
        return try canonical(fields)
    }

    private static func single(_ response: OCSPSingleResponse) -> [String: Any] {
        var fields: [String: Any] = [
            "serial": hexString(response.certID.serialNumber),
            "hash": response.certID.hashAlgorithm?.rawValue ?? NSNull(),
            "name_hash": hexString(response.certID.issuerNameHash),
            "key_hash": hexString(response.certID.issuerKeyHash),
            "this_update": response.thisUpdate,
            "next_update": response.nextUpdate ?? NSNull(),
        ]
        switch response.status {
        case .good: fields["status"] = "good"
        case .unknown: fields["status"] = "unknown"
        case .revoked(let time, let reason):
            fields["status"] = "revoked"
            fields["revocation_time"] = time
            fields["reason"] = reason?.description ?? NSNull()
        }
        return fields
    }

    static let script = #"""
import sys, json, warnings
warnings.simplefilter("ignore")
from cryptography import x509
from cryptography.x509 import ocsp

STATUS = {"SUCCESSFUL": "successful", "MALFORMED_REQUEST": "malformedRequest", "INTERNAL_ERROR": "internalError",
          "TRY_LATER": "tryLater", "SIG_REQUIRED": "sigRequired", "UNAUTHORIZED": "unauthorized"}

def serial_hex(n):
    length = ((n if n >= 0 else ~n).bit_length() + 8) // 8
    return n.to_bytes(length, "big", signed=True).hex()

def seconds(t):
    return None if t is None else int(t.timestamp())

def single(s):
    try: hash_name = s.hash_algorithm.name
    except Exception: hash_name = None
    d = {"serial": serial_hex(s.serial_number), "status": s.certificate_status.name.lower(),
         "this_update": seconds(s.this_update_utc), "next_update": seconds(s.next_update_utc),
         "hash": hash_name, "name_hash": s.issuer_name_hash.hex(), "key_hash": s.issuer_key_hash.hex()}
    if s.certificate_status == ocsp.OCSPCertStatus.REVOKED:
        d["revocation_time"] = seconds(s.revocation_time_utc)
        d["reason"] = None if s.revocation_reason is None else s.revocation_reason.value
    return d

def describe(data):
    r = ocsp.load_der_ocsp_response(data)
    d = {"status": STATUS[r.response_status.name]}
    if r.response_status != ocsp.OCSPResponseStatus.SUCCESSFUL:
        return d
    d["produced_at"] = seconds(r.produced_at_utc)
    if r.responder_key_hash is not None:
        d["responder"] = "key:" + r.responder_key_hash.hex()
    else:
        d["responder"] = "name:" + r.responder_name.rfc4514_string()
    d["certs"] = len(r.certificates)
    d["responses"] = [single(s) for s in r.responses]
    d["extensions"] = [e.oid.dotted_string for e in r.extensions]
    d["single_extensions"] = [e.oid.dotted_string for e in r.single_extensions] if len(d["responses"]) == 1 else None
    nonces = [e.value.nonce.hex() for e in r.extensions if isinstance(e.value, x509.OCSPNonce)]
    d["nonce"] = nonces[0] if nonces else None
    d["signature_oid"] = r.signature_algorithm_oid.dotted_string
    return d

for line in sys.stdin:
    path = line.rstrip("\n")
    if not path: continue
    try:
        out = describe(open(path, "rb").read())
    except Exception as e:
        out = {"error": type(e).__name__ + ": " + str(e)}
    out["path"] = path
    print(json.dumps(out))
"""#
}
