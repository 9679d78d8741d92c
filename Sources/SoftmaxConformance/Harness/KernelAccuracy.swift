import Multiprecision
import SoftmaxKernels
import SoftmaxReference

/// The worst error, in ulps against the reference's exact values, of a kernel's output for one row:
/// what `softmax-ref bench --kernels` reports as max_ulp. The exact values are computed once per row
/// (``exact(_:_:input:beta:)``) and shared by every kernel measured on it.
public enum KernelAccuracy {
    /// The reference's exact values of `function` on a row of `type`, or nil for functions the
    /// reference does not compute (the VJPs).
    public static func exact(_ function: KernelFunction, _ type: KernelScalarType, input: [Double], beta: Double) -> [Enclosure]? {
        let reference: ReferenceFunction
        switch function {
        case .softmax: reference = .softmax
        case .logSoftmax: reference = .logSoftmax
        case .logSumExp: reference = .logSumExp
        case .sigmoid: reference = .sigmoid
        case .jacobian: reference = .jacobian
        default: return nil
        }
        let format = format(type)
        let request = ImplementationRequest(reference, format: format, input: input.map { value($0, format) },
                                            beta: value(beta, format))
        return PropertyContext(implementation: ReferenceImplementation(), profile: .strict).exact(request)
    }

    /// The worst ulp error of `output` (values of `type`, widened to Double) against `exact`.
    public static func maxUlp(_ output: [Double], _ type: KernelScalarType, exact: [Enclosure]) -> Double {
        guard exact.count == output.count else { return .infinity }
        let format = format(type)
        return zip(output, exact).map { UlpError.of(value($0, format), from: $1) }.max() ?? 0
    }

    /// Both steps for one row.
    public static func maxUlp(_ function: KernelFunction, _ type: KernelScalarType, input: [Double], output: [Double], beta: Double) -> Double? {
        exact(function, type, input: input, beta: beta).map { maxUlp(output, type, exact: $0) }
    }

    static func format(_ type: KernelScalarType) -> FloatFormat {
        switch type {
        case .float16: .binary16
        case .float: .binary32
        case .double: .binary64
        }
    }

    static func value(_ x: Double, _ format: FloatFormat) -> FloatValue {
        FloatValue(x).dyadic.map { format.round($0, .toNearestOrEven) } ?? (x.isNaN ? .nan(format) : .infinity(format, negative: x < 0))
    }
}
