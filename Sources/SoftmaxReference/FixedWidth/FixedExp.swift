import Multiprecision

/// e^-d for 0 <= d < 2^12 in 128-bit fixed point, allocation-free: the exponential of the
/// reference's fixed-width fast path.
///
/// d is given as integers D at scale 2^-114 (d in [D_lo, D_hi]·2^-114). The reduction
/// d = k·ln2 - r leaves r in [0, 3/4), so e^-d = 2^-k·e^r, and e^r = e^(j/64)·e^(i/4096)·e^ρ with
/// two tables and a degree-8 Taylor polynomial for ρ < 2^-12. Every step truncates, so the result
/// is a lower bound; ``relativeSlack`` bounds how far below the true value it can be.
enum FixedExp {
    /// Fractional bits of d and r.
    static let argumentBits = 114
    /// Fractional bits of the tables, the polynomial and the result's mantissa.
    static let valueBits = 125
    /// d >= 2^12 is the far tail: e^-d < 2^-5909 is below every format's least subnormal.
    static let tailThreshold = UInt128(1) << UInt128(12 + argumentBits)

    /// e^-d >= result >= e^-d·(1 - 2^-99): the mantissa (at scale 2^-125) of e^r, and k.
    ///
    /// Slack: on values >= 1 at scale 2^-125, each table entry loses under 2 units, the series
    /// (coefficients, truncated products, remainder below 2^-126) under 3, and the two products 1
    /// each, so e^r_lo·(1 - 2^-121) <= result <= e^r_lo. Widening from r_lo to
    /// the upper end of r, r_hi - r_lo <= k·(ln2_hi - ln2_lo) + (D_hi - D_lo) < 2^13 units, costs
    /// a factor e^(2^-101) < 1 + 2^-100. Together under 2^-99.
    struct Power {
        /// e^r_lo·2^125, truncated: in [2^124, 2^126.1).
        let mantissa: UInt128
        /// e^-d = mantissa·2^(-125-k).
        let k: Int
    }

    /// See ``Power``; `d` must satisfy 0 <= lower <= upper < 2^126 and upper - lower <= 2^11.
    static func power(_ d: (lower: UInt128, upper: UInt128)) -> Power {
        assert(d.lower <= d.upper && d.upper - d.lower <= 1 << 11 && d.lower < tailThreshold, "FixedExp.power: bad argument")
        if d.upper == 0 { return Power(mantissa: 1 << UInt128(valueBits), k: 0) }
        let t = tables
        // k ≈ d/ln2 from the top 64 bits (scale 2^-50) and a 64-bit 1/ln2, then corrected.
        let top = UInt128(UInt64(truncatingIfNeeded: d.upper >> 64))
        var k = Int(truncatingIfNeeded: (top * inverseLn2) >> UInt128(113)) + 1
        var rLow: UInt128 = 0
        let limit = UInt128(3) << UInt128(argumentBits - 2)
        while true {
            let multiple = UInt128(k)
            rLow = multiple &* t.ln2Lower &- d.upper
            let rHigh = multiple &* t.ln2Upper &- d.lower
            if Int128(bitPattern: rLow) < 0 { k += 1 } else if rHigh >= limit { k -= 1 } else { break }
        }
        let j = Int(rLow >> UInt128(argumentBits - 6))
        let i = Int((rLow >> UInt128(argumentBits - 12)) & 63)
        let rho = rLow & ((1 << UInt128(argumentBits - 12)) - 1)
        var series = t.coefficients[8]
        for m in stride(from: 7, through: 0, by: -1) {
            series = t.coefficients[m] + multiplyHigh(series, rho, shift: argumentBits)
        }
        let product = multiplyHigh(multiplyHigh(t.coarse[j], t.fine[i], shift: valueBits), series, shift: valueBits)
        return Power(mantissa: product, k: k)
    }

