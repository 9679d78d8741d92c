/// A dyadic result rounded to a working precision, and whether the rounding changed nothing.
public struct RoundedDyadic: Sendable {
    public let value: Dyadic
    public let isExact: Bool
}

extension Dyadic {
    /// self rounded to at most `bits` significant bits, toward -inf (`.floor`) or +inf (`.ceiling`).
    public func rounded(toBits bits: Int, _ rounding: IntegerRounding) -> RoundedDyadic {
        let excess = mantissa.bitWidth - bits
        guard excess > 0 else { return RoundedDyadic(value: self, isExact: true) }
        let exact = mantissa.isMultiple(ofPowerOfTwo: excess)
        let m = mantissa.shiftedRight(by: excess, rounding: rounding)
        return RoundedDyadic(value: Dyadic(mantissa: m, exponent: exponent + excess), isExact: exact)
    }

    /// a + b rounded to `bits` significant bits.
    ///
    /// When one operand lies entirely below the result's rounding position it is replaced by a
    /// single "sticky" bit of the same sign, which leaves every directed rounding unchanged and keeps
    /// the cost independent of the exponent gap (1e308 + 1e-308, or e^-1e300, stay cheap).
    public static func sum(_ a: Dyadic, _ b: Dyadic, bits: Int, _ rounding: IntegerRounding) -> RoundedDyadic {
        if a.isZero { return b.rounded(toBits: bits, rounding) }
        if b.isZero { return a.rounded(toBits: bits, rounding) }
        let (big, small) = a.floorLog2 >= b.floorLog2 ? (a, b) : (b, a)
        // Every grid point of the result (also one binade lower) is a multiple of 2^(stickyExponent+1).
        let stickyExponent = min(big.lowestBitExponent, big.floorLog2 - bits) - 1
        if small.floorLog2 < stickyExponent {
            let sticky = Dyadic(mantissa: BigInt(small.signum), exponent: stickyExponent)
            let r = (big + sticky).rounded(toBits: bits, rounding)
            return RoundedDyadic(value: r.value, isExact: false)
        }
        return (big + small).rounded(toBits: bits, rounding)
    }

    /// a · b rounded to `bits` significant bits.
    public static func product(_ a: Dyadic, _ b: Dyadic, bits: Int, _ rounding: IntegerRounding) -> RoundedDyadic {
        (a * b).rounded(toBits: bits, rounding)
    }

    /// a / b rounded to `bits` significant bits; b must not be zero.
    public static func quotient(_ a: Dyadic, _ b: Dyadic, bits: Int, _ rounding: IntegerRounding) -> RoundedDyadic {
        precondition(!b.isZero, "division by zero")
        if a.isZero { return RoundedDyadic(value: .zero, isExact: true) }
        // Scale the numerator so the integer quotient has at least `bits + 1` bits.
        let shift = max(0, bits + 1 + b.mantissa.bitWidth - a.mantissa.bitWidth)
        let n = a.mantissa.shiftedLeft(by: shift)
        let (q, r) = n.quotientAndRemainder(dividingBy: b.mantissa)
        // q is the floor quotient; the ceiling adds one when the remainder is non-zero.
        let exact = r.isZero
        let quotient = (rounding == .ceiling && !exact) ? q + 1 : q
        let value = Dyadic(mantissa: quotient, exponent: a.exponent - b.exponent - shift)
        let rounded = value.rounded(toBits: bits, rounding)
        return RoundedDyadic(value: rounded.value, isExact: exact && rounded.isExact)
    }
}
