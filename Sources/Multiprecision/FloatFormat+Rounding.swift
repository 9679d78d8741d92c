extension FloatFormat {
    /// Rounds `value` (or the value just above or below it) to this format, as IEEE 754 says:
    /// subnormals, signed zeros, and overflow to ±inf or ±greatest finite by rounding rule.
    public func round(_ value: Dyadic, nudge: Nudge = .exact, _ rule: FloatingPointRoundingRule) -> FloatValue {
        if value.isZero {
            switch nudge {
            case .exact: return .zero(self)
            case .above: return roundMagnitude(negative: false, scaled: 0, fraction: .belowHalf, quantum: leastSubnormalExponent, rule)
            case .below: return roundMagnitude(negative: true, scaled: 0, fraction: .belowHalf, quantum: leastSubnormalExponent, rule)
            }
        }
        let negative = value.isNegative
        // In magnitude terms, "above" a negative value is "below" its magnitude.
        let magnitudeNudge: Nudge = switch nudge {
        case .exact: .exact
        case .above: negative ? .below : .above
        case .below: negative ? .above : .below
        }
        var log2 = value.floorLog2
        if magnitudeNudge == .below && value.isPowerOfTwoMagnitude { log2 -= 1 }
        let quantum = max(log2, minExponent) - fractionBits
        if quantum > maxExponent + 1 {
            // Far beyond the largest finite value: only the overflow rule matters.
            return overflow(negative: negative, rule)
        }
        let m = value.mantissa.magnitude
        let shift = quantum - value.exponent
        var scaled: BigInt
        var fraction: FractionClass
        if shift <= 0 {
            scaled = m.shiftedLeft(by: -shift)
            fraction = .zero
        } else if shift > m.bitWidth + 1 {
            scaled = 0
            fraction = .belowHalf
        } else {
            scaled = m.shiftedRight(by: shift, rounding: .floor)
            let rest = m - scaled.shiftedLeft(by: shift)
            let half = BigInt(1).shiftedLeft(by: shift - 1)
            fraction = rest.isZero ? .zero : (rest < half ? .belowHalf : (rest == half ? .half : .aboveHalf))
        }
        switch (magnitudeNudge, fraction) {
        case (.above, .zero): fraction = .belowHalf
        case (.above, .half): fraction = .aboveHalf
        case (.below, .zero):
            scaled = scaled - 1
            fraction = .aboveHalf
        case (.below, .half): fraction = .belowHalf
        default: break
        }
        return roundMagnitude(negative: negative, scaled: scaled, fraction: fraction, quantum: quantum, rule)
    }

    /// Rounds an exact rational to this format.
    public func round(_ value: Rational, _ rule: FloatingPointRoundingRule) -> FloatValue {
        if let d = value.dyadic { return round(d, rule) }
        let negative = value.signum < 0
        let log2 = value.floorLog2
        let quantum = max(log2, minExponent) - fractionBits
        if quantum > maxExponent + 1 { return overflow(negative: negative, rule) }
        let n = value.numerator.magnitude
        let (a, b) = quantum <= 0 ? (n.shiftedLeft(by: -quantum), value.denominator)
                                  : (n, value.denominator.shiftedLeft(by: quantum))
        let (q, r) = a.quotientAndRemainder(dividingBy: b)
        // r != 0 here: a non-dyadic rational is never a multiple of a power of two.
        let twice = r.shiftedLeft(by: 1)
        let fraction: FractionClass = twice < b ? .belowHalf : (twice == b ? .half : .aboveHalf)
        return roundMagnitude(negative: negative, scaled: q, fraction: fraction, quantum: quantum, rule)
    }

    /// Rounds `scaled · 2^quantum` plus a fraction of 2^quantum, then encodes it.
    private func roundMagnitude(negative: Bool, scaled: BigInt, fraction: FractionClass, quantum: Int,
                                _ rule: FloatingPointRoundingRule) -> FloatValue {
        let increment = rule.incrementsMagnitude(fraction: fraction, negative: negative, odd: scaled.bit(0))
        var n = increment ? scaled + 1 : scaled
        var q = quantum
        if n.bitWidth > precision {  // carry into the next binade
            n = n.shiftedRight(by: 1, rounding: .floor)
            q += 1
        }
        if n.isZero { return .zero(self, negative: negative) }
        if q + fractionBits > maxExponent { return overflow(negative: negative, rule) }
        let significand = n.lowWordOfMagnitude
        let sign: UInt64 = negative ? signMask : 0
        if n.bitWidth < precision {  // subnormal: q is the least subnormal exponent
            return FloatValue(format: self, bits: sign | significand)
        }
        let biased = UInt64(q + fractionBits + maxExponent)
        return FloatValue(format: self, bits: sign | (biased << UInt64(fractionBits)) | (significand & fractionMask))
    }

    /// The result of rounding a value beyond the largest finite one.
    func overflow(negative: Bool, _ rule: FloatingPointRoundingRule) -> FloatValue {
        let toInfinity: Bool = switch rule {
        case .towardZero: false
        case .up: !negative
        case .down: negative
        default: true
        }
        return toInfinity ? .infinity(self, negative: negative) : .greatestFinite(self, negative: negative)
    }
}

extension FloatFormat {
    /// Rounds an enclosure: the common rounding of everything it may contain, or nil when its
    /// ends round differently (Ziv's loop then retries at a higher precision).
    public func round(_ enclosure: DyadicInterval, _ rule: FloatingPointRoundingRule) -> FloatValue? {
        let lo = round(enclosure.lower, nudge: enclosure.lowerIsOpen ? .above : .exact, rule)
        let hi = round(enclosure.upper, nudge: enclosure.upperIsOpen ? .below : .exact, rule)
        return lo == hi ? lo : nil
    }
}

extension FloatingPointRoundingRule {
    /// Whether rounding a magnitude whose part below the last kept bit is `fraction` adds one
    /// unit to it; `odd` is that last kept bit, `negative` the sign of the value.
    func incrementsMagnitude(fraction: FractionClass, negative: Bool, odd: Bool) -> Bool {
        let inexact = fraction != .zero
        switch self {
        case .toNearestOrEven: return fraction == .aboveHalf || (fraction == .half && odd)
        case .toNearestOrAwayFromZero: return fraction == .aboveHalf || fraction == .half
        case .up: return inexact && !negative
        case .down: return inexact && negative
        case .awayFromZero: return inexact
        case .towardZero: return false
        @unknown default: return fraction == .aboveHalf || (fraction == .half && odd)
        }
    }
}
