import Multiprecision

/// softmax(β·x) and sigmoid(β·x) by 128-bit fixed-point arithmetic, deciding each rounding from
/// a lower and an upper bound without GMP: the reference's first attempt. Returns nil (and the
/// caller runs Ziv's loop on GMP) when a rounding is undecided, an input is not finite, or a
/// logit lies outside the range the fixed-point layout covers (|β·max x| >= 2^12).
///
/// Bounds, with every weight w_i = e^(t_i - max t) held as a lower bound ŵ_i >= w_i·(1 - 2^-99):
/// S_lo = Σ floor(ŵ_i·2^100) <= S <= (S_lo + n)(1 + 2^-99)·2^-100 = S_hi, and
/// s_i lies in [ŵ_i / S_hi, ŵ_i·(1 + 2^-99) / S_lo]; both ends are rounded to the format, and
/// when they agree, so does every value between them (rounding is monotone).
enum FixedWidthSoftmax {
    /// Rows longer than this go to the general path (keeps Σ below 2^121 in the accumulator).
    static let maximumCount = 1 << 20
    /// Fractional bits of the sum S.
    private static let sumBits = 100

    /// The rounded outputs of a softmax or sigmoid request in base e, or nil (any other request,
    /// or one the fast path cannot decide).
    static func attempt(_ request: ReferenceRequest, format: FloatFormat, rule: FloatingPointRoundingRule) -> [FloatValue]? {
        guard request.base == nil else { return nil }
        switch request.function {
        case .softmax: return softmax(request.input, beta: request.beta, format: format, rule: rule)
        case .sigmoid: return sigmoid(request.input, beta: request.beta, format: format, rule: rule)
        default: return nil
        }
    }

    /// softmax(β·x), each output rounded under `rule`, or nil when the fast path cannot decide.
    static func softmax(_ x: [FloatValue], beta: FloatValue, format: FloatFormat,
                        rule: FloatingPointRoundingRule) -> [FloatValue]? {
        guard (2...maximumCount).contains(x.count), beta.isFinite, x.allSatisfy(\.isFinite) else { return nil }
        let logits = x.map { ExactLogit($0, beta: beta) }
        var out = [FloatValue](repeating: .zero(format), count: x.count)
        let decided = logits.withUnsafeBufferPointer { t in
            out.withUnsafeMutableBufferPointer { decide(t, into: $0, format: format, rule: rule) }
        }
        return decided ? out : nil
    }

    /// σ(β·x_i) = softmax([β·x_i, 0])_0 for each i, or nil when the fast path cannot decide one.
    static func sigmoid(_ x: [FloatValue], beta: FloatValue, format: FloatFormat,
                        rule: FloatingPointRoundingRule) -> [FloatValue]? {
        guard beta.isFinite, x.allSatisfy(\.isFinite) else { return nil }
        let zero = ExactLogit(.zero(.binary64), beta: beta)
        var out = [FloatValue](repeating: .zero(format), count: x.count)
        let decided = withUnsafeTemporaryAllocation(of: ExactLogit.self, capacity: 2) { pair -> Bool in
            pair.initialize(repeating: zero)
            return out.withUnsafeMutableBufferPointer { out in
                for i in 0..<out.count {
                    pair[0] = ExactLogit(x[i], beta: beta)
                    guard decide(UnsafeBufferPointer(pair), into: UnsafeMutableBufferPointer(rebasing: out[i...i]),
                                 format: format, rule: rule) else { return false }
                }
                return true
            }
        }
        return decided ? out : nil
    }

    /// One entry: t at scale 2^-114 (floor and ceiling; nil beyond 2^13 in magnitude), then its
    /// weight e^(t_i - max t) = mantissa·2^(-125-k), or a far-tail weight below e^-4096.
    private struct Entry {
        var scaled: (floor: Int128, ceiling: Int128)?
        var mantissa: UInt128 = 0
        var k = 0
        var isTail = true
    }

