/// A number read exactly from text: a decimal ("1", "-0.1", "1e-300", "123456789012345678901234567890"),
/// a C99 hex float ("0x1.8p+1"), or "inf", "-inf", "nan" (also "+inf", "infinity", any case).
///
/// Parsing is exact: no rounding happens until ``FloatFormat/round(_:_:)-(NumberLiteral,_)`` is
/// asked for a format. Exponents too large to matter (`1e999999999`, `1e-999999999`) are decided
/// without building the huge number: they become ``NumberLiteral/beyondRange(negative:huge:)``.
public enum NumberLiteral: Sendable, Equatable {
    case nan
    case infinity(negative: Bool)
    /// A finite value; `negative` keeps the sign of a zero ("-0").
    case finite(Rational, negative: Bool)
    /// A finite value written in binary (a hex float), kept as a dyadic so no rational is built.
    case binary(Dyadic, negative: Bool)
    /// |value| > 10^400 (`huge`) or 0 < |value| < 10^-400: beyond every format here.
    case beyondRange(negative: Bool, huge: Bool)

    /// Why a string is not a number.
    public struct SyntaxError: Error, Equatable, CustomStringConvertible {
        public let text: String
        public init(text: String) { self.text = text }
        public var description: String {
            "\(text.quotedBriefly) is not a number: expected a decimal such as 1, -0.1 or 1e-300, a hex float such as 0x1.8p+1, or inf, -inf, nan"
        }
    }

    /// Magnitude bounds (decimal exponents) beyond which every format overflows or underflows.
    static let hugeDecimalExponent = 400

    public init(parsing text: String) throws(SyntaxError) {
        let trimmed = text.trimmingASCIIWhitespace
        guard let parsed = NumberLiteral.parse(trimmed) else { throw SyntaxError(text: text) }
        self = parsed
    }

    private static func parse(_ text: Substring) -> NumberLiteral? {
        var body = text
        var negative = false
        if let first = body.first, first == "+" || first == "-" {
            negative = first == "-"
            body = body.dropFirst()
        }
        let utf8 = body.utf8
        if utf8.count >= 2, utf8.first == UInt8(ascii: "0"),
           utf8[utf8.index(after: utf8.startIndex)] | 0x20 == UInt8(ascii: "x") {
            return parseHex(body.dropFirst(2), negative: negative)
        }
        let lower = body.lowercased()
        if lower == "inf" || lower == "infinity" { return .infinity(negative: negative) }
        if lower == "nan" { return .nan }
        return parseDecimal(Substring(lower), negative: negative)
    }

    private static func parseDecimal(_ text: Substring, negative: Bool) -> NumberLiteral? {
        let (mantissaText, exponentText) = split(text, at: "e")
        guard let (digits, fractionDigits) = digitsAndPoint(mantissaText, radix: 10) else { return nil }
        var exponent = 0
        if let exponentText {
            guard let e = boundedExponent(exponentText) else { return nil }
            exponent = e
        }
        let significand = BigInt(digits.isEmpty ? "0" : digits)!
        if significand.isZero { return .finite(Rational(0), negative: negative) }
        let scale = exponent - fractionDigits
        // |value| lies in [10^(scale + d - 1), 10^(scale + d)) with d significant digits.
        let magnitudeExponent = scale + digits.count
        if magnitudeExponent > hugeDecimalExponent { return .beyondRange(negative: negative, huge: true) }
        if magnitudeExponent < -hugeDecimalExponent { return .beyondRange(negative: negative, huge: false) }
        let power = BigInt.power(10, abs(scale))
        let magnitude = scale >= 0 ? Rational(significand * power) : Rational(significand, power)
        return .finite(negative ? -magnitude : magnitude, negative: negative)
    }

    private static func parseHex(_ text: Substring, negative: Bool) -> NumberLiteral? {
        // Fast path for the common spelling: at most 15 hex digits, accumulated in a machine word.
        var word: UInt64 = 0, digitCount = 0, fractionDigits = 0
        var seenPoint = false, seenDigit = false
        var index = text.utf8.startIndex
        let end = text.utf8.endIndex
        while index < end {
            let c = text.utf8[index]
            if c == UInt8(ascii: ".") {
                if seenPoint { return nil }
                seenPoint = true
            } else if let v = hexValue(c) {
                seenDigit = true
                if digitCount > 0 || v != 0 { digitCount += 1 }
                if digitCount > 15 { return parseLongHex(text, negative: negative) }
                word = word << 4 | UInt64(v)
                if seenPoint { fractionDigits += 1 }
            } else {
                break
            }
            text.utf8.formIndex(after: &index)
        }
        guard seenDigit else { return nil }
        var exponent = 0
        if index < end {
            guard text.utf8[index] | 0x20 == UInt8(ascii: "p"),
                  let e = boundedExponent(text[text.utf8.index(after: index)...]) else { return nil }
            exponent = e
        }
        return binaryLiteral(BigInt(word), exponent: exponent - 4 * fractionDigits, negative: negative)
    }

