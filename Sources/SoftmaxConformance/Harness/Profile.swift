import SoftmaxReference

/// How far from the exact value an implementation's outputs may be, per element, in ulps of the
/// output format. Every property derives its tolerance from this bound.
public enum Profile: Sendable, Equatable, CustomStringConvertible {
    /// Correctly rounded to nearest: every output is the reference's value (the reference passes this).
    case strict
    /// Faithful: every output is one of the two format values around the exact one (error < 1 ulp).
    case faithful
    /// At most `ulps` ulps from the exact value.
    case bounded(ulps: Double)
    /// What a careful float implementation can promise (see ``frameworkBound(for:)``).
    case framework

    /// The per-element bound in ulps for outputs of `function`.
    public func ulps(for function: ReferenceFunction) -> Double {
        switch self {
        case .strict: 0.5
        case .faithful: 1
        case .bounded(let k): k
        case .framework: Self.frameworkBound(for: function)
        }
    }

    /// A max-shifted, exp-then-divide float kernel loses about an ulp in exp, one in the division
    /// and a few to x - max being rounded on wide rows; LSE and log-softmax add a log; derivatives
    /// multiply two such values.
    public static func frameworkBound(for function: ReferenceFunction) -> Double {
        switch function {
        case .softmax, .sigmoid: 8
        case .logSoftmax, .logSumExp: 8
        case .jacobian, .crossEntropy: 16
        }
    }

    public var description: String {
        switch self {
        case .strict: "strict"
        case .faithful: "faithful"
        case .bounded(let k): "bounded(\(k) ulps)"
        case .framework: "framework"
        }
    }
}
