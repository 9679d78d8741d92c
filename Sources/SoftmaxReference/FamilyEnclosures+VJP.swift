import Multiprecision

extension RowRequest {
    /// The softmax vector-Jacobian product c·s_j·(v_j - ⟨v, s⟩), computed as
    /// c·(w_j / S²)·U_j with U_j = Σ_G C_G·w_G over the groups G of equal logits and
    /// C_G = Σ_{i in G} (v_j - v_i): the same value without subtracting two nearly equal terms.
    ///
    /// Zeros are held exactly, or Ziv's loop could never decide them:
    /// - rational probabilities (equal logits, β = 0, rational powers of a base): the rational
    ///   part s_j·(v_j - ⟨v, s⟩) is exact and c times it is exact, zero, or transcendental;
    /// - otherwise the exact weights' terms of U_j are summed exactly. With base e the distinct
    ///   e^(t_G) are linearly independent over Q (Lindemann–Weierstrass), so U_j = 0 only when
    ///   every C_G = 0; with a base b the rational weights form one such class (``BaseRoot``).
    /// Far-tail groups (weights bounded, not evaluated) are summed relative to the first of them
    /// (``combined(_:weights:bits:)``), so when the rest cancels the output is a bound below every
    /// format's least subnormal on the side of its sign.
    func softmaxVJP(bits: Int) -> [Enclosure] {
        let n = logits.count
        let v = vector!
        guard let s = distribution(logits, bits: bits) else { return Array(repeating: .nan, count: n) }
        if let exact = s.exact {
            let vr = v.map(Rational.init)
            let dot = zip(vr, exact).reduce(Rational(0)) { $0 + $1.0 * $1.1 }
            return (0..<n).map { j in scaled(exact[j] * (vr[j] - dot), bits: bits) }
        }
        guard let (indices, w) = s.row else { preconditionFailure("a row without exact probabilities is finite") }
        let c = scale.magnitude(bits: bits + 8)
        let sign = scale.signum
        // Groups of equal logits, in decreasing order of weight (t = c·x descending).
        let groups = Dictionary(grouping: indices.indices, by: { logits[indices[$0]].dyadic! })
            .sorted { sign >= 0 ? $0.key > $1.key : $0.key < $1.key }
        var out = Array(repeating: Enclosure.exact(Rational(0)), count: n)
        for (jj, j) in indices.enumerated() {
            let terms = groups.compactMap { (x, members) -> (x: Dyadic, coefficient: Dyadic, weight: DyadicInterval)? in
                let coefficient = members.reduce(Dyadic.zero) { $0 + v[j] - v[indices[$1]] }
                return coefficient.isZero ? nil : (x, coefficient, w.weights[members[0]])
            }
            if terms.isEmpty { continue }
            let sum = combined(terms.map { ($0.x, $0.coefficient) }, weights: terms.map(\.weight), bits: bits)
            if sum.isExact && sum.lower.isZero { continue }
            // w_j / S² = s_j / S.
            let factor = w.softmax(jj).dividingNonNegative(by: w.total, bits: bits + 8)
            let scaledSum = sum.multiplyingSigned(byNonNegative: factor, bits: bits + 8)
                .multiplyingSigned(byNonNegative: c, bits: bits)
            out[j] = .interval(sign >= 0 ? scaledSum : scaledSum.negated)
        }
        return out
    }

    /// An enclosure of Σ_k C_k·w_k for groups in decreasing order of t = c·x with enclosed weights
    /// w_k: exact weights summed exactly, series weights as intervals, and the far-tail terms
    /// (weights bounded by (0, ε)) as w_f·Σ_{tail} C_k·e^(t_k - t_f) relative to the first tail
    /// term f, by the same method, so that a cancelling head leaves the tails' sign and not a
    /// straddle of 0 (VJP of [10^6, 0, -1] in base 2: -2^-10^6 + 2^-(10^6+1) < 0).
    private func combined(_ terms: [(x: Dyadic, coefficient: Dyadic)], weights: [DyadicInterval], bits: Int) -> DyadicInterval {
        let isTail = { (p: DyadicInterval) in p.lower.isZero && p.lowerIsOpen }
        var exactPart = Dyadic.zero
        var sum = DyadicInterval(exactly: .zero)
        var tails: [(x: Dyadic, coefficient: Dyadic)] = []
        var tailWeight: DyadicInterval?
        var classes: [SeriesClass] = []
        for (term, weight) in zip(terms, weights) {
            if isTail(weight) {
                tails.append(term)
                if tailWeight == nil { tailWeight = weight }
            } else if weight.isExact {
                exactPart = exactPart + term.coefficient * weight.lower
            } else {
                add(term, weight, to: &classes)
            }
        }
        for c in classes where !c.coefficient.isZero {
            sum = sum.adding(DyadicInterval(enclosing: c.coefficient, bits: bits + 8)
                .multiplyingSigned(byNonNegative: c.weight, bits: bits + 8), bits: bits + 8)
        }
        sum = sum.adding(DyadicInterval(exactly: exactPart), bits: bits + 8)
        if let tailWeight {
            sum = sum.adding(relativeSum(tails, bits: bits).multiplyingSigned(byNonNegative: tailWeight, bits: bits + 8), bits: bits + 8)
        }
        return sum
    }

    /// Series weights whose ratios are rational (b^(β·(x_k - x_r)) with a base b, ``BaseRoot``):
    /// Σ C_k·w_k = w_r·Σ C_k·(w_k / w_r), the second sum exact, so a class that cancels is dropped
    /// instead of leaving a straddle of 0 (base 2, [1, 0.5, -0.5], v = [0, 1, -2]: output 0 is
    /// 2^-1.5·(2·(0 - 1) + (0 + 2)) = 0). Distinct classes are linearly independent over Q.
    private struct SeriesClass {
        let x: Dyadic
        let weight: DyadicInterval
        var coefficient: Rational
    }

    /// Puts a series term into the class of the first representative whose weight ratio with it is rational.
    private func add(_ term: (x: Dyadic, coefficient: Dyadic), _ weight: DyadicInterval, to classes: inout [SeriesClass]) {
        if let base = scale.base {
            let root = BaseRoot(base)
            for i in classes.indices {
                if let ratio = root.rationalPower(scale.beta * (term.x - classes[i].x)) {
                    classes[i].coefficient = classes[i].coefficient + Rational(term.coefficient) * ratio
                    return
                }
            }
        }
        classes.append(SeriesClass(x: term.x, weight: weight, coefficient: Rational(term.coefficient)))
    }

    /// An enclosure of Σ_k C_k·e^(t_k - t_1) for terms in decreasing order of t (see ``combined``).
    private func relativeSum(_ terms: [(x: Dyadic, coefficient: Dyadic)], bits: Int) -> DyadicInterval {
        let w = Weights(logits: terms.map(\.x), scale: scale, bits: bits, tailBits: tailBits)
        let sum = combined(terms, weights: w.weights, bits: bits)
        if sum.isExact && sum.lower.isZero { return sum }
        // w_1 is exact (1, or a^(-μ) with rational powers of a base).
        let inverse = DyadicInterval(exactly: .one).dividingNonNegative(by: w.weights[0], bits: bits + 8)
        return sum.multiplyingSigned(byNonNegative: inverse, bits: bits + 8)
    }
}
