/// Enclosures of e^x in binary64 for the fast path.
///
/// Proof of the bound. With Ê = e^-|x|(1 + η), |η| < 1.01u (u = 2^-53, ``DoubleExp``):
/// - x < 0: e^x = e^-|x| = Ê/(1 + η): relative error < 1.1u;
/// - x > 0: q = fl(1/Ê) = e^x(1 + δ)/(1 + η): relative error < 2.1u.
/// Both are below 2^-50.9, so ``FastPath/widen(_:)`` encloses e^x.
///
/// Outside the served range: for 0 < x < 2^-30, 1 < e^x < 1 + 2x < 1 + 2^-29, and no boundary of a
/// format of precision <= 24 lies in (1, 1 + 2^-24): representative 1 + 2^-52. For -2^-30 < x < 0,
/// 1 - 2^-30 < 1 + x < e^x < 1, with no boundary in (1 - 2^-25, 1): representative 1 - 2^-53. For
/// x >= 700, e^x > 2^1009, beyond every such format's overflow threshold: representative
/// 2^1020·(1 + 2^-40), off the grid of boundaries (2^1020 itself is one, and would be declined).
/// For x <= -700, 0 < e^x < 2^-1009, in the open cell (0, 2^-150): representative 2^-1074.
enum ExponentialFastPath {
    static func enclosure(_ x: Double) -> (lo: Double, hi: Double) {
        let a = x.magnitude
        if a < DoubleExp.smallest {
            let r = x > 0 ? 1 + 0x1p-52 : 1 - 0x1p-53
            return (r, r)
        }
        if a >= DoubleExp.largest {
            let r = x > 0 ? 0x1.0000000001p1020 : 0x1p-1074
            return (r, r)
        }
        let e = DoubleExp.negativeExp(a)
        return FastPath.widen(x > 0 ? 1 / e : e)
    }
}
