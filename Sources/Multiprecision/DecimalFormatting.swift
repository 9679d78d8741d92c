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
        let sign = negative ? "-" : ""
        if digits == "0" { return sign + "0" }
        if exponent < -4 || exponent >= 16 {
            let head = digits.prefix(1), tail = digits.dropFirst()
            return sign + head + (tail.isEmpty ? "" : "." + tail) + "e" + (exponent < 0 ? "-" : "+") + String(abs(exponent))
        }
        if exponent < 0 {
            return sign + "0." + String(repeating: "0", count: -exponent - 1) + digits
        }
        if digits.count <= exponent + 1 {
            return sign + digits + String(repeating: "0", count: exponent + 1 - digits.count)
        }
        let split = digits.index(digits.startIndex, offsetBy: exponent + 1)
        return sign + digits[..<split] + "." + digits[split...]
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
        var body = Substring(text)
        let negative = body.first == "-"
        if negative { body = body.dropFirst() }
        var exponent = 0
        if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(body[body.index(after: e)...].filter { $0 != "+" })!
            body = body[..<e]
        }
        let point = body.firstIndex(of: ".") ?? body.endIndex
        let integerDigits = body.distance(from: body.startIndex, to: point)
        let all = body.filter { $0 != "." }
        let leadingZeros = all.prefix(while: { $0 == "0" }).count
        var digits = String(all.dropFirst(leadingZeros))
        while digits.count > 1 && digits.hasSuffix("0") { digits.removeLast() }
        self.init(negative: negative, digits: digits, exponent: integerDigits - 1 - leadingZeros + exponent)
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
