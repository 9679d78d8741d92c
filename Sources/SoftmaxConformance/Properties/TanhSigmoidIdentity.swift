import Multiprecision
import SoftmaxReference

/// tanh(x) = 2σ(2x) − 1.
public struct TanhSigmoidIdentity: ConformanceProperty {
    public init() {}
    public let name = "tanh-sigmoid"
    public let statement = "tanh(x) and 2σ(2x) − 1 agree within u·ulp(tanh) + 2u·ulp(σ), for x with 2x finite"
    public let rationale = "(e^x − e^-x)/(e^x + e^-x) = 2/(1 + e^-2x) − 1 exactly; 2x is exact; each output is within u ulps of its exact value (u the profile's bound for its function), and 2σ − 1 doubles σ's error. The right side is formed exactly."
    public var functions: Set<HarnessFunction> { [.activation(.tanh), .sigmoid] }

    public func check(_ c: CheckCase, _ context: PropertyContext) throws(PropertyContext.Refusal) -> Verdict {
        let f = c.format
        let x = IdentityCheck.inputs(c).filter { f.round($0.dyadic! * Dyadic(2), .toNearestOrEven).isFinite }
        guard !x.isEmpty else { return .skip("no finite x with 2x finite") }
        let doubled = x.map { f.round($0.dyadic! * Dyadic(2), .toNearestOrEven) }
        let t = try IdentityCheck.outputs(context, .tanh, x, format: f)
        let s = try IdentityCheck.sigmoid(context, doubled, format: f)
        for i in x.indices {
            guard let ti = t[i].dyadic, let si = s[i].dyadic else {
                return .fail(reason: "at x = \(x[i].hexString): tanh = \(t[i].hexString), σ(2x) = \(s[i].hexString); both are finite", maxUlp: .infinity)
            }
            let allowed = context.tolerance(.activation(.tanh), around: t[i]) + context.tolerance(.sigmoid, around: s[i]) * Dyadic(2)
            if let reason = IdentityCheck.differ(ti, si * Dyadic(2) - .one, allowed: allowed, at: x[i], "tanh(x)", "2σ(2x) − 1") {
                return .fail(reason: reason, maxUlp: .infinity)
            }
        }
        return .pass(maxUlp: 0)
    }
}
