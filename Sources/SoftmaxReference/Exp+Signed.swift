import Multiprecision

extension Exp {
    /// The largest argument ``of(_:bits:tailBits:)`` takes: e^(2^20) > 2^(1.5·10^6) is above every
    /// format's largest finite value, so callers round larger arguments as an overflow.
    static let largestArgument = Dyadic.powerOfTwo(20)

    /// An enclosure of e^v for a dyadic v <= ``largestArgument`` of either sign.
    ///
    /// v <= 0 is ``point(_:bits:tailBits:)`` (a far tail below e^-max(tailBits, 2·bits) is
    /// bounded); v > 0 is 1/e^-v with the far tail switched off, so that the divisor is a true
    /// enclosure of e^-v.
    static func of(_ v: Dyadic, bits: Int, tailBits: Int) -> DyadicInterval {
        if v.isZero { return DyadicInterval(exactly: .one) }
        if v.signum < 0 { return point(v, bits: bits, tailBits: tailBits) }
        precondition(v <= largestArgument, "Exp.of needs v <= 2^20")
        let inverse = point(-v, bits: bits + 4, tailBits: Int.max / 4)
        return DyadicInterval(exactly: .one).dividingNonNegative(by: inverse, bits: bits)
    }

    /// An enclosure of e^v - 1 that keeps its relative precision for small |v| (expm1).
    ///
    /// |v| >= 1/2: e^v - 1 with |e^v - 1| >= 0.39, so the subtraction costs at most two bits.
    /// Otherwise the series Σ_{j>=1} v^j/j!, whose remainder after the term t_J is at most
    /// |t_J|·|v|/(1 - |v|) <= |t_J| for |v| < 1/2.
    static func minusOne(_ v: Dyadic, bits: Int, tailBits: Int) -> DyadicInterval {
        if v.isZero { return DyadicInterval(exactly: .zero) }
        let one = DyadicInterval(exactly: .one)
        if v.floorLog2 >= -1 { return of(v, bits: bits + 4, tailBits: tailBits).subtracting(one, bits: bits) }
        let work = bits + 16
        let negligible = Dyadic.powerOfTwo(v.floorLog2 - work)
        var term = DyadicInterval(exactly: v)
        var sum = term
        var j = 1
        while true {
            j += 1
            term = term.multiplying(by: v, bits: work).dividedBy(positiveInteger: j, bits: work)
            sum = sum.adding(term, bits: work)
            let size = max(term.upper.magnitude, term.lower.magnitude)
            if size < negligible {
                let remainder = DyadicInterval(lower: -size, upper: size, lowerIsOpen: false, upperIsOpen: false)
                return sum.adding(remainder, bits: bits)
            }
        }
    }
}

extension DyadicInterval {
    /// self / k for a positive integer k and a self of any sign, rounded outward to `bits` bits.
    func dividedBy(positiveInteger k: Int, bits: Int) -> DyadicInterval {
        let divisor = DyadicInterval(exactly: Dyadic(k))
        if isNonNegative { return dividingNonNegative(by: divisor, bits: bits) }
        if upper.signum <= 0 { return negated.dividingNonNegative(by: divisor, bits: bits).negated }
        let below = DyadicInterval(lower: .zero, upper: -lower, lowerIsOpen: false, upperIsOpen: lowerIsOpen)
            .dividingNonNegative(by: divisor, bits: bits)
        let above = DyadicInterval(lower: .zero, upper: upper, lowerIsOpen: false, upperIsOpen: upperIsOpen)
            .dividingNonNegative(by: divisor, bits: bits)
        return DyadicInterval(lower: -below.upper, upper: above.upper, lowerIsOpen: below.upperIsOpen, upperIsOpen: above.upperIsOpen)
    }
}