    /// An enclosure of e^v for a dyadic -2^12 < v < 0, at `bits` <= ``maximumBits`` significant
    /// bits: the first Ziv step of the general path. nil outside that range.
    static func enclosure(of v: Dyadic, bits: Int) -> DyadicInterval? {
        guard bits <= maximumBits, v.signum < 0, v.exponent + v.mantissa.bitWidth <= 12 else { return nil }
        // d = -v at scale 2^-114, as floor and ceiling.
        let shift = v.exponent + argumentBits
        let magnitude = v.mantissa.magnitude
        let d: (lower: UInt128, upper: UInt128) = shift >= 0
            ? (magnitude.shiftedLeft(by: shift).truncatedUInt128, magnitude.shiftedLeft(by: shift).truncatedUInt128)
            : (magnitude.shiftedRight(by: -shift, rounding: .floor).truncatedUInt128,
               magnitude.shiftedRight(by: -shift, rounding: .ceiling).truncatedUInt128)
        let p = power(d)
        let widened = p.mantissa + (p.mantissa >> UInt128(-relativeSlackExponent)) + 1
        let lo = Dyadic(mantissa: BigInt(p.mantissa), exponent: -valueBits - p.k).rounded(toBits: bits, .floor)
        let hi = Dyadic(mantissa: BigInt(widened), exponent: -valueBits - p.k).rounded(toBits: bits, .ceiling)
        return DyadicInterval(lower: lo.value, upper: hi.value, lowerIsOpen: true, upperIsOpen: true)
    }

    /// The most significant bits ``enclosure(of:bits:)`` serves: its width is 2^-99 relative.
    static let maximumBits = 90

    /// The bound on 1 - result/e^-d of ``power(_:)``, as a power of two.
    static let relativeSlackExponent = -99

    /// floor(a·b / 2^shift) for a 256-bit product whose result fits in 128 bits.
    @inline(__always)
    static func multiplyHigh(_ a: UInt128, _ b: UInt128, shift: Int) -> UInt128 {
        let p = a.multipliedFullWidth(by: b)
        return (p.high << UInt128(128 - shift)) | (p.low >> UInt128(shift))
    }

    /// 0xB8AA3B295C17F0BB·2^-63 <= 1/ln2: never overestimates k.
    private static let inverseLn2: UInt128 = 0xB8AA_3B29_5C17_F0BB

    /// The constants, computed once from the GMP series: ln2 at scale 2^-114, e^(j/64) and
    /// e^(i/4096) rounded down at scale 2^-125, and floor(2^125 / m!).
    struct Tables: Sendable {
        let ln2Lower: UInt128
        let ln2Upper: UInt128
        let coarse: [UInt128]
        let fine: [UInt128]
        let coefficients: [UInt128]
    }

    static let tables: Tables = {
        let ln2 = Ln2.enclosure(bits: argumentBits + 10)
        let lower = ln2.lower.mantissa.shiftedRight(by: 10, rounding: .floor).truncatedUInt128
        let upper = ln2.upper.mantissa.shiftedRight(by: 10, rounding: .ceiling).truncatedUInt128
        // The slack of power(_:) assumes one unit between the bounds: ln2·2^114 is not within
        // 2^-10 of an integer.
        precondition(upper - lower == 1, "ln 2 enclosure too wide for FixedExp")
        let seriesBits = valueBits + 15
        func exp(_ numerator: Int, log2Denominator: Int) -> UInt128 {
            let r = BigInt(numerator).shiftedLeft(by: seriesBits - log2Denominator)
            return Exp.taylorExp(r, spread: 0, fixedBits: seriesBits).lower.shiftedRight(by: 15, rounding: .floor).truncatedUInt128
        }
        var factorial: UInt128 = 1
        let coefficients = (0...8).map { m -> UInt128 in
            if m > 0 { factorial *= UInt128(m) }
            return (UInt128(1) << UInt128(valueBits)) / factorial
        }
        return Tables(ln2Lower: lower, ln2Upper: upper,
                      coarse: (0..<48).map { exp($0, log2Denominator: 6) },
                      fine: (0..<64).map { exp($0, log2Denominator: 12) },
                      coefficients: coefficients)
    }()
}
