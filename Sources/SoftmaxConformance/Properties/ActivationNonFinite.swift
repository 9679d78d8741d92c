import Multiprecision
import SoftmaxReference

/// Every activation on rows with NaN, +inf and −inf at a row's ends, middle and vector-lane edges:
/// NaN propagates and ±inf gives the limit (tanh(+inf) = 1, softplus(−inf) = 0, ...).
public struct ActivationNonFinite: ConformanceProperty {
    /// The convention judged by: the limit, or a framework's measured one (``FrameworkPolicy``).
    public let policy: FrameworkPolicy
    public init(policy: FrameworkPolicy = .limit) { self.policy = policy }
    public let name = "non-finite/activations"
    public let statement = "every activation maps NaN to NaN and ±inf to its limit (or the chosen framework's convention), at every probed position of a row, the finite entries staying within the bound"
    public let rationale = "The limits are those of the exact functions (README, activations); an elementwise kernel treats lanes 0, 7, 8, 15, 16, 31, 32 and n−1 differently, so NaN, +inf and −inf take turns there. The limit judges, or with --policy the framework's measured convention (NaN where its formula meets inf/inf or 0·inf) (NonFiniteJudge)."
    public var families: [RowGenerator.Family] { [.nonFinite] }
    public var functions: Set<HarnessFunction> { Set(Activation.allCases.map(HarnessFunction.activation)) }

    public func check(_ c: CheckCase, _ context: PropertyContext) throws(PropertyContext.Refusal) -> Verdict {
        guard !c.row.isEmpty else { return .skip("needs a row") }
        let f = c.format
        let specials: [FloatValue] = [.nan(f), .infinity(f), .infinity(f, negative: true)]
        var row = c.row
        for (k, p) in NonFiniteProbes.positions(count: row.count).enumerated() { row[p] = specials[k % specials.count] }
        for activation in Activation.allCases {
            let request = ImplementationRequest(activation, format: f, input: row)
            let answer = context.implementation.evaluate(request)
            if case .unavailable(let reason) = answer { throw .unavailable(reason) }
            if case .unsupported = answer { continue }
            if let reason = NonFiniteJudge.failure(request, answer, policy: policy, profile: context.profile) {
                return .fail(reason: "\(activation.rawValue): \(reason)", maxUlp: .infinity)
            }
        }
        return .pass(maxUlp: 0)
    }
}
