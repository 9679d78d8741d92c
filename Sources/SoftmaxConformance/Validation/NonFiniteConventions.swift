import Multiprecision

/// The cases with a special input (a NaN or infinite entry in the row, β, target or vector, or an
/// empty row), where frameworks follow different conventions: which measured policies
/// (``FrameworkPolicy/all``) describe the answers, and the defects no policy describes.
public struct NonFiniteConventions: Sendable {
    public var cases = 0
    /// Per policy of ``FrameworkPolicy/all``, in its order: how many answers the policy describes
    /// (its own answer where it has one, the limit's conventions where it follows the limit).
    public var described: [(policy: String, cases: Int)] = FrameworkPolicy.all.map { ($0.name, 0) }
    /// (case id, the defect as the limit policy names it) for answers no policy describes.
    public var defects: [(String, String)] = []

    public init() {}

    /// The policies that describe every answer, in ``FrameworkPolicy/all`` order.
    public var followed: [String] { described.filter { $0.cases == cases }.map(\.policy) }

    /// Whether `request` belongs here rather than to ``FiniteAccuracy``.
    public static func isSpecial(_ request: ImplementationRequest) -> Bool {
        request.input.isEmpty || !request.beta.isFinite
            || [request.input, request.target ?? [], request.vector ?? []].contains { $0.contains { !$0.isFinite } }
    }

    /// Counts one answer: a policy describes it when ``NonFiniteJudge`` finds nothing wrong with
    /// it under that policy; an answer none describes is a defect, named as the limit policy sees it.
    mutating func add(_ id: String, _ request: ImplementationRequest, _ answer: ImplementationAnswer, profile: Profile) {
        cases += 1
        var describedByAny = false
        for (i, policy) in FrameworkPolicy.all.enumerated()
        where NonFiniteJudge.failure(request, answer, policy: policy, profile: profile) == nil {
            described[i].cases += 1
            describedByAny = true
        }
        if !describedByAny, let reason = NonFiniteJudge.failure(request, answer, policy: .limit, profile: profile) {
            defects.append((id, reason))
        }
    }
}
