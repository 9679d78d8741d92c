extension FloatFormat {
    /// `text` rounded to nearest (ties to even) in this format, without allocating, when it is a
    /// plain literal that fits machine words: a hex float of at most 16 hex digits, or a decimal
    /// of at most 19 digits and |decimal exponent| <= 27. nil for anything else (NumberLiteral then
    /// parses it), and for a literal that overflows, so that its caller reports that once.
    public func roundedToNearest(shortLiteral text: String) -> (value: FloatValue, inexact: Bool)? {
        var bytes = text.utf8[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        let isHex = bytes.count > 2 && bytes.first == UInt8(ascii: "0") && bytes.dropFirst().first! | 0x20 == UInt8(ascii: "x")
        if isHex { bytes = bytes.dropFirst(2) }
        let radix: UInt64 = isHex ? 16 : 10
        // Significand digits, with an optional point followed by at least one digit.
        var significand: UInt64 = 0, digits = 0, fractionDigits = 0, sawPoint = false, sawDigit = false
        while let c = bytes.first {
            if c == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else if let v = Self.digitValue(c, radix: radix) {
                sawDigit = true
                if digits > 0 || v != 0 { digits += 1 }
                guard digits <= (isHex ? 16 : 19) else { return nil }
                significand = significand &* radix &+ v
                if sawPoint { fractionDigits += 1 }
            } else {
                break
            }
            bytes = bytes.dropFirst()
        }
        guard sawDigit else { return nil }
        // The exponent: p (binary) for hex floats, e for decimals; required for hex here.
        var exponent = 0
        if let marker = bytes.first {
            guard marker | 0x20 == (isHex ? UInt8(ascii: "p") : UInt8(ascii: "e")) else { return nil }
            bytes = bytes.dropFirst()
            var exponentNegative = false
            if let s = bytes.first, s == UInt8(ascii: "-") || s == UInt8(ascii: "+") {
                exponentNegative = s == UInt8(ascii: "-")
                bytes = bytes.dropFirst()
            }
            guard !bytes.isEmpty, bytes.count <= 6 else { return nil }
            for c in bytes {
                guard let v = Self.digitValue(c, radix: 10) else { return nil }
                exponent = exponent * 10 + Int(v)
            }
            if exponentNegative { exponent = -exponent }
        } else if isHex {
            return nil
        }
        if significand == 0 { return (.zero(self, negative: negative), false) }
        let rounded: (mantissa: UInt128, exponent: Int, sticky: Bool)
        if isHex {
            rounded = (UInt128(significand), exponent - 4 * fractionDigits, false)
        } else {
            let scale = exponent - fractionDigits
            guard abs(scale) <= 27 else { return nil }
            let power = Self.powersOfTen[abs(scale)]
            if scale >= 0 {
                let (product, overflow) = UInt128(significand).multipliedReportingOverflow(by: power)
                guard !overflow else { return nil }
                rounded = (product, 0, false)
            } else {
                // significand / 10^-scale = q·2^-shift with q >= 2^126 and a sticky bit for the rest.
                let shift = 128 + (128 - power.leadingZeroBitCount) - 1 - (64 - significand.leadingZeroBitCount)
                let m = UInt128(significand)
                let shifted: (high: UInt128, low: UInt128) = shift >= 128
                    ? (m << UInt128(shift - 128), 0)
                    : (m >> UInt128(128 - shift), m << UInt128(shift))
                let (q, r) = power.dividingFullWidth(shifted)
                rounded = (q | (r == 0 ? 0 : 1), -shift, r != 0)
            }
        }
        let magnitude = roundPositive(mantissa: rounded.mantissa, exponent: rounded.exponent, .toNearestOrEven)
        guard !magnitude.isInfinite else { return nil }
        let value = negative ? FloatValue(format: self, bits: magnitude.bits | signMask) : magnitude
        return (value, rounded.sticky || !magnitude.equals(mantissa: rounded.mantissa, exponent: rounded.exponent))
    }

    private static func digitValue(_ c: UInt8, radix: UInt64) -> UInt64? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt64(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: UInt64(c - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: UInt64(c - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// 10^0 ... 10^27 (10^27 < 2^90).
    private static let powersOfTen: [UInt128] = (0...27).map { e in (0..<e).reduce(UInt128(1)) { p, _ in p * 10 } }
}

extension FloatValue {
    /// Whether this finite value equals mantissa·2^exponent (mantissa > 0) exactly.
    func equals(mantissa: UInt128, exponent: Int) -> Bool {
        guard let (_, significand, e) = parts, significand != 0 else { return false }
        let a = mantissa.trailingZeroBitCount, b = significand.trailingZeroBitCount
        return mantissa >> UInt128(a) == UInt128(significand >> UInt64(b)) && exponent + a == e + b
    }
}
