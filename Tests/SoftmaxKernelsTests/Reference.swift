#if canImport(Glibc)
import Glibc
#endif

/// The independent check the kernel tests measure against, until the GMP reference is wired in:
/// the softmax family in double-double arithmetic (``DoubleDouble``), from the exact inputs.
/// Its error (about 2⁻¹⁰⁰ relative) is negligible against a `Double` ulp, so the measured ulp errors
/// are the kernels' own. Finite rows only.
struct Reference {
    let beta: Double
    let pivot: Double
    let d: [DoubleDouble]
    let e: [DoubleDouble]
    let sum: DoubleDouble
    let logSum: DoubleDouble

    init(_ x: [Double], beta: Double = 1) {
        self.beta = beta
        let finite = x.filter(\.isFinite)
        let p = beta >= 0 ? finite.max()! : finite.min()!
        pivot = p
        d = x.map { v in
            v.isFinite ? DoubleDouble(beta) * (DoubleDouble(v) - DoubleDouble(p)) : DoubleDouble(-.infinity)
        }
        e = d.map { DoubleDouble.exp($0) }
        var s = DoubleDouble(0), off = DoubleDouble(-1)
        for (di, ei) in zip(d, e) {
            s = s + ei
            off = off + (di.hi == 0 ? DoubleDouble(1) : ei)
        }
        sum = s
        logSum = DoubleDouble.logOnePlus(off)
    }

    var softmax: [DoubleDouble] { e.map { $0 / sum } }
    var logSoftmax: [DoubleDouble] { d.map { $0.hi == -.infinity ? $0 : $0 - logSum } }
    var logSumExp: DoubleDouble { DoubleDouble(beta) * DoubleDouble(pivot) + logSum }
}

/// |observed − exact| in ulps of `scale` (default: the exact value) in a format of `bits` significand
/// bits; NaN and infinities must match exactly (0 when they do, +inf otherwise). Subnormal results are
/// measured in units of the least subnormal.
func ulpError(_ observed: Double, _ exact: DoubleDouble, bits: Int, scale: Double? = nil) -> Double {
    if observed.isNaN || exact.hi.isNaN { return observed.isNaN && exact.hi.isNaN ? 0 : .infinity }
    if observed.isInfinite || exact.hi.isInfinite { return observed == exact.hi ? 0 : .infinity }
    let minExponent = bits == 11 ? -14 : bits == 24 ? -126 : -1022
    let s = Swift.max(abs(scale ?? exact.hi), 0x1p-1074)
    let exponent = Swift.max(Int(s.exponent), minExponent)
    let ulp = scalbn(1.0, Int32(exponent - (bits - 1)))
    return abs((observed - exact.hi) - exact.lo) / ulp
}
