import Multiprecision

/// Every function of the family on rows with NaN, +inf and −inf entries placed at the row's
/// ends, middle and vector-lane edges (``NonFiniteProbes``): the answer is the limit policy's
/// (see the README), or the chosen framework's measured convention (``FrameworkPolicy``) where
/// that departs from the limit.
public struct NonFinitePolicyProperty: ConformanceProperty {
    public let policy: FrameworkPolicy
    public init(policy: FrameworkPolicy = .limit) { self.policy = policy }
    public let name = "non-finite-policy"
    public let statement = "every function, on rows with NaN, ±inf and −inf masks at lane edges, gives the limit (or the chosen framework's convention)"
    public let rationale = "These are the limits of the finite formula (IEEE e^-inf = 0, a NaN poisons what depends on it); vectorised code treats lanes 0, 7, 8, 15, 16, 31, 32 and n−1 differently, so each is probed."
    public var families: [RowGenerator.Family] { [.nonFinite, .masked, .ties] }

    public func check(_ c: CheckCase, _ context: PropertyContext) throws(PropertyContext.Refusal) -> Verdict {
        guard !c.row.isEmpty, (c.beta.dyadic?.signum ?? 0) > 0 else { return .skip("needs a row and β > 0") }
        for probe in NonFiniteProbes.probes(c.row, format: c.format) {
            for request in NonFiniteProbes.requests(probe, format: c.format, beta: c.beta) {
                let answer = context.implementation.evaluate(request)
                if case .unavailable(let reason) = answer { throw .unavailable(reason) }
                if let reason = NonFiniteJudge.failure(request, answer, policy: policy, profile: context.profile) {
                    return .fail(reason: "\(Self.describe(request)) of \(probe.description): \(reason)", maxUlp: .infinity)
                }
            }
        }
        return .pass(maxUlp: 0)
    }

    /// "cross-entropy (label 3)", "softmax".
    static func describe(_ request: ImplementationRequest) -> String {
        request.label.map { "\(request.function.rawValue) (label \($0))" } ?? request.function.rawValue
    }
}
