import Multiprecision

/// t = β·x held exactly as ±significand·2^exponent: two binary64 significands multiply into at
/// most 106 bits. The fixed-width fast path's view of one scaled logit.
struct ExactLogit {
    let negative: Bool
    let significand: UInt128
    let exponent: Int

    /// β·x for finite x and β.
    init(_ x: FloatValue, beta: FloatValue) {
        let (xNegative, xSignificand, xExponent) = x.parts!
        let (bNegative, bSignificand, bExponent) = beta.parts!
        negative = xNegative != bNegative
        significand = UInt128(xSignificand) * UInt128(bSignificand)
        exponent = xExponent + bExponent
    }

    /// Floor and ceiling of t·2^`fractionBits` when |t| < 2^13 (so both fit an Int128 for
    /// fractionBits <= 114), or nil for a larger magnitude.
    func scaled(fractionBits: Int) -> (floor: Int128, ceiling: Int128)? {
        if significand == 0 { return (0, 0) }
        let width = 128 - significand.leadingZeroBitCount
        guard exponent + width <= 13 else { return nil }
        let shift = exponent + fractionBits
        var magnitude: UInt128
        var inexact = false
        if shift >= 0 {
            magnitude = significand << UInt128(shift)
        } else if -shift >= 128 {
            magnitude = 0
            inexact = true
        } else {
            magnitude = significand >> UInt128(-shift)
            inexact = significand & ((1 << UInt128(-shift)) - 1) != 0
        }
        let m = Int128(magnitude), step: Int128 = inexact ? 1 : 0
        return negative ? (-m - step, -m) : (m, m + step)
    }

    /// Whether t is positive and too large for ``scaled(fractionBits:)``.
    var isLargePositive: Bool { !negative && significand != 0 && exponent + 128 - significand.leadingZeroBitCount > 13 }
}
