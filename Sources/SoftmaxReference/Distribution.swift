import Multiprecision

/// Enclosures of a row's softmax probabilities over all n entries, including masked and +inf ones.
///
/// Finite rows read them from ``Weights``; rows with +inf logits use the limit 1/k (see
/// ``RowClass``); masked (-inf) entries have probability 0 and complement 1.
struct Distribution {
    private let probabilities: [DyadicInterval]
    private let complementValues: [DyadicInterval]
    /// The probabilities as exact rationals, when they are (see ``Weights/exactProbabilities``).
    let exact: [Rational]?
    /// The unnormalised weights of a finite row and the row positions they belong to.
    let row: (indices: [Int], weights: Weights)?

    /// s_i.
    func probability(_ i: Int) -> DyadicInterval { probabilities[i] }
    /// 1 - s_i, without cancellation (only when built `withComplements`).
    func complement(_ i: Int) -> DyadicInterval { complementValues[i] }

    /// The finite row `values` at positions `indices` of a row of `count` entries.
    init(count: Int, indices: [Int], weights: Weights, withComplements: Bool) {
        var p = [DyadicInterval](repeating: DyadicInterval(exactly: .zero), count: count)
        var q = [DyadicInterval](repeating: DyadicInterval(exactly: .one), count: count)
        let finite = weights.weights.indices.map(weights.softmax)
        for (j, i) in indices.enumerated() { p[i] = finite[j] }
        if withComplements {
            for (j, c) in weights.complements(of: finite).enumerated() { q[indices[j]] = c }
        }
        probabilities = p
        complementValues = q
        row = (indices, weights)
        exact = weights.exactProbabilities.map { e in
            var all = [Rational](repeating: Rational(0), count: count)
            for (j, i) in indices.enumerated() { all[i] = e[j] }
            return all
        }
    }

    /// The limit distribution 1/k on the k entries with t = +inf.
    init(count: Int, positiveInfinities: [Int], bits: Int) {
        let k = Dyadic(positiveInfinities.count)
        let members = Set(positiveInfinities)
        let share = DyadicInterval(exactly: .one).dividingNonNegative(by: DyadicInterval(exactly: k), bits: bits)
        let rest = DyadicInterval(exactly: k - .one).dividingNonNegative(by: DyadicInterval(exactly: k), bits: bits)
        probabilities = (0..<count).map { members.contains($0) ? share : DyadicInterval(exactly: .zero) }
        complementValues = (0..<count).map { members.contains($0) ? rest : DyadicInterval(exactly: .one) }
        row = nil
        exact = (0..<count).map { members.contains($0) ? Rational(1, BigInt(positiveInfinities.count)) : Rational(0) }
    }
}

extension DyadicInterval {
    /// self · m for a signed self and a non-negative m, rounded outward.
    func multiplyingSigned(byNonNegative m: DyadicInterval, bits: Int) -> DyadicInterval {
        if lower.signum >= 0 { return multiplyingNonNegative(m, bits: bits) }
        if upper.signum <= 0 { return negated.multiplyingNonNegative(m, bits: bits).negated }
        // Straddles zero: [m_hi·lower, m_hi·upper].
        return DyadicInterval(lower: lower, upper: upper, lowerIsOpen: lowerIsOpen, upperIsOpen: upperIsOpen)
            .multiplying(by: m.upper, bits: bits)
    }
}

extension DyadicInterval {
    /// The rational `r` itself when it is dyadic, else an open enclosure of it to `bits` bits.
    init(enclosing r: Rational, bits: Int) {
        if let d = r.dyadic {
            self.init(exactly: d)
            return
        }
        let shift = bits - r.floorLog2
        let scaled = r.timesPowerOfTwo(shift)
        let floor = scaled.numerator.divided(by: scaled.denominator, rounding: .floor)
        self.init(lower: Dyadic(mantissa: floor, exponent: -shift), upper: Dyadic(mantissa: floor + 1, exponent: -shift),
                  lowerIsOpen: true, upperIsOpen: true)
    }
}
