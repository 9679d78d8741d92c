/// e^-a in binary64 from ``FixedExp``, with a proved relative error: the exponential of the fast path.
///
/// For 2^-30 <= a < 700 with at most 24 significant bits (every such value of binary16, bfloat16
/// and binary32), a·2^114 is an integer below 2^124, so ``FixedExp/power(_:)`` takes it exactly and
/// returns R with e^-a·(1 - 2^-99) <= R <= e^-a. R's 128-bit mantissa M lies in [2^124, 2^126.1):
/// its top 64 bits H = ⌊M/2^64⌋ >= 2^60 lose a relative 2^-60 at most, converting H to binary64
/// rounds to nearest (relative error <= u = 2^-53), and the scaling by 2^(64-125-k) is exact (the
/// result is above e^-700 > 2^-1011, a normal binary64). So the result is e^-a·(1 + η) with
/// |η| <= u + 2^-60 + 2^-98 < 1.01u.
enum DoubleExp {
    /// The range of a served: below it the functions are decided by their first-order bounds, above
    /// it their values are beyond every format the fast path rounds to.
    static let smallest = 0x1p-30
    static let largest = 700.0

    /// e^-a·(1 + η), |η| < 1.01·2^-53, for `smallest` <= a < `largest` with at most 24 significant bits.
    static func negativeExp(_ a: Double) -> Double {
        // a·2^114 = s·2^(e + 62) for the 53-bit significand s and a = s·2^(e - 52), e >= -30.
        let d = UInt128(a.significandBitPattern | 1 << 52) << UInt128(Int(a.exponent) + 62)
        let p = FixedExp.power((d, d))
        let high = UInt64(truncatingIfNeeded: p.mantissa >> 64)
        return Double(high) * DoubleRounding.pow2(64 - FixedExp.valueBits - p.k)
    }
}
