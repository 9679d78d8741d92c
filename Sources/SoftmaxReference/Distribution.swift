import Multiprecision

/// Enclosures of a row's softmax probabilities over all n entries, including masked and +inf ones.
///
/// Finite rows read them from ``Weights``; rows with +inf logits use the limit 1/k (see
/// ``RowClass``); masked (-inf) entries have probability 0 and complement 1.
struct Distribution {
    let count: Int
    let bits: Int
    private let probabilityAt: (Int) -> DyadicInterval
    private let complementAt: (Int) -> DyadicInterval

    /// s_i.
    func probability(_ i: Int) -> DyadicInterval { probabilityAt(i) }
    /// 1 - s_i, without cancellation.
    func complement(_ i: Int) -> DyadicInterval { complementAt(i) }

    /// The finite row `values` at positions `indices` of a row of `count` entries.
    init(count: Int, indices: [Int], weights: Weights) {
        self.count = count
        bits = weights.bits
        var position = [Int: Int]()
        for (j, i) in indices.enumerated() { position[i] = j }
        probabilityAt = { i in position[i].map(weights.softmax) ?? DyadicInterval(exactly: .zero) }
        complementAt = { i in position[i].map(weights.complement) ?? DyadicInterval(exactly: .one) }
    }

    /// The limit distribution 1/k on the k entries with t = +inf.
    init(count: Int, positiveInfinities: [Int], bits: Int) {
        self.count = count
        self.bits = bits
        let k = Dyadic(positiveInfinities.count)
        let members = Set(positiveInfinities)
        let share = DyadicInterval(exactly: .one).dividingNonNegative(by: DyadicInterval(exactly: k), bits: bits)
        let rest = DyadicInterval(exactly: k - .one).dividingNonNegative(by: DyadicInterval(exactly: k), bits: bits)
        probabilityAt = { members.contains($0) ? share : DyadicInterval(exactly: .zero) }
        complementAt = { members.contains($0) ? rest : DyadicInterval(exactly: .one) }
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
