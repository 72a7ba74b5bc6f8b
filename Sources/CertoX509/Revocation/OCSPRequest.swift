// The OCSP request Certo sends (RFC 6960 §4.1.1): one Request per CertID, unsigned, with no requestor
// name, and the nonce extension (§4.4.1) when the caller gives one to bind the response to the request.
// Encoding only: Certo never has to read a request.
//
//   OCSPRequest ::= SEQUENCE { tbsRequest TBSRequest, optionalSignature [0] EXPLICIT Signature OPTIONAL }
//   TBSRequest ::= SEQUENCE { version [0] EXPLICIT Version DEFAULT v1, requestorName [1] EXPLICIT GeneralName OPTIONAL,
//     requestList SEQUENCE OF Request, requestExtensions [2] EXPLICIT Extensions OPTIONAL }
//   Request ::= SEQUENCE { reqCert CertID, singleRequestExtensions [0] EXPLICIT Extensions OPTIONAL }
import CertoDER

public enum OCSPRequest {
    /// The DER of a request for the status of each of `ids`, carrying `nonce` (Nonce ::= OCTET STRING,
    /// inside the extension's extnValue, non-critical) when given.
    public static func encode(_ ids: [OCSPCertID], nonce: [UInt8]? = nil) -> [UInt8] {
        var writer = DERWriter()
        writer.appendConstructed { (request: inout DERWriter) in
            request.appendConstructed { (tbs: inout DERWriter) in
                tbs.appendConstructed { (list: inout DERWriter) in
                    for id in ids {
                        list.appendConstructed { (single: inout DERWriter) in id.encode(into: &single) }
                    }
                }
                guard let nonce else { return }
                tbs.appendConstructed(tag: 0xa2) { (tagged: inout DERWriter) in
                    tagged.appendConstructed { (extensions: inout DERWriter) in
                        extensions.appendConstructed { (ext: inout DERWriter) in
                            ext.appendObjectIdentifier(content: OID.ocspNonce)
                            var value = DERWriter()
                            value.appendOctetString(nonce)
                            ext.appendOctetString(value.bytes)
                        }
                    }
                }
            }
        }
        return writer.bytes
    }
}
