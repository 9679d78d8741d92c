#if canImport(Glibc)
import Glibc
#endif

/// An unevaluated sum hi + lo of two doubles (about 106 bits), the independent high-precision check
/// for the `Double` kernels; exp and log are accurate to about 2⁻¹⁰⁰ relative.
struct DoubleDouble {
    var hi: Double
    var lo: Double

    init(_ hi: Double, _ lo: Double = 0) {
        let s = hi + lo
        self.hi = s
        self.lo = lo - (s - hi)
    }

    static func + (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let s = a.hi + b.hi
        let bb = s - a.hi
        let e = (a.hi - (s - bb)) + (b.hi - bb)
        return DoubleDouble(s, e + a.lo + b.lo)
    }

    static prefix func - (a: DoubleDouble) -> DoubleDouble { DoubleDouble(-a.hi, -a.lo) }
    static func - (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble { a + (-b) }

    static func * (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let p = a.hi * b.hi
        let e = (-p).addingProduct(a.hi, b.hi)
        return DoubleDouble(p, e + (a.hi * b.lo + a.lo * b.hi))
    }

    static func / (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let q1 = a.hi / b.hi
        let r = a - b * DoubleDouble(q1)
        let q2 = r.hi / b.hi
        let r2 = r - b * DoubleDouble(q2)
        return DoubleDouble(q1) + DoubleDouble(q2) + DoubleDouble(r2.hi / b.hi)
    }

    var value: Double { hi + lo }

    /// 1/j as double-double, j = 0...14.
    static let inverses: [DoubleDouble] = (0...14).map { j in j == 0 ? DoubleDouble(0) : DoubleDouble(1) / DoubleDouble(Double(j)) }

    static let ln2 = DoubleDouble(0x1.62e42fefa39efp-1, 0x1.abc9e3b39803fp-56)

    /// e^x: x = k·ln 2 + r, r/2^10, Taylor to 2⁻¹¹⁰, then ten squarings.
    static func exp(_ x: DoubleDouble) -> DoubleDouble {
        if x.hi == -.infinity || x.hi < -800 { return DoubleDouble(0) }
        let k = (x.hi / ln2.hi).rounded()
        let r = x - ln2 * DoubleDouble(k)
        let rs = r * DoubleDouble(0x1p-10)
        // Horner on the Taylor series, |rs| < 2^-10.5: the 14th term is below 2^-150.
        var sum = DoubleDouble(1)
        for j in stride(from: 14, through: 1, by: -1) { sum = DoubleDouble(1) + sum * rs * inverses[j] }
        for _ in 0..<10 { sum = sum * sum }
        return DoubleDouble(scalbn(sum.hi, Int32(k)), scalbn(sum.lo, Int32(k)))
    }

    /// ln(1 + t) for t ≥ 0: a series for small t, else two Newton steps on e^y = 1 + t.
    static func logOnePlus(_ t: DoubleDouble) -> DoubleDouble {
        if t.hi < 1e-9 {
            // t − t²/2 + t³/3: the next term is below 2⁻¹¹⁰ relative.
            let t2 = t * t
            return t - t2 * DoubleDouble(0.5) + t2 * t / DoubleDouble(3)
        }
        let x = DoubleDouble(1) + t
        var y = DoubleDouble(log1p(t.hi))
        for _ in 0..<2 { y = y + x * exp(-y) - DoubleDouble(1) }
        return y
    }
}
