import Multiprecision

/// Enclosures of the softmax family built only from ``IndependentExp``, for checking the reference.
public enum IndependentSoftmax {
    public typealias Bounds = (lower: Rational, upper: Rational)

    /// softmax(x)_i for exact logits with max - min <= 2000.
    public static func softmax(_ x: [Rational], bits: Int = 400) -> [Bounds] {
        let m = x.max()!
        let e = x.map { IndependentExp.enclosure($0 - m, bits: bits) }
        let sumLower = e.reduce(Rational(0)) { $0 + $1.lower }
        let sumUpper = e.reduce(Rational(0)) { $0 + $1.upper }
        return e.map { ($0.lower / sumUpper, $0.upper / sumLower) }
    }

    /// log-softmax(x)_i = (x_i - m) - ln Σ e^(x_j - m).
    public static func logSoftmax(_ x: [Rational], bits: Int = 300) -> [Bounds] {
        let m = x.max()!
        let partition = logSumExpShifted(x, bits: bits)
        return x.map { ($0 - m - partition.upper, $0 - m - partition.lower) }
    }

    /// LSE(x) = m + ln Σ e^(x_j - m).
    public static func logSumExp(_ x: [Rational], bits: Int = 300) -> Bounds {
        let m = x.max()!
        let partition = logSumExpShifted(x, bits: bits)
        return (m + partition.lower, m + partition.upper)
    }

    /// σ(x) = 1 / (1 + e^-x).
    public static func sigmoid(_ x: Rational, bits: Int = 400) -> Bounds {
        let e = IndependentExp.enclosure(-x, bits: bits)
        return (Rational(1) / (Rational(1) + e.upper), Rational(1) / (Rational(1) + e.lower))
    }

    private static func logSumExpShifted(_ x: [Rational], bits: Int) -> Bounds {
        let m = x.max()!
        let e = x.map { IndependentExp.enclosure($0 - m, bits: bits + 40) }
        let lower = IndependentExp.logEnclosure(e.reduce(Rational(0)) { $0 + $1.lower }, bits: bits).lower
        let upper = IndependentExp.logEnclosure(e.reduce(Rational(0)) { $0 + $1.upper }, bits: bits).upper
        return (lower, upper)
    }

    /// The softmax VJP β·s_j·(v_j − ⟨v, s⟩) of softmax(β·x), by the textbook formula (the dot
    /// product first, then the difference: not the reference's grouping), in interval arithmetic.
    public static func softmaxVJP(_ x: [Rational], vector v: [Rational], beta: Rational, bits: Int = 400) -> [Bounds] {
        let s = softmax(x.map { beta * $0 }, bits: bits)
        func times(_ k: Rational, _ b: Bounds) -> Bounds { k.signum >= 0 ? (k * b.lower, k * b.upper) : (k * b.upper, k * b.lower) }
        let dot = zip(v, s).map { times($0, $1) }.reduce((Rational(0), Rational(0))) { ($0.0 + $1.0, $0.1 + $1.1) }
        return s.indices.map { j in
            let d: Bounds = (v[j] - dot.1, v[j] - dot.0)
            let sd: Bounds = d.lower.signum >= 0 ? (s[j].lower * d.lower, s[j].upper * d.upper)
                : d.upper.signum <= 0 ? (s[j].upper * d.lower, s[j].lower * d.upper)
                : (s[j].upper * d.lower, s[j].upper * d.upper)
            return times(beta, sd)
        }
    }

    /// The common rounding of both bounds, or nil when they straddle a rounding boundary.
    public static func rounded(_ b: Bounds, _ format: FloatFormat, _ rule: FloatingPointRoundingRule) -> FloatValue? {
        let lo = format.round(b.lower, rule), hi = format.round(b.upper, rule)
        return lo == hi ? lo : nil
    }
}
