// A parsed public key bound to one sigverify algorithm: verifies a signature over a message or digest.
import Certo
import CertoHash

/// A parsed key bound to one algorithm.
public struct SignatureVerifier {
    public let algorithm: SignatureRequestAlgorithm
    public let rsa: RSAPublicKey?
    public let ecdsa: ECDSAPublicKey?

    public func verify(signature: [UInt8], message: [UInt8]) -> Bool {
        verify(signature: signature, digest: algorithm.hash.hash(message))
    }

    /// The signature over a message whose `algorithm.hash` digest is `digest`.
    public func verify(signature: [UInt8], digest: [UInt8]) -> Bool {
        let hash = algorithm.hash
        switch algorithm.kind {
        case .rsaPKCS1:
            return rsa?.isValidPKCS1v15Signature(signature, digest: digest, hash: hash) ?? false
        case .rsaPSS(let saltLength, let mgf1):
            return rsa?.isValidPSSSignature(signature, digest: digest, hash: hash, mgf1: mgf1, saltLength: saltLength) ?? false
        case .ecdsa(_, let raw):
            guard let key = ecdsa else { return false }
            return raw ? key.isValidSignature(rawSignature: signature, digest: digest)
                       : key.isValidSignature(derSignature: signature, digest: digest)
        }
    }
}
