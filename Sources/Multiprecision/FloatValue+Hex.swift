extension FloatValue {
    /// The C99 hex-float spelling that `strtod` and Python's `float.fromhex` read back exactly:
    /// "0x1.8p+1", "-0x1p-1074" (subnormals normalised too), "0x0p+0", "-0x0p+0", "inf", "-inf", "nan".
    public var hexString: String {
        if isNaN { return "nan" }
        if isInfinite { return isSignMinus ? "-inf" : "inf" }
        // Normalise the significand to 1.f with f left-aligned in whole hex digits.
        var significand = fraction
        var exponent: Int
        if isZero {
            exponent = 0
        } else if biasedExponent == 0 {  // subnormal: shift the leading one up to the implicit position
            let shift = format.fractionBits - (63 - significand.leadingZeroBitCount)
            significand = (significand << UInt64(shift)) & format.fractionMask
            exponent = format.minExponent - shift
        } else {
            exponent = Int(biasedExponent) - format.maxExponent
        }
        let pad = (4 - format.fractionBits % 4) % 4
        significand <<= UInt64(pad)
        var digitCount = (format.fractionBits + pad) / 4
        while digitCount > 0 && significand & 0xF == 0 {
            significand >>= 4
            digitCount -= 1
        }
        // At most "-0x1." + 13 digits + "p-1074": 24 bytes.
        return String(unsafeUninitializedCapacity: 32) { out in
            var i = 0
            func put(_ byte: UInt8) { out[i] = byte; i += 1 }
            if isSignMinus { put(UInt8(ascii: "-")) }
            put(UInt8(ascii: "0")); put(UInt8(ascii: "x")); put(isZero ? UInt8(ascii: "0") : UInt8(ascii: "1"))
            if digitCount > 0 {
                put(UInt8(ascii: "."))
                for d in stride(from: digitCount - 1, through: 0, by: -1) {
                    put(Self.hexDigits[Int((significand >> UInt64(4 * d)) & 0xF)])
                }
            }
            put(UInt8(ascii: "p")); put(exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            var magnitude = exponent.magnitude, divisor: UInt = 1
            while divisor * 10 <= magnitude { divisor *= 10 }
            while divisor > 0 {
                put(UInt8(ascii: "0") + UInt8(magnitude / divisor))
                magnitude %= divisor
                divisor /= 10
            }
            return i
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
