/// A decimal number as significant digits and a power of ten: ±d.ddd × 10^exponent.
public struct DecimalDigits: Equatable, Sendable, CustomStringConvertible {
    public let negative: Bool
    /// The significant digits, first one non-zero (or "0" for zero).
    public let digits: String
    /// The decimal exponent of the first digit.
    public let exponent: Int

    public init(negative: Bool, digits: String, exponent: Int) {
        self.negative = negative
        self.digits = digits
        self.exponent = exponent
    }

    /// Positional for 1e-4 <= |x| < 1e16 ("0.02364054302159139", "123.5"), scientific otherwise
    /// ("2.4e-145"), as Python's `repr` does.
    public var description: String {
        let digitBytes = digits.utf8
        return String(unsafeUninitializedCapacity: digitBytes.count + 32) { out in
            var i = 0
            func put(_ byte: UInt8) { out[i] = byte; i += 1 }
            func put<S: Sequence<UInt8>>(_ bytes: S) { for b in bytes { put(b) } }
            func zeros(_ count: Int) { for _ in 0..<max(count, 0) { put(UInt8(ascii: "0")) } }
            if negative { put(UInt8(ascii: "-")) }
            if digits == "0" {
                put(UInt8(ascii: "0"))
            } else if exponent < -4 || exponent >= 16 {
                put(digitBytes.first!)
                if digitBytes.count > 1 { put(UInt8(ascii: ".")); put(digitBytes.dropFirst()) }
                put(UInt8(ascii: "e")); put(exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
                put(String(abs(exponent)).utf8)
            } else if exponent < 0 {
                put(UInt8(ascii: "0")); put(UInt8(ascii: "."))
                zeros(-exponent - 1)
                put(digitBytes)
            } else if digitBytes.count <= exponent + 1 {
                put(digitBytes)
                zeros(exponent + 1 - digitBytes.count)
            } else {
                put(digitBytes.prefix(exponent + 1)); put(UInt8(ascii: ".")); put(digitBytes.dropFirst(exponent + 1))
            }
            return i
        }
    }
}

extension Rational {
    /// floor(log10 |self|) for a non-zero value, computed exactly.
    public var floorLog10: Int {
        precondition(!isZero, "log10 of zero")
        // 30103/100000 < log10(2) gives an estimate within one of the answer; then correct exactly.
        let l2 = floorLog2
        var e = l2 >= 0 ? l2 * 30103 / 100000 : -((-l2 * 30103 + 99999) / 100000)
        let m = magnitude
        while Rational.powerOfTen(e) > m { e -= 1 }
        while Rational.powerOfTen(e + 1) <= m { e += 1 }
        return e
    }

    static func powerOfTen(_ e: Int) -> Rational {
        e >= 0 ? Rational(BigInt.power(10, e)) : Rational(1, BigInt.power(10, -e))
    }

    /// The value correctly rounded (to nearest, ties to even) to `count` significant decimal digits,
    /// taken just above or below the value when `nudge` says so.
    public func decimalDigits(significant count: Int, nudge: Nudge = .exact) -> DecimalDigits? {
        precondition(count >= 1, "at least one significant digit")
        if isZero { return nudge == .exact ? DecimalDigits(negative: false, digits: "0", exponent: 0) : nil }
        let negative = signum < 0
        let magnitudeNudge: Nudge = switch nudge {
        case .exact: .exact
        case .above: negative ? .below : .above
        case .below: negative ? .above : .below
        }
        let m = magnitude
        var e = m.floorLog10
        if magnitudeNudge == .below && m == Rational.powerOfTen(e) { e -= 1 }
        let scaled = m * Rational.powerOfTen(count - 1 - e)
        var (q, r) = scaled.numerator.quotientAndRemainder(dividingBy: scaled.denominator)
        let twice = r.shiftedLeft(by: 1)
        var fraction: FractionClass = r.isZero ? .zero
            : (twice < scaled.denominator ? .belowHalf : (twice == scaled.denominator ? .half : .aboveHalf))
        switch (magnitudeNudge, fraction) {
        case (.above, .zero): fraction = .belowHalf
        case (.above, .half): fraction = .aboveHalf
        case (.below, .zero): q = q - 1; fraction = .aboveHalf
        case (.below, .half): fraction = .belowHalf
        default: break
        }
        if fraction == .aboveHalf || (fraction == .half && q.bit(0)) { q = q + 1 }
        var text = q.description
        if text.count > count {  // rounded up to 10^count
            text.removeLast()
            e += 1
        }
        return DecimalDigits(negative: negative, digits: text, exponent: e)
    }
}

extension FloatValue {
    /// The shortest decimal that reads back (round to nearest) as this value, the nearest to it when
    /// several have that length; "inf", "-inf", "nan" for specials.
    ///
    /// binary64 and binary32 use the standard library's shortest-and-closest digits (exact, and fast);
    /// the 16-bit formats search with exact rationals.
    public var shortestDecimal: String {
        switch format {
        case .binary64 where isFinite && !isZero: return DecimalDigits(swiftDescription: Double(bitPattern: bits).description).description
        case .binary32 where isFinite && !isZero: return DecimalDigits(swiftDescription: Float(bitPattern: UInt32(bits)).description).description
        default: return shortestDecimalBySearch
        }
    }

