extension FloatFormat {
    /// Rounds the positive value `mantissa`·2^`exponent` to this format without allocating: the
    /// rounding of the reference's fixed-width fast path. Same result as ``round(_:nudge:_:)`` on
    /// the equal ``Dyadic`` (subnormals, overflow by rule), for `mantissa` > 0.
    public func roundPositive(mantissa: UInt128, exponent: Int, _ rule: FloatingPointRoundingRule) -> FloatValue {
        precondition(mantissa != 0, "roundPositive needs a positive value")
        let top = exponent + (127 - mantissa.leadingZeroBitCount)  // 2^top <= value < 2^(top+1)
        if top > maxExponent { return overflow(negative: false, rule) }
        let quantum = max(top, minExponent) - fractionBits
        let shift = quantum - exponent
        var significand: UInt128
        let fraction: FractionClass
        if shift <= 0 {
            significand = mantissa << UInt128(-shift)
            fraction = .zero
        } else if shift > 128 {
            significand = 0
            fraction = .belowHalf
        } else {
            significand = shift == 128 ? 0 : mantissa >> UInt128(shift)
            let rest = shift == 128 ? mantissa : mantissa & ((1 << UInt128(shift)) - 1)
            let half: UInt128 = 1 << UInt128(shift - 1)
            fraction = rest == 0 ? .zero : (rest < half ? .belowHalf : (rest == half ? .half : .aboveHalf))
        }
        if rule.incrementsMagnitude(fraction: fraction, negative: false, odd: significand & 1 == 1) { significand += 1 }
        if significand == 0 { return .zero(self) }
        // (quantum - least subnormal exponent) is the biased exponent minus one, so adding the
        // significand with its leading bit encodes normals, subnormals and a carry alike.
        let bits = (UInt64(quantum - leastSubnormalExponent) << UInt64(fractionBits)) + UInt64(significand)
        if bits >= exponentMask << UInt64(fractionBits) { return overflow(negative: false, rule) }
        return FloatValue(format: self, bits: bits)
    }
}
