import Multiprecision

/// Rigorous enclosures of π by Machin's formula π = 16·atan(1/5) - 4·atan(1/239).
enum Pi {
    /// An enclosure of π with about `bits` significant bits.
    static func enclosure(bits: Int) -> DyadicInterval {
        let fixedBits = bits + 16
        let a = arctangentOfInverse(5, fixedBits: fixedBits)
        let b = arctangentOfInverse(239, fixedBits: fixedBits)
        let lower = a.lower * 16 - b.upper * 4
        let upper = a.upper * 16 - b.lower * 4
        return DyadicInterval(lower: Dyadic(mantissa: lower, exponent: -fixedBits),
                              upper: Dyadic(mantissa: upper, exponent: -fixedBits), lowerIsOpen: true, upperIsOpen: true)
    }

    /// Bounds of atan(1/k)·2^F for an integer k >= 2: Σ (-1)^n/((2n+1)·k^(2n+1)).
    ///
    /// The power 2^F/k^(2n+1) is floored once per step (its error stays below 1 + 1/k² units) and
    /// each term floors it again, so N terms err by less than 2N units; the series alternates
    /// with decreasing terms, so the first omitted term (below 3 units once the power floors to 0)
    /// bounds the remainder.
    private static func arctangentOfInverse(_ k: Int, fixedBits: Int) -> (lower: BigInt, upper: BigInt) {
        var power = BigInt(1).shiftedLeft(by: fixedBits).divided(by: BigInt(k), rounding: .floor)
        let kSquared = BigInt(k * k)
        var sum = BigInt(0)
        var n = 0
        while !power.isZero {
            let term = power.divided(by: BigInt(2 * n + 1), rounding: .floor)
            sum = n % 2 == 0 ? sum + term : sum - term
            power = power.divided(by: kSquared, rounding: .floor)
            n += 1
        }
        let slack = BigInt(2 * n + 4)
        return (sum - slack, sum + slack)
    }
}

extension DyadicInterval {
    /// √self for self >= 0, each end rounded outward to about `bits` significant bits.
    func squareRoot(bits: Int) -> DyadicInterval {
        precondition(isNonNegative, "squareRoot needs a non-negative interval")
        func root(_ d: Dyadic, _ rounding: IntegerRounding) -> (value: Dyadic, isExact: Bool) {
            if d.isZero { return (.zero, true) }
            // √(m·2^e) = √(m·2^(e + 2s))·2^-s with e + 2s even and about 2·bits bits under the root.
            var s = max(0, bits + 2 - d.floorLog2 / 2)
            if (d.exponent + 2 * s) % 2 != 0 { s += 1 }
            let scaled = d.timesPowerOfTwo(2 * s)
            let integer = floorInteger(scaled)
            let r = integer.root(2)
            let exact = r.isExact && Dyadic(mantissa: integer, exponent: 0) == scaled
            let value = rounding == .ceiling && !exact ? r.floor + BigInt(1) : r.floor
            return (Dyadic(mantissa: value, exponent: -s), exact)
        }
        let lo = root(lower, .floor), hi = root(upper, .ceiling)
        return DyadicInterval(lower: lo.value, upper: hi.value,
                              lowerIsOpen: lowerIsOpen || !lo.isExact, upperIsOpen: upperIsOpen || !hi.isExact)
    }
}
