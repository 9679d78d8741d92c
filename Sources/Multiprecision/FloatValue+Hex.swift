extension FloatValue {
    /// The C99 hex-float spelling that `strtod` and Python's `float.fromhex` read back exactly:
    /// "0x1.8p+1", "-0x1p-1074" (subnormals normalised too), "0x0p+0", "-0x0p+0", "inf", "-inf", "nan".
    public var hexString: String {
        if isNaN { return "nan" }
        if isInfinite { return isSignMinus ? "-inf" : "inf" }
        let sign = isSignMinus ? "-" : ""
        guard let d = dyadic, !d.isZero else { return sign + "0x0p+0" }
        let m = d.mantissa.magnitude
        let width = m.bitWidth
        // Value = 1.f · 2^e with f the bits of m after the leading one, padded to whole hex digits.
        let exponent = d.exponent + width - 1
        var fractionBits = width - 1
        var fraction = m - BigInt(1).shiftedLeft(by: fractionBits)
        let pad = (4 - fractionBits % 4) % 4
        fraction = fraction.shiftedLeft(by: pad)
        fractionBits += pad
        var digits = fractionBits == 0 ? "" : fraction.toString(radix: 16)
        digits = String(repeating: "0", count: max(0, fractionBits / 4 - digits.count)) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        let body = digits.isEmpty ? "0x1" : "0x1." + digits
        return sign + body + "p" + (exponent >= 0 ? "+" : "") + String(exponent)
    }
}
