// The independent oracle for the corpus tests: Python's `cryptography` parses every file in one
// python3 process and prints one JSON line per file (fields, or the error it raised). Test-only.
import Foundation

struct OracleCertificate {
    let version: Int
    let serial: String
    let subject: String
    let issuer: String
    let subjectAttributes: [[[String]]]
    let issuerAttributes: [[[String]]]
    let notBefore: Int64
    let notAfter: Int64
    let keyType: String?
    let keyBits: Int?
    let keyCurve: String?
    let keyOID: String?
    let signatureOID: String?
    let extensionOIDs: [String]?
    let extensionsError: String?
    /// nil when the certificate has no subjectAltName (or extensions failed to decode).
    let subjectAltNames: [[String]]?
}

struct OracleResult {
    let certificates: [OracleCertificate]?
    let error: String?
}

enum PythonOracle {
    /// Runs the oracle over `paths`; results keyed by path.
    static func run(_ paths: [String]) throws -> [String: OracleResult] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = Thread {
            input.fileHandleForWriting.write(Data(paths.joined(separator: "\n").utf8 + [0x0a]))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw OracleError.failed(process.terminationStatus) }
        var results: [String: OracleResult] = [:]
        for line in data.split(separator: 0x0a) {
            guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let path = object["path"] as? String else { throw OracleError.badOutput }
            if let error = object["error"] as? String {
                results[path] = OracleResult(certificates: nil, error: error)
            } else {
                let certificates = (object["certs"] as? [[String: Any]] ?? []).map(certificate)
                results[path] = OracleResult(certificates: certificates, error: nil)
            }
        }
        guard results.count == Set(paths).count else { throw OracleError.badOutput }
        return results
    }

    enum OracleError: Error { case failed(Int32), badOutput }

    private static func certificate(_ d: [String: Any]) -> OracleCertificate {
        let key = d["key"] as? [String: Any] ?? [:]
        return OracleCertificate(
            version: d["version"] as? Int ?? 0,
            serial: d["serial"] as? String ?? "",
            subject: d["subject"] as? String ?? "",
            issuer: d["issuer"] as? String ?? "",
            subjectAttributes: d["subject_attrs"] as? [[[String]]] ?? [],
            issuerAttributes: d["issuer_attrs"] as? [[[String]]] ?? [],
            notBefore: (d["not_before"] as? NSNumber)?.int64Value ?? 0,
            notAfter: (d["not_after"] as? NSNumber)?.int64Value ?? 0,
            keyType: key["type"] as? String,
            keyBits: key["bits"] as? Int,
            keyCurve: key["curve"] as? String,
            keyOID: key["oid"] as? String,
            signatureOID: d["sig_oid"] as? String,
            extensionOIDs: d["extension_oids"] as? [String],
            extensionsError: d["extensions_error"] as? String,
            subjectAltNames: d["san"] as? [[String]]
        )
    }

    static let script = #"""
import sys, json, ipaddress, warnings
warnings.simplefilter("ignore")
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa, ec, ed25519, ed448, dsa, x25519, x448

def name_attrs(name):
    return [[[a.oid.dotted_string, a.value if isinstance(a.value, str) else "#" + a.value.hex()] for a in rdn] for rdn in name.rdns]

def serial_hex(n):
    length = ((n if n >= 0 else ~n).bit_length() + 8) // 8
    return n.to_bytes(length, "big", signed=True).hex()

def general_name(g):
    if isinstance(g, x509.DNSName): return ["dns", g.value]
    if isinstance(g, x509.RFC822Name): return ["email", g.value]
    if isinstance(g, x509.UniformResourceIdentifier): return ["uri", g.value]
    if isinstance(g, x509.IPAddress):
        v = g.value
        if isinstance(v, (ipaddress.IPv4Network, ipaddress.IPv6Network)):
            return ["ip", v.network_address.packed.hex() + v.netmask.packed.hex()]
        return ["ip", v.packed.hex()]
    if isinstance(g, x509.DirectoryName): return ["dirname", g.value.rfc4514_string()]
    if isinstance(g, x509.RegisteredID): return ["rid", g.value.dotted_string]
    if isinstance(g, x509.OtherName): return ["other", g.type_id.dotted_string, g.value.hex()]
    return ["unknown", repr(g)]

def key_info(cert):
    info = {}
    try: info["oid"] = cert.public_key_algorithm_oid.dotted_string
    except Exception: pass
    try: k = cert.public_key()
    except Exception as e:
        info["error"] = str(e)
        return info
    if isinstance(k, rsa.RSAPublicKey): info.update(type="rsa", bits=k.key_size)
    elif isinstance(k, ec.EllipticCurvePublicKey): info.update(type="ec", curve=k.curve.name)
    elif isinstance(k, ed25519.Ed25519PublicKey): info.update(type="ed25519")
    elif isinstance(k, ed448.Ed448PublicKey): info.update(type="ed448")
    elif isinstance(k, dsa.DSAPublicKey): info.update(type="dsa", bits=k.key_size)
    elif isinstance(k, x25519.X25519PublicKey): info.update(type="x25519")
    elif isinstance(k, x448.X448PublicKey): info.update(type="x448")
    else: info.update(type=type(k).__name__)
    return info

def describe(cert):
    d = {"version": cert.version.value + 1, "serial": serial_hex(cert.serial_number),
         "subject": cert.subject.rfc4514_string(), "issuer": cert.issuer.rfc4514_string(),
         "subject_attrs": name_attrs(cert.subject), "issuer_attrs": name_attrs(cert.issuer),
         "not_before": int(cert.not_valid_before_utc.timestamp()), "not_after": int(cert.not_valid_after_utc.timestamp()),
         "key": key_info(cert)}
    try: d["sig_oid"] = cert.signature_algorithm_oid.dotted_string
    except Exception: pass
    try:
        exts = cert.extensions
        d["extension_oids"] = [e.oid.dotted_string for e in exts]
        try:
            d["san"] = [general_name(g) for g in exts.get_extension_for_class(x509.SubjectAlternativeName).value]
        except x509.ExtensionNotFound:
            d["san"] = None
    except Exception as e:
        d["extensions_error"] = str(e)
    return d

for line in sys.stdin:
    path = line.rstrip("\n")
    if not path: continue
    data = open(path, "rb").read()
    result = {"path": path}
    try:
        certs = x509.load_pem_x509_certificates(data) if b"-----BEGIN" in data else [x509.load_der_x509_certificate(data)]
        result["certs"] = [describe(c) for c in certs]
    except Exception as e:
        result["error"] = type(e).__name__ + ": " + str(e)
    print(json.dumps(result))
"""#
}
