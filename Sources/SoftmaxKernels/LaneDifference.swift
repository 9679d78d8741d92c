/// x − pivot (times β) for a vector of logits as an unevaluated pair hi + lo, hi ≤ 0.
protocol LaneDifference<Vector> {
    associatedtype Vector: SIMD where Vector.Scalar: FloatingPoint
    func callAsFunction(_ v: Vector) -> (hi: Vector, lo: Vector)
}
