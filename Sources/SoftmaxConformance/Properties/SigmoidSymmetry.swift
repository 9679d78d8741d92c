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
        return IdentityCheck.pairIdentity(at: x, a, b, context, functions: .sigmoid, .sigmoid, names: ("σ(x)", "σ(−x)"),
                                          sides: ("σ(x) + σ(−x)", "1"), identity: { a, b, _ in (a + b, .one) })
    }
}
