import Multiprecision
import SoftmaxConformance
import SoftmaxKernels
import SoftmaxReference

/// The reference's verdict on the activation kernels: exact enclosures of each output (2⁻⁴⁰ ulp
/// wide) from `SoftmaxReference`, and the kernel's error against them in ulps, as the harness
/// measures it (`UlpError`).
enum ActivationOracle {
    /// The kernel's worst error on `inputs` (values of T), and an input where it occurs.
    static func worst<T: SoftmaxScalar>(_ kernel: ActivationKernel, _ inputs: [T],
                                        _ parameters: ActivationKernelParameters = ActivationKernelParameters()) -> (ulps: Double, at: T) {
        let format = format(T.self)
        let output = kernel.apply(inputs, parameters: parameters)
        let request = try! ActivationRequest(Activation(rawValue: kernel.rawValue)!, input: inputs.map { value($0, format) },
                                             parameters: referenceParameters(parameters, format))
        let exact = SoftmaxReference.Reference.enclosures(request, format: format, bits: format.precision + 40)
        var worst = (ulps: 0.0, at: T.zero)
        for i in inputs.indices {
            let e = UlpError.of(value(output[i], format), from: exact[i])
            if !(e <= worst.ulps) { worst = (e, inputs[i]) }
        }
        return worst
    }

    /// The reference's correctly rounded values (to nearest) of `inputs`.
    static func rounded<T: SoftmaxScalar>(_ kernel: ActivationKernel, _ inputs: [T],
                                          _ parameters: ActivationKernelParameters = ActivationKernelParameters()) -> [FloatValue] {
        let format = format(T.self)
        let request = try! ActivationRequest(Activation(rawValue: kernel.rawValue)!, input: inputs.map { value($0, format) },
                                             parameters: referenceParameters(parameters, format))
        return try! SoftmaxReference.Reference.evaluate(request, format: format)
    }

    static func referenceParameters(_ p: ActivationKernelParameters, _ format: FloatFormat) -> ActivationParameters {
        ActivationParameters(alpha: p.alpha.map { exactValue($0, format) }, beta: p.beta.map { exactValue($0, format) },
                             maxValue: p.maxValue.map { exactValue($0, format) }, threshold: p.threshold.map { exactValue($0, format) })
    }

    static func format<T: SoftmaxScalar>(_: T.Type) -> FloatFormat {
        switch T.kernelScalarType {
        case .float16: .binary16
        case .float: .binary32
        case .double: .binary64
        }
    }

    /// v as a value of `format`; v must be one (the tests only pass values of the storage type).
    static func exactValue(_ v: Double, _ format: FloatFormat) -> FloatValue {
        switch format {
        case .binary16: FloatValue(Float16(v))
        case .binary32: FloatValue(Float(v))
        default: FloatValue(v)
        }
    }

    static func value<T: SoftmaxScalar>(_ v: T, _ format: FloatFormat) -> FloatValue {
        switch v {
        case let h as Float16: FloatValue(h)
        case let f as Float: FloatValue(f)
        case let d as Double: FloatValue(d)
        default: fatalError("unknown storage type \(T.self)")
        }
    }
}
