import Multiprecision
import SoftmaxReference

/// σ(−x) = 1 − σ(x).
public struct SigmoidSymmetry: ConformanceProperty {
    public init() {}
    public let name = "sigmoid-symmetry"
    public let statement = "σ(x) + σ(−x) is 1 within u·ulp(σ(x)) + u·ulp(σ(−x)), the sum taken exactly"
    public let rationale = "1/(1 + e^-t) + 1/(1 + e^t) = 1 for every t = βx; each output is within u ulps (the profile's sigmoid bound) of its exact value."
    public var functions: Set<HarnessFunction> { [.sigmoid] }

    public func check(_ c: CheckCase, _ context: PropertyContext) throws(PropertyContext.Refusal) -> Verdict {
        let f = c.format
        let x = IdentityCheck.inputs(c)
        guard !x.isEmpty, c.beta.isFinite else { return .skip("no finite x") }
        let a = try IdentityCheck.sigmoid(context, x, format: f, beta: c.beta)
        let b = try IdentityCheck.sigmoid(context, IdentityCheck.negated(x), format: f, beta: c.beta)
        for i in x.indices {
            guard let p = a[i].dyadic, let m = b[i].dyadic else {
                return .fail(reason: "at x = \(x[i].hexString): σ(x) = \(a[i].hexString), σ(−x) = \(b[i].hexString); both are finite", maxUlp: .infinity)
            }
            let allowed = context.tolerance(.sigmoid, around: a[i]) + context.tolerance(.sigmoid, around: b[i])
            if let reason = IdentityCheck.differ(p + m, .one, allowed: allowed, at: x[i], "σ(x) + σ(−x)", "1") {
                return .fail(reason: reason, maxUlp: .infinity)
            }
        }
        return .pass(maxUlp: 0)
    }
}
