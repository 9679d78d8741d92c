/// Enclosures of σ(x) = 1/(1 + e^-x) in binary64 for the fast path.
///
/// Proof of the bound. Let u = 2^-53, E = e^-|x| and Ê = E(1 + η), |η| < 1.01u (``DoubleExp``).
/// s = fl(1 + Ê) = (1 + E)(1 + θ)(1 + δ1) with θ = ηE/(1 + E), |θ| <= |η|, |δ1| <= u.
/// - x > 0: σ = 1/(1 + E); q = fl(1/s) = σ(1 + δ2)/((1 + θ)(1 + δ1)): |q/σ - 1| < 3.1u.
/// - x < 0: σ = E/(1 + E); q = fl(Ê/s) = σ(1 + η)(1 + δ2)/((1 + θ)(1 + δ1)): |q/σ - 1| < 4.1u.
/// Both are below 2^-50.9, so ``FastPath/widen(_:)`` encloses σ.
///
/// Outside the served range: for 0 < |x| < 2^-30, 0 < |σ(x) - 1/2| < |x|/4 < 2^-32 (tanh y < y),
/// and no rounding boundary of a format of precision <= 24 lies strictly between 1/2 and 1/2 ± 2^-26,
/// so the representative 1/2 ± one binary64 ulp rounds as σ(x) does in every direction. Likewise
/// for |x| >= 700: σ(x) is within e^-700 < 2^-1009 of 1 (x > 0: representative 1 - 2^-53) or of
/// 0 (x < 0: representative 2^-1074, in the same open cell (0, 2^-150) as σ(x)). And when x > 0
/// and Ê < 2^-27 (so E < 2^-26.9), 1 - 2^-26 < 1 - E < σ(x) < 1: no boundary lies in (1 - 2^-25, 1)
/// and 1 - 2^-53 represents σ(x) (q = 1/s would round to 1 there, an enclosure straddling 1).
enum SigmoidFastPath {
    static func enclosure(_ x: Double) -> (lo: Double, hi: Double) {
        let a = x.magnitude
        if a < DoubleExp.smallest {
            let r = x > 0 ? 0.5 + 0x1p-53 : 0.5 - 0x1p-54
            return (r, r)
        }
        if a >= DoubleExp.largest {
            let r = x > 0 ? 1 - 0x1p-53 : 0x1p-1074
            return (r, r)
        }
        let e = DoubleExp.negativeExp(a)
        if x > 0 && e < 0x1p-27 { return (1 - 0x1p-53, 1 - 0x1p-53) }
        let s = 1 + e
        return FastPath.widen(x > 0 ? 1 / s : e / s)
    }
}
