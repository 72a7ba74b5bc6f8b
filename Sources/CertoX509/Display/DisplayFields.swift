// The display decoder's field readers: each tries the strict decoder of its field (names, keys,
// algorithm identifiers) and, when that refuses, records why and reads what it can instead; the
// primitive checks (INTEGER, BIT STRING, version) report each X.690 departure rather than stopping.
import CertoDER

enum DisplayFields {
    /// Reports every element left in `scanner` as unexpected (the structure should have ended).
    static func ignoreRemaining(_ scanner: inout DERScanner, _ field: String, _ problems: inout DisplayProblems) {
        while !scanner.isAtEnd {
            let start = scanner.position
            guard let tlv = try? scanner.read(field) else { return }
            problems.add(field, at: start, .unexpectedElement(tag: tlv.tag))
        }
    }

    /// Checks a BIT STRING's content (unused-bits octet first); returns its count of unused bits.
    @discardableResult
    static func checkBitString(_ element: ArraySlice<UInt8>, _ field: String, at offset: Int, _ problems: inout DisplayProblems) -> Int {
        var scanner = DERScanner(element)
        guard let tlv = try? scanner.read(field) else { return 0 }
        let content = scanner.content(tlv)
        guard let unused = content.first else {
            problems.add(field, at: offset, .refused(.invalidEncoding(field: field, offset: offset, problem: .bitString)), rule: "X.690 §8.6.2")
            return 0
        }
        let data = content.dropFirst()
        if unused > 7 || (data.isEmpty && unused != 0) {
            problems.add(field, at: offset, .bitStringUnusedBits(Int(unused)))
        } else if let last = data.last, last & ((1 << unused) &- 1) != 0 {
            problems.add(field, at: offset, .bitStringPaddingNotZero)
        }
        return Int(unused)
    }

    /// A BIT STRING that must hold whole octets (signatureValue).
    static func checkWholeOctets(_ element: ArraySlice<UInt8>, _ field: String, at offset: Int, _ problems: inout DisplayProblems) {
        let unused = checkBitString(element, field, at: offset, &problems)
        if (1...7).contains(unused) { problems.add(field, at: offset, .notWholeOctets(unusedBits: unused)) }
    }

    /// INTEGER content octets, reported when empty or not minimal; returned as encoded.
    static func integerContent(_ content: ArraySlice<UInt8>, _ field: String, at offset: Int, _ problems: inout DisplayProblems) -> ArraySlice<UInt8> {
        guard let first = content.first else {
            problems.add(field, at: offset, .integerEmpty, rule: "X.690 §8.3.1")
            return content
        }
        if content.count > 1 {
            let second = content[content.startIndex + 1]
            if (first == 0 && second & 0x80 == 0) || (first == 0xff && second & 0x80 != 0) {
                problems.add(field, at: offset, .integerNotMinimal)
            }
        }
        return content
    }

    /// tbsCertificate.version ([0] EXPLICIT INTEGER DEFAULT v1): 1 when absent, the INTEGER plus one
    /// otherwise (an unknown version reported and shown as it is), nil when it cannot be read.
    static func version(_ tbs: inout DERScanner, _ problems: inout DisplayProblems) -> Int? {
        let field = "tbsCertificate.version"
        guard tbs.nextTag == 0xa0 else { return 1 }
        let start = tbs.position
        guard var tagged = try? tbs.enter(0xa0, field), let integer = try? tagged.read(0x02, field) else {
            problems.add(field, at: start, .versionUnreadable)
            return nil
        }
        ignoreRemaining(&tagged, field, &problems)
        let content = integerContent(tagged.content(integer), field, at: integer.start, &problems)
        guard !content.isEmpty, content.count <= 7, content.first! & 0x80 == 0 else {
            problems.add(field, at: integer.start, .versionUnreadable)
            return nil
        }
        let value = content.reduce(0) { $0 << 8 | Int($1) }
        switch value {
        case 0:
            problems.add(field, at: start, .versionEncodedAsDefault)
            return 1
        case 1, 2:
            return value + 1
        default:
            problems.add(field, at: integer.start, .versionOutOfRange(value))
            return value + 1
        }
    }

    /// A Name the strict decoder accepts, or else the same bytes for display only (`init(displayOnly:)` below).
    static func name(_ element: ArraySlice<UInt8>, _ field: String, rule: String, _ problems: inout DisplayProblems) -> DistinguishedName {
        do {
            return try DistinguishedName(encoded: element, field: field)
        } catch {
            problems.refused(error, context: field, rule: rule)
            return DistinguishedName(displayOnly: element)
        }
    }