    /// ``shortestDecimal`` by an exact search over digit counts (any format).
    var shortestDecimalBySearch: String {
        if isNaN { return "nan" }
        if isInfinite { return isSignMinus ? "-inf" : "inf" }
        if isZero { return isSignMinus ? "-0" : "0" }
        let magnitude = FloatValue(format: format, bits: bits & ~format.signMask)
        let x = Rational(magnitude.dyadic!)
        // Every value strictly between the midpoints to the neighbours rounds to x, and the
        // midpoints themselves do when x's significand is even. Past the greatest finite value
        // the next neighbour is 2^(emax+1).
        let predecessor = Rational(magnitude.nextDown.dyadic!)
        let successor = magnitude.nextUp.dyadic.map(Rational.init) ?? Rational(Dyadic.powerOfTwo(format.maxExponent + 1))
        let half = Rational(1, 2)
        let low = (x + predecessor) * half, high = (x + successor) * half
        let inclusive = hasEvenSignificand
        for count in 1...40 {
            let candidates = x.decimalsBracketing(significant: count).filter { d in
                let v = d.rational
                return inclusive ? (low <= v && v <= high) : (low < v && v < high)
            }
            // Nearest to x; on a tie, the even last digit (as Python's repr and Swift do).
            func key(_ d: DecimalDigits) -> (Rational, Bool) { ((d.rational - x).magnitude, d.digits.last.map { "13579".contains($0) } ?? false) }
            if let best = candidates.min(by: { a, b in
                let (ka, kb) = (key(a), key(b))
                return ka.0 != kb.0 ? ka.0 < kb.0 : (!ka.1 && kb.1)
            }) {
                let digits = best.trimmed
                return DecimalDigits(negative: isSignMinus, digits: digits.digits, exponent: digits.exponent).description
            }
        }
        preconditionFailure("every binary64 value has a round-trip decimal of at most 17 digits")
    }
}

extension Rational {
    /// The `count`-digit decimals just at or below and just above a positive value.
    fileprivate func decimalsBracketing(significant count: Int) -> [DecimalDigits] {
        let e = floorLog10
        let shift = count - 1 - e
        let scaled = self * Rational.powerOfTen(shift)
        let (q, r) = scaled.numerator.quotientAndRemainder(dividingBy: scaled.denominator)
        let floor = Rational(q) * Rational.powerOfTen(-shift)
        var result = [floor]
        if !r.isZero { result.append(Rational(q + 1) * Rational.powerOfTen(-shift)) }
        return result.map { $0.decimalDigits(significant: count)! }
    }
}

extension DecimalDigits {
    /// Reads the digits and exponent of a finite, non-zero Swift `description` ("0.0236", "1e-05",
    /// "1.5e+300", "123.0").
    init(swiftDescription text: String) {
        var negative = false, exponent = 0, exponentNegative = false
        var digits: [UInt8] = [], pointSeen = false, integerDigits = 0, inExponent = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "-") where inExponent: exponentNegative = true
            case UInt8(ascii: "-"): negative = true
            case UInt8(ascii: "+"): break
            case UInt8(ascii: "."): pointSeen = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
            case _ where inExponent: exponent = exponent * 10 + Int(byte - UInt8(ascii: "0"))
            default:
                if !pointSeen { integerDigits += 1 }
                digits.append(byte)
            }
        }
        let leadingZeros = digits.prefix(while: { $0 == UInt8(ascii: "0") }).count
        var end = digits.count
        while end > leadingZeros + 1 && digits[end - 1] == UInt8(ascii: "0") { end -= 1 }
        self.init(negative: negative, digits: String(decoding: digits[leadingZeros..<end], as: UTF8.self),
                  exponent: integerDigits - 1 - leadingZeros + (exponentNegative ? -exponent : exponent))
    }

    /// The exact value.
    public var rational: Rational {
        let magnitude = Rational(BigInt(digits)!) * Rational.powerOfTen(exponent - (digits.count - 1))
        return negative ? -magnitude : magnitude
    }

    /// The same value without trailing zero digits.
    public var trimmed: DecimalDigits {
        var d = digits
        while d.count > 1 && d.hasSuffix("0") { d.removeLast() }
        return DecimalDigits(negative: negative, digits: d, exponent: exponent)
    }
}
