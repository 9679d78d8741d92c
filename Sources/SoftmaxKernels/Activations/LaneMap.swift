/// One activation as a type, so that ``ActivationLanes/map(_:_:_:_:)`` is specialised for it and the
/// function inlined into the loop (a closure argument stays an indirect call per vector).
protocol LaneMap {
    func callAsFunction(_ x: SIMD4<Double>) -> SIMD4<Double>
}

/// The activations as ``LaneMap``s, each with the parameters it reads.
enum LaneMaps {
    typealias V = SIMD4<Double>
    typealias L = ActivationLanes
    struct Tanh: LaneMap { @inline(__always) func callAsFunction(_ x: V) -> V { L.tanh(x) } }
    struct Softplus: LaneMap {
        let beta: Double, paired: Bool
        @inline(__always) func callAsFunction(_ x: V) -> V { L.softplus(x, beta: beta, paired: paired) }
    }
    struct LogSigmoid: LaneMap { @inline(__always) func callAsFunction(_ x: V) -> V { L.logSigmoid(x) } }
    struct Softsign: LaneMap { @inline(__always) func callAsFunction(_ x: V) -> V { L.softsign(x) } }
    struct Exponential: LaneMap { @inline(__always) func callAsFunction(_ x: V) -> V { ActivationMath.exp(x) } }
    struct Elu: LaneMap {
        let alpha: Double
        @inline(__always) func callAsFunction(_ x: V) -> V { L.elu(x, alpha: alpha) }
    }
    struct Selu: LaneMap { @inline(__always) func callAsFunction(_ x: V) -> V { L.selu(x) } }
    struct Swish: LaneMap {
        let beta: Double, paired: Bool
        @inline(__always) func callAsFunction(_ x: V) -> V { L.swish(x, beta: beta, paired: paired) }
    }
    struct Gelu: LaneMap { @inline(__always) func callAsFunction(_ x: V) -> V { GaussianActivation.gelu(x) } }
    struct GeluTanh: LaneMap { @inline(__always) func callAsFunction(_ x: V) -> V { L.geluTanh(x) } }
    struct Mish: LaneMap { @inline(__always) func callAsFunction(_ x: V) -> V { L.mish(x) } }
    struct Relu: LaneMap {
        let alpha: Double, threshold: Double, maxValue: Double?
        @inline(__always) func callAsFunction(_ x: V) -> V {
            PiecewiseLanes.relu(x, alpha: alpha, threshold: threshold, maxValue: maxValue)
        }
    }
    struct Relu6: LaneMap { @inline(__always) func callAsFunction(_ x: V) -> V { PiecewiseLanes.relu6(x) } }
    struct LeakyRelu: LaneMap {
        let alpha: Double
        @inline(__always) func callAsFunction(_ x: V) -> V { PiecewiseLanes.leakyRelu(x, alpha: alpha) }
    }
    struct HardSigmoid: LaneMap { @inline(__always) func callAsFunction(_ x: V) -> V { PiecewiseLanes.hardSigmoid(x) } }
    struct HardSwish: LaneMap { @inline(__always) func callAsFunction(_ x: V) -> V { PiecewiseLanes.hardSwish(x) } }
}
