// The heap box behind `BigInt`: one allocation holding a GMP `mpz` header (tail-allocated, so its
// address is stable), cleared in `deinit`. It is mutated only while uniquely referenced (copy-on-write
// in `BigInt`), which is what makes sharing it between tasks safe.
import CertoGMP

final class BigIntStorage: ManagedBuffer<Void, __mpz_struct> {
    /// A fresh storage holding zero. `mpz_init` does not allocate limbs until a value needs them.
    static func make() -> BigIntStorage {
        let buffer = BigIntStorage.create(minimumCapacity: 1) { _ in () }
        let storage = unsafeDowncast(buffer, to: BigIntStorage.self)
        storage.withUnsafeMutablePointerToElements { __gmpz_init($0) }
        return storage
    }

    /// A fresh storage with room for `bits` bits, holding zero.
    static func make(bits: Int) -> BigIntStorage {
        let buffer = BigIntStorage.create(minimumCapacity: 1) { _ in () }
        let storage = unsafeDowncast(buffer, to: BigIntStorage.self)
        storage.withUnsafeMutablePointerToElements { __gmpz_init2($0, mp_bitcnt_t(max(bits, 64))) }
        return storage
    }

    deinit {
        withUnsafeMutablePointerToElements { __gmpz_clear($0) }
    }

    @inline(__always)
    var pointer: UnsafeMutablePointer<__mpz_struct> {
        withUnsafeMutablePointerToElements { $0 }
    }
}
