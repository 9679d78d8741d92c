import Multiprecision
import SoftmaxReference

/// The distance between an output and the exact value, in ulps of the output format, measured
/// with exact rationals so the checker adds no error of its own.
///
/// The ulp is that of the binade of the larger of the two magnitudes (the subnormal quantum below
/// the normal range). Special values are decided first: NaN against NaN, ±inf against the same
/// infinity, and zero against zero are 0 ulps; any other mismatch with a special value is infinite.
public enum UlpError {
    /// The error of `output` against the enclosure of the exact value (the larger of the distances
    /// to the enclosure's two ends, so it never understates).
    public static func of(_ output: FloatValue, from exact: Enclosure) -> Double {
        switch exact {
        case .nan: return output.isNaN ? 0 : .infinity
        case .infinity(let negative):
            return output.isInfinite && output.isSignMinus == negative ? 0 : .infinity
        case .exact(let r):
            guard let y = output.dyadic else { return of(output, from: .interval(bracket(r))) }
            return max(distance(y, bracket(r).lower, output.format), distance(y, bracket(r).upper, output.format))
        case .interval(let i):
            guard let y = output.dyadic else {
                // An infinity is right (half an ulp, the rounding) when the exact value overflows to it.
                let overflow = output.format.round(output.isSignMinus ? i.upper : i.lower, .toNearestOrEven)
                return output.isInfinite && overflow == output ? 0.5 : .infinity
            }
            return max(distance(y, i.lower, output.format), distance(y, i.upper, output.format))
        }
    }

    /// Dyadics 2^-2000-close around a rational (exact for dyadic ones).
    static func bracket(_ r: Rational) -> DyadicInterval {
        if let d = r.dyadic { return DyadicInterval(exactly: d) }
        let scaled = r.timesPowerOfTwo(2000)
        let floor = scaled.numerator.divided(by: scaled.denominator, rounding: .floor)
        return DyadicInterval(lower: Dyadic(mantissa: floor, exponent: -2000), upper: Dyadic(mantissa: floor + 1, exponent: -2000),
                              lowerIsOpen: true, upperIsOpen: true)
    }

    /// |y - v| / ulp, as a Double (reporting only).
    static func distance(_ y: Dyadic, _ v: Dyadic, _ format: FloatFormat) -> Double {
        let difference = (y - v).magnitude
        if difference.isZero { return 0 }
        let quantum = ulpExponent(of: max(y.magnitude, v.magnitude), format)
        return ratio(difference, quantum)
    }

    /// The exponent of the ulp of `x` in `format`.
    public static func ulpExponent(of x: Dyadic, _ format: FloatFormat) -> Int {
        let binade = x.isZero ? format.minExponent : max(x.floorLog2, format.minExponent)
        return binade - (format.precision - 1)
    }

    /// d / 2^e as a Double, from the top 64 bits of d (exact enough for reports).
    static func ratio(_ d: Dyadic, _ e: Int) -> Double {
        let shift = d.mantissa.bitWidth - 60
        let top = shift > 0 ? d.mantissa.shiftedRight(by: shift, rounding: .floor) : d.mantissa
        let exponent = d.exponent + max(shift, 0) - e
        let mantissa = Double(top.lowWordOfMagnitude)
        if exponent > 2000 { return .infinity }
        if exponent < -2000 { return 0 }
        return mantissa * pow2(exponent)
    }

    static func pow2(_ e: Int) -> Double { Double(sign: .plus, exponent: e, significand: 1) }
}
