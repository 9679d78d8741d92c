internal import CGMP

/// An arbitrary-precision signed integer with value semantics, backed by a GMP `mpz_t`.
///
/// Binary operators return fresh values; the `formX` mutating methods reuse the storage when it is
/// uniquely referenced, so series loops run without allocating.
public struct BigInt: Sendable {
    var storage: MPZStorage

    init(storage: MPZStorage) { self.storage = storage }

    /// Zero.
    public init() { storage = MPZStorage() }

    /// The integer `value`.
    public init(_ value: Int) {
        storage = MPZStorage()
        cgmp_set_si(storage.raw, value)
    }

    /// The integer `value`.
    public init(_ value: UInt64) {
        storage = MPZStorage()
        cgmp_set_ui(storage.raw, UInt(value))
    }

    /// The integer `value`.
    public init(_ value: UInt128) {
        storage = MPZStorage()
        cgmp_set_ui(storage.raw, UInt(truncatingIfNeeded: value >> 64))
        cgmp_mul_2exp(storage.raw, storage.raw, 64)
        cgmp_add_ui(storage.raw, storage.raw, UInt(truncatingIfNeeded: value))
    }

    /// The low 128 bits of the two's-complement representation (the value modulo 2^128).
    public var truncatedUInt128: UInt128 {
        let m = magnitude
        let low = UInt128(m.lowWordOfMagnitude)
        let high = UInt128(m.shiftedRight(by: 64, rounding: .floor).lowWordOfMagnitude)
        let modulus = (high << 64) | low
        return isNegative ? 0 &- modulus : modulus
    }

    /// Parses an optionally signed run of decimal digits; nil if `text` is anything else.
    public init?(_ text: String, radix: Int = 10) {
        var body = Substring(text)
        if body.first == "+" { body = body.dropFirst() }
        let digits = body.first == "-" ? body.dropFirst() : body
        guard (2...36).contains(radix), !digits.isEmpty, digits.utf8.allSatisfy({ BigInt.digitValue($0) < radix })
        else { return nil }
        storage = MPZStorage()
        let status = String(body).withCString { cgmp_set_str(storage.raw, $0, Int32(radix)) }
        guard status == 0 else { return nil }
    }

    /// The value of an ASCII digit or letter in radix 36, or 99 for anything else.
    private static func digitValue(_ c: UInt8) -> Int {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): Int(c - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): Int(c - UInt8(ascii: "A")) + 10
        default: 99
        }
    }

    /// Runs `body` with a fresh result storage and wraps it.
    @inline(__always)
    static func make(_ body: (UnsafeMutablePointer<__mpz_struct>) -> Void) -> BigInt {
        let result = MPZStorage()
        body(result.raw)
        return BigInt(storage: result)
    }

    /// Makes the storage unique before an in-place mutation (copy-on-write).
    @inline(__always)
    mutating func uniqueRaw() -> UnsafeMutablePointer<__mpz_struct> {
        if !isKnownUniquelyReferenced(&storage) {
            storage = MPZStorage(copying: storage)
        }
        return storage.raw
    }

    var raw: UnsafeMutablePointer<__mpz_struct> { storage.raw }
}

extension BigInt {
    /// -1, 0 or 1.
    public var signum: Int { Int(cgmp_sgn(raw)) }
    public var isZero: Bool { cgmp_sgn(raw) == 0 }
    public var isNegative: Bool { cgmp_sgn(raw) < 0 }

    /// The number of bits of |self| (0 for zero).
    public var bitWidth: Int { isZero ? 0 : Int(cgmp_sizeinbase(raw, 2)) }

    /// The number of trailing zero bits of |self| (0 for zero).
    public var trailingZeroBitCount: Int { isZero ? 0 : Int(cgmp_scan1(raw, 0)) }

    /// Whether bit `index` of the two's-complement representation is set.
    public func bit(_ index: Int) -> Bool { cgmp_tstbit(raw, UInt(index)) != 0 }

    /// Whether `self` is a multiple of 2^`bits`.
    public func isMultiple(ofPowerOfTwo bits: Int) -> Bool { cgmp_divisible_2exp(raw, UInt(bits)) != 0 }

    /// The value as an `Int`, or nil when it does not fit.
    public var exactInt: Int? { cgmp_fits_slong(raw) != 0 ? Int(cgmp_get_si(raw)) : nil }

    /// The low 64 bits of |self|.
    public var lowWordOfMagnitude: UInt64 { UInt64(cgmp_get_ui(raw)) }
}

extension BigInt: Equatable, Comparable, Hashable {
    public static func == (a: BigInt, b: BigInt) -> Bool { cgmp_cmp(a.raw, b.raw) == 0 }
    public static func < (a: BigInt, b: BigInt) -> Bool { cgmp_cmp(a.raw, b.raw) < 0 }
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }

    /// Compares with a machine integer: -1, 0 or 1.
    public func compare(to value: Int) -> Int { Int(cgmp_cmp_si(raw, value).signum()) }
}

extension BigInt: CustomStringConvertible, ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }

    /// The decimal digits, with a leading `-` when negative.
    public var description: String { toString(radix: 10) }

    /// The digits in `radix` (2...36), lowercase, with a leading `-` when negative.
    public func toString(radix: Int) -> String {
        // sizeinbase may overestimate by one; +2 leaves room for the sign and the terminator,
        // so GMP writes into our buffer and never hands us memory to free.
        let capacity = Int(cgmp_sizeinbase(raw, Int32(radix))) + 2
        return String(unsafeUninitializedCapacity: capacity) { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                _ = cgmp_get_str(chars.baseAddress, Int32(radix), raw)
                return strlen(chars.baseAddress!)
            }
        }
    }
}

private func strlen(_ s: UnsafePointer<CChar>) -> Int {
    var n = 0
    while s[n] != 0 { n += 1 }
    return n
}
