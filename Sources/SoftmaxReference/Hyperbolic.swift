import Multiprecision

/// Enclosures of σ, tanh and ln(1 + e^v) at one dyadic point, each keeping its relative
/// precision and bounding far tails instead of evaluating them (tanh(10^30) is open at 1).
enum Hyperbolic {
    /// σ(v) = 1/(1 + e^-v) for v >= 0 and e^v/(1 + e^v) for v < 0 (no cancellation on either side).
    static func sigmoid(_ v: Dyadic, bits: Int, tailBits: Int) -> DyadicInterval {
        let one = DyadicInterval(exactly: .one)
        let w = Exp.of(-v.magnitude, bits: bits + 4, tailBits: tailBits)
        let denominator = one.adding(w, bits: bits + 4)
        return (v.signum >= 0 ? one : w).dividingNonNegative(by: denominator, bits: bits)
    }

    /// tanh(v) = -m/(2 + m) with m = e^(-2|v|) - 1 (expm1), and the sign of v.
    static func tanh(_ v: Dyadic, bits: Int, tailBits: Int) -> DyadicInterval {
        if v.isZero { return DyadicInterval(exactly: .zero) }
        let m = Exp.minusOne(-v.magnitude.timesPowerOfTwo(1), bits: bits + 4, tailBits: tailBits)
        let magnitude = m.negated.dividingNonNegative(by: DyadicInterval(exactly: Dyadic(2)).adding(m, bits: bits + 4), bits: bits)
        return v.signum > 0 ? magnitude : magnitude.negated
    }

    /// ln(1 + e^v) (softplus at β = 1): ln(1 + e^v) for v <= 0, v + ln(1 + e^-v) for v > 0.
    static func logOnePlusExp(_ v: Dyadic, bits: Int, tailBits: Int) -> DyadicInterval {
        let tail = Log.onePlus(Exp.of(-v.magnitude, bits: bits + 4, tailBits: tailBits), bits: bits + 4)
        return v.signum <= 0 ? tail.rounded(bits: bits) : DyadicInterval(exactly: v).adding(tail, bits: bits)
    }
}
