/// An exact dyadic rational `mantissa · 2^exponent`: every finite binary floating-point value is one.
///
/// The representation is not normalised (`3·2^1` and `6·2^0` are equal values); comparisons and
/// arithmetic work on values, and `normalized` strips trailing zero bits.
public struct Dyadic: Sendable, CustomStringConvertible {
    public let mantissa: BigInt
    public let exponent: Int

    public init(mantissa: BigInt, exponent: Int) {
        self.mantissa = mantissa
        self.exponent = mantissa.isZero ? 0 : exponent
    }

    /// The integer `value`.
    public init(_ value: Int) { self.init(mantissa: BigInt(value), exponent: 0) }

    public static let zero = Dyadic(0)
    public static let one = Dyadic(1)

    /// 2^k.
    public static func powerOfTwo(_ k: Int) -> Dyadic { Dyadic(mantissa: 1, exponent: k) }

    public var isZero: Bool { mantissa.isZero }
    public var signum: Int { mantissa.signum }
    public var isNegative: Bool { mantissa.isNegative }
    public var magnitude: Dyadic { Dyadic(mantissa: mantissa.magnitude, exponent: exponent) }

    /// floor(log2 |self|); the value must not be zero.
    public var floorLog2: Int {
        precondition(!isZero, "log2 of zero")
        return mantissa.bitWidth - 1 + exponent
    }

    /// The exponent of the lowest set bit of the mantissa (the value is a multiple of 2^this).
    public var lowestBitExponent: Int { exponent + mantissa.trailingZeroBitCount }

    /// Whether |self| is an exact power of two.
    public var isPowerOfTwoMagnitude: Bool { !isZero && mantissa.bitWidth - 1 == mantissa.trailingZeroBitCount }

    /// The same value with the mantissa's trailing zero bits moved into the exponent.
    public var normalized: Dyadic {
        let tz = mantissa.trailingZeroBitCount
        return tz == 0 ? self : Dyadic(mantissa: mantissa.shiftedRight(by: tz, rounding: .floor), exponent: exponent + tz)
    }

    /// The value as an integer when it is one.
    public var exactInteger: BigInt? {
        if exponent >= 0 { return mantissa.shiftedLeft(by: exponent) }
        return lowestBitExponent >= 0 ? mantissa.shiftedRight(by: -exponent, rounding: .floor) : nil
    }

    public var description: String { "\(mantissa)*2^\(exponent)" }
}

extension Dyadic: Comparable, Hashable {
    public static func == (a: Dyadic, b: Dyadic) -> Bool { compare(a, b) == 0 }
    public static func < (a: Dyadic, b: Dyadic) -> Bool { compare(a, b) < 0 }
    public func hash(into hasher: inout Hasher) {
        let n = normalized
        hasher.combine(n.mantissa)
        hasher.combine(n.exponent)
    }

    /// -1, 0 or 1 as a <, =, > b, without building numbers larger than the operands.
    public static func compare(_ a: Dyadic, _ b: Dyadic) -> Int {
        if a.signum != b.signum { return a.signum < b.signum ? -1 : 1 }
        if a.isZero { return 0 }
        let sign = a.signum
        let la = a.floorLog2, lb = b.floorLog2
        if la != lb { return la < lb ? -sign : sign }
        // Same binade: aligning costs at most the operands' own widths.
        let e = min(a.exponent, b.exponent)
        let ma = a.mantissa.shiftedLeft(by: a.exponent - e)
        let mb = b.mantissa.shiftedLeft(by: b.exponent - e)
        return ma == mb ? 0 : (ma < mb ? -1 : 1)
    }
}

extension Dyadic {
    /// The exact sum. Aligning costs O(|exponent difference|) bits: prefer `sum(_:_:bits:rounding:)`.
    public static func + (a: Dyadic, b: Dyadic) -> Dyadic {
        if a.isZero { return b }
        if b.isZero { return a }
        let e = min(a.exponent, b.exponent)
        return Dyadic(mantissa: a.mantissa.shiftedLeft(by: a.exponent - e) + b.mantissa.shiftedLeft(by: b.exponent - e), exponent: e)
    }

    public static prefix func - (a: Dyadic) -> Dyadic { Dyadic(mantissa: -a.mantissa, exponent: a.exponent) }
    public static func - (a: Dyadic, b: Dyadic) -> Dyadic { a + (-b) }

    /// The exact product.
    public static func * (a: Dyadic, b: Dyadic) -> Dyadic {
        Dyadic(mantissa: a.mantissa * b.mantissa, exponent: a.exponent + b.exponent)
    }

    /// self · 2^k, exactly.
    public func timesPowerOfTwo(_ k: Int) -> Dyadic { Dyadic(mantissa: mantissa, exponent: exponent + k) }

    /// self^k for k >= 0, exactly.
    public func power(_ k: Int) -> Dyadic { Dyadic(mantissa: mantissa.power(k), exponent: exponent * k) }
}
