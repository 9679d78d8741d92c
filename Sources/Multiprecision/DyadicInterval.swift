/// A rigorous enclosure of a real number by two dyadic endpoints, each closed or open.
///
/// Invariant: `lower <= upper`, and the enclosed value `v` satisfies `lower <= v` (`lower < v` when
/// `lowerIsOpen`) and `v <= upper` (`v < upper` when `upperIsOpen`). An endpoint produced by an
/// inexact rounding is always open, so a closed point interval means the value is known exactly.
/// Open ends let Ziv's loop decide values such as `1 - e^-1e300` (just below a representable 1).
public struct DyadicInterval: Sendable, CustomStringConvertible {
    public let lower: Dyadic
    public let upper: Dyadic
    public let lowerIsOpen: Bool
    public let upperIsOpen: Bool

    public init(lower: Dyadic, upper: Dyadic, lowerIsOpen: Bool, upperIsOpen: Bool) {
        assert(lower <= upper, "interval with lower > upper")
        self.lower = lower
        self.upper = upper
        self.lowerIsOpen = lowerIsOpen
        self.upperIsOpen = upperIsOpen
    }

    /// The exact value `value`.
    public init(exactly value: Dyadic) {
        self.init(lower: value, upper: value, lowerIsOpen: false, upperIsOpen: false)
    }

    /// Whether the interval is a single exactly known value.
    public var isExact: Bool { !lowerIsOpen && !upperIsOpen && lower == upper }

    /// Whether every enclosed value is > 0.
    public var isPositive: Bool { lower.signum > 0 || (lower.isZero && lowerIsOpen) }

    /// Whether every enclosed value is >= 0.
    public var isNonNegative: Bool { lower.signum >= 0 }

    public var description: String {
        "\(lowerIsOpen ? "(" : "[")\(lower), \(upper)\(upperIsOpen ? ")" : "]")"
    }
}

extension DyadicInterval {
    /// -self.
    public var negated: DyadicInterval {
        DyadicInterval(lower: -upper, upper: -lower, lowerIsOpen: upperIsOpen, upperIsOpen: lowerIsOpen)
    }

    /// self + other, each end rounded outward to `bits` significant bits.
    public func adding(_ other: DyadicInterval, bits: Int) -> DyadicInterval {
        let lo = Dyadic.sum(lower, other.lower, bits: bits, .floor)
        let hi = Dyadic.sum(upper, other.upper, bits: bits, .ceiling)
        return DyadicInterval(
            lower: lo.value, upper: hi.value,
            lowerIsOpen: lowerIsOpen || other.lowerIsOpen || !lo.isExact,
            upperIsOpen: upperIsOpen || other.upperIsOpen || !hi.isExact)
    }

    /// self - other, each end rounded outward to `bits` significant bits.
    public func subtracting(_ other: DyadicInterval, bits: Int) -> DyadicInterval {
        adding(other.negated, bits: bits)
    }

    /// self · other for two non-negative intervals, rounded outward to `bits` significant bits.
    public func multiplyingNonNegative(_ other: DyadicInterval, bits: Int) -> DyadicInterval {
        precondition(isNonNegative && other.isNonNegative, "multiplyingNonNegative needs non-negative operands")
        let lo = Dyadic.product(lower, other.lower, bits: bits, .floor)
        let hi = Dyadic.product(upper, other.upper, bits: bits, .ceiling)
        let lowerOpen = !lo.isExact
            || (lowerIsOpen && other.isPositive) || (other.lowerIsOpen && isPositive)
        let upperOpen = !hi.isExact
            || (upperIsOpen && other.upper.signum > 0) || (other.upperIsOpen && upper.signum > 0)
        return DyadicInterval(lower: lo.value, upper: hi.value, lowerIsOpen: lowerOpen, upperIsOpen: upperOpen)
    }

    /// self · factor for an exact factor of any sign, rounded outward to `bits` significant bits.
    public func multiplying(by factor: Dyadic, bits: Int) -> DyadicInterval {
        if factor.isZero { return DyadicInterval(exactly: .zero) }
        let (a, b, aOpen, bOpen) = factor.signum > 0
            ? (lower, upper, lowerIsOpen, upperIsOpen) : (upper, lower, upperIsOpen, lowerIsOpen)
        let lo = Dyadic.product(a, factor, bits: bits, .floor)
        let hi = Dyadic.product(b, factor, bits: bits, .ceiling)
        return DyadicInterval(lower: lo.value, upper: hi.value,
                              lowerIsOpen: aOpen || !lo.isExact, upperIsOpen: bOpen || !hi.isExact)
    }

    /// self / divisor for a non-negative self and a positive divisor, rounded outward to `bits` bits.
    public func dividingNonNegative(by divisor: DyadicInterval, bits: Int) -> DyadicInterval {
        precondition(isNonNegative && divisor.lower.signum > 0, "dividingNonNegative needs self >= 0 and divisor > 0")
        let lo = Dyadic.quotient(lower, divisor.upper, bits: bits, .floor)
        let hi = Dyadic.quotient(upper, divisor.lower, bits: bits, .ceiling)
        let lowerOpen = !lo.isExact || lowerIsOpen || (divisor.upperIsOpen && isPositive)
        let upperOpen = !hi.isExact || upperIsOpen || (divisor.lowerIsOpen && upper.signum > 0)
        return DyadicInterval(lower: lo.value, upper: hi.value, lowerIsOpen: lowerOpen, upperIsOpen: upperOpen)
    }
}
