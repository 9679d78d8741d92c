import Multiprecision
import SoftmaxConformance
import SoftmaxKernels
import SoftmaxReference

/// `softmax-ref bench --kernels`: each `simd` activation on 1×10⁶ elements of one type, one thread,
/// beside a copy of the same bytes, with the max ulp against the reference on its first 2048 outputs.
/// Inputs are the logits of ``SideBySideTiming/inputs(_:as:)``.
struct ActivationTiming<T: SoftmaxScalar> {
    let count: Int, budget: Duration

    /// One line per activation: (JSON, text).
    func measure(_ threads: Int) -> [(json: String, text: String)] {
        let x = SideBySideTiming.inputs(count, as: T.self).logits
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
        let (best, copy, _) = x.withUnsafeBufferPointer { xb in
            y.withUnsafeMutableBufferPointer { yb in
                SideBySideTiming.measure(xb, yb, budget: budget) { kernel.apply(xb, into: yb, threads: threads) }
            }
        }
        return (best, copy)
    }
}
