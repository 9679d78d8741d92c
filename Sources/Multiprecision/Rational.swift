/// An exact rational number `numerator / denominator` in lowest terms, with a positive denominator.
public struct Rational: Sendable, Hashable {
    public let numerator: BigInt
    public let denominator: BigInt

    /// `numerator / denominator`, reduced. The denominator must not be zero.
    public init(_ numerator: BigInt, _ denominator: BigInt) {
        precondition(!denominator.isZero, "a rational needs a non-zero denominator")
        let sign = denominator.isNegative ? -1 : 1
        let g = BigInt.gcd(numerator, denominator)
        if g == 1 {
            self.numerator = sign < 0 ? -numerator : numerator
            self.denominator = sign < 0 ? -denominator : denominator
        } else {
            self.numerator = (sign < 0 ? -numerator : numerator).dividedExactly(by: g)
            self.denominator = denominator.magnitude.dividedExactly(by: g)
        }
    }

    /// The integer `value`.
    public init(_ value: BigInt) {
        numerator = value
        denominator = 1
    }

    /// The integer `value`.
    public init(_ value: Int) { self.init(BigInt(value)) }

    /// The exact value of a dyadic number.
    public init(_ value: Dyadic) {
        if value.exponent >= 0 {
            self.init(value.mantissa.shiftedLeft(by: value.exponent))
        } else {
            self.init(value.mantissa, BigInt(1).shiftedLeft(by: -value.exponent))
        }
    }

    public var signum: Int { numerator.signum }
    public var isZero: Bool { numerator.isZero }
    public var magnitude: Rational { Rational(reduced: numerator.magnitude, denominator) }
    /// Whether the denominator is a power of two (the value is a dyadic rational).
    public var isDyadic: Bool { denominator.bitWidth - 1 == denominator.trailingZeroBitCount }

    /// Builds from parts already in lowest terms with a positive denominator.
    init(reduced numerator: BigInt, _ denominator: BigInt) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The exact dyadic value, or nil when the denominator is not a power of two.
    public var dyadic: Dyadic? {
        guard isDyadic else { return nil }
        return Dyadic(mantissa: numerator, exponent: -(denominator.bitWidth - 1))
    }

    /// floor(log2 |self|) for a non-zero value.
    public var floorLog2: Int {
        precondition(!isZero, "log2 of zero")
        var estimate = numerator.bitWidth - denominator.bitWidth
        // |n| / d >= 2^estimate  <=>  |n| >= d * 2^estimate
        if !Rational.magnitude(numerator, atLeast: denominator, timesPowerOfTwo: estimate) { estimate -= 1 }
        return estimate
    }

    static func magnitude(_ n: BigInt, atLeast d: BigInt, timesPowerOfTwo k: Int) -> Bool {
        let lhs = k >= 0 ? n.magnitude : n.magnitude.shiftedLeft(by: -k)
        let rhs = k >= 0 ? d.shiftedLeft(by: k) : d
        return lhs >= rhs
    }
}

extension Rational {
    public static func + (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }
    public static func - (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator)
    }
    public static func * (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.numerator, a.denominator * b.denominator)
    }
    public static func / (a: Rational, b: Rational) -> Rational {
        precondition(!b.isZero, "division by zero")
        return Rational(a.numerator * b.denominator, a.denominator * b.numerator)
    }
    public static prefix func - (a: Rational) -> Rational { Rational(reduced: -a.numerator, a.denominator) }

    /// self^k for any integer k (self != 0 when k < 0); powers of coprime terms stay coprime.
    public func power(_ k: Int) -> Rational {
        precondition(k >= 0 || !isZero, "a negative power of zero")
        let n = numerator.power(Int(k.magnitude)), d = denominator.power(Int(k.magnitude))
        if k >= 0 { return Rational(reduced: n, d) }
        return n.isNegative ? Rational(reduced: -d, -n) : Rational(reduced: d, n)
    }

    /// self · 2^k, exactly.
    public func timesPowerOfTwo(_ k: Int) -> Rational {
        k >= 0 ? Rational(numerator.shiftedLeft(by: k), denominator)
               : Rational(numerator, denominator.shiftedLeft(by: -k))
    }
}

extension Rational: Comparable, CustomStringConvertible {
    public static func < (a: Rational, b: Rational) -> Bool {
        a.numerator * b.denominator < b.numerator * a.denominator
    }

    /// "n/d", or "n" for integers.
    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }
}
