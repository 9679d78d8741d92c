import Multiprecision
import SoftmaxKernels
import SoftmaxReference

/// The worst error, in ulps against the reference's exact values, of a kernel's output for one row:
/// what `softmax-ref bench --kernels` reports as max_ulp. Nil for functions the reference does not
/// compute (the VJPs).
public enum KernelAccuracy {
    public static func maxUlp(_ function: KernelFunction, _ type: KernelScalarType, input: [Double], output: [Double], beta: Double) -> Double? {
        let format: FloatFormat = switch type {
        case .float16: .binary16
        case .float: .binary32
        case .double: .binary64
        }
        let reference: ReferenceFunction
        switch function {
        case .softmax: reference = .softmax
        case .logSoftmax: reference = .logSoftmax
        case .logSumExp: reference = .logSumExp
        case .sigmoid: reference = .sigmoid
        case .jacobian: reference = .jacobian
        default: return nil
        }
        let value = { (x: Double) in FloatValue(x).dyadic.map { format.round($0, .toNearestOrEven) } ?? (x.isNaN ? .nan(format) : .infinity(format, negative: x < 0)) }
        let request = ImplementationRequest(reference, format: format, input: input.map(value), beta: value(beta))
        let exact = PropertyContext(implementation: ReferenceImplementation(), profile: .strict).exact(request)
        guard exact.count == output.count else { return .infinity }
        return zip(output.map(value), exact).map { UlpError.of($0, from: $1) }.max() ?? 0
    }
}
