import Multiprecision
import Synchronization

/// Rigorous enclosures of ln 2, computed once per precision level and cached.
///
/// ln 2 = 2·atanh(1/3) = 2·Σ_{k≥0} 1 / ((2k+1)·3^(2k+1)), summed in fixed point with floors;
/// the error of every floored term and the geometric tail are bounded explicitly.
enum Ln2 {
    /// Lower and upper bounds of ln 2 · 2^bits, as integers.
    private struct Bounds: Sendable {
        let bits: Int
        let lower: BigInt
        let upper: BigInt
    }

    private static let cache = Mutex<Bounds?>(nil)

    /// [lo, hi] with lo <= ln 2 <= hi, both multiples of 2^-bits.
    static func enclosure(bits: Int) -> DyadicInterval {
        let bounds = cache.withLock { cached -> Bounds in
            if let cached, cached.bits >= bits { return cached }
            // Grow in large steps so repeated requests for slightly more bits do not recompute.
            let fresh = compute(bits: max(bits, 2 * (cached?.bits ?? 0), 256))
            cached = fresh
            return fresh
        }
        let drop = bounds.bits - bits
        return DyadicInterval(
            lower: Dyadic(mantissa: bounds.lower.shiftedRight(by: drop, rounding: .floor), exponent: -bits),
            upper: Dyadic(mantissa: bounds.upper.shiftedRight(by: drop, rounding: .ceiling), exponent: -bits),
            lowerIsOpen: true, upperIsOpen: true)
    }

    private static func compute(bits: Int) -> Bounds {
        // power_k ≈ 2^bits / 3^(2k+1) with error in [0, 9/8); term_k = floor(power_k / (2k+1))
        // errs by at most 9/8 / (2k+1) + 1 < 3. Stop once power_k is 0.
        var power = BigInt(1).shiftedLeft(by: bits)
        power.formQuotient(dividingBy: 3, rounding: .floor)
        var sum = BigInt(0)
        var k: UInt = 0
        while !power.isZero {
            var term = power
            term.formQuotient(dividingBy: 2 * k + 1, rounding: .floor)
            sum.formSum(with: term)
            power.formQuotient(dividingBy: 9, rounding: .floor)
            k += 1
        }
        // Missing: at most 3 per summed term, plus the tail below 2^bits/3^(2k+1) <= 9/8 (power hit 0).
        let slack = 3 * k + 2
        var upperSum = sum
        upperSum.increase(by: slack)
        return Bounds(bits: bits, lower: sum.shiftedLeft(by: 1), upper: upperSum.shiftedLeft(by: 1))
    }
}
