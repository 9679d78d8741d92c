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
        return IdentityCheck.pairIdentity(at: x, a, b, context, functions: .activation(.softplus), .activation(.softplus),
                                          names: ("softplus(x)", "softplus(−x)"), sides: ("softplus(x) − softplus(−x)", "x"),
                                          identity: { a, b, x in (a - b, x) })
    }
}
