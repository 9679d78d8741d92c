extension FloatValue {
    /// The C99 hex-float spelling that `strtod` and Python's `float.fromhex` read back exactly:
    /// "0x1.8p+1", "-0x1p-1074" (subnormals normalised too), "0x0p+0", "-0x0p+0", "inf", "-inf", "nan".
    public var hexString: String {
        if isNaN { return "nan" }
        if isInfinite { return isSignMinus ? "-inf" : "inf" }
        let sign = isSignMinus ? "-" : ""
        if isZero { return sign + "0x0p+0" }
        // Normalise the significand to 1.f with f left-aligned in whole hex digits.
        var significand = fraction
        var exponent: Int
        if biasedExponent == 0 {  // subnormal: shift the leading one up to the implicit position
            let shift = format.fractionBits - (63 - significand.leadingZeroBitCount)
            significand = (significand << UInt64(shift)) & format.fractionMask
            exponent = format.minExponent - shift
        } else {
            exponent = Int(biasedExponent) - format.maxExponent
        }
        let pad = (4 - format.fractionBits % 4) % 4
        significand <<= UInt64(pad)
        var digits = String(significand, radix: 16)
        digits = String(repeating: "0", count: (format.fractionBits + pad) / 4 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        let body = digits.isEmpty ? "0x1" : "0x1." + digits
        return sign + body + "p" + (exponent >= 0 ? "+" : "") + String(exponent)
    }
}
