import Multiprecision

/// The factor c = β·ln b that turns logits x into exponents t = c·x.
///
/// With the default base e, c = β is an exact dyadic; another base needs an enclosure of ln b.
/// Both β and b are finite (validated by ``Reference``), b > 0.
struct LogitScale: Sendable {
    let beta: Dyadic
    /// nil for base e.
    let base: Dyadic?

    /// -1, 0 or 1: the sign of c, which decides whether the row's maximum or minimum dominates.
    var signum: Int {
        guard let base else { return beta.signum }
        return beta.signum * Dyadic.compare(base, .one)
    }

    /// An enclosure of |c|.
    func magnitude(bits: Int) -> DyadicInterval {
        guard let base else { return DyadicInterval(exactly: beta.magnitude) }
        if beta.isZero || base == .one { return DyadicInterval(exactly: .zero) }
        let lnB = Log.of(DyadicInterval(exactly: base), bits: bits + 4)
        let lnBMagnitude = lnB.lower.signum >= 0 ? lnB : lnB.negated
        return lnBMagnitude.multiplying(by: beta.magnitude, bits: bits)
    }

    /// An enclosure of c.
    func enclosure(bits: Int) -> DyadicInterval {
        let m = magnitude(bits: bits)
        return signum < 0 ? m.negated : m
    }

    /// An enclosure of c·v for an exact v.
    func times(_ v: Dyadic, bits: Int) -> DyadicInterval {
        if base == nil { return DyadicInterval(exactly: beta * v).rounded(bits: bits) }
        return enclosure(bits: bits).multiplying(by: v, bits: bits)
    }
}

extension DyadicInterval {
    /// The same enclosure with each end rounded outward to `bits` significant bits.
    func rounded(bits: Int) -> DyadicInterval {
        let lo = lower.rounded(toBits: bits, .floor), hi = upper.rounded(toBits: bits, .ceiling)
        return DyadicInterval(lower: lo.value, upper: hi.value,
                              lowerIsOpen: lowerIsOpen || !lo.isExact, upperIsOpen: upperIsOpen || !hi.isExact)
    }
}
