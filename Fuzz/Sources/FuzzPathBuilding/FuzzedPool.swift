// How the path-building target reads its input: a policy byte, a host byte, then up to 32 records,
// each a role byte and a certificate. Role bits 0-1: 0 leaf, 2 trust anchor, 1 or 3 intermediate.
// Role bit 2 set: the certificate is the real one at index `next byte` of TestVectors/chains
// (ChainVectors); clear: a 16-bit length and DER follow. Real certificates give the search real
// signatures and names to follow; fuzzed ones mutate them.
import Certo
import FuzzSupport

struct FuzzedPool {
    var policy: Policy
    var leaf: [UInt8]?
    var intermediates: [[UInt8]] = []
    var anchors: [[UInt8]] = []
    /// Render the result and diagnose a failure, as `certo verify --explain` and `--json` do.
    var explains: Bool

    static let maximumRecords = 32
    /// The names the chain vectors are issued for (their `expected` files), and two that match none.
    static let hosts = [
        "a1b2c3d4e5f6g7-ats.iot.us-east-1.certo.test", "a.b.iot.us-east-1.certo.test", "192.0.2.7",
        "www.p256.certo.test", "www.p384.certo.test", "www.rsa4096.certo.test", "mixed.certo.test",
        "www.allowed.certo.test", "www.elsewhere.certo.test", "client.certo.test", "pathlen.certo.test",
        "critical.certo.test", "notca.certo.test", "expired.certo.test", "2001:db8::1", "no-such-name.test",
    ]
    /// Every chain vector is valid at this instant (README's example uses it too).
    static let validationTime = Instant(parsing: "2026-06-01T00:00:00Z")!

    init(_ input: inout FuzzInput) {
        let flags = input.byte()
        let hostIndex = Int(input.byte()) % Self.hosts.count
        let purposes: [Purpose] = [.server, .client, .any, .server]
        policy = Policy(
            profile: flags & 1 == 0 ? .webPKI : .rfc5280, purpose: purposes[Int(flags >> 1) & 3],
            host: flags & 8 != 0 ? Self.hosts[hostIndex] : nil, validationTime: Self.validationTime,
            allowSHA1: flags & 0x20 != 0, allowWeakRSA: flags & 0x40 != 0, partialChain: flags & 0x10 != 0)
        explains = flags & 0x80 != 0
        var records = 0
        while !input.isAtEnd && records < Self.maximumRecords {
            let role = input.byte()
            let der: [UInt8]
            if role & 4 != 0 {
                let fixed = ChainVectors.certificates
                der = fixed[Int(input.byte()) % fixed.count]
            } else {
                der = input.chunk()
            }
            switch role & 3 {
            case 0 where leaf == nil: leaf = der
            case 2: anchors.append(der)
            default: intermediates.append(der)
            }
            records += 1
        }
    }
}
