import Multiprecision

/// Rounding a binary64 value to binary16, bfloat16 or binary32 under any of the four directions,
/// without GMP: the decision step of the fast path.
public enum DoubleRounding {
    /// Whether `format` is one the fast path rounds to (precision at most 24, so that every value
    /// of it and every rounding boundary is a binary64).
    public static func supports(_ format: FloatFormat) -> Bool {
        format == .binary16 || format == .bfloat16 || format == .binary32
    }

    /// The correct roundings of every real in [lo, hi] when they all round alike in the three
    /// directions nearest, down and up (toward zero follows), else nil.
    /// Rounding is monotone, so the two ends agreeing decides every value between them.
    public static func decide(lo: Double, hi: Double, format: FloatFormat) -> CorrectRoundings? {
        let nearest = round(lo, format, .toNearestOrEven)
        guard nearest == round(hi, format, .toNearestOrEven) else { return nil }
        let down = round(lo, format, .down)
        guard down == round(hi, format, .down) else { return nil }
        let up = round(lo, format, .up)
        guard up == round(hi, format, .up) else { return nil }
        return CorrectRoundings(nearest: nearest, down: down, up: up, approximate: lo / 2 + hi / 2)
    }

    /// `d` (finite) rounded to `format` under `rule`, overflowing as IEEE 754 says: to ±inf when
    /// rounding to nearest or away from zero's side, else to the largest finite value.
    public static func round(_ d: Double, _ format: FloatFormat, _ rule: FloatingPointRoundingRule) -> FloatValue {
        let negative = d.sign == .minus
        let a = d.magnitude
        if a == 0 { return .zero(format, negative: negative) }
        // The quantum 2^q of a's binade in the format (the subnormal one below the normal range);
        // a·2^-q is exact in binary64 and its integer part is the truncated significand.
        let q = max(Int(a.exponent), format.minExponent) - (format.precision - 1)
        let m = Double(sign: .plus, exponent: -q, significand: a)
        var n = m.rounded(.down)
        let fraction = m - n
        switch rule {
        case .toNearestOrEven:
            if fraction > 0.5 || (fraction == 0.5 && n.truncatingRemainder(dividingBy: 2) == 1) { n += 1 }
        case .down: if fraction > 0 && negative { n += 1 }
        case .up: if fraction > 0 && !negative { n += 1 }
        default: break
        }
        let r = Double(sign: .plus, exponent: q, significand: n)
        let largest = Double(sign: .plus, exponent: format.maxExponent, significand: 2 - Double(sign: .plus, exponent: 1 - format.precision, significand: 1))
        if r > largest {
            let toInfinity = rule == .toNearestOrEven || (rule == .up && !negative) || (rule == .down && negative)
            return toInfinity ? .infinity(format, negative: negative) : .greatestFinite(format, negative: negative)
        }
        return encode(negative ? -r : r, format)
    }

    /// The encoding of a binary64 that is a value of `format`.
    static func encode(_ r: Double, _ format: FloatFormat) -> FloatValue {
        switch format {
        case .binary16: FloatValue(Float16(r))
        case .bfloat16: FloatValue(format: .bfloat16, bits: UInt64(Float(r).bitPattern >> 16))
        default: FloatValue(Float(r))
        }
    }
}
