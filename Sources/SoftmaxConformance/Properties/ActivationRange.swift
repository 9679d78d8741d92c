import Multiprecision
import SoftmaxReference

/// The activations whose range is bounded stay in it.
public struct ActivationRange: ConformanceProperty {
    public init() {}
    public let name = "activation-range"
    public let statement = "tanh and softsign lie in [−1, 1], hard-sigmoid in [0, 1], relu6 in [0, 6], softplus, e^x and relu in [0, +inf], log-sigmoid in [−inf, 0], elu (α = 1) in [−1, +inf] and selu above λα rounded down"
    public let rationale = "The exact values lie in these sets (with their default parameters) and the bounds are values of every format (−λα rounded down is), so a monotone rounding cannot leave them: any output outside is wrong by more than rounding."
    public var functions: Set<HarnessFunction> { Set(Self.ranges.map { .activation($0.0) }) }

    /// Each bounded activation with its range, as (lower, upper) with nil for an infinite end.
    static let ranges: [(Activation, Rational?, Rational?)] = [
        (.tanh, Rational(-1), Rational(1)), (.softsign, Rational(-1), Rational(1)), (.hardSigmoid, Rational(0), Rational(1)),
        (.relu6, Rational(0), Rational(6)), (.softplus, Rational(0), nil), (.exponential, Rational(0), nil), (.relu, Rational(0), nil),
        (.logSigmoid, nil, Rational(0)), (.elu, Rational(-1), nil), (.selu, -SeluScaledElu.lambda * SeluScaledElu.alpha, nil),
    ]

    public func check(_ c: CheckCase, _ context: PropertyContext) throws(PropertyContext.Refusal) -> Verdict {
        let x = IdentityCheck.inputs(c)
        guard !x.isEmpty else { return .skip("no finite x") }
        let f = c.format
        for (activation, lower, upper) in Self.ranges {
            let low = lower.map { f.round($0, .down) } ?? .infinity(f, negative: true)
            let high = upper.map { f.round($0, .up) } ?? .infinity(f)
            let y = try IdentityCheck.outputs(context, activation, x, format: f)
            for (i, v) in y.enumerated() where v.isNaN || Self.below(v, low) || Self.below(high, v) {
                return .fail(reason: "\(activation.rawValue)(\(x[i].hexString)) = \(v.hexString), outside [\(low.shortestDecimal), \(high.shortestDecimal)]", maxUlp: .infinity)
            }
        }
        return .pass(maxUlp: 0)
    }

    /// a < b for non-NaN values, infinities included.
    static func below(_ a: FloatValue, _ b: FloatValue) -> Bool {
        switch (a.dyadic, b.dyadic) {
        case (let p?, let q?): p < q
        case (nil, _?): a.isSignMinus
        case (_?, nil): !b.isSignMinus
        case (nil, nil): a.isSignMinus && !b.isSignMinus
        }
    }
}
