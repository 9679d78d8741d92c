import Multiprecision

extension RowRequest {
    /// The softmax vector-Jacobian product c·s_j·(v_j - ⟨v, s⟩), computed as
    /// c·s_j·Σ_G C_G·s_G over the groups G of equal logits, C_G = Σ_{i in G} (v_j - v_i): the same
    /// value without subtracting two nearly equal terms.
    ///
    /// By Lindemann–Weierstrass the distinct e^(t_G) are linearly independent over the rationals,
    /// so the output is exactly 0 when every C_G is 0, and otherwise non-zero: such zeros are held
    /// exactly, or Ziv's loop could never decide them. When only far-tail groups (probabilities
    /// bounded, not evaluated) have C_G ≠ 0, the output is below every format's least subnormal
    /// and only its sign matters; it is the sign of the leading such group when the gaps between
    /// logits make that group dominate (``dominantSign(_:)``).
    func softmaxVJP(bits: Int) -> [Enclosure] {
        let n = logits.count
        let v = vector!
        guard let s = distribution(logits, bits: bits) else { return Array(repeating: .nan, count: n) }
        if let exact = s.exact, let c = exactScale {
            let vr = v.map(Rational.init)
            let dot = zip(vr, exact).reduce(Rational(0)) { $0 + $1.0 * $1.1 }
            return (0..<n).map { j in .exact(c * exact[j] * (vr[j] - dot)) }
        }
        let c = scale.magnitude(bits: bits + 8)
        let sign = scale.signum
        let groups = Dictionary(grouping: logits.indices.filter { logits[$0].isFinite }, by: { logits[$0].dyadic! })
            .sorted { $0.key > $1.key }
        return (0..<n).map { j -> Enclosure in
            guard logits[j].isFinite else { return .exact(Rational(0)) }
            let terms = groups.compactMap { (x, members) -> (x: Dyadic, coefficient: Dyadic, p: DyadicInterval)? in
                let coefficient = members.reduce(Dyadic.zero) { $0 + v[j] - v[$1] }
                return coefficient.isZero ? nil : (x, coefficient, s.probability(members[0]))
            }
            if terms.isEmpty { return .exact(Rational(0)) }
            let isTail = { (p: DyadicInterval) in p.lower.isZero && p.lowerIsOpen }
            var sum = DyadicInterval(exactly: .zero)
            for term in terms where !isTail(term.p) {
                sum = sum.adding(term.p.multiplying(by: term.coefficient, bits: bits + 8), bits: bits + 8)
            }
            let tails = terms.filter { isTail($0.p) }
            if sum.isExact && sum.lower.isZero, let tailSign = dominantSign(tails.map { ($0.x, $0.coefficient) }) {
                // |output| < c·s_j·Σ|C_G|·s_G: a bound, open at 0, on the side of the sign.
                let bound = tails.reduce(Dyadic.zero) { $0 + $1.coefficient.magnitude * $1.p.upper }
                sum = DyadicInterval(lower: .zero, upper: bound, lowerIsOpen: true, upperIsOpen: true)
                if tailSign < 0 { sum = sum.negated }
            } else {
                for term in tails {
                    sum = sum.adding(term.p.multiplying(by: term.coefficient, bits: bits + 8), bits: bits + 8)
                }
            }
            let scaled = sum.multiplyingSigned(byNonNegative: s.probability(j), bits: bits + 8)
                .multiplyingSigned(byNonNegative: c, bits: bits)
            return .interval(sign >= 0 ? scaled : scaled.negated)
        }
    }

    /// The sign of Σ C_k·e^(c·x_k) over groups sorted by x descending, when the first term
    /// dominates: e^(-d) <= 2^(-floor d) for d >= 0, so it does once Σ_{k>1} |C_k|·2^(-floor(c·(x_1 - x_2)))
    /// < |C_1|. nil otherwise, or when the base is not e (c not exact) or c <= 0.
    private func dominantSign(_ terms: [(x: Dyadic, coefficient: Dyadic)]) -> Int? {
        guard scale.base == nil, scale.beta.signum > 0, let first = terms.first else { return terms.isEmpty ? 0 : nil }
        guard terms.count > 1 else { return first.coefficient.signum }
        let gap = scale.beta * (first.x - terms[1].x)
        guard let whole = (gap.exponent >= 0 ? gap.mantissa.shiftedLeft(by: gap.exponent)
                           : gap.mantissa.shiftedRight(by: -gap.exponent, rounding: .floor)).exactInt else { return first.coefficient.signum }
        let rest = terms.dropFirst().reduce(Dyadic.zero) { $0 + $1.coefficient.magnitude }
        return rest * Dyadic.powerOfTwo(-min(whole, 1 << 30)) < first.coefficient.magnitude ? first.coefficient.signum : nil
    }
}
