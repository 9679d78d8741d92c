/// The outcome of one property on one case.
public enum Verdict: Sendable, Equatable {
    /// Held; the largest error in ulps seen (0 when the property measures none).
    case pass(maxUlp: Double)
    case fail(reason: String, maxUlp: Double)
    /// Did not apply (an unsupported function, or a case the property has nothing to say about).
    case skip(String)
    /// Could not be decided: the implementation can no longer answer (the reason says why).
    case notRun(String)

    public var failed: Bool { if case .fail = self { true } else { false } }
    public var maxUlp: Double {
        switch self {
        case .pass(let u), .fail(_, let u): u
        case .skip, .notRun: 0
        }
    }
}
