import Multiprecision

extension RowRequest {
    /// The cross-entropy loss -Σ q_i·ln s_i of a finite row, as -c·R + (Σq)·ln(S / w_r) with
    /// R = Σ q_i·(x_i - x_r) exact: the ln S of every term cancels exactly when Σq = 0 (target
    /// [1, -1] on [1, 0] gives exactly -1). nil when a masked entry has q_i != 0 (the loss is
    /// then infinite, see `loss(q:logSoftmax:bits:)`) or the row is not finite.
    ///
    /// With a base b != e the rational part of the loss is split off first (see
    /// `lossWithRationalHead`), so that a loss of exactly 0, or one that is only a far tail's
    /// trace, is decided without chasing the cancellation.
    func finiteRowLoss(q: [Dyadic], distribution s: Distribution, bits: Int) -> Enclosure? {
        guard let (indices, w) = s.row else { return nil }
        let positions = Set(indices)
        guard q.indices.allSatisfy({ q[$0].isZero || positions.contains($0) }) else { return nil }
        let xr = logits[indices[w.reference]].dyadic!
        let r = indices.reduce(Dyadic.zero) { $0 + q[$1] * (logits[$1].dyadic! - xr) }
        let qSum = q.reduce(Dyadic.zero, +)
        if let split = lossWithRationalHead(r: r, qSum: qSum, weights: w, bits: bits) { return split }
        let head = scaled(-Rational(r), bits: bits + 8)
        let partition = qSum.isZero ? DyadicInterval(exactly: .zero) : w.logPartition().multiplying(by: qSum, bits: bits + 8)
        switch head {
        case .exact(let value) where partition.isExact && partition.lower.isZero: return .exact(value)
        case .exact(let value): return .interval(DyadicInterval(enclosing: value, bits: bits + 8).adding(partition, bits: bits))
        case .interval(let value): return .interval(value.adding(partition, bits: bits))
        case .nan, .infinity: preconditionFailure("c·R of finite values is finite")
        }
    }

    /// The loss as ln(X)/2^k + Σq·ln(1 + T/E) for a base b != e and Σq = m/2^k != 0, where E is the
    /// sum of the exact weights, T that of the others, and X = b^(-2^k·β·R)·(E/w_r)^m.
    ///
    /// The head ln(X)/2^k is exactly 0 when X = 1 (``BaseRoot/power(_:raisedTo:equals:)``, at any
    /// size), and otherwise kept to its relative precision when X is a rational within
    /// ``BaseRoot/exactBitBudget``; the tail term is open at 0 when T is a bounded far tail. So
    /// base 2, [1, 0, 0, -10^6] with target [-2, 1, 0, 0] (loss -ln(1 + 2^-(10^6+2))) rounds to -0
    /// at once. The loss is exactly 0 only when X = 1 and T = 0: ln X is transcendental for an
    /// algebraic X != 1 (Hermite–Lindemann), and so is ln(1 + T/E) for T != 0 (see ``ZivLoop``).
    /// nil when the head is neither 0 nor a rational within the budget: the general path then
    /// decides every loss that is not within a far tail of 0.
    private func lossWithRationalHead(r: Dyadic, qSum: Dyadic, weights w: Weights, bits: Int) -> Enclosure? {
        guard let base = scale.base, scale.signum != 0, !qSum.isZero else { return nil }
        let k = max(0, -qSum.normalized.exponent)
        guard let m = qSum.timesPowerOfTwo(k).exactInteger?.exactInt else { return nil }
        let (exact, rest) = w.splitTotal
        let ratio = exact / Rational(w.weights[w.reference].lower)
        let exponent = (scale.beta * r).timesPowerOfTwo(k)
        let root = BaseRoot(base)
        let head: DyadicInterval
        if root.power(ratio, raisedTo: m, equals: exponent) {
            head = DyadicInterval(exactly: .zero)
        } else {
            let ratioBits = ratio.numerator.bitWidth + ratio.denominator.bitWidth
            guard m.magnitude <= UInt(BaseRoot.exactBitBudget / ratioBits),
                  let power = root.rationalPower(-exponent) else { return nil }
            head = Log.ofRational(power * ratio.power(m), bits: bits + 8).multiplying(by: .powerOfTwo(-k), bits: bits + 8)
        }
        let tail = rest.isExact && rest.lower.isZero
            ? DyadicInterval(exactly: .zero)
            : Log.onePlus(rest.dividingNonNegative(by: DyadicInterval(enclosing: exact, bits: bits + 8), bits: bits + 8), bits: bits + 8)
                .multiplying(by: qSum, bits: bits + 8)
        if head.isExact && tail.isExact { return .exact(Rational(head.lower + tail.lower)) }
        return .interval(head.adding(tail, bits: bits))
    }
}
