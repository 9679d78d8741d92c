import Multiprecision

// The reference ("oracle") for the softmax family.
//
// Implementation goals, in order of priority:
// 1. Correctly rounded, always: every result is the exact value rounded once, decided from
//    rigorous enclosures (series exp and log with explicit remainder bounds; no floating-point
//    arithmetic and no libm anywhere).
// 2. Terminates or reports: exact cases are held exactly, the far tails are bounded instead of
//    evaluated, and Ziv's loop stops at a precision cap with an error.
// 3. Fast enough for sweeps: fixed-point series on GMP integers, in place.

/// Correctly rounded softmax, log-softmax, LogSumExp, sigmoid, softmax Jacobian and cross-entropy.
///
///     let x = [1, 2, 3, 4, 1, 2, 3].map { FloatValue(Double($0)) }
///     let s = try Reference.softmax(x, format: .binary64)   // 0.02364054302159139, ...
public enum Reference {
    /// Every output of `request` correctly rounded to `format` under `rounding`.
    /// - Complexity: O(n) series evaluations at about `format.precision + 12 + log2 n` bits
    ///   (O(n²) outputs for the Jacobian); each rare Ziv retry doubles the precision.
    public static func evaluate(_ request: ReferenceRequest, format: FloatFormat,
                                rounding: FloatingPointRoundingRule = .toNearestOrEven) throws(ReferenceError) -> ReferenceResult<FloatValue> {
        let bits = format.precision + 12 + request.input.count.bitWidthForPrecision
        let (values, gradient) = try ZivLoop.run(request.rowRequest, initialBits: bits) { (enclosure: Enclosure) -> FloatValue? in
            switch enclosure {
            case .nan: .nan(format)
            case .infinity(let negative): .infinity(format, negative: negative)
            case .interval(let i): format.round(i, rounding)
            }
        }
        return ReferenceResult(values: values, gradient: gradient)
    }

    /// Every output of `request` correctly rounded (to nearest, ties to even) to `digits`
    /// significant decimal digits: "nan", "inf", "-inf" for specials.
    public static func evaluate(_ request: ReferenceRequest, significantDigits digits: Int) throws(ReferenceError) -> ReferenceResult<DecimalDigits?> {
        precondition(digits >= 1, "at least one significant digit")
        let bits = digits * 10 / 3 + 12 + request.input.count.bitWidthForPrecision
        let (values, gradient) = try ZivLoop.run(request.rowRequest, initialBits: bits) { enclosure -> DecimalDigits?? in
            switch enclosure {
            case .nan, .infinity: .some(nil)
            case .interval(let i):
                if i.isExact && i.lower.isZero { .some(DecimalDigits(negative: false, digits: "0", exponent: 0)) }
                else { decide(i, digits: digits) }
            }
        }
        return ReferenceResult(values: values, gradient: gradient)
    }

    /// Enclosures of every output of `request` at `bits` bits of working precision, for callers
    /// that measure errors against the exact value (in ulps) rather than against a rounding.
    public static func enclosures(_ request: ReferenceRequest, bits: Int) -> ReferenceResult<Enclosure> {
        let outputs = request.rowRequest.enclosures(bits: bits)
        return ReferenceResult(values: outputs.values, gradient: outputs.gradient)
    }

    private static func decide(_ i: DyadicInterval, digits: Int) -> DecimalDigits?? {
        let lo = Rational(i.lower).decimalDigits(significant: digits, nudge: i.lowerIsOpen ? .above : .exact)
        let hi = Rational(i.upper).decimalDigits(significant: digits, nudge: i.upperIsOpen ? .below : .exact)
        guard let lo, let hi, lo == hi else { return nil }
        return .some(lo)
    }
}

extension Int {
    /// ⌈log2(self + 1)⌉: the extra bits a sum of `self` rounded terms can lose.
    var bitWidthForPrecision: Int { Int.bitWidth - (self).leadingZeroBitCount }
}
