import Multiprecision
import SoftmaxReference

/// swish(x; β) = silu(x; β) = x·σ(βx).
public struct SwishSigmoidProduct: ConformanceProperty {
    public init() {}
    public let name = "swish-sigmoid"
    public let statement = "swish(x; β) and silu(x; β) agree with x·σ(βx) within u·ulp(swish) + |x|·u·ulp(σ), the product taken exactly"
    public let rationale = "Both are x·σ(βx) by definition; the implementation's σ(βx) (the family's sigmoid with the same β) errs by u ulps, which x multiplies; the product is formed exactly."
    public var functions: Set<HarnessFunction> { [.activation(.swish), .activation(.silu), .sigmoid] }

    public func check(_ c: CheckCase, _ context: PropertyContext) throws(PropertyContext.Refusal) -> Verdict {
        let f = c.format
        let x = IdentityCheck.inputs(c)
        guard !x.isEmpty, c.beta.isFinite else { return .skip("no finite x") }
        let s = try IdentityCheck.sigmoid(context, x, format: f, beta: c.beta)
        for activation in [Activation.swish, .silu] {
            let w = try IdentityCheck.outputs(context, activation, x, format: f, beta: c.beta)
            for i in x.indices {
                guard let a = w[i].dyadic, let b = s[i].dyadic else {
                    return .fail(reason: "at x = \(x[i].hexString): \(activation.rawValue) = \(w[i].hexString), σ(βx) = \(s[i].hexString); both are finite", maxUlp: .infinity)
                }
                let xi = x[i].dyadic!
                let allowed = context.tolerance(.activation(activation), around: w[i]) + context.tolerance(.sigmoid, around: s[i]) * xi.magnitude
                if let reason = IdentityCheck.differ(a, xi * b, allowed: allowed, at: x[i], "\(activation.rawValue)(x; β = \(c.beta.shortestDecimal))", "x·σ(βx)") {
                    return .fail(reason: reason, maxUlp: .infinity)
                }
            }
        }
        return .pass(maxUlp: 0)
    }
}
