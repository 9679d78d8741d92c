import Multiprecision

/// The cases with a special input (a NaN or infinite entry in the row, β, target or vector, or an
/// empty row), where frameworks follow different conventions: which measured policies
/// (``FrameworkPolicy/all``) describe the answers, and the defects no policy describes.
public struct NonFiniteConventions: Sendable {
    public var cases = 0
    /// Per policy of ``FrameworkPolicy/all``, in its order: how many answers the policy describes
    /// (its own answer where it has one, the reference within the profile where it follows the limit).
    public var described: [(policy: String, cases: Int)] = FrameworkPolicy.all.map { ($0.name, 0) }
    /// (case id, why the reference rejects it) for answers no policy describes.
    public var defects: [(String, String)] = []

    public init() {}

    /// The policies that describe every answer, in ``FrameworkPolicy/all`` order.
    public var followed: [String] { described.filter { $0.cases == cases }.map(\.policy) }

    /// Whether `request` belongs here rather than to ``FiniteAccuracy``.
    public static func isSpecial(_ request: ImplementationRequest) -> Bool {
        request.input.isEmpty || !request.beta.isFinite
            || [request.input, request.target ?? [], request.vector ?? []].contains { $0.contains { !$0.isFinite } }
    }

    /// Counts one answer; `reference` judges it against the reference (asked only when needed).
    mutating func add(_ id: String, _ request: ImplementationRequest, _ answer: ImplementationAnswer, reference: () -> Judgement) {
        cases += 1
        var describedByAny = false
        for (i, policy) in FrameworkPolicy.all.enumerated() {
            let describes = switch policy.verdict(request, answer) {
            case .matches: true
            case .differs: false
            case .judgeByReference: reference().failure == nil
            }
            if describes {
                described[i].cases += 1
                describedByAny = true
            }
        }
        if !describedByAny, let reason = reference().failure { defects.append((id, reason)) }
    }
}
