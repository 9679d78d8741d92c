import Multiprecision

/// What the reference knows about one output at a given working precision.
public enum Enclosure: Sendable {
    case nan
    case infinity(negative: Bool)
    /// The value is exactly this rational (1/3 for three equal logits; -2 for the gradient of
    /// β = 3 there): rounded directly, since an enclosure of it might never decide.
    case exact(Rational)
    /// A rigorous enclosure of a real value (see ``DyadicInterval`` for open and closed ends).
    case interval(DyadicInterval)

    /// Shorthand for an exactly known dyadic value.
    static func exactly(_ d: Dyadic) -> Enclosure { .interval(DyadicInterval(exactly: d)) }
    static let zero = Enclosure.exactly(.zero)
}
