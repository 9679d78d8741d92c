/// β ≠ 1: β·(x − m) in `Double` (relative error ≤ 2⁻⁵², far below a `Float` ulp), split into two floats.
struct FloatScaledDifference: LaneDifference {
    let pivot: Double
    let beta: Double
    @inline(__always) func callAsFunction(_ v: SIMD8<Float>) -> (hi: SIMD8<Float>, lo: SIMD8<Float>) {
        let d0 = (SIMD4<Double>(v.lowHalf) - pivot) * beta
        let d1 = (SIMD4<Double>(v.highHalf) - pivot) * beta
        let h0 = SIMD4<Float>(d0), h1 = SIMD4<Float>(d1)
        let l0 = SIMD4<Float>(d0 - SIMD4<Double>(h0)), l1 = SIMD4<Float>(d1 - SIMD4<Double>(h1))
        return (SIMD8(lowHalf: h0, highHalf: h1), SIMD8(lowHalf: l0, highHalf: l1))
    }
}
