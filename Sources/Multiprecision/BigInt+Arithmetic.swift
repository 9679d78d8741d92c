internal import CGMP

/// How a division or right shift of integers rounds its quotient.
public enum IntegerRounding: Sendable {
    /// Toward negative infinity.
    case floor
    /// Toward positive infinity.
    case ceiling
}

extension BigInt {
    public static func + (a: BigInt, b: BigInt) -> BigInt { make { cgmp_add($0, a.raw, b.raw) } }
    public static func - (a: BigInt, b: BigInt) -> BigInt { make { cgmp_sub($0, a.raw, b.raw) } }
    public static func * (a: BigInt, b: BigInt) -> BigInt { make { cgmp_mul($0, a.raw, b.raw) } }
    public static func * (a: BigInt, b: Int) -> BigInt { make { cgmp_mul_si($0, a.raw, b) } }
    public static prefix func - (a: BigInt) -> BigInt { make { cgmp_neg($0, a.raw) } }

    /// |self|.
    public var magnitude: BigInt { BigInt.make { cgmp_abs($0, raw) } }

    /// self · 2^`bits` (exact).
    public func shiftedLeft(by bits: Int) -> BigInt {
        precondition(bits >= 0, "shift must be non-negative")
        return BigInt.make { cgmp_mul_2exp($0, raw, UInt(bits)) }
    }

    /// self / 2^`bits`, rounded as `rounding` says.
    public func shiftedRight(by bits: Int, rounding: IntegerRounding) -> BigInt {
        precondition(bits >= 0, "shift must be non-negative")
        return BigInt.make {
            switch rounding {
            case .floor: cgmp_fdiv_q_2exp($0, raw, UInt(bits))
            case .ceiling: cgmp_cdiv_q_2exp($0, raw, UInt(bits))
            }
        }
    }

    /// self / `divisor`, rounded as `rounding` says. The divisor must not be zero.
    public func divided(by divisor: BigInt, rounding: IntegerRounding) -> BigInt {
        precondition(!divisor.isZero, "division by zero")
        return BigInt.make {
            switch rounding {
            case .floor: cgmp_fdiv_q($0, raw, divisor.raw)
            case .ceiling: cgmp_cdiv_q($0, raw, divisor.raw)
            }
        }
    }

    /// The floor quotient and the (non-negative for positive divisors) remainder.
    public func quotientAndRemainder(dividingBy divisor: BigInt) -> (quotient: BigInt, remainder: BigInt) {
        precondition(!divisor.isZero, "division by zero")
        let q = MPZStorage(), r = MPZStorage()
        cgmp_fdiv_qr(q.raw, r.raw, raw, divisor.raw)
        return (BigInt(storage: q), BigInt(storage: r))
    }

    /// self / `divisor` where the division is known to be exact.
    public func dividedExactly(by divisor: BigInt) -> BigInt { BigInt.make { cgmp_divexact($0, raw, divisor.raw) } }

    /// The greatest common divisor (non-negative).
    public static func gcd(_ a: BigInt, _ b: BigInt) -> BigInt { make { cgmp_gcd($0, a.raw, b.raw) } }

    /// self^`exponent`.
    public func power(_ exponent: Int) -> BigInt {
        precondition(exponent >= 0, "exponent must be non-negative")
        return BigInt.make { cgmp_pow_ui($0, raw, UInt(exponent)) }
    }

    /// ⌊self^(1/n)⌋ for self >= 0 and n >= 1, and whether the root is exact.
    public func root(_ n: Int) -> (floor: BigInt, isExact: Bool) {
        precondition(n >= 1 && signum >= 0, "root needs n >= 1 and self >= 0")
        var exact: Int32 = 0
        let floor = BigInt.make { exact = cgmp_root($0, raw, UInt(n)) }
        return (floor, exact != 0)
    }

    /// The integer n-th root of self >= 0 when self is a perfect n-th power (n >= 1), else nil.
    public func exactRoot(_ n: Int) -> BigInt? {
        let r = root(n)
        return r.isExact ? r.floor : nil
    }

    /// `base`^`exponent` for machine integers.
    public static func power(_ base: UInt, _ exponent: Int) -> BigInt {
        precondition(exponent >= 0, "exponent must be non-negative")
        return make { cgmp_ui_pow_ui($0, base, UInt(exponent)) }
    }
}

// MARK: - In-place operations (no allocation when the storage is unique)

extension BigInt {
    /// self += other.
    public mutating func formSum(with other: BigInt) {
        let r = uniqueRaw()
        cgmp_add(r, r, other.raw)
    }

    /// self += value for a non-negative machine integer.
    public mutating func increase(by value: UInt) {
        let r = uniqueRaw()
        cgmp_add_ui(r, r, value)
    }

    /// self *= other.
    public mutating func formProduct(with other: BigInt) {
        let r = uniqueRaw()
        cgmp_mul(r, r, other.raw)
    }

    /// self = self / 2^bits, rounded.
    public mutating func formShiftRight(by bits: Int, rounding: IntegerRounding) {
        let r = uniqueRaw()
        switch rounding {
        case .floor: cgmp_fdiv_q_2exp(r, r, UInt(bits))
        case .ceiling: cgmp_cdiv_q_2exp(r, r, UInt(bits))
        }
    }

    /// self = self / divisor for a positive machine integer, rounded.
    public mutating func formQuotient(dividingBy divisor: UInt, rounding: IntegerRounding) {
        let r = uniqueRaw()
        switch rounding {
        case .floor: cgmp_fdiv_q_ui(r, r, divisor)
        case .ceiling: cgmp_cdiv_q_ui(r, r, divisor)
        }
    }
}
