#if canImport(Glibc)
import Glibc
#endif
import Testing
import SoftmaxKernels

/// The activation kernels against the reference: every Float16 input, and samples of Float and
/// Double spread over each function's interesting range, within the declared bound.
@Suite struct ActivationAccuracyTests {
    static let seed = SplitMix64.seed(default: 0x5EED_00AC)

    /// Every finite binary16 value and ±inf, NaN.
    static let allFloat16: [Float16] = (0...UInt16.max).map { Float16(bitPattern: $0) }

    /// n values of T: a third uniform in [−s, s], a third log-uniform in magnitude over [2⁻³⁰, s]
    /// (both signs), a third on the type's whole exponent range.
    static func samples<T: SoftmaxScalar>(_: T.Type, count n: Int, scale s: Double, salt: UInt64) -> [T] {
        var rng = SplitMix64(seed: seed ^ salt)
        let maxExponent = T.kernelScalarType == .double ? 1000.0 : 120
        return (0..<n).map { i in
            let sign: Double = Bool.random(using: &rng) ? 1 : -1
            let v: Double = switch i % 3 {
            case 0: Double.random(in: -s...s, using: &rng)
            case 1: sign * exp2(Double.random(in: -30...log2(s), using: &rng))
            default: sign * exp2(Double.random(in: -maxExponent...maxExponent, using: &rng))
            }
            return T(v)
        }
    }

    /// Where each function changes: the range its samples concentrate on.
    static func scale(_ k: ActivationKernel) -> Double {
        switch k {
        case .exponential: 750
        case .gelu, .geluTanh: 45
        case .softplus, .logSigmoid, .swish, .silu, .mish, .elu, .selu: 800
        default: 30
        }
    }

    static func check<T: SoftmaxScalar>(_ k: ActivationKernel, _ inputs: [T]) {
        let (ulps, at) = ActivationOracle.worst(k, inputs)
        let bound = k.ulpBound(for: T.kernelScalarType)
        #expect(ulps <= bound, "\(k.rawValue) \(T.self): \(ulps) ulps at x = \(at) > \(bound); seed \(seed)")
    }

    @Test("Every Float16 input is within the Float16 bound", arguments: ActivationKernel.allCases)
    func everyFloat16(_ k: ActivationKernel) {
        Self.check(k, Self.allFloat16)
    }

    @Test("Float samples are within the Float bound", arguments: ActivationKernel.allCases)
    func float(_ k: ActivationKernel) {
        Self.check(k, Self.samples(Float.self, count: 3000, scale: Self.scale(k), salt: UInt64(ActivationKernel.allCases.firstIndex(of: k)!)))
    }

    @Test("Double samples are within the Double bound", arguments: ActivationKernel.allCases)
    func double(_ k: ActivationKernel) {
        Self.check(k, Self.samples(Double.self, count: 3000, scale: Self.scale(k), salt: UInt64(ActivationKernel.allCases.firstIndex(of: k)!)))
    }
}
