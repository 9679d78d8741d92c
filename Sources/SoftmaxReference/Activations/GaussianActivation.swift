import Multiprecision

/// GELU and its tanh approximation, whose arguments x/√2 and √(2/π)·(x + 0.044715·x³) are
/// irrational: each is enclosed, and the increasing functions erf, erfc and σ are evaluated at
/// the dyadic ends of the enclosure, with enough extra bits to cover their slope.
enum GaussianActivation {
    /// x·Φ(x) = x·(1 + erf(x/√2))/2 for x >= 0 and x·erfc(|x|/√2)/2 for x < 0 (relative precision
    /// on both sides; a far tail for x < 0 is open at 0).
    static func gelu(_ x: Dyadic, bits: Int, tailBits: Int) -> DyadicInterval {
        if x.isZero { return DyadicInterval(exactly: .zero) }
        // erfc(z) changes by a relative 2z²·δ when z changes by a relative δ.
        let work = bits + 16 + 2 * x.magnitudeBits
        let z = DyadicInterval(exactly: Dyadic(2)).squareRoot(bits: work).multiplying(by: x.magnitude.timesPowerOfTwo(-1), bits: work)
        let tail = tailBits + x.magnitudeBits
        let phi: DyadicInterval
        if x.signum > 0 {
            let lo = ErrorFunction.erf(z.lower, bits: work, tailBits: tail), hi = ErrorFunction.erf(z.upper, bits: work, tailBits: tail)
            phi = DyadicInterval(lower: lo.lower, upper: hi.upper, lowerIsOpen: true, upperIsOpen: true)
                .adding(DyadicInterval(exactly: .one), bits: work).multiplying(by: .powerOfTwo(-1), bits: work)
        } else {
            let lo = ErrorFunction.erfc(z.upper, bits: work, tailBits: tail), hi = ErrorFunction.erfc(z.lower, bits: work, tailBits: tail)
            phi = DyadicInterval(lower: lo.lower, upper: hi.upper, lowerIsOpen: true, upperIsOpen: true)
                .multiplying(by: .powerOfTwo(-1), bits: work)
        }
        return phi.multiplying(by: x, bits: bits)
    }

    /// x·σ(2y) with y = √(2/π)·(x + 0.044715·x³), since (1 + tanh y)/2 = σ(2y) (no cancellation
    /// for y -> -∞).
    static func geluTanh(_ x: Dyadic, bits: Int, tailBits: Int) -> DyadicInterval {
        if x.isZero { return DyadicInterval(exactly: .zero) }
        let u = Rational(x) + ActivationPoint.geluCubic * Rational(x * x * x)
        let tail = tailBits + x.magnitudeBits
        // σ(2y) changes by a relative 2|y|·δ at most; past the far tail the ends decide alone.
        let work = bits + 16 + min(max(0, u.floorLog2 + 3), Int.bitWidth - tail.leadingZeroBitCount + 2)
        let twoOverPi = DyadicInterval(exactly: Dyadic(2)).dividingNonNegative(by: Pi.enclosure(bits: work + 4), bits: work + 4)
        let scaledU = DyadicInterval(enclosing: u.magnitude.timesPowerOfTwo(1), bits: work)
            .multiplyingNonNegative(twoOverPi.squareRoot(bits: work), bits: work)
        let twoY = x.signum > 0 ? scaledU : scaledU.negated
        let lo = Hyperbolic.sigmoid(twoY.lower, bits: work, tailBits: tail)
        let hi = Hyperbolic.sigmoid(twoY.upper, bits: work, tailBits: tail)
        let s = DyadicInterval(lower: lo.lower, upper: hi.upper, lowerIsOpen: true, upperIsOpen: true)
        return s.multiplying(by: x, bits: bits)
    }
}
