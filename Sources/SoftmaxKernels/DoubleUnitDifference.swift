/// β = 1: x − m as a TwoSum pair (exact). When x − m overflows (logits near ±max), the pair is
/// (−inf, 0), whose exp is 0, instead of (−inf, NaN).
struct DoubleUnitDifference: LaneDifference {
    let pivot: SIMD4<Double>
    @inline(__always) func callAsFunction(_ v: SIMD4<Double>) -> (hi: SIMD4<Double>, lo: SIMD4<Double>) {
        let s = v - pivot
        let bb = s - v
        let lo = (v - (s - bb)) - (pivot + bb)
        return (s, lo.replacing(with: 0, where: .!((s - s) .== 0)))
    }
}
