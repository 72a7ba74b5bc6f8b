// The servers a device must refuse, each with the reason Certo must give (VerificationFailureReason's
// stable case name), shared by the Mosquitto and s_server tests.
import CertoNIOSSL

enum BrokenServer: String, CaseIterable, Sendable, CustomStringConvertible {
    /// A valid chain for *.iot.eu-west-1.certo.test, while the device dials us-east-1.
    case wrongHost
    /// The right name, under a root the device does not trust (the root is sent too).
    case untrustedRoot
    /// The right name and chain, but the leaf expired on 2026-01-01.
    case expired

    var description: String { rawValue }

    func identity(in pki: TestPKI) -> ServedIdentity {
        switch self {
        case .wrongHost: return pki.wrongHost
        case .untrustedRoot: return pki.untrustedRoot
        case .expired: return pki.expired
        }
    }

    var expectedReason: String {
        switch self {
        case .wrongHost: return "hostnameMismatch"
        case .untrustedRoot: return "untrustedRoot"
        case .expired: return "expired"
        }
    }
}

/// The client every test uses: the broker's AWS-shaped name, the one trusted root, the fixed time.
func deviceClient(_ pki: TestPKI, host: String = TestPKI.brokerHost) throws -> CertoTLSClient {
    try CertoTLSClient(host: host, trustStore: pki.trustStore(), policy: Policy(validationTime: TestPKI.validationTime))
}
