/// β = 1: x − m as a TwoSum pair (exact).
struct FloatUnitDifference: LaneDifference {
    let pivot: SIMD8<Float>
    @inline(__always) func callAsFunction(_ v: SIMD8<Float>) -> (hi: SIMD8<Float>, lo: SIMD8<Float>) {
        let s = v - pivot
        let bb = s - v
        return (s, (v - (s - bb)) - (pivot + bb))
    }
}
