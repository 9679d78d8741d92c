import Multiprecision

extension RowRequest {
    /// The cross-entropy loss -Σ q_i·ln s_i of a finite row, as -c·R + (Σq)·ln(S / w_r) with
    /// R = Σ q_i·(x_i - x_r) exact: the ln S of every term cancels exactly when Σq = 0 (target
    /// [1, -1] on [1, 0] gives exactly -1). nil when a masked entry has q_i != 0 (the loss is
    /// then infinite, see `loss(q:logSoftmax:bits:)`) or the row is not finite.
    ///
    /// Exact otherwise only as ln 1 = 0: with a base b and rational probabilities the loss is
    /// ln(b^(-β·R)·(S/w_r)^(Σq)), checked for an integer Σq of at most 64; every other value is
    /// transcendental (Lindemann–Weierstrass: ln of an algebraic number != 1, or a rational plus
    /// a non-zero multiple of ln S with S != 1).
    func finiteRowLoss(q: [Dyadic], distribution s: Distribution, bits: Int) -> Enclosure? {
        guard let (indices, w) = s.row else { return nil }
        let positions = Set(indices)
        guard q.indices.allSatisfy({ q[$0].isZero || positions.contains($0) }) else { return nil }
        let xr = logits[indices[w.reference]].dyadic!
        let r = indices.reduce(Dyadic.zero) { $0 + q[$1] * (logits[$1].dyadic! - xr) }
        let qSum = q.reduce(Dyadic.zero, +)
        if isExactlyZeroLoss(r: r, qSum: qSum, weights: w) { return .exact(Rational(0)) }
        let head = scaled(-Rational(r), bits: bits + 8)
        let partition = qSum.isZero ? DyadicInterval(exactly: .zero) : w.logPartition().multiplying(by: qSum, bits: bits + 8)
        switch head {
        case .exact(let value) where partition.isExact && partition.lower.isZero: return .exact(value)
        case .exact(let value): return .interval(DyadicInterval(enclosing: value, bits: bits + 8).adding(partition, bits: bits))
        case .interval(let value): return .interval(value.adding(partition, bits: bits))
        case .nan, .infinity: preconditionFailure("c·R of finite values is finite")
        }
    }

    /// Whether b^(-β·R)·(S/w_r)^(Σq) = 1 for rational S/w_r and an integer Σq, |Σq| <= 64.
    private func isExactlyZeroLoss(r: Dyadic, qSum: Dyadic, weights w: Weights) -> Bool {
        guard let base = scale.base, scale.signum != 0, let partition = w.exactPartition,
              let k = qSum.exactInteger?.exactInt, abs(k) <= 64,
              let power = BaseRoot(base).rationalPower(-(scale.beta * r)) else { return false }
        var product = power
        for _ in 0..<abs(k) { product = k > 0 ? product * partition : product / partition }
        return product == Rational(1)
    }
}
