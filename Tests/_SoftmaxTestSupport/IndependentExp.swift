import Multiprecision

/// A deliberately different exp and log for checking the reference: exact rationals, halving
/// and squaring, a Taylor series with an explicit remainder, truncation to `bits` fractional bits
/// after every step (down for lower bounds, up for upper bounds). Slow and simple on purpose.
public enum IndependentExp {
    /// Bounds lo <= e^q <= hi for a rational q with |q| <= 2000.
    public static func enclosure(_ q: Rational, bits: Int = 400) -> (lower: Rational, upper: Rational) {
        if q.isZero { return (Rational(1), Rational(1)) }
        if q.signum < 0 {
            let (lo, hi) = enclosure(-q, bits: bits)
            return (truncate(Rational(1) / hi, bits: bits, up: false), truncate(Rational(1) / lo, bits: bits, up: true))
        }
        // e^q = (e^(q / 2^m))^(2^m) with q / 2^m < 2^-8.
        var m = 0
        var small = q
        while small > Rational(1, 256) { small = small.timesPowerOfTwo(-1); m += 1 }
        // Taylor: Σ_{k<=K} small^k / k!, remainder <= 2·small^(K+1)/(K+1)! for small < 1/2.
        var term = Rational(1), lo = Rational(1)
        var k = 0
        let precision = Rational(1).timesPowerOfTwo(-(bits + m + 16))
        while term > precision {
            k += 1
            term = truncate(term * small / Rational(k), bits: bits + m + 32, up: false)
            lo = lo + term
        }
        // Term j lost less than j·2^-(bits+m+32) to truncations; the tail is below 2·term.
        var hi = lo + term * Rational(2) + Rational((k + 1) * (k + 1)).timesPowerOfTwo(-(bits + m + 32))
        for _ in 0..<m {
            lo = truncate(lo * lo, bits: bits + m + 16, up: false)
            hi = truncate(hi * hi, bits: bits + m + 16, up: true)
        }
        return (truncate(lo, bits: bits, up: false), truncate(hi, bits: bits, up: true))
    }

    /// Bounds of ln y for a rational y > 0, found by bisection-free Newton steps and then
    /// certified with `enclosure`: e^lo <= y <= e^hi.
    public static func logEnclosure(_ y: Rational, bits: Int = 300) -> (lower: Rational, upper: Rational) {
        if y == Rational(1) { return (Rational(0), Rational(0)) }
        // Start from the binary exponent: ln y ≈ log2(y)·ln2 with ln2 ≈ 0.6931471805599453.
        let ln2 = Rational(BigInt(6931471805599453), BigInt(10_000_000_000_000_000))
        var x = Rational(y.floorLog2) * ln2
        for _ in 0..<12 {  // Newton on e^x = y: x += 2(y - e^x)/(y + e^x)
            let e = enclosure(x, bits: bits + 40).lower
            x = truncate(x + Rational(2) * (y - e) / (y + e), bits: bits + 40, up: false)
        }
        let width = Rational(1).timesPowerOfTwo(-bits)
        let lo = x - width, hi = x + width
        precondition(enclosure(lo, bits: bits + 40).upper <= y && y <= enclosure(hi, bits: bits + 40).lower,
                     "Newton did not converge to a certified enclosure")
        return (lo, hi)
    }

    /// r truncated to a multiple of 2^-bits, downward or upward.
    static func truncate(_ r: Rational, bits: Int, up: Bool) -> Rational {
        let scaled = r.timesPowerOfTwo(bits)
        var (q, rem) = scaled.numerator.quotientAndRemainder(dividingBy: scaled.denominator)
        if up && !rem.isZero { q = q + 1 }
        return Rational(q).timesPowerOfTwo(-bits)
    }
}
