/// β ≠ 1: β·(x − m) from the exact pair of x − m and an exact product (fused multiply-add), so the
/// argument of exp carries a relative error of order 2⁻¹⁰⁵.
struct DoubleScaledDifference: LaneDifference {
    let pivot: SIMD4<Double>
    let beta: SIMD4<Double>
    @inline(__always) func callAsFunction(_ v: SIMD4<Double>) -> (hi: SIMD4<Double>, lo: SIMD4<Double>) {
        let (th, tl) = DoubleUnitDifference(pivot: pivot)(v)
        let ph = beta * th
        let pl = (-ph).addingProduct(beta, th) + beta * tl
        return (ph, pl.replacing(with: 0, where: .!((ph - ph) .== 0)))
    }
}
