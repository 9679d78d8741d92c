import Multiprecision

/// The unnormalised softmax weights of a row of finite logits, enclosed at one working precision.
///
/// The reference index r maximises t = c·x (first occurrence). Each weight is
/// w_i = e^(t_i - t_r) = e^(d_i) <= 1, so w_r = 1 exactly; softmax is w_i / S with S = Σ w_j.
/// Quantities that would cancel are kept apart instead: `others` = S - w_r is summed directly,
/// so 1 - s_r = others / S and ln(S / w_r) = ln(1 + others / w_r) keep their relative precision.
///
/// When the base b is not e, w_i = b^(q_i) with q_i = β·(x_i - x_r) is rational exactly when
/// q_i·2^j is an integer m_i (``BaseRoot``: b = a^(2^j)); softmax_9([0.5, 0]) = [3/4, 1/4]. Those
/// weights are held exactly, scaled by a common a^(-μ) (μ the least such m_i) so that each is a
/// dyadic a^(m_i - μ); w_r is then a^(-μ), not 1, and the other weights are scaled to match.
/// When every weight is rational the results are exact rationals; when some are not, the exact
/// ones still keep sums such as Σ C_G·w_G of the VJP exact where they cancel.
struct Weights {
    let reference: Int
    let weights: [DyadicInterval]
    let others: DyadicInterval
    let total: DyadicInterval
    let bits: Int
    /// Enclosures of d_i = t_i - t_r <= 0.
    let exponents: [DyadicInterval]

    init(logits x: [Dyadic], scale: LogitScale, bits: Int, tailBits: Int) {
        precondition(!x.isEmpty, "weights of an empty row")
        self.bits = bits
        let sign = scale.signum
        var r = 0
        for i in x.indices where sign * Dyadic.compare(x[i], x[r]) > 0 { r = i }
        reference = r
        let cMagnitude = scale.magnitude(bits: bits + 8)
        // d_i = c·(x_i - x_r) = -|c|·|x_i - x_r|, exact differences of dyadics.
        let gaps = x.map { ($0 - x[r]).magnitude }
        let d = gaps.map { cMagnitude.multiplying(by: $0, bits: bits + 8).negated }
        exponents = d
        // A rational weight beyond the far tail joins the tails when some weight is irrational:
        // held exactly it would ask for as many bits as it is small (1 - 9^-8640 needs 27,388)
        // before the open far-tail bound could decide the rounding. All rational: exact rationals.
        let farTail = Dyadic(-max(tailBits, 2 * (bits + 8)))
        var exact = Weights.exactPowers(logits: x, reference: r, scale: scale) { _ in true }
        if let all = exact, all.contains(where: { $0 == nil }), x.indices.contains(where: { all[$0] != nil && d[$0].upper < farTail }) {
            exact = Weights.exactPowers(logits: x, reference: r, scale: scale) { !(d[$0].upper < farTail) }
        }
        let referenceWeight = exact?[r] ?? .one
        weights = x.indices.map { i in
            if let w = exact?[i] { return DyadicInterval(exactly: w) }
            let e = Exp.ofNonPositive(d[i], bits: bits + 8, tailBits: tailBits)
            return referenceWeight == .one ? e : e.multiplying(by: referenceWeight, bits: bits + 8)
        }
        var othersSum = DyadicInterval(exactly: .zero)
        for i in weights.indices where i != r { othersSum = othersSum.adding(weights[i], bits: bits + 8) }
        others = othersSum
        total = othersSum.adding(weights[r], bits: bits + 8)
    }

    /// The rational weights b^(q_i)·a^(-μ) as dyadics for the entries `kept` (nil where b^(q_i) is
    /// irrational or beyond the bit budget), or nil when the base is e, b = 1 or β = 0.
    private static func exactPowers(logits x: [Dyadic], reference r: Int, scale: LogitScale, kept: (Int) -> Bool) -> [Dyadic?]? {
        guard let base = scale.base, scale.signum != 0 else { return nil }
        let root = BaseRoot(base)
        let m = x.indices.map { kept($0) ? root.integerExponent(scale.beta * (x[$0] - x[r])) : nil }
        let mu = m.compactMap { $0 }.min() ?? 0
        return m.map { $0.map { root.power($0 - mu) } }
    }

    /// s_i = w_i / S.
    func softmax(_ i: Int) -> DyadicInterval { weights[i].dividingNonNegative(by: total, bits: bits) }

    /// 1 - s_i for every i, given the enclosures s_i of ``softmax(_:)``, without cancellation:
    /// others / S for the reference entry (whose probability may be 1 - e^-100000), and 1 - s_i for
    /// the rest, whose probability is at most 1/2 (a ratio of sums would lose the correlation
    /// between them and straddle 1).
    func complements(of probabilities: [DyadicInterval]) -> [DyadicInterval] {
        probabilities.indices.map { i in
            i == reference
                ? others.dividingNonNegative(by: total, bits: bits)
                : DyadicInterval(exactly: .one).subtracting(probabilities[i], bits: bits)
        }
    }

    /// The weights as exact rationals, when every one is known exactly (equal logits, β = 0,
    /// exact powers of a base).
    private var exactWeights: [Rational]? {
        weights.allSatisfy(\.isExact) ? weights.map { Rational($0.lower) } : nil
    }

    /// The exact probabilities, when the weights are exact: rationals, so that c·s_i·(δ_ij − s_j)
    /// can be exact too (β = 3 on three equal logits gives a gradient of exactly -2).
    var exactProbabilities: [Rational]? {
        guard let w = exactWeights else { return nil }
        let sum = w.reduce(Rational(0), +)
        return w.map { $0 / sum }
    }

    /// ln(S / w_r) = ln Σ_j e^(d_j) >= 0, computed as ln(1 + others / w_r).
    func logPartition() -> DyadicInterval {
        Log.onePlus(others.dividingNonNegative(by: weights[reference], bits: bits + 8), bits: bits + 4)
    }

    /// The sum of the exact weights, as a rational, and an enclosure of the sum of the others
    /// (series evaluations and far-tail bounds).
    var splitTotal: (exact: Rational, rest: DyadicInterval) {
        var exact = Rational(0), rest = DyadicInterval(exactly: .zero)
        for w in weights {
            if w.isExact { exact = exact + Rational(w.lower) } else { rest = rest.adding(w, bits: bits + 8) }
        }
        return (exact, rest)
    }

    /// S / w_r as a rational, when the weights are exact (so that ln(S / w_r) can be recognised as 0).
    var exactPartition: Rational? {
        guard let w = exactWeights else { return nil }
        return w.reduce(Rational(0), +) / w[reference]
    }
}

extension DyadicInterval {
    /// The intersection with [0, ∞), for enclosures of quantities known to be non-negative.
    var clampedNonNegative: DyadicInterval {
        guard lower.signum < 0 else { return self }
        return DyadicInterval(lower: .zero, upper: Swift.max(upper, .zero), lowerIsOpen: false, upperIsOpen: upperIsOpen && upper.signum > 0)
    }
}
