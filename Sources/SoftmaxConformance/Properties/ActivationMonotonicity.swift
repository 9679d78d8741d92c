import Multiprecision
import SoftmaxReference

/// The non-decreasing activations keep the order of their inputs.
public struct ActivationMonotonicity: ConformanceProperty {
    public init() {}
    public let name = "monotonicity"
    public let statement = "for x < y, f(x) ≤ f(y) + u·ulp(f(x)) + u·ulp(f(y)), for every non-decreasing activation with its default parameters"
    public let rationale = "tanh, softplus, log-sigmoid, softsign, e^x, elu (α = 1), selu, relu, relu6, leaky-relu, hard-sigmoid and linear are non-decreasing (swish, gelu, gelu-tanh, mish and hard-swish dip below 0 and are not); each output is within u ulps (the profile's bound) of its exact value. Rounding is monotone, so correctly rounded outputs are exactly ordered."
    public var functions: Set<HarnessFunction> { Set(Self.monotone.map(HarnessFunction.activation)) }

    static let monotone: [Activation] = [.tanh, .softplus, .logSigmoid, .softsign, .exponential, .elu, .selu, .relu, .relu6,
                                         .leakyRelu, .hardSigmoid, .linear]

    public func check(_ c: CheckCase, _ context: PropertyContext) throws(PropertyContext.Refusal) -> Verdict {
        let x = IdentityCheck.inputs(c).sorted { $0.dyadic! < $1.dyadic! }
        guard x.count >= 2 else { return .skip("needs two finite inputs") }
        for activation in Self.monotone {
            let y = try IdentityCheck.outputs(context, activation, x, format: c.format)
            for i in 1..<x.count where x[i - 1].dyadic! < x[i].dyadic! {
                let (a, b) = (y[i - 1], y[i])
                if a.isNaN || b.isNaN { return .fail(reason: "\(activation.rawValue) of \(a.isNaN ? x[i - 1].hexString : x[i].hexString) is NaN", maxUlp: .infinity) }
                let ordered: Bool
                if let p = a.dyadic, let q = b.dyadic {
                    let allowed = context.tolerance(.activation(activation), around: a) + context.tolerance(.activation(activation), around: b)
                    ordered = p <= q + allowed
                } else {
                    ordered = a == .infinity(c.format, negative: true) || b == .infinity(c.format)
                }
                if !ordered {
                    return .fail(reason: "\(activation.rawValue)(\(x[i - 1].hexString)) = \(a.hexString) > \(activation.rawValue)(\(x[i].hexString)) = \(b.hexString)", maxUlp: .infinity)
                }
            }
        }
        return .pass(maxUlp: 0)
    }
}
