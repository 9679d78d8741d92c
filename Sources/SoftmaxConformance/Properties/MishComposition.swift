import Multiprecision
import SoftmaxReference

/// mish(x) = x·tanh(softplus(x)).
public struct MishComposition: ConformanceProperty {
    public init() {}
    public let name = "mish-composition"
    public let statement = "mish(x) agrees with x·tanh(ŝ) for ŝ the implementation's softplus(x), within u·ulp(mish) + |x|·(u·ulp(tanh) + u·ulp(ŝ))"
    public let rationale = "mish is x·tanh(softplus(x)) by definition. ŝ errs by u·ulp(ŝ), and tanh' ≤ 1, so tanh(ŝ) is that close to tanh(softplus(x)); the implementation's tanh(ŝ) adds its own u ulps; x multiplies both. The product is formed exactly."
    public var functions: Set<HarnessFunction> { [.activation(.mish), .activation(.tanh), .activation(.softplus)] }

    public func check(_ c: CheckCase, _ context: PropertyContext) throws(PropertyContext.Refusal) -> Verdict {
        let f = c.format
        let x = IdentityCheck.inputs(c)
        guard !x.isEmpty else { return .skip("no finite x") }
        let m = try IdentityCheck.outputs(context, .mish, x, format: f)
        let sp = try IdentityCheck.outputs(context, .softplus, x, format: f)
        if let bad = sp.firstIndex(where: { !$0.isFinite }) {
            return .fail(reason: "at x = \(x[bad].hexString): softplus = \(sp[bad].hexString) where the exact value is finite", maxUlp: .infinity)
        }
        let t = try IdentityCheck.outputs(context, .tanh, sp, format: f)
        for i in x.indices {
            guard let a = m[i].dyadic, let b = t[i].dyadic else {
                return .fail(reason: "at x = \(x[i].hexString): mish = \(m[i].hexString), tanh(softplus(x)) = \(t[i].hexString); both are finite", maxUlp: .infinity)
            }
            let xi = x[i].dyadic!
            let allowed = context.tolerance(.activation(.mish), around: m[i])
                + (context.tolerance(.activation(.tanh), around: t[i]) + context.tolerance(.activation(.softplus), around: sp[i])) * xi.magnitude
            if let reason = IdentityCheck.differ(a, xi * b, allowed: allowed, at: x[i], "mish(x)", "x·tanh(softplus(x))") {
                return .fail(reason: reason, maxUlp: .infinity)
            }
        }
        return .pass(maxUlp: 0)
    }
}
