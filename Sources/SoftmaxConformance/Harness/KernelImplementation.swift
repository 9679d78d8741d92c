import Multiprecision
import SoftmaxKernels
import SoftmaxReference

/// A built-in kernel of ``SoftmaxKernels`` seen as an ``Implementation``, exactly as an external
/// program would be: values in the request's format, Float16/Float/Double storage (bfloat16 is
/// declined as unsupported, and so are the activations by every kernel but `simd`).
public struct KernelImplementation: Implementation {
    public let algorithm: KernelAlgorithm
    public var name: String { algorithm.rawValue }

    public init(_ algorithm: KernelAlgorithm) { self.algorithm = algorithm }

    public func evaluate(_ requests: [ImplementationRequest]) -> [ImplementationAnswer] {
        requests.map { r in
            switch r.format {
            case .binary16: answer(r, Float16.self) { FloatValue($0) }
            case .binary32: answer(r, Float.self) { FloatValue($0) }
            case .binary64: answer(r, Double.self) { FloatValue($0) }
            default: .unsupported
            }
        }
    }

    private func answer<T: SoftmaxScalar & BinaryFloatingPoint>(_ r: ImplementationRequest, _: T.Type,
                                                              _ value: (T) -> FloatValue) -> ImplementationAnswer
    where T.Accumulator: BinaryFloatingPoint {
        let x = r.input.map { T($0.double) }  // exact: the inputs are values of T
        let beta = T.Accumulator(r.beta.double)
        let k = algorithm
        if let activation = r.function.activation {
            guard algorithm == .simd, let kernel = ActivationKernel(rawValue: activation.rawValue) else { return .unsupported }
            let p = ActivationKernelParameters(alpha: r.alpha?.double, beta: r.function.takesBeta ? r.beta.double : nil,
                                               maxValue: r.maxValue?.double, threshold: r.threshold?.double)
            if p.problem(for: kernel) != nil { return .unsupported }
            return .values(kernel.apply(x, parameters: p).map(value))
        }
        guard case .family(let function) = r.function else { return .unsupported }
        let out: [T] = switch function {
        case .softmax: k.softmax(x, beta: beta)
        case .logSoftmax: k.logSoftmax(x, beta: beta)
        case .logSumExp: [k.logSumExp(x, beta: beta)]
        case .sigmoid: k.sigmoid(x, beta: beta)
        case .jacobian: k.jacobian(x, beta: beta).flatMap { $0 }
        case .softmaxVJP: k.softmaxVJP(output: k.softmax(x, beta: beta), gradient: (r.vector ?? []).map { T($0.double) }, beta: beta)
        case .crossEntropy:
            if let label = r.label {
                { let (loss, gradient) = k.crossEntropy(logits: x, label: label, beta: beta); return [loss] + gradient }()
            } else {
                { let (loss, gradient) = k.crossEntropy(logits: x, target: (r.target ?? []).map { T($0.double) }, beta: beta); return [loss] + gradient }()
            }
        }
        return .values(out.map(value))
    }
}
