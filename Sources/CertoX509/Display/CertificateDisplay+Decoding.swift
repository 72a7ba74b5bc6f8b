// The tolerant display decoder: the fields of RFC 5280 §4.1 in the strict parser's order, each tried
// with the strict decoder first and, where that refuses, read as far as its content allows, with a
// CertificateProblem for every departure. It refuses only what has no certificate structure left to
// show: broken TLV framing (DisplayFraming), or a skeleton element (tbsCertificate, an algorithm,
// a name, validity, the key) missing or of the wrong type. Certificate.init(derEncoded:) is untouched.
import CertoDER

/// The problems found so far, their offsets translated back to the input's bytes.
struct DisplayProblems {
    let framing: DisplayFraming
    private(set) var list: [CertificateProblem] = []

    init(framing: DisplayFraming) { self.framing = framing }

    /// Records a problem; `offset` is an offset in the canonical bytes.
    mutating func add(_ field: String, at offset: Int?, _ reason: CertificateProblem.Reason, rule: String? = nil) {
        list.append(CertificateProblem(field: field, offset: offset.map(framing.inputOffset), reason: reason, rule: rule))
    }

    /// Records a problem found by the framing, whose offsets are the input's already.
    mutating func add(_ field: String, inputOffset: Int, _ reason: CertificateProblem.Reason) {
        list.append(CertificateProblem(field: field, offset: inputOffset, reason: reason))
    }

    /// Records what a strict decoder said, under the error's own field path (or `context` when it names none).
    mutating func refused(_ error: CertificateError, context: String, rule: String) {
        add(error.fieldPath ?? context, at: error.byteOffset, .refused(error), rule: rule)
    }
}

extension CertificateDisplay {
    /// Reads one DER certificate tolerantly (see the file comment). Throws only when the structure
    /// itself cannot be read; everything else becomes one of `problems`.
    public init(displayDecoding input: [UInt8]) throws(CertificateError) {
        guard input.count <= Certificate.maximumByteCount else {
            throw .inputTooLarge(byteCount: input.count, limit: Certificate.maximumByteCount)
        }
        let framing = try DisplayFraming(input)
        var problems = DisplayProblems(framing: framing)
        for offset in framing.nonMinimalLengths {
            problems.add("certificate", inputOffset: offset, .nonMinimalLength(atByte: offset))
        }
        self = try Self.decode(framing, input: input, problems: &problems)
    }