    /// Hex floats with more than 15 significant digits, through a string of digits.
    private static func parseLongHex(_ text: Substring, negative: Bool) -> NumberLiteral? {
        let (mantissaText, exponentText) = split(Substring(text.lowercased()), at: "p")
        guard let (digits, fractionDigits) = digitsAndPoint(mantissaText, radix: 16) else { return nil }
        var exponent = 0
        if let exponentText {
            guard let e = boundedExponent(exponentText) else { return nil }
            exponent = e
        }
        return binaryLiteral(BigInt(digits, radix: 16)!, exponent: exponent - 4 * fractionDigits, negative: negative)
    }

    private static func binaryLiteral(_ significand: BigInt, exponent binaryExponent: Int, negative: Bool) -> NumberLiteral {
        if significand.isZero { return .finite(Rational(0), negative: negative) }
        let log2 = significand.bitWidth - 1 + binaryExponent
        if log2 > 4 * hugeDecimalExponent { return .beyondRange(negative: negative, huge: true) }
        if log2 < -4 * hugeDecimalExponent { return .beyondRange(negative: negative, huge: false) }
        return .binary(Dyadic(mantissa: negative ? -significand : significand, exponent: binaryExponent), negative: negative)
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Splits at the exponent marker; nil exponent when absent.
    private static func split(_ text: Substring, at marker: Character) -> (Substring, Substring?) {
        guard let i = text.firstIndex(of: marker) else { return (text, nil) }
        return (text[..<i], text[text.index(after: i)...])
    }

    /// The digits with the point removed and the count of digits after the point; nil if malformed.
    private static func digitsAndPoint(_ text: Substring, radix: Int) -> (String, Int)? {
        var digits = ""
        var fractionDigits = 0
        var seenPoint = false
        var seenDigit = false
        for c in text {
            if c == "." {
                if seenPoint { return nil }
                seenPoint = true
            } else if c.isASCII, c.hexDigitValue.map({ $0 < radix }) == true {
                seenDigit = true
                if digits.isEmpty && c == "0" {
                    if seenPoint { fractionDigits += 1 }
                    continue  // leading zeros carry no value
                }
                digits.append(c)
                if seenPoint { fractionDigits += 1 }
            } else {
                return nil
            }
        }
        return seenDigit ? (digits, fractionDigits) : nil
    }

    /// A signed decimal exponent, clamped to ±10^9 so it can never overflow `Int` arithmetic.
    private static func boundedExponent(_ text: Substring) -> Int? {
        var body = text
        var negative = false
        if let first = body.first, first == "+" || first == "-" {
            negative = first == "-"
            body = body.dropFirst()
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let significant = body.drop(while: { $0 == "0" })
        let value = significant.count > 9 ? 1_000_000_000 : (Int(significant) ?? 0)
        return negative ? -value : value
    }
}

extension FloatFormat {
    /// Rounds a parsed literal to this format; the result and whether rounding changed the value
    /// (`overflowed` when a finite literal became infinite or was clamped to the greatest finite value).
    public func round(_ literal: NumberLiteral, _ rule: FloatingPointRoundingRule) -> (value: FloatValue, inexact: Bool, overflowed: Bool) {
        switch literal {
        case .nan: return (.nan(self), false, false)
        case .infinity(let negative): return (.infinity(self, negative: negative), false, false)
        case .finite(let r, let negative):
            if r.isZero { return (.zero(self, negative: negative), false, false) }
            let v = round(r, rule)
            let exact = v.dyadic.map { Rational($0) == r } ?? false
            let overflowed = v.isInfinite || (!exact && v.dyadic.map { $0.magnitude == greatestFiniteMagnitude } == true && r.magnitude > Rational(greatestFiniteMagnitude))
            return (v, !exact, overflowed)
        case .binary(let d, let negative):
            if d.isZero { return (.zero(self, negative: negative), false, false) }
            let v = round(d, rule)
            let exact = v.dyadic.map { $0 == d } ?? false
            let overflowed = v.isInfinite || (!exact && v.dyadic.map { $0.magnitude == greatestFiniteMagnitude } == true && d.magnitude > greatestFiniteMagnitude)
            return (v, !exact, overflowed)
        case .beyondRange(let negative, let huge):
            let stand = huge ? Dyadic.powerOfTwo(1 << 20) : Dyadic.zero
            let v = round(negative && huge ? -stand : stand, nudge: huge ? .exact : (negative ? .below : .above), rule)
            return (v, true, huge)
        }
    }
}

extension String {
    var trimmingASCIIWhitespace: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return self[start...end]
    }
}
