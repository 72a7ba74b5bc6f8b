// The custom verification callback swift-nio-ssl calls once per handshake with the chain as the peer
// sent it: Certo's Verifier judges it (host and purpose are in the Verifier's policy), the verdict goes
// to the connection's CertoVerdictHandler, and BoringSSL is told `.certificateVerified` only when Certo
// returned a VerifiedChain. Every other path, an empty chain included, answers `.failed`. Runs on the
// event loop, synchronously: a verification is CPU work of well under a millisecond for the usual
// chain, and swift-nio-ssl's documentation allows cryptography in this callback.
import Certo
import NIOCore
import NIOSSL

struct PeerVerification: Sendable {
    /// Policy host and purpose already set by CertoTLSClient / CertoTLSServer.
    let verifier: Verifier

    /// The callback for one connection, reporting to that connection's verdict handler.
    func callback(reportingTo handler: CertoVerdictHandler) -> NIOSSLCustomVerificationCallbackWithMetadata {
        { presented, promise in
            let verdict = self.verdict(on: presented)
            handler.record(verdict)
            switch verdict {
            case .success(let chain):
                promise.succeed(.certificateVerified(VerificationMetadata(Self.validatedChain(chain, presented: presented))))
            case .failure:
                promise.succeed(.failed)
            }
        }
    }

    func verdict(on presented: [NIOSSLCertificate]) -> Result<VerifiedChain, CertoTLSError> {
        var encoded: [[UInt8]] = []
        encoded.reserveCapacity(presented.count)
        for certificate in presented {
            guard let der = try? certificate.toDERBytes() else { return .failure(.noPeerCertificate) }
            encoded.append(der)
        }
        guard !encoded.isEmpty else { return .failure(.noPeerCertificate) }
        return verifyPresentedChain(encoded, with: verifier).mapError { .refused($0) }
    }

    /// Certo's chain, leaf to anchor, as NIOSSLCertificates for `peerValidatedCertificateChain`: the
    /// peer's own objects where it sent the certificate, the anchor (and any certificate the peer did
    /// not send) decoded from Certo's DER. nil if BoringSSL cannot decode one of them: Certo's verdict
    /// stands, NIO is just not handed the chain.
    static func validatedChain(_ chain: VerifiedChain, presented: [NIOSSLCertificate]) -> ValidatedCertificateChain? {
        let presentedDER = presented.map { try? $0.toDERBytes() }
        var certificates: [NIOSSLCertificate] = []
        for certificate in chain.certificates {
            if let index = presentedDER.firstIndex(where: { $0 == certificate.derBytes }) {
                certificates.append(presented[index])
            } else if let decoded = try? NIOSSLCertificate(bytes: certificate.derBytes, format: .der) {
                certificates.append(decoded)
            } else {
                return nil
            }
        }
        return certificates.isEmpty ? nil : ValidatedCertificateChain(certificates)
    }
}

/// The one call into Certo's verification API: the chain as the peer sent it (leaf first, the rest a
/// pool), host and purpose from the Verifier's policy, which CertoTLSClient / CertoTLSServer set.
func verifyPresentedChain(_ encoded: [[UInt8]], with verifier: Verifier) -> Result<VerifiedChain, VerificationError> {
    Result { () throws(VerificationError) in try verifier.verify(presentedChain: encoded) }
}
