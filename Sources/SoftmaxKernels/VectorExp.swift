/// The vectorised exponential of the `simd` kernels: e^(hi + lo) for a pair whose sum is the exact
/// argument (the exact x − max of a softmax), lane by lane.
///
/// Edge cases: arguments below −110 (`Float`) or −760 (`Double`), −inf included, give 0; NaN gives NaN;
/// results below the least normal are rounded once to a subnormal or 0. Intended for hi ≤ 0 (valid up
/// to hi < 40 for `Float` and 350 for `Double`); +inf is not supported.
///
/// Error bounds: relative error at most 1.5·2⁻²⁴ (`Float`: 1.47 with the rounding of r, on a scalar
/// replica over every float of the reduced range as `tools/exp-bound` does for the C exp, plus 2⁻²⁹
/// for c) and about 1.4·2⁻⁵³ (`Double`, sampled: 1.34) for normal results, for |lo| ≤ ulp(hi); the
/// same absolute error in units of the least subnormal below the normal range.
/// The result is the same on every build: no fused multiply-add, no reassociation.
enum VectorExp {
    // Method: k = round(hi/ln 2) with the 1.5·2^p magic-number rounding; r1 = hi − k·C1 is exact
    // (Cody & Waite: C1 has 9 (Float) / 32 (Double) significant bits and |k| < 2^11, and
    // Sterbenz's lemma applies to the subtraction); c = lo − k·C2 holds the rest, |c| < 0.04, with
    // error < 2^-29 relative to 1. With r = r1 + c (one rounding: |r| < 0.36, so an absolute error
    // below ulp(1)/4), e^r = 1 + (r + r²·P(r)), P the Taylor polynomial of (e^r − 1 − r)/r²:
    // degree 5 for Float (truncation 0.09·2^-24), degree 11 for Double (0.03·2^-53).
    // 2^k is built in the exponent bits as 2^(k+B)·2^-B, B = 64 (Float) / 512 (Double), so
    // every intermediate is normal and an underflowing result is rounded exactly once.

    @inline(__always)
    static func exp(hi: SIMD8<Float>, lo: SIMD8<Float>) -> SIMD8<Float> {
        let tiny = hi .< -110
        let h = hi.replacing(with: -110, where: tiny)
        let l = lo.replacing(with: 0, where: tiny)
        let magic: Float = 12_582_912  // 0x1.8p23
        let t = h * 1.442_695_04 + magic
        let k = t - magic
        let r1 = h - k * 0.693_359_375
        let c = l + k * 2.121_944_4e-4
        let r = r1 + c
        var p = r * (1 as Float / 5040) + (1 as Float / 720)
        p = p * r + (1 as Float / 120)
        p = p * r + (1 as Float / 24)
        p = p * r + (1 as Float / 6)
        p = p * r + 0.5
        let er = 1 + (r + (r * r) * p)
        let kBits = unsafeBitCast(t, to: SIMD8<UInt32>.self) &- magic.bitPattern
        let scale = unsafeBitCast((kBits &+ (127 + 64)) &<< 23, to: SIMD8<Float>.self)
        return er * scale * 0x1p-64
    }

    @inline(__always)
    static func exp(hi: SIMD4<Double>, lo: SIMD4<Double>) -> SIMD4<Double> {
        let tiny = hi .< -760
        let h = hi.replacing(with: -760, where: tiny)
        let l = lo.replacing(with: 0, where: tiny)
        let magic: Double = 6_755_399_441_055_744  // 0x1.8p52
        let t = h * 1.442_695_040_888_963_387 + magic
        let k = t - magic
        let r1 = h - k * 6.931_471_803_691_238_164_90e-01
        let c = l - k * 1.908_214_929_270_587_700_02e-10
        let r = r1 + c
        var p = r * (1 as Double / 87_178_291_200) + (1 as Double / 6_227_020_800)
        p = p * r + (1 as Double / 479_001_600)
        p = p * r + (1 as Double / 39_916_800)
        p = p * r + (1 as Double / 3_628_800)
        p = p * r + (1 as Double / 362_880)
        p = p * r + (1 as Double / 40320)
        p = p * r + (1 as Double / 5040)
        p = p * r + (1 as Double / 720)
        p = p * r + (1 as Double / 120)
        p = p * r + (1 as Double / 24)
        p = p * r + (1 as Double / 6)
        p = p * r + 0.5
        let er = 1 + (r + (r * r) * p)
        let kBits = unsafeBitCast(t, to: SIMD4<UInt64>.self) &- magic.bitPattern
        let scale = unsafeBitCast((kBits &+ (1023 + 512)) &<< 52, to: SIMD4<Double>.self)
        return er * scale * 0x1p-512
    }
}