    private static func decode(_ framing: DisplayFraming, input: [UInt8], problems: inout DisplayProblems) throws(CertificateError) -> CertificateDisplay {
        let bytes = framing.canonical[...]
        var outer = DERScanner(bytes)
        var certificate = try outer.enter(0x30, "certificate")
        if framing.elementEnd < input.count {
            problems.add("certificate", inputOffset: framing.elementEnd, .dataAfterCertificate(byteCount: input.count - framing.elementEnd))
        }
        let tbsTLV = try certificate.read(0x30, "tbsCertificate")
        let outerAlgorithmTLV = try certificate.read(0x30, "signatureAlgorithm")
        let signatureTLV = try certificate.read(0x03, "signatureValue")
        DisplayFields.checkWholeOctets(bytes[signatureTLV.range], "signatureValue", at: signatureTLV.start, &problems)
        DisplayFields.ignoreRemaining(&certificate, "certificate", &problems)

        var tbs = try certificate.enter(tbsTLV, "tbsCertificate")
        let version = DisplayFields.version(&tbs, &problems)
        let serialTLV = try tbs.read(0x02, "tbsCertificate.serialNumber")
        let serial = DisplayFields.integerContent(bytes[serialTLV.contentRange], "tbsCertificate.serialNumber", at: serialTLV.start, &problems)
        let innerAlgorithmTLV = try tbs.read(0x30, "tbsCertificate.signature")
        let issuerTLV = try tbs.read(0x30, "tbsCertificate.issuer")
        let issuer = DisplayFields.name(bytes[issuerTLV.range], "tbsCertificate.issuer", rule: "RFC 5280 §4.1.2.4", &problems)
        var validity = try tbs.enter(0x30, "tbsCertificate.validity")
        let notBefore = DisplayTime.read(&validity, "tbsCertificate.validity.notBefore", &problems)
        let notAfter = DisplayTime.read(&validity, "tbsCertificate.validity.notAfter", &problems)
        DisplayFields.ignoreRemaining(&validity, "tbsCertificate.validity", &problems)
        let subjectTLV = try tbs.read(0x30, "tbsCertificate.subject")
        let subject = DisplayFields.name(bytes[subjectTLV.range], "tbsCertificate.subject", rule: "RFC 5280 §4.1.2.6", &problems)
        let keyTLV = try tbs.read(0x30, "tbsCertificate.subjectPublicKeyInfo")
        let publicKey = DisplayFields.publicKey(bytes[keyTLV.range], &problems)

        // issuerUniqueID [1], subjectUniqueID [2], extensions [3], each optional and in that order.
        var list: [Extension] = []
        var summaries: [String?] = []
        var lastTag: UInt8 = 0
        while let tag = tbs.nextTag {
            let start = tbs.position
            let tlv = try tbs.read("tbsCertificate")
            let field: String
            let rule: String
            switch tag {
            case 0x81, 0xa1: (field, rule) = ("tbsCertificate.issuerUniqueID", "RFC 5280 §4.1.2.8")
            case 0x82, 0xa2: (field, rule) = ("tbsCertificate.subjectUniqueID", "RFC 5280 §4.1.2.8")
            case 0xa3: (field, rule) = ("tbsCertificate.extensions", "RFC 5280 §4.1.2.9")
            default:
                problems.add("tbsCertificate", at: start, .unexpectedElement(tag: tag))
                continue
            }
            guard tag & 0x1f > lastTag & 0x1f else {
                problems.add(field, at: start, .unexpectedElement(tag: tag), rule: "RFC 5280 §4.1")
                continue
            }
            lastTag = tag
            if let version, version < (tag == 0xa3 ? 3 : 2) {
                problems.add(field, at: start, .notAllowedInVersion(version), rule: rule)
            }
            if tag == 0xa3 {
                var tagged = try tbs.enter(tlv, field)
                (list, summaries) = DisplayExtensions.read(&tagged, field, &problems)
            } else if tlv.isConstructed {
                problems.add(field, at: start, .refused(.invalidEncoding(field: field, offset: start, problem: .constructedPrimitive)), rule: "X.690 §8.6.3")
            } else {
                DisplayFields.checkBitString(bytes[tlv.range], field, at: start, &problems)
            }
        }

        // RFC 5280 §4.1.1.2: the two algorithm fields must be equal; show the one the issuer signed.
        let innerBytes = bytes[innerAlgorithmTLV.range]
        let outerBytes = bytes[outerAlgorithmTLV.range]
        let algorithm = DisplayFields.signatureAlgorithm(innerBytes, "tbsCertificate.signature", &problems)
        if innerBytes != outerBytes {
            let outerAlgorithm = DisplayFields.signatureAlgorithm(outerBytes, "signatureAlgorithm", &problems)
            problems.add("signatureAlgorithm", at: outerAlgorithmTLV.start,
                         .signatureAlgorithmMismatch(outer: outerAlgorithm?.description ?? "unreadable"))
        }

        let extensions = Extensions(list)
        var names: [String]? = nil
        if extensions.subjectAlternativeNames == nil, let san = list.first(where: { $0.oidBytes.equals(OID.subjectAltName) }) {
            names = DisplayExtensions.lenientNames(san.content)?.names
        }
        return CertificateDisplay(decoded: Decoded(
            derBytes: framing.elementEnd == input.count ? input : Array(input[..<framing.elementEnd]),
            version: version, serialNumber: Array(serial), signatureAlgorithm: algorithm, issuer: issuer, subject: subject,
            notBefore: notBefore, notAfter: notAfter, publicKey: publicKey, extensions: extensions,
            summaries: summaries, alternativeNames: names, problems: problems.list))
    }
}
