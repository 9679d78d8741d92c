import Multiprecision
import SoftmaxReference

/// log-sigmoid(x) = −softplus(−x).
public struct LogSigmoidSoftplus: ConformanceProperty {
    public init() {}
    public let name = "log-sigmoid-softplus"
    public let statement = "log-sigmoid(x) + softplus(−x) is 0 within u·ulp of each"
    public let rationale = "ln σ(x) = −ln(1 + e^-x) exactly; each output is within u ulps of its exact value (u the profile's bound for its function), so their exact sum is within the sum of the two."
    public var functions: Set<HarnessFunction> { [.activation(.logSigmoid), .activation(.softplus)] }

    public func check(_ c: CheckCase, _ context: PropertyContext) throws(PropertyContext.Refusal) -> Verdict {
        let f = c.format
        let x = IdentityCheck.inputs(c)
        guard !x.isEmpty else { return .skip("no finite x") }
        let ls = try IdentityCheck.outputs(context, .logSigmoid, x, format: f)
        let sp = try IdentityCheck.outputs(context, .softplus, IdentityCheck.negated(x), format: f)
        return IdentityCheck.pairIdentity(at: x, ls, sp, context, functions: .activation(.logSigmoid), .activation(.softplus),
                                          names: ("log-sigmoid(x)", "softplus(−x)"), sides: ("log-sigmoid(x)", "−softplus(−x)"),
                                          identity: { a, b, _ in (a, -b) })
    }
}
