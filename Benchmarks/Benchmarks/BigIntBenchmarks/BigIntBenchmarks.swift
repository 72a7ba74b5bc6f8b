// s^65537 mod n for 2048- and 4096-bit n: Certo's BigInt.modPow (a wrapper over mpz_powm), Certo's
// MontgomeryModulus (what RSA verification uses), attaswift/BigInt, and mpz_powm called directly,
// in the same process on the same inputs. "certo modpow-N" / "gmp modpow-N" is the 1.1x wrapper bar.
import Benchmark
import BigInt
import Foundation
import CertoBigInt
import CertoGMPPeer

/// Deterministic inputs: an odd n with its top bit set and a base below it.
private func inputs(bits: Int) -> (n: [UInt8], s: [UInt8]) {
    var state: UInt64 = 0x5eed_0000 &+ UInt64(bits)
    func next() -> UInt8 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return UInt8(truncatingIfNeeded: z ^ (z >> 31))
    }
    var n = (0..<(bits / 8)).map { _ in next() }
    n[0] |= 0x80
    n[n.count - 1] |= 1
    var s = (0..<(bits / 8)).map { _ in next() }
    s[0] &= 0x7f
    return (n, s)
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.throughput, .wallClock], maxDuration: .seconds(2))
    for bits in [2048, 4096] {
        let (nBytes, sBytes) = inputs(bits: bits)

        let n = CertoBigInt.BigInt(bytes: nBytes)
        let s = CertoBigInt.BigInt(bytes: sBytes)
        let e = CertoBigInt.BigInt(65537)
        Benchmark("certo modpow-\(bits)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try? s.modPow(e, modulus: n)) }
        }

        let montgomery = try! MontgomeryModulus(n)
        Benchmark("certo montgomery-modpow-\(bits)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(montgomery.powerVarTime(bigEndianBase: sBytes, exponent: e)) }
        }

        let bigN = BigUInt(nBytes.withUnsafeBytes { Data($0) })
        let bigS = BigUInt(sBytes.withUnsafeBytes { Data($0) })
        let bigE = BigUInt(65537)
        Benchmark("attaswift modpow-\(bits)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(bigS.power(bigE, modulus: bigN)) }
        }

        // mpz_powm directly: operands made once, one result reused, exactly GMP's cost.
        Benchmark("gmp modpow-\(bits)") { benchmark in
            var gn = __mpz_struct(), gs = __mpz_struct(), ge = __mpz_struct(), result = __mpz_struct()
            __gmpz_init(&gn); __gmpz_init(&gs); __gmpz_init(&ge); __gmpz_init(&result)
            nBytes.withUnsafeBytes { __gmpz_import(&gn, nBytes.count, 1, 1, 1, 0, $0.baseAddress) }
            sBytes.withUnsafeBytes { __gmpz_import(&gs, sBytes.count, 1, 1, 1, 0, $0.baseAddress) }
            __gmpz_set_ui(&ge, 65537)
            for _ in benchmark.scaledIterations {
                __gmpz_powm(&result, &gs, &ge, &gn)
                blackHole(result._mp_size)
            }
            __gmpz_clear(&gn); __gmpz_clear(&gs); __gmpz_clear(&ge); __gmpz_clear(&result)
        }
    }
}
