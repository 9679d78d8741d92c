import Multiprecision
import SoftmaxReference

/// softplus(x) − softplus(−x) = x.
public struct SoftplusDifference: ConformanceProperty {
    public init() {}
    public let name = "softplus-difference"
    public let statement = "softplus(x) − softplus(−x) equals x within u·ulp(softplus(x)) + u·ulp(softplus(−x)), the difference taken exactly"
    public let rationale = "ln(1 + e^x) − ln(1 + e^-x) = ln(e^x) = x; x is exact and each output is within u ulps of its exact value (u the profile's softplus bound)."
    public var functions: Set<HarnessFunction> { [.activation(.softplus)] }

    public func check(_ c: CheckCase, _ context: PropertyContext) throws(PropertyContext.Refusal) -> Verdict {
        let f = c.format
        let x = IdentityCheck.inputs(c)
        guard !x.isEmpty else { return .skip("no finite x") }
        let a = try IdentityCheck.outputs(context, .softplus, x, format: f)
        let b = try IdentityCheck.outputs(context, .softplus, IdentityCheck.negated(x), format: f)
        for i in x.indices {
            guard let p = a[i].dyadic, let m = b[i].dyadic else {
                return .fail(reason: "at x = \(x[i].hexString): softplus(x) = \(a[i].hexString), softplus(−x) = \(b[i].hexString); both are finite", maxUlp: .infinity)
            }
            let allowed = context.tolerance(.activation(.softplus), around: a[i]) + context.tolerance(.activation(.softplus), around: b[i])
            if let reason = IdentityCheck.differ(p - m, x[i].dyadic!, allowed: allowed, at: x[i], "softplus(x) − softplus(−x)", "x") {
                return .fail(reason: reason, maxUlp: .infinity)
            }
        }
        return .pass(maxUlp: 0)
    }
}
