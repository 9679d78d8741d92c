import Multiprecision

/// Rigorous enclosures of natural logarithms, by series with explicit remainder bounds.
enum Log {
    /// An enclosure of ln(1 + u) for an enclosure u >= 0, at `bits` significant bits.
    ///
    /// ln(1 + 0) = 0 exactly; for any other rational u > 0 the logarithm is irrational.
    /// Small u keeps its relative precision (log1p), which is what log-softmax of a dominant
    /// logit needs: log_softmax([123, 456, 789])[2] = -ln(1 + e^-333 + e^-666) ≈ -2.4e-145.
    static func onePlus(_ u: DyadicInterval, bits: Int) -> DyadicInterval {
        precondition(u.isNonNegative, "Log.onePlus needs u >= 0")
        if u.isExact && u.lower.isZero { return DyadicInterval(exactly: .zero) }
        let lower = u.lower.isZero ? Dyadic.zero : point(u.lower, bits: bits).lower
        let upper = point(u.upper, bits: bits).upper
        // The lower end is exact only for a closed u.lower = 0 with ln(1) = 0 attained.
        return DyadicInterval(lower: lower, upper: upper,
                              lowerIsOpen: !(u.lower.isZero && !u.lowerIsOpen), upperIsOpen: true)
    }

    /// An enclosure of ln x for a rational x > 0 that keeps its relative precision near x = 1:
    /// ln(1 + (x - 1)) or -ln(1 + (1/x - 1)) with the difference taken exactly; exactly 0 at x = 1.
    static func ofRational(_ x: Rational, bits: Int) -> DyadicInterval {
        precondition(x.signum > 0, "Log.ofRational needs x > 0")
        let one = Rational(1)
        if x >= one { return onePlus(DyadicInterval(enclosing: x - one, bits: bits + 8), bits: bits) }
        return onePlus(DyadicInterval(enclosing: one / x - one, bits: bits + 8), bits: bits).negated
    }

    /// An enclosure of ln y for an enclosure y > 0.
    static func of(_ y: DyadicInterval, bits: Int) -> DyadicInterval {
        precondition(y.lower.signum > 0, "Log.of needs y > 0")
        if y.lower >= .one {
            return onePlus(y.subtracting(DyadicInterval(exactly: .one), bits: bits + 8), bits: bits)
        }
        if y.upper <= .one {
            // ln y = -ln(1/y), and 1/y >= 1.
            let inverse = DyadicInterval(exactly: .one).dividingNonNegative(by: y, bits: bits + 8)
            return onePlus(inverse.subtracting(DyadicInterval(exactly: .one), bits: bits + 8), bits: bits).negated
        }
        // y straddles 1: combine the two one-sided enclosures.
        let below = of(DyadicInterval(lower: y.lower, upper: .one, lowerIsOpen: y.lowerIsOpen, upperIsOpen: false), bits: bits)
        let above = of(DyadicInterval(lower: .one, upper: y.upper, lowerIsOpen: false, upperIsOpen: y.upperIsOpen), bits: bits)
        return DyadicInterval(lower: below.lower, upper: above.upper, lowerIsOpen: below.lowerIsOpen, upperIsOpen: above.upperIsOpen)
    }

    /// An enclosure of ln(1 + u) for one dyadic u > 0.
    static func point(_ u: Dyadic, bits: Int) -> DyadicInterval {
        let fixedBits = bits + 16
        if u.floorLog2 < -16 { return smallArgument(u, bits: bits, fixedBits: fixedBits) }
        // 1 + u = m·2^k with m in [1, 2): ln(1 + u) = k·ln2 + 2·atanh((m - 1)/(m + 1)).
        let y = Dyadic.one + u
        let k = y.floorLog2
        let m = y.timesPowerOfTwo(-k)
        let ln2 = Ln2.enclosure(bits: fixedBits + BigInt(k).bitWidth + 2)
        let z = DyadicInterval(exactly: m - .one)
            .dividingNonNegative(by: DyadicInterval(exactly: m + .one), bits: fixedBits)
        let atanh = atanhSeries(z, fixedBits: fixedBits)
        let kd = Dyadic(k)
        let lo = Dyadic.sum(kd * ln2.lower, atanh.lower.timesPowerOfTwo(1), bits: bits, .floor)
        let hi = Dyadic.sum(kd * ln2.upper, atanh.upper.timesPowerOfTwo(1), bits: bits, .ceiling)
        return DyadicInterval(lower: lo.value, upper: hi.value, lowerIsOpen: true, upperIsOpen: true)
    }

