import Multiprecision

/// Rigorous enclosures of e^d for d <= 0, the only exponentials the softmax family needs
/// (every logit is shifted by the row's maximum first).
enum Exp {
    /// An enclosure of e^d for an enclosure d with d.upper <= 0, at `bits` significant bits.
    ///
    /// e^0 is exactly 1; for any other rational d, e^d is irrational, so the lower end is open.
    static func ofNonPositive(_ d: DyadicInterval, bits: Int, tailBits: Int) -> DyadicInterval {
        precondition(d.upper.signum <= 0, "Exp.ofNonPositive needs d <= 0")
        if d.isExact && d.lower.isZero { return DyadicInterval(exactly: .one) }
        let low = point(d.lower, bits: bits, tailBits: tailBits)
        let upperIsExactOne = d.upper.isZero && !d.upperIsOpen
        let high = d.lower == d.upper ? low : (upperIsExactOne ? nil : point(d.upper, bits: bits, tailBits: tailBits))
        return DyadicInterval(
            lower: low.lower, upper: high?.upper ?? .one,
            lowerIsOpen: true, upperIsOpen: !upperIsExactOne)
    }

    /// The far-tail threshold for binary results: 2^-1200 is below half of every format's least
    /// subnormal, so bounding e^v by it decides every rounding.
    static let binaryTailBits = 1200

    /// An enclosure of e^v for one dyadic v < 0.
    ///
    /// Far tail: for v < -T, 0 < e^v < e^-T < 2^-T with T = max(tailBits, 2·bits); never run a
    /// series for v = -1e308. Decimal output asks for a larger T so that tiny values get digits.
    static func point(_ v: Dyadic, bits: Int, tailBits: Int) -> DyadicInterval {
        let tail = max(tailBits, 2 * bits)
        if v < Dyadic(-tail) {
            return DyadicInterval(lower: .zero, upper: .powerOfTwo(-tail), lowerIsOpen: true, upperIsOpen: true)
        }
        if let fast = FixedExp.enclosure(of: v, bits: bits) { return fast }
        // Range reduction: v = -k·ln2 + r with r in [0, 3/4), so e^v = 2^-k · e^r.
        let fixedBits = bits + 16
        let threeQuarters = BigInt(3).shiftedLeft(by: fixedBits - 2)
        var k = estimatedLn2Multiple(of: v)
        var r: (lower: BigInt, upper: BigInt)
        while true {
            r = reduced(v, k: k, fixedBits: fixedBits)
            if r.lower.isNegative { k += 1 } else if r.upper >= threeQuarters { k -= 1 } else { break }
        }
        let series = taylorExp(r.lower, spread: r.upper - r.lower, fixedBits: fixedBits)
        let scale = -fixedBits - k
        let lo = Dyadic(mantissa: series.lower, exponent: scale).rounded(toBits: bits, .floor)
        let hi = Dyadic(mantissa: series.upper, exponent: scale).rounded(toBits: bits, .ceiling)
        return DyadicInterval(lower: lo.value, upper: hi.value, lowerIsOpen: true, upperIsOpen: true)
    }

    /// 0xB8AA3B295C17F0BB · 2^-63 <= 1/ln2 (1.4426950408889634...).
    private static let inverseLn2 = Dyadic(mantissa: BigInt(UInt64(0xB8AA_3B29_5C17_F0BB)), exponent: -63)

    /// floor(-v / ln2) from a 64-bit under-approximation of 1/ln2 (never too large, may be one small).
    private static func estimatedLn2Multiple(of v: Dyadic) -> Int {
        let scaled = (-v) * inverseLn2
        guard let k = (scaled.exponent >= 0 ? scaled.mantissa.shiftedLeft(by: scaled.exponent)
                       : scaled.mantissa.shiftedRight(by: -scaled.exponent, rounding: .floor)).exactInt
        else { preconditionFailure("far-tail check bounds the reduction multiple") }
        return max(0, k - 1)
    }

    /// [floor, ceil] of (v + k·ln2)·2^fixedBits using an enclosure of ln 2.
    private static func reduced(_ v: Dyadic, k: Int, fixedBits: Int) -> (lower: BigInt, upper: BigInt) {
        let ln2 = Ln2.enclosure(bits: fixedBits + BigInt(k).bitWidth + 4)
        let k = Dyadic(k)
        let lower = (v + k * ln2.lower).timesPowerOfTwo(fixedBits)
        let upper = (v + k * ln2.upper).timesPowerOfTwo(fixedBits)
        return (floorInteger(lower), ceilingInteger(upper))
    }

    /// Bounds of e^(R·2^-F)·2^F for integers R in [rLower, rLower + spread] with 0 <= R·2^-F < 3/4.
    ///
    /// Terms T_j = floor(floor(T_(j-1)·R / 2^F) / j) undershoot the exact terms t_j by
    /// e_j <= e_(j-1)/j + 1 + 1/j <= 5, so the truncated sum E satisfies
    /// E <= e^ρ·2^F <= E + 5J + tail, and the tail after T_J = 0 is at most 2·(0 + 5).
    /// Widening from R to R + spread multiplies by at most e^(spread·2^-F) <= 1 + 2·spread·2^-F,
    /// which adds at most 6·spread + 1 units since e^ρ < 3.
    static func taylorExp(_ rLower: BigInt, spread: BigInt, fixedBits: Int) -> (lower: BigInt, upper: BigInt) {
        var term = BigInt(1).shiftedLeft(by: fixedBits)
        var sum = term
        var j: UInt = 1
        while true {
            term.formProduct(with: rLower)
            term.formShiftRight(by: fixedBits, rounding: .floor)
            term.formQuotient(dividingBy: j, rounding: .floor)
            if term.isZero { break }
            sum.formSum(with: term)
            j += 1
        }
        var upper = sum + spread * 6
        upper.increase(by: 5 * j + 10 + 1)
        return (sum, upper)
    }
}

/// floor of a dyadic as an integer.
func floorInteger(_ d: Dyadic) -> BigInt {
    d.exponent >= 0 ? d.mantissa.shiftedLeft(by: d.exponent) : d.mantissa.shiftedRight(by: -d.exponent, rounding: .floor)
}

/// ceiling of a dyadic as an integer.
func ceilingInteger(_ d: Dyadic) -> BigInt {
    d.exponent >= 0 ? d.mantissa.shiftedLeft(by: d.exponent) : d.mantissa.shiftedRight(by: -d.exponent, rounding: .ceiling)
}
