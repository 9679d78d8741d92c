import Multiprecision
import SoftmaxReference

/// The derivative identities σ' = σ(1 − σ), tanh' = 1 − tanh² and softplus' = σ, checked by
/// central differences of the implementation's own outputs.
public struct FiniteDifferenceDerivative: ConformanceProperty {
    /// The function whose derivative is checked.
    public enum Subject: String, Sendable { case sigmoid, tanh, softplus }
    public let subject: Subject
    public init(_ subject: Subject) { self.subject = subject }

    public var name: String { "derivative/\(subject.rawValue)" }
    public var statement: String {
        "(f(x + h) − f(x − h))/2h agrees with \(identity) at x for f = \(subject.rawValue), h = 2^-⌊p/3⌋ and x on the grid of h in [−8, 8]"
    }
    public var rationale: String {
        "The central difference differs from f'(x) by at most M·h²/6 ≤ M·h²/4 with M ≥ |f'''| (1/8 for σ and softplus, 2 for tanh), and the outputs' errors (u ulps each, the profile's bound) add (τ₊ + τ₋)/2h; the identity formed from ŷ = f̂(x) errs by τ(|1 − 2ŷ| + τ) for σ, τ(2|ŷ| + τ) for tanh, and σ̂'s own τ for softplus. x ± h are exact; everything else is exact dyadic arithmetic."
    }
    public var functions: Set<HarnessFunction> {
        switch subject {
        case .sigmoid: [.sigmoid]
        case .tanh: [.activation(.tanh)]
        case .softplus: [.activation(.softplus), .sigmoid]
        }
    }
    public var families: [RowGenerator.Family] { [.plain, .ties, .nearTies, .tiny, .signedZeros, .largeBeta, .smallBeta] }

    public func check(_ c: CheckCase, _ context: PropertyContext) throws(PropertyContext.Refusal) -> Verdict {
        let f = c.format
        let k = f.precision / 3
        let h = Dyadic.powerOfTwo(-k)
        // x snapped to the grid of h, so that x ± h are exact (|x| ≤ 8 needs 3 + k ≤ p bits).
        let x = IdentityCheck.inputs(c, limit: 16).compactMap { v -> Dyadic? in
            guard let d = v.dyadic, d.magnitude <= Dyadic(8) else { return nil }
            let scaled = d.timesPowerOfTwo(k)
            let integer = scaled.exponent >= 0 ? scaled.mantissa.shiftedLeft(by: scaled.exponent)
                                               : scaled.mantissa.shiftedRight(by: -scaled.exponent, rounding: .floor)
            return Dyadic(mantissa: integer, exponent: -k)
        }
        guard !x.isEmpty else { return .skip("no finite x in [−8, 8]") }
        let points = x.flatMap { [$0 - h, $0, $0 + h] }.map { f.round($0, .toNearestOrEven) }
        let y = try outputs(points, f, context)
        let slope = subject == .softplus ? try IdentityCheck.sigmoid(context, points, format: f) : []
        let third: Dyadic = subject == .tanh ? Dyadic(2) : .powerOfTwo(-3)
        let truncation = third * h * h * Dyadic.powerOfTwo(-2)
        for i in x.indices {
            let (below, at, above) = (y[3 * i], y[3 * i + 1], y[3 * i + 2])
            guard let a = below.dyadic, let b = at.dyadic, let d = above.dyadic else {
                return .fail(reason: "\(subject.rawValue) is not finite near x = \(points[3 * i + 1].hexString)", maxUlp: .infinity)
            }
            let tau = tolerance(at, context)
            let difference = (d - a).timesPowerOfTwo(k - 1)
            let rounding = (tolerance(below, context) + tolerance(above, context)).timesPowerOfTwo(k - 1)
            let expected: Dyadic, identityError: Dyadic
            switch subject {
            case .sigmoid:
                expected = b * (.one - b)
                identityError = tau * ((.one - b * Dyadic(2)).magnitude + tau)
            case .tanh:
                expected = .one - b * b
                identityError = tau * (b.magnitude * Dyadic(2) + tau)
            case .softplus:
                guard let s = slope[3 * i + 1].dyadic else {
                    return .fail(reason: "σ(\(points[3 * i + 1].hexString)) = \(slope[3 * i + 1].hexString)", maxUlp: .infinity)
                }
                expected = s
                identityError = context.tolerance(.sigmoid, around: slope[3 * i + 1])
            }
            if let reason = IdentityCheck.differ(difference, expected, allowed: truncation + rounding + identityError, at: points[3 * i + 1],
                                                 "(f(x + h) − f(x − h))/2h", identity) {
                return .fail(reason: "\(subject.rawValue) " + reason, maxUlp: .infinity)
            }
        }
        return .pass(maxUlp: 0)
    }

    /// The derivative's expression in f.
    private var identity: String {
        switch subject {
        case .sigmoid: "σ(1 − σ)"
        case .tanh: "1 − tanh²"
        case .softplus: "σ"
        }
    }

    private func outputs(_ points: [FloatValue], _ f: FloatFormat, _ context: PropertyContext) throws(PropertyContext.Refusal) -> [FloatValue] {
        switch subject {
        case .sigmoid: try IdentityCheck.sigmoid(context, points, format: f)
        case .tanh: try IdentityCheck.outputs(context, .tanh, points, format: f)
        case .softplus: try IdentityCheck.outputs(context, .softplus, points, format: f)
        }
    }

    private func tolerance(_ y: FloatValue, _ context: PropertyContext) -> Dyadic {
        switch subject {
        case .sigmoid: context.tolerance(.sigmoid, around: y)
        case .tanh: context.tolerance(.activation(.tanh), around: y)
        case .softplus: context.tolerance(.activation(.softplus), around: y)
        }
    }
}
