/// An unevaluated sum hi + lo of two doubles (|lo| ≤ ulp(hi)/2), "double-word" arithmetic of about 106
/// bits: the precision the Double LogSumExp needs where β·max and ln Σ cancel, and nothing more general.
struct DoubleWord {
    var hi: Double
    var lo: Double

    @inline(__always)
    init(_ hi: Double, _ lo: Double = 0) {
        (self.hi, self.lo) = Self.twoSum(hi, lo)
    }

    /// a + b as s + e exactly (Knuth's TwoSum, for Double only so that it inlines).
    @inline(__always)
    static func twoSum(_ a: Double, _ b: Double) -> (Double, Double) {
        let s = a + b, bb = s - a
        return (s, (a - (s - bb)) + (b - bb))
    }

    @inline(__always)
    static func + (a: Self, b: Self) -> Self {
        let (s, e) = Self.twoSum(a.hi, b.hi)
        return Self(s, e + (a.lo + b.lo))
    }

    @inline(__always)
    static func - (a: Self, b: Self) -> Self { a + Self(-b.hi, -b.lo) }

    @inline(__always)
    static func * (a: Self, b: Self) -> Self {
        let p = a.hi * b.hi
        let e = (-p).addingProduct(a.hi, b.hi)  // the exact error of p, by one FMA
        return Self(p, e + (a.hi * b.lo + a.lo * b.hi))
    }

    /// self/d: the quotient of hi, and the rest (hi − q·d is exact by one FMA, plus lo) divided again.
    @inline(__always)
    func divided(by d: Double) -> Self {
        let q = hi / d
        return Self(q, (hi.addingProduct(-q, d) + lo) / d)
    }

    /// 1/i! for i = 0...8 in double-word, each from the one before by a double-word division.
    static let inverseFactorials: [Self] = (1...8).reduce(into: [Self(1)]) { f, i in f.append(f[i - 1].divided(by: Double(i))) }

    /// ln 2 to 106 bits.
    static let ln2 = Self(0x1.62e42fefa39efp-1, 0x1.abc9e3b39803fp-56)

    /// e^a for a ≤ 0 (−inf gives 0), relative error about 2⁻⁹⁸: a = k·ln 2 + r, e^(r/256) by Taylor's
    /// series to degree 8 (|r/256| ≤ 2⁻⁹·⁵, so the next term is below 2⁻¹⁰⁴), squared eight times,
    /// scaled by 2^k.
    static func exp(_ a: Self) -> Self {
        if a.hi == -.infinity || a.hi < -746 { return Self(0) }
        let k = (a.hi / ln2.hi).rounded()
        let r = a - ln2 * Self(k)
        let t = Self(r.hi * 0x1p-8, r.lo * 0x1p-8)
        var sum = inverseFactorials[8]  // Horner's scheme, the coefficients in double-word: the squarings
        for i in (0..<8).reversed() { sum = sum * t + inverseFactorials[i] }  // multiply errors by 256
        for _ in 0..<8 { sum = sum * sum }
        let scale = Double(sign: .plus, exponent: Int(k), significand: 1)
        return Self(sum.hi * scale, sum.lo * scale)
    }

    /// ln(1 + a) for a ≥ 0: log1p in Double, then one Newton step on e^y = 1 + a in double-double.
    static func logOnePlus(_ a: Self) -> Self {
        let y = Double.cLogOnePlus(a.hi + a.lo)
        let correction = (Self(1) + a) * exp(Self(-y)) - Self(1)
        return Self(y) + correction
    }
}

extension DoubleWord {
    /// β·pivot + ln Σ e^(β·(x_i − pivot)) with every term in double-word arithmetic, rounded once: the
    /// Double LogSumExp of a row where β·pivot and ln Σ nearly cancel (the pivot as in DoubleLanes).
    static func logSumExp(_ x: UnsafePointer<Double>, _ n: Int, pivot: Double, beta: Double) -> Double {
        var off = Self(0), atPivot = 0
        for i in 0..<n {
            let d = DoubleFallbackRow<Double>.difference(x[i], pivot: pivot, beta: beta)
            if d.hi == 0 && d.lo == 0 {
                atPivot += 1
            } else if d.hi < -36 {  // below 2⁻⁵², where a Double exp's error is below 2⁻¹⁰⁵ of Σ ≥ 1
                off = off + Self(DoubleFallbackRow<Double>.exp(d))
            } else {
                off = off + exp(Self(d.hi, d.lo))
            }
        }
        let ph = beta * pivot
        let sum = Self(ph, (-ph).addingProduct(beta, pivot)) + logOnePlus(off + Self(Double(atPivot - 1)))
        return sum.hi + sum.lo
    }
}
