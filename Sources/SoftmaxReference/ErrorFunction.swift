import Multiprecision

/// Rigorous enclosures of erf and erfc at a dyadic point z >= 0, each to relative precision.
///
/// - Small z (z² < bits + 16): erf(z) = (2/√π)·e^(-z²)·Σ_{n>=0} 2^n·z^(2n+1)/(1·3·…·(2n+1)), every
///   term positive; erfc = 1 - erf with ⌈1.5·z²⌉ extra bits for the cancellation
///   (erfc(z) > e^(-z²)/(2z + 2)).
/// - Large z: erfc(z) = e^(-z²)/(z·√π)·(Σ_{m<M} (-1)^m·(2m-1)!!/(2z²)^m + R_M), whose remainder R_M
///   has the sign of the first omitted term and is smaller in magnitude (DLMF 7.12(ii), real z);
///   erf = 1 - erfc.
/// - Far tail (z² > max(tailBits, 2·bits)): erfc(z) is the open interval (0, 2^-max(tailBits, 2·bits)),
///   from erfc(z) <= e^(-z²).
enum ErrorFunction {
    /// An enclosure of erf(z), z >= 0, to `bits` significant bits.
    static func erf(_ z: Dyadic, bits: Int, tailBits: Int) -> DyadicInterval {
        precondition(z.signum >= 0, "erf needs z >= 0")
        if z.isZero { return DyadicInterval(exactly: .zero) }
        if z * z >= Dyadic(bits + 16) {
            return DyadicInterval(exactly: .one).subtracting(erfc(z, bits: bits + 2, tailBits: tailBits), bits: bits)
        }
        return series(z, bits: bits + 8).rounded(bits: bits)
    }

    /// An enclosure of erfc(z) = 1 - erf(z), z >= 0, to `bits` significant bits.
    static func erfc(_ z: Dyadic, bits: Int, tailBits: Int) -> DyadicInterval {
        precondition(z.signum >= 0, "erfc needs z >= 0")
        if z.isZero { return DyadicInterval(exactly: .one) }
        let zSquared = z * z
        let tail = max(tailBits, 2 * bits)
        if zSquared > Dyadic(tail) {
            return DyadicInterval(lower: .zero, upper: .powerOfTwo(-tail), lowerIsOpen: true, upperIsOpen: true)
        }
        if zSquared >= Dyadic(bits + 16), let value = asymptotic(z, bits: bits) { return value }
        let extra = floorInteger(zSquared).exactInt! * 3 / 2 + max(0, z.floorLog2) + 16
        return DyadicInterval(exactly: .one).subtracting(series(z, bits: bits + extra), bits: bits)
    }

    /// (2/√π)·e^(-z²)·S for 0 < z² below the far tail. The ratio of consecutive terms is
    /// 2z²/(2n+3) <= 1/2 once n >= 2z², so the remainder after t_n is at most t_n.
    private static func series(_ z: Dyadic, bits: Int) -> DyadicInterval {
        let work = bits + 16
        let zSquared = z * z
        let ratioNumerator = zSquared.timesPowerOfTwo(1)
        let halfRatioPoint = floorInteger(ratioNumerator).exactInt! + 1
        var term = DyadicInterval(exactly: z)
        var sum = term
        var n = 0
        while true {
            n += 1
            term = term.multiplying(by: ratioNumerator, bits: work).dividedBy(positiveInteger: 2 * n + 1, bits: work)
            sum = sum.adding(term, bits: work)
            if n >= halfRatioPoint && term.upper < Dyadic.powerOfTwo(sum.lower.floorLog2 - work) { break }
        }
        sum = sum.adding(DyadicInterval(lower: .zero, upper: term.upper, lowerIsOpen: false, upperIsOpen: false), bits: work)
        let gauss = Exp.of(-zSquared, bits: work, tailBits: Int.max / 4)
        return twoOverRootPi(bits: work).multiplyingNonNegative(gauss, bits: work).multiplyingNonNegative(sum, bits: bits)
    }

    /// The enveloping asymptotic series of erfc, or nil when its terms stop shrinking before
    /// 2^-(bits + 16) (z too small for this precision).
    private static func asymptotic(_ z: Dyadic, bits: Int) -> DyadicInterval? {
        let work = bits + 16
        let twoZSquared = DyadicInterval(exactly: (z * z).timesPowerOfTwo(1))
        var term = DyadicInterval(exactly: .one)
        var sum = term
        var m = 0
        while true {
            m += 1
            let next = term.multiplying(by: Dyadic(-(2 * m - 1)), bits: work)
            term = next.isNonNegative
                ? next.dividingNonNegative(by: twoZSquared, bits: work)
                : next.negated.dividingNonNegative(by: twoZSquared, bits: work).negated
            let size = max(term.upper.magnitude, term.lower.magnitude)
            if size < Dyadic.powerOfTwo(-work) {
                // The remainder lies between 0 and the first omitted term.
                let remainder = DyadicInterval(lower: min(term.lower, .zero), upper: max(term.upper, .zero),
                                               lowerIsOpen: false, upperIsOpen: false)
                sum = sum.adding(remainder, bits: work)
                break
            }
            if Dyadic(2 * m + 1) > twoZSquared.lower { return nil }
            sum = sum.adding(term, bits: work)
        }
        let gauss = Exp.of(-(z * z), bits: work, tailBits: Int.max / 4)
        let prefactor = twoOverRootPi(bits: work).multiplyingNonNegative(gauss, bits: work)
            .dividingNonNegative(by: DyadicInterval(exactly: z.timesPowerOfTwo(1)), bits: work)
        return prefactor.multiplyingNonNegative(sum, bits: bits)
    }

    /// 2/√π.
    private static func twoOverRootPi(bits: Int) -> DyadicInterval {
        DyadicInterval(exactly: Dyadic(2)).dividingNonNegative(by: Pi.enclosure(bits: bits + 4).squareRoot(bits: bits + 4), bits: bits)
    }
}
