import Testing
import Multiprecision
import SoftmaxKernels

/// ±0, ±inf and NaN give the reference's values bit for bit; parameters change the function as the
/// reference's do; threads and in-place calls give the same bits; bad parameters are named.
@Suite struct ActivationConventionTests {
    static let specials: [Double] = [0, -0.0, .infinity, -.infinity, .nan, 1, -1, 3, -3, 6, 7, -2.5, 0.25]

    /// The kernel's outputs are the reference's values wherever those are zeros, infinities or NaN, or
    /// the input is infinite or NaN.
    static func expectSpecials<T: SoftmaxScalar>(_ k: ActivationKernel, _: T.Type,
                                                 _ parameters: ActivationKernelParameters = ActivationKernelParameters()) {
        let x = specials.map { T($0) }
        let format = ActivationOracle.format(T.self)
        let output = k.apply(x, parameters: parameters).map { ActivationOracle.value($0, format) }
        let expected = ActivationOracle.rounded(k, x, parameters)
        for i in x.indices where !x[i].isFinite || expected[i].isZero || !expected[i].isFinite {
            #expect(output[i] == expected[i] || (output[i].isNaN && expected[i].isNaN),
                    "\(k.rawValue) \(T.self) \(parameters) at \(x[i]): \(output[i]) != \(expected[i])")
        }
    }

    @Test("±0, ±inf and NaN give the reference's values, bit for bit", arguments: ActivationKernel.allCases)
    func specialValues(_ k: ActivationKernel) {
        Self.expectSpecials(k, Float16.self)
        Self.expectSpecials(k, Float.self)
        Self.expectSpecials(k, Double.self)
    }

    static let parameterCases: [(ActivationKernel, ActivationKernelParameters)] = [
        (.elu, .init(alpha: 0.5)), (.elu, .init(alpha: 2)), (.elu, .init(alpha: 0)), (.elu, .init(alpha: -1)),
        (.leakyRelu, .init(alpha: 0.25)), (.leakyRelu, .init(alpha: 0)), (.leakyRelu, .init(alpha: -0.5)),
        (.relu, .init(alpha: 0.5)), (.relu, .init(maxValue: 6)), (.relu, .init(threshold: 1)),
        (.relu, .init(alpha: 0.25, maxValue: 4, threshold: -2)), (.relu, .init(maxValue: -1)),
        (.softplus, .init(beta: 2)), (.softplus, .init(beta: -0.5)), (.softplus, .init(beta: 0.375)),
        (.swish, .init(beta: 0)), (.swish, .init(beta: -1.5)), (.swish, .init(beta: 3)), (.silu, .init(beta: 0.75)),
    ]

    @Test("Parameters: α, β, max_value and threshold as the reference takes them", arguments: 0..<parameterCases.count)
    func parameters(_ i: Int) {
        let (k, p) = Self.parameterCases[i]
        Self.expectSpecials(k, Float16.self, p)
        Self.expectSpecials(k, Double.self, p)
        for (type, bound) in [(KernelScalarType.float, k.ulpBound(for: .float)), (.double, k.ulpBound(for: .double))] {
            var rng = SplitMix64(seed: 0xA11A ^ UInt64(i))
            let values = (0..<400).map { _ in Double.random(in: -40...40, using: &rng) } + Self.specials.filter(\.isFinite)
            let ulps = type == .float ? ActivationOracle.worst(k, values.map { Float($0) }, p).ulps
                                      : ActivationOracle.worst(k, values, p).ulps
            #expect(ulps <= bound, "\(k.rawValue) \(type) \(p): \(ulps) ulps > \(bound)")
        }
        let (ulps, at) = ActivationOracle.worst(k, ActivationAccuracyTests.allFloat16, p)
        #expect(ulps <= k.ulpBound(for: .float16), "\(k.rawValue) Float16 \(p): \(ulps) ulps at \(at)")
    }

    @Test("Threads and in-place calls give the single-thread bits")
    func threadsAndInPlace() {
        var rng = SplitMix64(seed: 0x7E_AD5)
        let x = (0..<100_003).map { _ in Float(rng.normal(sigma: 4)) }
        for k in ActivationKernel.allCases {
            let one = k.apply(x)
            #expect(k.apply(x, threads: 2).elementsEqual(one) { $0.bitPattern == $1.bitPattern }, "\(k.rawValue)")
            var inPlace = x
            inPlace.withUnsafeMutableBufferPointer { k.apply(UnsafeBufferPointer($0), into: $0) }
            #expect(inPlace.elementsEqual(one) { $0.bitPattern == $1.bitPattern }, "\(k.rawValue) in place")
        }
    }

    @Test("Parameters a function does not take, non-finite ones and softplus' β = 0 are named")
    func problems() {
        #expect(ActivationKernelParameters(alpha: 1).problem(for: .tanh) == "tanh takes no alpha")
        #expect(ActivationKernelParameters(beta: 2).problem(for: .elu) == "elu takes no beta")
        #expect(ActivationKernelParameters(maxValue: 2).problem(for: .relu6) == "relu6 takes no max_value")
        #expect(ActivationKernelParameters(alpha: .nan).problem(for: .elu) == "alpha must be finite; got nan")
        #expect(ActivationKernelParameters(beta: 0).problem(for: .softplus) == "softplus needs beta != 0")
        #expect(ActivationKernelParameters(beta: 0).problem(for: .swish) == nil)
        #expect(ActivationKernelParameters(alpha: 0.5, maxValue: 6, threshold: -1).problem(for: .relu) == nil)
    }

    @Test("The saturated tails are exact: tanh = ±1, softplus = x, e^x = +inf, mish = x")
    func saturation() {
        #expect(ActivationKernel.tanh.apply([20, -20, 1e300] as [Double]) == [1, -1, 1])
        #expect(ActivationKernel.tanh.apply([9.5, -9.5] as [Float]) == [1, -1])
        #expect(ActivationKernel.softplus.apply([40, 1e300] as [Double]) == [40, 1e300])
        let e = ActivationKernel.exponential.apply([710, 709.75, -746] as [Double])
        #expect(e[0] == .infinity && e[1].isFinite && e[1] > 0x1p1023 && e[2] == 0)
        #expect(ActivationKernel.exponential.apply([89] as [Float]) == [.infinity])
        #expect(ActivationKernel.exponential.apply([12] as [Float16]) == [.infinity])
        #expect(ActivationKernel.mish.apply([25, 1e300] as [Double]) == [25, 1e300])
    }
}
