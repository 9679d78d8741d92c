import Multiprecision
import SoftmaxConformance
import SoftmaxKernels
import SoftmaxReference

/// `softmax-ref bench --kernels`: each `simd` activation on 1×10⁶ elements of one type, one thread,
/// beside a copy of the same bytes, with the max ulp against the reference on its first 2048 outputs.
/// Inputs are N(0, 3²)-like (a sum of uniforms), the logits of ``KernelTiming``.
struct ActivationTiming<T: SoftmaxScalar> {
    let count: Int, budget: Duration

    /// One line per activation: (JSON, text).
    func measure(_ threads: Int) -> [(json: String, text: String)] {
        var state: UInt64 = 0x5EED
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) * 0x1p-53
        }
        let x = (0..<count).map { _ in T(((0..<4).reduce(0) { s, _ in s + uniform() } - 2) * 5.2) }
        var y = [T](repeating: 0, count: count)
        let format: FloatFormat = switch T.kernelScalarType {
        case .float16: .binary16
        case .float: .binary32
        case .double: .binary64
        }
        // Exact: every element is a finite value of T.
        let sample = x.prefix(2048).map { format.round(FloatValue(Double($0)).dyadic!, .toNearestOrEven) }
        return ActivationKernel.allCases.map { kernel in
            let (best, copy) = time(kernel, threads, x, &y)
            let activation = Activation(rawValue: kernel.rawValue)!
            let exact = PropertyContext(implementation: ReferenceImplementation(), profile: .strict)
                .exact(ImplementationRequest(activation, format: format, input: sample))
            let worst = KernelAccuracy.maxUlp(y.prefix(sample.count).map { Double($0) }, T.kernelScalarType, exact: exact)
            let type = T.kernelScalarType.rawValue
            let json = #"{"allocations":null,"copy_ns_per_element":\#(copy),"function":"\#(kernel.rawValue)","kernel":"simd","#
                + #""max_ulp":\#(worst.isFinite ? "\(worst)" : "null"),"n":\#(count),"ns_per_element":\#(best),"rows":1,"#
                + #""threads":\#(threads),"type":"\#(type)"}"#
            let text = "simd \(kernel.rawValue) \(type) 1×\(count)".padded(44) + " threads \(threads): \(best.rounded(decimals: 3)) ns/element, "
                + "copy \(copy.rounded(decimals: 3)) ns (\((best / copy).rounded(decimals: 2))× the copy), max \(worst.rounded(decimals: 3)) ulp"
            return (json, text)
        }
    }

    /// The best times per element of the kernel and of a copy of the same bytes beside it.
    private func time(_ kernel: ActivationKernel, _ threads: Int, _ x: [T], _ y: inout [T]) -> (Double, Double) {
        let clock = ContinuousClock()
        var best = Duration.seconds(1000), bestCopy = Duration.seconds(1000), spent = Duration.zero, runs = 0
        x.withUnsafeBufferPointer { xb in
            y.withUnsafeMutableBufferPointer { yb in
                kernel.apply(xb, into: yb, threads: threads)
                while spent < budget || runs < 3 {
                    let c0 = clock.now
                    UnsafeMutableRawPointer(yb.baseAddress!).copyMemory(from: xb.baseAddress!, byteCount: xb.count * MemoryLayout<T>.stride)
                    let c1 = clock.now
                    kernel.apply(xb, into: yb, threads: threads)
                    let c2 = clock.now
                    bestCopy = min(bestCopy, c1 - c0)
                    best = min(best, c2 - c1)
                    spent += c2 - c0
                    runs += 1
                }
            }
        }
        func ns(_ d: Duration) -> Double {
            let c = d.components
            return (Double(c.seconds) * 1e9 + Double(c.attoseconds) * 1e-9) / Double(x.count)
        }
        return (ns(best), ns(bestCopy))
    }
}
