import Multiprecision

/// Rounding a binary64 value to binary16, bfloat16 or binary32 under any of the four directions,
/// without GMP: the decision step of the fast path.
public enum DoubleRounding {
    /// Whether `format` is one the fast path rounds to (precision at most 24, so that every value
    /// of it and every rounding boundary is a binary64).
    public static func supports(_ format: FloatFormat) -> Bool {
        format == .binary16 || format == .bfloat16 || format == .binary32
    }

    /// The correct roundings of every real in [lo, hi] (0 < lo <= hi, or hi <= lo < 0 is not
    /// needed: the fast path's values are positive) when they all round alike in every direction,
    /// else nil.
    ///
    /// The rounding boundaries of the four directions are the values of the format and the
    /// midpoints between them: the multiples of half the quantum 2^q of the binade. [lo, hi] rounds
    /// alike in every direction exactly when it lies inside one open interval between consecutive
    /// boundaries: both ends in one binade (a power of two is a boundary), ⌊2·lo/2^q⌋ = ⌊2·hi/2^q⌋,
    /// and lo on no boundary.
    public static func decide(lo: Double, hi: Double, format: FloatFormat) -> CorrectRoundings? {
        guard lo > 0, hi >= lo else { return nil }
        let q = quantumExponent(lo, format)
        guard quantumExponent(hi, format) == q else { return nil }
        let scale = pow2(1 - q)  // 2/2^q: exact, and 2·x/2^q is exact in binary64 (q >= -150)
        let a = lo * scale, b = hi * scale
        let cell = a.rounded(.down)
        guard cell == b.rounded(.down), a != cell else { return nil }
        // lo is strictly inside (c/2, (c+1)/2) quanta: truncation n = ⌊c/2⌋, and the midpoint
        // n + 1/2 is below lo exactly when c is odd.
        let n = (cell / 2).rounded(.down)
        let aboveMidpoint = cell != 2 * n
        let down = value(n, q, format, rule: .down), up = value(n + 1, q, format, rule: .up)
        // Past the largest finite value, nearest overflows to +inf where down stops at the largest.
        let nearest = value(aboveMidpoint ? n + 1 : n, q, format, rule: .toNearestOrEven)
        return CorrectRoundings(nearest: nearest, down: down, up: up, approximate: lo / 2 + hi / 2)
    }

    /// n·2^q in `format` (n a whole number of quanta, positive direction), the largest finite value
    /// or +inf past the top as `rule` says (down: the largest finite value; up, nearest: +inf).
    static func value(_ n: Double, _ q: Int, _ format: FloatFormat, rule: FloatingPointRoundingRule) -> FloatValue {
        let r = n * pow2(q)
        if r > largest(format) { return rule == .down ? .greatestFinite(format) : .infinity(format) }
        return encode(r, format)
    }

    /// The exponent q of the quantum 2^q of the binade of a > 0 in the format (the subnormal
    /// quantum below the normal range).
    @inline(__always)
    static func quantumExponent(_ a: Double, _ format: FloatFormat) -> Int {
        let biased = Int(a.bitPattern >> 52 & 0x7FF)
        let e = biased == 0 ? Int(a.exponent) : biased - 1023
        return max(e, format.minExponent) - (format.precision - 1)
    }

    /// `d` (finite) rounded to `format` under `rule`, overflowing as IEEE 754 says: to ±inf when
    /// rounding to nearest or away from zero's side, else to the largest finite value.
    public static func round(_ d: Double, _ format: FloatFormat, _ rule: FloatingPointRoundingRule) -> FloatValue {
        let negative = d.sign == .minus
        let a = d.magnitude
        if a == 0 { return .zero(format, negative: negative) }
        // a·2^-q is exact in binary64 and its integer part is the truncated significand.
        let q = quantumExponent(a, format)
        let m = a * pow2(-q)
        var n = m.rounded(.down)
        let fraction = m - n
        switch rule {
        case .toNearestOrEven:
            if fraction > 0.5 || (fraction == 0.5 && UInt64(n) & 1 == 1) { n += 1 }
        case .down: if fraction > 0 && negative { n += 1 }
        case .up: if fraction > 0 && !negative { n += 1 }
        default: break
        }
        let r = n * pow2(q)
        if r > largest(format) {
            let toInfinity = rule == .toNearestOrEven || (rule == .up && !negative) || (rule == .down && negative)
            return toInfinity ? .infinity(format, negative: negative) : .greatestFinite(format, negative: negative)
        }
        return encode(negative ? -r : r, format)
    }

    /// 2^e for -1074 <= e <= 1023, from its bits (subnormal below -1022).
    @inline(__always)
    static func pow2(_ e: Int) -> Double {
        e >= -1022 ? Double(bitPattern: UInt64(e + 1023) << 52) : Double(bitPattern: 1 << UInt64(e + 1074))
    }

    /// The largest finite value of a format of precision <= 24: (2 - 2^(1-p))·2^emax.
    @inline(__always)
    static func largest(_ format: FloatFormat) -> Double { (2 - pow2(1 - format.precision)) * pow2(format.maxExponent) }

    /// The value of an encoding of binary16, bfloat16 or binary32 as a binary64 (exact), by
    /// hardware conversion.
    @inline(__always)
    public static func double(_ v: FloatValue) -> Double {
        switch v.format {
        case .binary16: Double(Float16(bitPattern: UInt16(truncatingIfNeeded: v.bits)))
        case .bfloat16: Double(Float(bitPattern: UInt32(truncatingIfNeeded: v.bits) << 16))
        case .binary32: Double(Float(bitPattern: UInt32(truncatingIfNeeded: v.bits)))
        default: v.double
        }
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
