import Multiprecision
import SoftmaxReference

/// softplus(x) = LSE([0, x]).
public struct SoftplusLogSumExp: ConformanceProperty {
    public init() {}
    public let name = "softplus-logsumexp"
    public let statement = "softplus(x) and logsumexp([0, x]) agree within u·ulp of each"
    public let rationale = "ln(1 + e^x) = ln(e^0 + e^x) exactly (β = 1 for both); each output is within u ulps of the same exact value, u the profile's bound for its function."
    public var functions: Set<HarnessFunction> { [.activation(.softplus), .logSumExp] }

    public func check(_ c: CheckCase, _ context: PropertyContext) throws(PropertyContext.Refusal) -> Verdict {
        let f = c.format
        let x = IdentityCheck.inputs(c, limit: 8)
        guard !x.isEmpty else { return .skip("no finite x") }
        let sp = try IdentityCheck.outputs(context, .softplus, x, format: f)
        for i in x.indices {
            let l = try context.outputs(ImplementationRequest(.logSumExp, format: f, input: [.zero(f), x[i]]))[0]
            guard let a = sp[i].dyadic, let b = l.dyadic else {
                return .fail(reason: "at x = \(x[i].hexString): softplus = \(sp[i].hexString), logsumexp([0, x]) = \(l.hexString); both are finite", maxUlp: .infinity)
            }
            let allowed = context.tolerance(.activation(.softplus), around: sp[i]) + context.tolerance(.logSumExp, around: l)
            if let reason = IdentityCheck.differ(a, b, allowed: allowed, at: x[i], "softplus(x)", "logsumexp([0, x])") {
                return .fail(reason: reason, maxUlp: .infinity)
            }
        }
        return .pass(maxUlp: 0)
    }
}