    /// Bounds of atanh(z) = Σ z^(2j+1)/(2j+1) for 0 <= z < 1/3 (all terms positive).
    ///
    /// The lower sum floors every step; the upper sum ceils every step and adds the tail
    /// z^(2J+1)/(2J+1) · 1/(1 - z²) <= 9/8 · z^(2J+1).
    private static func atanhSeries(_ z: DyadicInterval, fixedBits: Int) -> (lower: Dyadic, upper: Dyadic) {
        func sum(_ zValue: Dyadic, _ rounding: IntegerRounding) -> Dyadic {
            let scaled = zValue.timesPowerOfTwo(fixedBits)
            let zFixed = rounding == .floor ? floorInteger(scaled) : ceilingInteger(scaled)
            var zSquared = zFixed * zFixed
            zSquared.formShiftRight(by: fixedBits, rounding: rounding)
            var power = zFixed
            var total = BigInt(0)
            var j: UInt = 0
            while !power.isZero && power.bitWidth > 0 {
                var term = power
                term.formQuotient(dividingBy: 2 * j + 1, rounding: rounding)
                total.formSum(with: term)
                power.formProduct(with: zSquared)
                power.formShiftRight(by: fixedBits, rounding: rounding)
                j += 1
                if rounding == .ceiling && power.compare(to: 1) <= 0 { break }
            }
            if rounding == .ceiling {
                // Tail bound: 9/8 · power, rounded up; plus one unit for the power itself.
                total.formSum(with: power * 2)
                total.increase(by: 1)
            }
            return Dyadic(mantissa: total, exponent: -fixedBits)
        }
        return (sum(z.lower, .floor), sum(z.upper, .ceiling))
    }

    /// ln(1 + u) = u · Σ_{k>=0} (-u)^k/(k+1) for 0 < u < 2^-16, keeping u's relative precision.
    ///
    /// The series alternates with decreasing terms, so a partial sum ending on a negative term is a
    /// lower bound and one ending on a positive term an upper bound.
    private static func smallArgument(_ u: Dyadic, bits: Int, fixedBits: Int) -> DyadicInterval {
        // Fixed point relative to 1: uFixed ≈ u·2^F (floor and ceiling), powers of u to F bits.
        let scaled = u.timesPowerOfTwo(fixedBits)
        let uLow = floorInteger(scaled), uHigh = ceilingInteger(scaled)
        var lowSum = BigInt(1).shiftedLeft(by: fixedBits)   // the k = 0 term, exactly 1
        var highSum = lowSum
        var lowPower = BigInt(1).shiftedLeft(by: fixedBits)  // bounds of u^k·2^F
        var highPower = lowPower
        var k: UInt = 1
        while true {
            lowPower.formProduct(with: uLow)
            lowPower.formShiftRight(by: fixedBits, rounding: .floor)
            highPower.formProduct(with: uHigh)
            highPower.formShiftRight(by: fixedBits, rounding: .ceiling)
            if k % 2 == 1 {
                // Negative term -u^k/(k+1): subtract its upper bound from the low sum.
                var t = highPower
                t.formQuotient(dividingBy: k + 1, rounding: .ceiling)
                lowSum = lowSum - t
                var s = lowPower
                s.formQuotient(dividingBy: k + 1, rounding: .floor)
                highSum = highSum - s
                // Stopping after a negative term: lowSum is a valid lower bound.
                if highPower.isZero || highPower.compare(to: 1) <= 0 { break }
            } else {
                var t = highPower
                t.formQuotient(dividingBy: k + 1, rounding: .ceiling)
                highSum = highSum + t
                var s = lowPower
                s.formQuotient(dividingBy: k + 1, rounding: .floor)
                lowSum = lowSum + s
            }
            k += 1
        }
        // After a negative term the high partial sum lacks the next (positive) term,
        // u^(k+1)/(k+2) < 1 unit: add it.
        highSum.increase(by: 1)
        let g = DyadicInterval(lower: Dyadic(mantissa: lowSum, exponent: -fixedBits),
                               upper: Dyadic(mantissa: highSum, exponent: -fixedBits),
                               lowerIsOpen: true, upperIsOpen: true)
        return g.multiplying(by: u, bits: bits)
    }
}
