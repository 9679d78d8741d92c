/// A value of one of the ``FloatFormat``s, stored as its bit pattern.
///
/// Every finite value converts exactly to a ``Dyadic``; conversions from Swift's `Float16`, `Float`
/// and `Double` are exact bit copies, and `double` is exact for all four formats.
public struct FloatValue: Hashable, Sendable {
    public let format: FloatFormat
    /// The encoding, right-aligned in 64 bits.
    public let bits: UInt64

    public init(format: FloatFormat, bits: UInt64) {
        precondition(format.bitWidth == 64 || bits >> UInt64(format.bitWidth) == 0, "bit pattern wider than \(format)")
        self.format = format
        self.bits = bits
    }

    public init(_ value: Double) { self.init(format: .binary64, bits: value.bitPattern) }
    public init(_ value: Float) { self.init(format: .binary32, bits: UInt64(value.bitPattern)) }
    #if !((os(macOS) || targetEnvironment(macCatalyst)) && arch(x86_64))
    public init(_ value: Float16) { self.init(format: .binary16, bits: UInt64(value.bitPattern)) }
    #endif
    public init(_ value: BFloat16) { self.init(format: .bfloat16, bits: UInt64(value.bitPattern)) }

    var biasedExponent: UInt64 { (bits >> UInt64(format.fractionBits)) & format.exponentMask }
    var fraction: UInt64 { bits & format.fractionMask }

    /// Whether the sign bit is set (also for -0 and NaNs with the bit set).
    public var isSignMinus: Bool { bits & format.signMask != 0 }
    public var isNaN: Bool { biasedExponent == format.exponentMask && fraction != 0 }
    public var isInfinite: Bool { biasedExponent == format.exponentMask && fraction == 0 }
    public var isFinite: Bool { biasedExponent != format.exponentMask }
    public var isZero: Bool { bits & ~format.signMask == 0 }
    public var isSubnormal: Bool { biasedExponent == 0 && fraction != 0 }

    /// A finite value as ±significand·2^exponent (significand 0 for ±0), or nil for infinities and NaN.
    public var parts: (negative: Bool, significand: UInt64, exponent: Int)? {
        guard isFinite else { return nil }
        let e = Int(biasedExponent)
        let significand = e == 0 ? fraction : fraction | (1 << UInt64(format.fractionBits))
        return (isSignMinus, significand, (e == 0 ? format.minExponent : e - format.maxExponent) - format.fractionBits)
    }

    /// The exact value of a finite number (zero for ±0), or nil for infinities and NaN.
    public var dyadic: Dyadic? {
        guard let (negative, significand, exponent) = parts else { return nil }
        let m = BigInt(significand)
        return Dyadic(mantissa: negative ? -m : m, exponent: exponent)
    }

    /// The value as a `Double` (exact: every format here is a subset of binary64).
    public var double: Double {
        if format == .binary64 { return Double(bitPattern: bits) }
        if isNaN { return .nan }
        if isInfinite { return isSignMinus ? -.infinity : .infinity }
        let e = Int(biasedExponent)
        let significand = Double(e == 0 ? fraction : fraction | (1 << UInt64(format.fractionBits)))
        let exponent = (e == 0 ? format.minExponent : e - format.maxExponent) - format.fractionBits
        let magnitude = Double(sign: .plus, exponent: exponent, significand: significand)
        return isSignMinus ? -magnitude : magnitude
    }

    // MARK: Special values

    public static func nan(_ format: FloatFormat) -> FloatValue {
        FloatValue(format: format, bits: (format.exponentMask << UInt64(format.fractionBits)) | (1 << UInt64(format.fractionBits - 1)))
    }
    public static func infinity(_ format: FloatFormat, negative: Bool = false) -> FloatValue {
        FloatValue(format: format, bits: (format.exponentMask << UInt64(format.fractionBits)) | (negative ? format.signMask : 0))
    }
    public static func zero(_ format: FloatFormat, negative: Bool = false) -> FloatValue {
        FloatValue(format: format, bits: negative ? format.signMask : 0)
    }
    public static func greatestFinite(_ format: FloatFormat, negative: Bool = false) -> FloatValue {
        FloatValue(format: format, bits: ((format.exponentMask - 1) << UInt64(format.fractionBits)) | format.fractionMask | (negative ? format.signMask : 0))
    }

    /// The next value toward +inf (NaN and +inf stay; -0 and +0 step to the least subnormal).
    public var nextUp: FloatValue {
        if isNaN || (isInfinite && !isSignMinus) { return self }
        if isZero { return FloatValue(format: format, bits: 1) }
        return FloatValue(format: format, bits: isSignMinus ? bits - 1 : bits + 1)
    }

    /// The next value toward -inf.
    public var nextDown: FloatValue {
        if isNaN || (isInfinite && isSignMinus) { return self }
        if isZero { return FloatValue(format: format, bits: format.signMask | 1) }
        return FloatValue(format: format, bits: isSignMinus ? bits + 1 : bits - 1)
    }

    /// Whether the significand's last bit is zero (the "even" of ties-to-even).
    public var hasEvenSignificand: Bool { bits & 1 == 0 }
}

extension FloatValue: CustomStringConvertible {
    /// The C99 hex-float spelling, e.g. "0x1.8p+1".
    public var description: String { hexString }
}
