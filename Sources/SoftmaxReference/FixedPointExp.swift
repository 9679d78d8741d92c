import Multiprecision

/// e^v for moderate v < 0 in 128-bit fixed point: the first Ziv step's fast path, with no
/// allocation in the series. Falls back (returns nil) when more than 104 bits are asked for.
///
/// Same algorithm and bounds as ``Exp/taylorExp(_:spread:fixedBits:)`` with F = 124 fractional
/// bits: v = -k·ln2 + r, r in [0, 3/4), e^r < 2.2 < 4 leaves two bits of headroom in 128.
enum FixedPointExp {
    static let fractionBits = 124
    /// The most working bits this path can deliver with its 124-bit series and its error slack.
    static let maximumBits = 104

    /// floor and ceiling of ln2·2^124.
    private static let ln2: (lower: UInt128, upper: UInt128) = {
        let e = Ln2.enclosure(bits: fractionBits)
        return (e.lower.mantissa.truncatedUInt128, e.upper.mantissa.truncatedUInt128)
    }()

    /// An enclosure of e^v at `bits` bits, or nil when `bits` exceeds ``maximumBits``.
    static func point(_ v: Dyadic, estimatedMultiple k0: Int, bits: Int) -> DyadicInterval? {
        guard bits <= maximumBits else { return nil }
        let f = fractionBits
        // v·2^F as floor and ceiling, modulo 2^128: r·2^F = v·2^F + k·ln2·2^F is small and
        // non-negative, so wrapping arithmetic gives it exactly.
        let shift = v.exponent + f
        let vLow: UInt128, vHigh: UInt128
        if shift >= 0 {
            vLow = v.mantissa.shiftedLeft(by: shift).truncatedUInt128
            vHigh = vLow
        } else {
            vLow = v.mantissa.shiftedRight(by: -shift, rounding: .floor).truncatedUInt128
            vHigh = v.mantissa.shiftedRight(by: -shift, rounding: .ceiling).truncatedUInt128
        }
        let threeQuarters = UInt128(3) << (f - 2)
        var k = k0
        var rLow: UInt128 = 0, rHigh: UInt128 = 0
        while true {
            let multiple = UInt128(truncatingIfNeeded: k)
            rLow = vLow &+ multiple &* ln2.lower
            rHigh = vHigh &+ multiple &* ln2.upper
            if Int128(bitPattern: rLow) < 0 { k += 1 } else if rHigh >= threeQuarters { k -= 1 } else { break }
        }
        var term = UInt128(1) << f
        var sum = term
        var j: UInt128 = 1
        while true {
            let product = term.multipliedFullWidth(by: rLow)
            term = (product.high << (128 - f)) | (product.low >> f)
            term /= j
            if term == 0 { break }
            sum += term
            j += 1
        }
        // Truncation slack 5 per term plus the tail (10), widening by the spread (6·spread + 1).
        let upper = sum + 6 * (rHigh - rLow) + 5 * j + 11
        let lo = Dyadic(mantissa: BigInt(sum), exponent: -f - k).rounded(toBits: bits, .floor)
        let hi = Dyadic(mantissa: BigInt(upper), exponent: -f - k).rounded(toBits: bits, .ceiling)
        return DyadicInterval(lower: lo.value, upper: hi.value, lowerIsOpen: true, upperIsOpen: true)
    }
}
