// Field-by-field comparison of a parsed certificate with the oracle's view of it.
import CertoX509
import CertoTestSupport

enum OracleComparison {
    static func differences(_ c: Certificate, _ o: OracleCertificate, outcome: ExpectedOutcome?) -> [String] {
        var out: [String] = []
        func check(_ what: String, _ mine: String, _ theirs: String) {
            if mine != theirs { out.append("\(what): \(mine) != oracle \(theirs)") }
        }
        check("version", String(c.version), String(o.version))
        check("serial", c.serialNumberHex, o.serial)
        // cryptography renders a non-string value as "#" + hex of its content octets; RFC 4514 §2.4 (followed
        // here) says hex of the whole BER encoding. Compare the strings only when every value is a string.
        if c.subject.rdns.allSatisfy({ $0.allSatisfy { $0.stringType != nil } }) { check("subject", c.subject.description, o.subject) }
        if c.issuer.rdns.allSatisfy({ $0.allSatisfy { $0.stringType != nil } }) { check("issuer", c.issuer.description, o.issuer) }
        check("subject attributes", attributes(c.subject), String(describing: o.subjectAttributes))
        check("issuer attributes", attributes(c.issuer), String(describing: o.issuerAttributes))
        check("notBefore", String(c.notBefore), String(o.notBefore))
        check("notAfter", String(c.notAfter), String(o.notAfter))
        if let oid = o.keyOID { check("key algorithm OID", c.publicKey.algorithmOID, oid) }
        if let type = o.keyType { check("key", key(c.publicKey.algorithm), key(type: type, bits: o.keyBits, curve: o.keyCurve)) }
        if let oid = o.signatureOID { check("signature algorithm", c.signatureAlgorithm.oid, oid) }
        if let error = o.extensionsError {
            if case .oracleRefusesExtensions = outcome {} else { out.append("oracle refuses the extensions (\(error)) but this parser accepts them") }
        } else {
            if case .oracleRefusesExtensions = outcome { out.append("oracle now accepts the extensions; drop the table entry") }
            check("extensions", c.extensions.all.map(\.oid).joined(separator: ","), (o.extensionOIDs ?? []).joined(separator: ","))
            check("subjectAltName", san(c.extensions.subjectAlternativeNames), o.subjectAltNames.map { String(describing: $0) } ?? "none")
        }
        do {
            try c.extensions.decodeAll()
        } catch {
            out.append("typed decoders disagree with the parse-time validator: \(error)")
        }
        return out
    }

    static func attributes(_ name: DistinguishedName) -> String {
        String(describing: name.rdns.map { rdn in
            rdn.attributes.map { [$0.oid, $0.stringType == nil ? "#" + TestHex.encode(contentOctets($0.valueBytes)) : $0.value] }
        })
    }

    /// The content octets of one DER element (its tag and length removed).
    static func contentOctets(_ element: [UInt8]) -> [UInt8] {
        guard element.count >= 2 else { return [] }
        let first = Int(element[1])
        let headerLength = first < 0x80 ? 2 : 2 + (first & 0x7f)
        return Array(element.dropFirst(headerLength))
    }

    static func san(_ names: [GeneralName]?) -> String {
        guard let names else { return "none" }
        return String(describing: names.map { name -> [String] in
            switch name {
            case .dnsName(let v): return ["dns", v]
            case .rfc822Name(let v): return ["email", v]
            case .uniformResourceIdentifier(let v): return ["uri", v]
            case .ipAddress(let v): return ["ip", TestHex.encode(v)]
            case .directoryName(let v): return ["dirname", v.description]
            case .registeredID(let v): return ["rid", v]
            case .otherName(let type, let value): return ["other", type, TestHex.encode(value)]
            case .x400Address, .ediPartyName: return ["unsupported"]
            }
        })
    }

    static func key(_ algorithm: PublicKeyAlgorithm) -> String {
        switch algorithm {
        case .rsa(let bits), .rsaPSS(let bits, _): return "rsa \(bits)"
        case .ec(let curve): return "ec \(curve.oid)"
        case .unknown(let oid):
            switch oid {
            case "1.3.101.112": return "ed25519"
            case "1.3.101.113": return "ed448"
            case "1.3.101.110": return "x25519"
            case "1.3.101.111": return "x448"
            case "1.2.840.10040.4.1": return "dsa"
            default: return oid
            }
        }
    }

    /// The oracle's key description in the same form (curve names mapped to OIDs).
    static func key(type: String, bits: Int?, curve: String?) -> String {
        switch type {
        case "rsa": return "rsa \(bits ?? 0)"
        case "ec":
            let oids = ["secp256r1": "1.2.840.10045.3.1.7", "secp384r1": "1.3.132.0.34", "secp521r1": "1.3.132.0.35",
                        "secp224r1": "1.3.132.0.33", "secp192r1": "1.2.840.10045.3.1.1", "secp256k1": "1.3.132.0.10",
                        "brainpoolP256r1": "1.3.36.3.3.2.8.1.1.7", "brainpoolP384r1": "1.3.36.3.3.2.8.1.1.11",
                        "brainpoolP512r1": "1.3.36.3.3.2.8.1.1.13"]
            return "ec \(oids[curve ?? ""] ?? curve ?? "?")"
        default: return type
        }
    }

}

extension OracleComparison {
    /// Dotted OID of the first OBJECT IDENTIFIER inside an AlgorithmIdentifier's DER.
    static func dotted(_ algorithmIdentifier: [UInt8]) -> String {
        let length = Int(algorithmIdentifier[3])
        let content = algorithmIdentifier[4..<(4 + length)]
        var arcs: [UInt64] = []
        var value: UInt64 = 0
        for byte in content {
            value = value << 7 | UInt64(byte & 0x7f)
            if byte & 0x80 == 0 { arcs.append(value); value = 0 }
        }
        let first = min(arcs[0] / 40, 2)
        return ([first, arcs[0] - first * 40] + arcs.dropFirst()).map(String.init).joined(separator: ".")
    }
}
