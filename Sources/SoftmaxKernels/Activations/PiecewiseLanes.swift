/// The piecewise activations on four `Double` lanes: relu (Keras'), relu6, leaky-relu, hard-sigmoid,
/// hard-swish. Comparisons are written so that NaN lanes stay NaN.
enum PiecewiseLanes {
    typealias V = SIMD4<Double>

    /// Keras 3: x·[x > t] (clipped to [0, M] when M is given, max(x, 0) when t = 0) − α·max(t − x, 0).
    /// A zero result at −0 with t = 0 and α > 0 is −0, the sign of f = αx beside it.
    @inline(__always)
    static func relu(_ x: V, alpha: Double, threshold t: Double, maxValue: Double?) -> V {
        var positive = x.replacing(with: 0, where: x .<= t)
        if let m = maxValue {
            positive = positive.replacing(with: 0, where: positive .<= 0).replacing(with: m, where: positive .> m)
        } else if t == 0 {
            positive = positive.replacing(with: 0, where: positive .<= 0)
        }
        guard alpha != 0 else { return positive }
        let below = t - x
        let r = positive - alpha * below.replacing(with: 0, where: below .<= 0)
        return t == 0 && alpha > 0 ? r.replacing(with: x, where: x .== 0 .& r .== 0) : r
    }

    /// min(max(x, 0), 6), +0 at ±0.
    @inline(__always)
    static func relu6(_ x: V) -> V {
        x.replacing(with: 0, where: x .<= 0).replacing(with: 6, where: x .> 6)
    }

    /// x for x ≥ 0, α·x for x < 0 and at −0 (so −0 takes the sign of α·x).
    @inline(__always)
    static func leakyRelu(_ x: V, alpha: Double) -> V {
        let negative = unsafeBitCast(x, to: SIMD4<Int64>.self) .< 0
        let scaled = alpha == 0 ? V() : alpha * x
        return x.replacing(with: scaled, where: negative .& .!(x .!= x))
    }

    /// min(max((x + 3)/6, 0), 1), +0 below −3.
    @inline(__always)
    static func hardSigmoid(_ x: V) -> V {
        let v = (x + 3) / 6
        return v.replacing(with: 0, where: v .<= 0).replacing(with: 1, where: v .> 1)
    }

    /// x·hard-sigmoid(x): x at and above 3, −0 at and below −3 (the product x·0), −0 at −inf.
    @inline(__always)
    static func hardSwish(_ x: V) -> V {
        let r = x * hardSigmoid(x)
        return r.replacing(with: -0.0, where: x .== -.infinity)
    }
}
