/// An IEEE 754 binary interchange format: binary16, bfloat16, binary32 or binary64.
///
/// `precision` counts the implicit leading bit (11, 8, 24, 53). Values of a format are
/// ``FloatValue``s: a bit pattern tagged with its format.
public struct FloatFormat: Hashable, Sendable, CustomStringConvertible {
    /// Significand bits including the implicit leading one.
    public let precision: Int
    /// Width of the biased exponent field.
    public let exponentBits: Int

    public static let binary16 = FloatFormat(precision: 11, exponentBits: 5)
    public static let bfloat16 = FloatFormat(precision: 8, exponentBits: 8)
    public static let binary32 = FloatFormat(precision: 24, exponentBits: 8)
    public static let binary64 = FloatFormat(precision: 53, exponentBits: 11)

    /// The IEEE name, e.g. "binary32". Computed, so that a format (and every ``FloatValue``) is
    /// plain data that copies without reference counting.
    public var name: String {
        switch (precision, exponentBits) {
        case (11, 5): "binary16"
        case (8, 8): "bfloat16"
        case (24, 8): "binary32"
        default: "binary64"
        }
    }

    /// The four formats, narrowest first.
    public static let all: [FloatFormat] = [.binary16, .bfloat16, .binary32, .binary64]

    /// Total width of an encoding in bits.
    public var bitWidth: Int { precision + exponentBits }
    /// The largest unbiased exponent of a finite value.
    public var maxExponent: Int { (1 << (exponentBits - 1)) - 1 }
    /// The smallest unbiased exponent of a normal value.
    public var minExponent: Int { 1 - maxExponent }
    /// The exponent of the least significant bit of a subnormal: the least subnormal is 2^this.
    public var leastSubnormalExponent: Int { minExponent - (precision - 1) }

    var fractionBits: Int { precision - 1 }
    var exponentMask: UInt64 { (1 << UInt64(exponentBits)) - 1 }
    var fractionMask: UInt64 { (1 << UInt64(fractionBits)) - 1 }
    /// The sign bit of an encoding.
    public var signMask: UInt64 { 1 << UInt64(bitWidth - 1) }

    public var description: String { name }

    /// The largest finite value.
    public var greatestFiniteMagnitude: Dyadic {
        Dyadic(mantissa: BigInt(1).shiftedLeft(by: precision) - 1, exponent: maxExponent - fractionBits)
    }
}
