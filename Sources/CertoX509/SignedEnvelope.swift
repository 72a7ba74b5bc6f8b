// The envelope RFC 5280 signs both certificates and CRLs in (§4.1.1, §5.1.1): a SEQUENCE of the
// to-be-signed data, the signature algorithm and the signature as a BIT STRING with no unused bits,
// covering the whole input, with the caller's field names. CRLs read it here; Certificate.init reads
// the same envelope inline, because through this function a certificate's parse cost 527 to 1,040
// more instructions (callgrind, certo bench parse-leaf: 39,575 and 40,088 against 39,048), and the
// certificate parse is the hot path.
import CertoDER

enum SignedEnvelope {
    /// The to-be-signed SEQUENCE (tbsCertificate, tbsCertList), the outer signatureAlgorithm, the
    /// signature, and the scanner over the envelope to enter the first with.
    @inline(__always)
    static func read(_ bytes: ArraySlice<UInt8>, envelope: String, tbs tbsField: String) throws(CertificateError)
        -> (tbs: TLV, outerAlgorithm: TLV, signature: ArraySlice<UInt8>, scanner: DERScanner) {
        guard !bytes.isEmpty else { throw .malformedDER(offset: bytes.startIndex, problem: .empty) }
        var outer = DERScanner(bytes)
        var fields = try outer.enter(0x30, envelope)
        if !outer.isAtEnd { throw .malformedDER(offset: outer.position, problem: .trailingData) }
        let tbs = try fields.read(0x30, tbsField)
        let outerAlgorithm = try fields.read(0x30, "signatureAlgorithm")
        let signatureStart = fields.position
        let (signature, unusedBits) = try fields.bitString("signatureValue")
        guard unusedBits == 0 else { throw .invalidEncoding(field: "signatureValue", offset: signatureStart, problem: .bitString) }
        try fields.finish(envelope)
        return (tbs, outerAlgorithm, signature, fields)
    }
}
