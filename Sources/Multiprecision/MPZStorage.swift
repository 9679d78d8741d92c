internal import CGMP

/// The single owner of one GMP integer: allocated and initialised in `init`, cleared in `deinit`.
///
/// The struct lives at a stable heap address for the object's lifetime, so `raw` may be handed to
/// GMP for the duration of any call. `BigInt` never mutates a storage that another value shares
/// (copy-on-write), which is what makes the `@unchecked Sendable` true.
final class MPZStorage: @unchecked Sendable {
    let raw: UnsafeMutablePointer<__mpz_struct>

    init() {
        raw = .allocate(capacity: 1)
        cgmp_init(raw)
    }

    /// A fresh storage holding a copy of `other`'s value.
    convenience init(copying other: MPZStorage) {
        self.init()
        cgmp_set(raw, other.raw)
    }

    deinit {
        cgmp_clear(raw)
        raw.deallocate()
    }
}
