// The basic OCSP response (RFC 6960 §4.2.1), parsed strictly: version v1 only (DER leaves the DEFAULT
// out, so any version field is refused), GeneralizedTime throughout, every embedded certificate
// parsed by Certificate. The nonce extension (§4.4.1) is decoded; any other critical response or
// single extension is named, for the revocation checker to refuse the response, as CRLs do. The
// signature, the responder's authority and the times against a clock are the checker's business.
//
//   BasicOCSPResponse ::= SEQUENCE { tbsResponseData ResponseData, signatureAlgorithm AlgorithmIdentifier,
//     signature BIT STRING, certs [0] EXPLICIT SEQUENCE OF Certificate OPTIONAL }
//   ResponseData ::= SEQUENCE { version [0] EXPLICIT Version DEFAULT v1, responderID ResponderID,
//     producedAt GeneralizedTime, responses SEQUENCE OF SingleResponse,
//     responseExtensions [1] EXPLICIT Extensions OPTIONAL }
import CertoDER

public struct BasicOCSPResponse: Sendable {
    /// The buffer the response lies in (the whole OCSPResponse when read from one).
    private let storage: [UInt8]
    private let range: Range<Int>
    private let tbsRange: Range<Int>
    /// Always 1: v1 is the only version RFC 6960 defines.
    public let version: Int
    public let responderID: OCSPResponderID
    /// Unix seconds.
    public let producedAt: Int64
    /// May be empty (the ASN.1 allows it), which answers for no certificate.
    public let responses: [OCSPSingleResponse]
    /// responseExtensions (empty when absent).
    public let extensions: Extensions
    /// The id-pkix-ocsp-nonce extension's OCTET STRING contents, if present.
    public let nonce: [UInt8]?
    public let signatureAlgorithm: SignatureAlgorithmIdentifier
    public let signatureBytes: [UInt8]
    /// certs: certificates to help verify the signature (the responder's, perhaps its chain).
    public let certificates: [Certificate]
    /// The OID of the first critical response extension other than the nonce, else of the first
    /// critical single extension, if any.
    public let unhandledCriticalExtension: String?

    /// The DER of the BasicOCSPResponse.
    public var derBytes: [UInt8] { Array(storage[range]) }
    /// The DER of tbsResponseData: the bytes the signature covers.
    public var tbsResponseDataBytes: [UInt8] { Array(storage[tbsRange]) }

    /// Parses a DER BasicOCSPResponse on its own (the contents of responseBytes.response).
    public init(derEncoded: [UInt8]) throws(CertificateError) {
        guard derEncoded.count <= OCSPResponse.maximumByteCount else {
            throw .inputTooLarge(byteCount: derEncoded.count, limit: OCSPResponse.maximumByteCount)
        }
        try self.init(derEncoded, range: derEncoded.indices)
    }

    /// Parses the BasicOCSPResponse at `range` of `storage`, which must be exactly that element.
    init(_ storage: [UInt8], range: Range<Int>) throws(CertificateError) {
        let bytes = storage[range]
        guard !bytes.isEmpty else { throw .malformedDER(offset: range.lowerBound, problem: .empty) }
        var outer = DERScanner(bytes)
        var fields = try outer.enter(0x30, "basicOCSPResponse")
        if !outer.isAtEnd { throw .malformedDER(offset: outer.position, problem: .trailingData) }
        let tbsTLV = try fields.read(0x30, "tbsResponseData")
        let algorithmTLV = try fields.read(0x30, "signatureAlgorithm")
        let signature = try fields.octetAlignedBitString("signature")
        var certificates: [Certificate] = []
        if fields.nextTag == 0xa0 {
            var tagged = try fields.enter(0xa0, "certs")
            var list = try tagged.enter(0x30, "certs")
            try tagged.finish("certs")
            while !list.isAtEnd {
                let tlv = try list.read(0x30, "certs[\(certificates.count)]")
                do {
                    certificates.append(try Certificate(derEncoded: Array(list.element(tlv))))
                } catch {
                    throw error.prefixed("certs[\(certificates.count)]")
                }
            }
        }
        try fields.finish("basicOCSPResponse")

        var tbs = try fields.enter(tbsTLV, "tbsResponseData")
        if tbs.nextTag == 0xa0 {
            // DER omits a DEFAULT value, and v1 is the only version: no version field is valid.
            let start = tbs.position
            var tagged = try tbs.explicit(0xa0, "tbsResponseData.version")
            _ = try tagged.smallNonNegativeInteger("tbsResponseData.version")
            throw .valueOutOfRange(field: "tbsResponseData.version", offset: start)
        }
        responderID = try OCSPResponderID(&tbs, field: "tbsResponseData.responderID")
        producedAt = try CertificateTime.readGeneralized(&tbs, "tbsResponseData.producedAt")
        var list = try tbs.enter(0x30, "tbsResponseData.responses")
        var responses: [OCSPSingleResponse] = []
        var singleProblem: String?
        while !list.isAtEnd {
            let response = try OCSPSingleResponse(&list, field: "tbsResponseData.responses[\(responses.count)]")
            if singleProblem == nil { singleProblem = response.unhandledCriticalExtension }
            responses.append(response)
        }
        var extensions = Extensions([])
        if tbs.nextTag == 0xa1 {
            var tagged = try tbs.enter(0xa1, "tbsResponseData.responseExtensions")
            extensions = try Extensions(&tagged, field: "tbsResponseData.responseExtensions")
            try tagged.finish("tbsResponseData.responseExtensions")
        }
        try tbs.finish("tbsResponseData")

        var nonce: [UInt8]?
        var unhandled: String?
        for ext in extensions.all {
            if ext.oidBytes.equals(OID.ocspNonce) {
                // §4.4.1: the extnValue holds the DER of Nonce ::= OCTET STRING.
                let field = "tbsResponseData.responseExtensions." + ext.oid
                var value = try DERScanner.single(ext.content, field)
                nonce = Array(try value.primitive(0x04, field))
            } else if ext.critical && unhandled == nil {
                unhandled = ext.oid
            }
        }
        do {
            signatureAlgorithm = try SignatureAlgorithmIdentifier(encoded: fields.element(algorithmTLV))
        } catch {
            throw error.prefixed("signatureAlgorithm")
        }

        self.storage = storage
        self.range = range
        self.tbsRange = tbsTLV.range
        self.version = 1
        self.responses = responses
        self.extensions = extensions
        self.nonce = nonce
        self.signatureBytes = Array(signature)
        self.certificates = certificates
        self.unhandledCriticalExtension = unhandled ?? singleProblem
    }

    /// The first single response whose CertID names `certificate` issued by `issuer`, if any.
    public func response(for certificate: Certificate, issuer: Certificate) -> OCSPSingleResponse? {
        responses.first { $0.certID.matches(certificate: certificate, issuer: issuer) }
    }
}