    /// Fills `out` with the rounded softmax of `t` (its first `out.count` entries: sigmoid needs
    /// one of two); false when some rounding is undecided.
    private static func decide(_ t: UnsafeBufferPointer<ExactLogit>, into out: UnsafeMutableBufferPointer<FloatValue>,
                               format: FloatFormat, rule: FloatingPointRoundingRule) -> Bool {
        withUnsafeTemporaryAllocation(of: Entry.self, capacity: t.count) { entries -> Bool in
            // The maximum: the true max of t lies in [max of floors, max of ceilings].
            var maxFloor = Int128.min, maxCeiling = Int128.min
            for (i, logit) in t.enumerated() {
                if logit.isLargePositive { return false }
                let s = logit.scaled(fractionBits: FixedExp.argumentBits)  // nil: t <= -2^13, far tail
                entries.initializeElement(at: i, to: Entry(scaled: s))
                guard let s else { continue }
                maxFloor = max(maxFloor, s.floor)
                maxCeiling = max(maxCeiling, s.ceiling)
            }
            // |max t| < 2^12 keeps d = max - t below 3·2^12 (fits UInt128 at scale 2^-114) and
            // makes every t <= -2^13 a far-tail entry.
            let bound = Int128(1) << Int128(12 + FixedExp.argumentBits)
            guard maxFloor > -bound, maxCeiling < bound else { return false }

            var sum: UInt128 = 0
            for i in 0..<t.count {
                guard let s = entries[i].scaled else { continue }
                // d = max - t in [0, 3·2^126): exact as a wrapping unsigned difference.
                let lower = maxFloor < s.ceiling ? 0 : UInt128(bitPattern: maxFloor &- s.ceiling)
                let upper = UInt128(bitPattern: maxCeiling &- s.floor)
                let d = (lower: lower, upper: upper)
                guard d.lower < FixedExp.tailThreshold else { continue }
                let p = FixedExp.power(d)
                entries[i].mantissa = p.mantissa
                entries[i].k = p.k
                entries[i].isTail = false
                let shift = FixedExp.valueBits - sumBits + p.k
                if shift < 128 { sum += p.mantissa >> UInt128(shift) }
            }
            // S_lo = sum (>= 2^99: the maximum's weight is at least 1 - 2^-98) and S_hi.
            let n = UInt128(t.count)
            let sumUpper = sum + n + ((sum + n) >> UInt128(-FixedExp.relativeSlackExponent)) + 1
            // 1/S in [inverseLower, inverseUpper]·2^-126, from one division: with Δ = S_hi - S_lo
            // and S_lo >= 2^99, 2^226/S_hi >= (2^226/S_lo)·(1 - Δ/S_lo) >= (inverseUpper - 1)(1 - Δ·2^-99).
            let inverseUpper = reciprocal(of: sum)
            let shortfall = (inverseUpper - 1).multipliedFullWidth(by: sumUpper - sum)
            let inverseLower = inverseUpper - 2 - ((shortfall.high << 29) | (shortfall.low >> 99))
            for i in 0..<out.count {
                let w = entries[i]
                let lower: FloatValue, upper: FloatValue
                if w.isTail {
                    // 0 < s_i < e^-4096 / S_lo < 2^-4096, and s_i > e^-(3·2^12) / 2^21 > 2^-20000.
                    lower = format.roundPositive(mantissa: 1, exponent: -20_000, rule)
                    upper = format.roundPositive(mantissa: 1, exponent: -4096, rule)
                } else {
                    // s_i = mantissa·2^(-125-k) · inverse·2^-126; the high half of the product has
                    // the scale 2^(128-251-k).
                    let exponent = 128 - 251 - w.k
                    let low = w.mantissa.multipliedFullWidth(by: inverseLower).high
                    let widened = w.mantissa + (w.mantissa >> UInt128(-FixedExp.relativeSlackExponent)) + 1
                    let high = widened.multipliedFullWidth(by: inverseUpper).high + 1
                    lower = format.roundPositive(mantissa: low, exponent: exponent, rule)
                    // With n >= 2 every s_i < 1: an upper end at or above 1 comes down to
                    // 1 - 2^-127, which rounds as every value in [1 - 2^-127, 1) does.
                    upper = exponent + 128 - high.leadingZeroBitCount > 0
                        ? format.roundPositive(mantissa: UInt128.max >> 1, exponent: -127, rule)
                        : format.roundPositive(mantissa: high, exponent: exponent, rule)
                }
                guard lower == upper else { return false }
                out[i] = lower
            }
            return true
        }
    }

    /// The ceiling of 2^226 / s, for 2^99 <= s < 2^127.
    private static func reciprocal(of s: UInt128) -> UInt128 {
        let (quotient, remainder) = s.dividingFullWidth((high: UInt128(1) << UInt128(226 - 128), low: 0))
        return remainder != 0 ? quotient + 1 : quotient
    }
}