    /// The SubjectPublicKeyInfo decoded strictly, or what can be read of it.
    static func publicKey(_ element: ArraySlice<UInt8>, _ problems: inout DisplayProblems) -> DisplayedPublicKey {
        do {
            return .decoded(try PublicKeyInfo(encoded: element))
        } catch {
            let facts = UndecodedPublicKey(reading: element)
            let rule: String
            switch facts.algorithmOID {
            case "1.2.840.113549.1.1.1": rule = "RFC 3279 §2.3.1"
            case "1.2.840.10045.2.1": rule = "RFC 5480 §2.1.1"
            case "1.2.840.113549.1.1.10": rule = "RFC 4055 §1.2"
            default: rule = "RFC 5280 §4.1.2.7"
            }
            problems.refused(error.prefixed("tbsCertificate"), context: "tbsCertificate.subjectPublicKeyInfo", rule: rule)
            return .undecoded(facts)
        }
    }

    /// A signature AlgorithmIdentifier decoded strictly or, when its parameters are what is wrong, by
    /// its OID alone; nil when not even the OID can be read.
    static func signatureAlgorithm(_ element: ArraySlice<UInt8>, _ field: String, _ problems: inout DisplayProblems) -> SignatureAlgorithmIdentifier? {
        do {
            return try SignatureAlgorithmIdentifier(encoded: element)
        } catch {
            var outer = DERScanner(element)
            var reader = try? outer.enter(0x30, field)
            let oid = try? reader?.objectIdentifier(field)
            let rule: String
            let algorithm: SignatureAlgorithmIdentifier?
            if let oid, let hash = SignatureAlgorithmIdentifier.pkcs1Hash(oid) {
                (rule, algorithm) = ("RFC 4055 §5", .rsaPKCS1v15(hash))
            } else if let oid, let hash = SignatureAlgorithmIdentifier.ecdsaHash(oid) {
                (rule, algorithm) = ("RFC 5758 §3.2", .ecdsa(hash))
            } else if let oid, oid.equals(OID.rsassaPSS) {
                (rule, algorithm) = ("RFC 4055 §3.1", .unknown(oid: ObjectIdentifierEncoding.dotted(oid)))
            } else {
                (rule, algorithm) = ("RFC 5280 §4.1.1.2", oid.map { .unknown(oid: ObjectIdentifierEncoding.dotted($0)) })
            }
            problems.refused(error.prefixed(field), context: field, rule: rule)
            return algorithm
        }
    }
}

extension UndecodedPublicKey {
    /// Reads the algorithm, an RSA modulus size and exponent, or an EC named curve, where they can be read.
    init(reading element: ArraySlice<UInt8>) {
        var outer = DERScanner(element)
        guard var spki = try? outer.enter(0x30, ""), var identifier = try? spki.enter(0x30, ""),
              let oid = try? identifier.objectIdentifier("") else {
            self.init(algorithmOID: nil, algorithm: nil, rsaPublicExponentBytes: nil)
            return
        }
        let parameters = identifier.isAtEnd ? nil : try? identifier.read("")
        let dotted = ObjectIdentifierEncoding.dotted(oid)
        let key = (try? spki.read(0x03, "")).map { spki.content($0).dropFirst() } ?? []
        if oid.equals(OID.rsaEncryption) || oid.equals(OID.rsassaPSS) {
            var keyScanner = DERScanner(key)
            guard var sequence = try? keyScanner.enter(0x30, ""), let modulus = try? sequence.read(0x02, ""),
                  let exponent = try? sequence.read(0x02, "") else {
                self.init(algorithmOID: dotted, algorithm: nil, rsaPublicExponentBytes: nil)
                return
            }
            let magnitude = sequence.content(modulus).drop { $0 == 0 }
            let bits = magnitude.first.map { magnitude.count * 8 - $0.leadingZeroBitCount } ?? 0
            let algorithm: PublicKeyAlgorithm = oid.equals(OID.rsaEncryption) ? .rsa(modulusBits: bits) : .rsaPSS(modulusBits: bits, parameters: nil)
            self.init(algorithmOID: dotted, algorithm: algorithm, rsaPublicExponentBytes: Array(sequence.content(exponent).drop { $0 == 0 }))
        } else if oid.equals(OID.ecPublicKey) {
            var curve: NamedCurve? = nil
            if let parameters, parameters.tag == 0x06 {
                let named = identifier.content(parameters)
                if named.equals(OID.p256) {
                    curve = .p256
                } else if named.equals(OID.p384) {
                    curve = .p384
                } else if ObjectIdentifierEncoding.isValid(named) {
                    curve = .other(oid: ObjectIdentifierEncoding.dotted(named))
                }
            }
            self.init(algorithmOID: dotted, algorithm: curve.map { .ec(curve: $0) }, rsaPublicExponentBytes: nil)
        } else {
            self.init(algorithmOID: dotted, algorithm: .unknown(oid: dotted), rsaPublicExponentBytes: nil)
        }
    }
}

extension DistinguishedName {
    /// A Name the strict decoder refused, kept for display: its RDNs read as far as they go, and it
    /// compares equal only to a Name with the same bytes that was also refused (the comparison key
    /// starts with a count no valid Name has).
    init(displayOnly encoded: ArraySlice<UInt8>) {
        self.encoded = encoded
        comparisonKey = [0xff, 0xff, 0xff, 0xff] + Array(encoded)
    }
}
