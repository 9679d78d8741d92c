import Multiprecision

// The reference ("oracle") for the softmax family.
//
// Implementation goals, in order of priority:
// 1. Correctly rounded, always: every result is the exact value rounded once, decided from
//    rigorous enclosures (series exp and log with explicit remainder bounds; no floating-point
//    arithmetic and no libm anywhere).
// 2. Terminates or reports: exact cases are held exactly, the far tails are bounded instead of
//    evaluated, and Ziv's loop stops at a precision cap with an error.
// 3. Fast enough for sweeps: softmax and sigmoid first try 128-bit fixed point (FixedWidth/),
//    then fixed-point series on GMP integers, in place.

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
        if let values = FixedWidthSoftmax.attempt(request, format: format, rule: rounding) {
            return ReferenceResult(values: values, gradient: nil)
        }
        return try evaluateBySeries(request, format: format, rounding: rounding)
    }

    /// ``evaluate(_:format:rounding:)`` without the fixed-width first attempt: Ziv's loop on GMP.
    static func evaluateBySeries(_ request: ReferenceRequest, format: FloatFormat,
                                 rounding: FloatingPointRoundingRule) throws(ReferenceError) -> ReferenceResult<FloatValue> {
        let bits = format.precision + 12 + request.input.count.bitWidthForPrecision
        let (values, gradient) = try ZivLoop.run(request.rowRequest, initialBits: bits, decide: rounder(format, rounding))
        return ReferenceResult(values: values, gradient: gradient)
    }

    /// Every output of `request` correctly rounded (to nearest, ties to even) to `digits`
    /// significant decimal digits, as text: "nan", "inf", "-inf" for specials, and a bound such as
    /// "<1e-39456" for a value too small for its digits to be computed (below e^-131072).
    public static func evaluate(_ request: ReferenceRequest, significantDigits digits: Int) throws(ReferenceError) -> ReferenceResult<String> {
        precondition(digits >= 1, "at least one significant digit")
        let bits = digits * 10 / 3 + 12 + request.input.count.bitWidthForPrecision
        var row = request.rowRequest
        row.tailBits = decimalTailBits
        let (values, gradient) = try ZivLoop.run(row, initialBits: bits, decide: decimalDecider(digits))
        return ReferenceResult(values: values, gradient: gradient)
    }

    /// The far-tail threshold for decimal output: values above e^-131072 (about 1e-56924) get digits.
    static let decimalTailBits = 1 << 17

    /// Enclosures of every output of `request` at `bits` bits of working precision, for callers
    /// that measure errors against the exact value (in ulps) rather than against a rounding.
    public static func enclosures(_ request: ReferenceRequest, bits: Int) -> ReferenceResult<Enclosure> {
        if bits <= FixedWidthSoftmax.enclosureBits(count: request.function == .sigmoid ? 2 : request.input.count),
           let fast = FixedWidthSoftmax.enclosures(request) {
            return ReferenceResult(values: fast.map { .interval($0) }, gradient: nil)
        }
        let outputs = request.rowRequest.enclosures(bits: bits)
        return ReferenceResult(values: outputs.values, gradient: outputs.gradient)
    }

    /// Ziv's decision for `format` under `rounding`: the rounded value, or nil when undecided.
    static func rounder(_ format: FloatFormat, _ rounding: FloatingPointRoundingRule) -> (Enclosure) -> FloatValue? {
        { enclosure in
            switch enclosure {
            case .nan: .nan(format)
            case .infinity(let negative): .infinity(format, negative: negative)
            case .exact(let r): format.round(r, rounding)
            case .interval(let i): format.round(i, rounding)
            }
        }
    }

    /// Ziv's decision for `digits` significant decimal digits: the text, or nil when undecided.
    static func decimalDecider(_ digits: Int) -> (Enclosure) -> String? {
        { enclosure in
            switch enclosure {
            case .nan: "nan"
            case .infinity(let negative): negative ? "-inf" : "inf"
            case .exact(let r): r.isZero ? "0" : r.decimalDigits(significant: digits)!.description
            case .interval(let i): decide(i, digits: digits)
            }
        }
    }

    private static func decide(_ i: DyadicInterval, digits: Int) -> String? {
        if i.isExact && i.lower.isZero { return "0" }
        // A far-tail bound (0, u] or [-u, 0): no digits exist to compute, so report the bound.
        let farTail = Dyadic.powerOfTwo(-decimalTailBits / 2)
        if i.lower.isZero && i.lowerIsOpen && i.upper < farTail { return "<" + decimalBound(i.upper) }
        if i.upper.isZero && i.upperIsOpen && -i.lower < farTail { return ">-" + decimalBound(-i.lower) }
        let lo = Rational(i.lower).decimalDigits(significant: digits, nudge: i.lowerIsOpen ? .above : .exact)
        let hi = Rational(i.upper).decimalDigits(significant: digits, nudge: i.upperIsOpen ? .below : .exact)
        guard let lo, let hi, lo == hi else { return nil }
        return lo.description
    }

    /// 10^k for the least k with u < 10^k, as "1e<k>".
    private static func decimalBound(_ u: Dyadic) -> String { "1e\(Rational(u).floorLog10 + 1)" }
}

extension Int {
    /// ⌈log2(self + 1)⌉: the extra bits a sum of `self` rounded terms can lose.
    var bitWidthForPrecision: Int { Int.bitWidth - (self).leadingZeroBitCount }
}
