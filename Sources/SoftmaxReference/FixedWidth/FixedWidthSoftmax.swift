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
        outputs(request, placeholder: .zero(format)) { b in round(b, format: format, rule: rule) }
    }

    /// Enclosures of the outputs of a softmax or sigmoid request in base e, each of relative width
    /// at most (n + 6)·2^-99 (n = 2 for sigmoid); nil for any other request or row out of range.
    static func enclosures(_ request: ReferenceRequest) -> [DyadicInterval]? {
        outputs(request, placeholder: DyadicInterval(exactly: .zero)) { b in
            if b.isTail {
                return DyadicInterval(lower: .zero, upper: .powerOfTwo(-4096), lowerIsOpen: true, upperIsOpen: true)
            }
            let upper = b.upperReachesOne ? Dyadic.one : Dyadic(mantissa: BigInt(b.upper), exponent: b.exponent)
            return DyadicInterval(lower: Dyadic(mantissa: BigInt(b.lower), exponent: b.exponent), upper: upper,
                                  lowerIsOpen: true, upperIsOpen: true)
        }
    }

    /// The width ``enclosures(_:)`` guarantees for rows of `count` entries, in bits.
    static func enclosureBits(count: Int) -> Int { 99 - (count + 6).bitWidthForPrecision }

    /// `transform` of the bounds of every output of a softmax (one row) or sigmoid (a pair [β·x_i, 0]
    /// per element) request, or nil when the request is not one of those in base e, the row is out
    /// of the fixed-point range, or `transform` gives up on an output.
    private static func outputs<T>(_ request: ReferenceRequest, placeholder: T,
                                   _ transform: (OutputBounds) -> T?) -> [T]? {
        let x = request.input, beta = request.beta
        guard request.base == nil, beta.isFinite, x.allSatisfy(\.isFinite) else { return nil }
        var out = [T](repeating: placeholder, count: x.count)
        let done = out.withUnsafeMutableBufferPointer { out -> Bool in
            /// Stores the transformed bounds at `index`; false when `transform` gives up.
            func store(_ b: OutputBounds, at index: Int) -> Bool {
                guard let value = transform(b) else { return false }
                out[index] = value
                return true
            }
            switch request.function {
            case .softmax:
                guard (2...maximumCount).contains(x.count) else { return false }
                return x.map { ExactLogit($0, beta: beta) }.withUnsafeBufferPointer { t in
                    withBounds(t, outputs: x.count) { i, b in store(b, at: i) }
                }
            case .sigmoid:
                return withUnsafeTemporaryAllocation(of: ExactLogit.self, capacity: 2) { pair -> Bool in
                    pair.initialize(repeating: ExactLogit(.zero(.binary64), beta: beta))
                    for i in x.indices {
                        pair[0] = ExactLogit(x[i], beta: beta)
                        guard withBounds(UnsafeBufferPointer(pair), outputs: 1, { _, b in store(b, at: i) }) else { return false }
                    }
                    return true
                }
            default:
                return false
            }
        }
        return done ? out : nil
    }

    /// One entry: t at scale 2^-114 (floor and ceiling; nil beyond 2^13 in magnitude), then its
    /// weight e^(t_i - max t) = mantissa·2^(-125-k), or a far-tail weight below e^-4096.
    private struct Entry {
        var scaled: (floor: Int128, ceiling: Int128)?
        var mantissa: UInt128 = 0
        var k = 0
        var isTail = true
    }

    /// Bounds of one output s_i: lower·2^exponent <= s_i <= upper·2^exponent, or for a far-tail
    /// entry 0 < s_i < 2^-4096 (and s_i > 2^-20000). `upper` may reach 1, although s_i < 1.
    struct OutputBounds {
        var lower: UInt128 = 0
        var upper: UInt128 = 0
        var exponent = 0
        var isTail = true

        /// Whether the upper bound is at least 1 (every s_i < 1 when n >= 2).
        var upperReachesOne: Bool { !isTail && exponent + 128 - upper.leadingZeroBitCount > 0 }
    }

    /// The common rounding of everything within `b`, or nil when its ends round differently.
    private static func round(_ b: OutputBounds, format: FloatFormat, rule: FloatingPointRoundingRule) -> FloatValue? {
        let lower: FloatValue, upper: FloatValue
        if b.isTail {
            lower = format.roundPositive(mantissa: 1, exponent: -20_000, rule)
            upper = format.roundPositive(mantissa: 1, exponent: -4096, rule)
        } else {
            lower = format.roundPositive(mantissa: b.lower, exponent: b.exponent, rule)
            // An upper end at or above 1 comes down to 1 - 2^-127, which rounds as every value in
            // [1 - 2^-127, 1) does.
            upper = b.upperReachesOne
                ? format.roundPositive(mantissa: UInt128.max >> 1, exponent: -127, rule)
                : format.roundPositive(mantissa: b.upper, exponent: b.exponent, rule)
        }
        return lower == upper ? lower : nil
    }

    /// Calls `body` with the bounds of the first `outputs` entries of softmax(t), in order, while
    /// it returns true; false when the row is out of the fixed-point range or `body` stopped.
    private static func withBounds(_ t: UnsafeBufferPointer<ExactLogit>, outputs: Int,
                                   _ body: (Int, OutputBounds) -> Bool) -> Bool {
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
            for i in 0..<outputs {
                let w = entries[i]
                var b = OutputBounds()
                if !w.isTail {
                    // s_i = mantissa·2^(-125-k) · inverse·2^-126; the high half of the product has
                    // the scale 2^(128-251-k).
                    let widened = w.mantissa + (w.mantissa >> UInt128(-FixedExp.relativeSlackExponent)) + 1
                    b = OutputBounds(lower: w.mantissa.multipliedFullWidth(by: inverseLower).high,
                                     upper: widened.multipliedFullWidth(by: inverseUpper).high + 1,
                                     exponent: 128 - 251 - w.k, isTail: false)
                }
                guard body(i, b) else { return false }
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
