import Multiprecision
import SoftmaxReference

/// f(−x) = −f(x) for the odd activations, tanh and softsign.
public struct OddSymmetry: ConformanceProperty {
    public let activation: Activation
    /// `activation` must be odd: tanh or softsign.
    public init(_ activation: Activation) {
        precondition([.tanh, .softsign].contains(activation), "\(activation) is not odd")
        self.activation = activation
    }

    public var name: String { "odd/\(activation.rawValue)" }
    public var statement: String { "\(activation.rawValue)(−x) = −\(activation.rawValue)(x) within u ulps of each (bit for bit when correctly rounded)" }
    public var rationale: String {
        "\(activation.rawValue) is odd, so f(x) and −f(−x) have the same exact value; each output is within u ulps (the profile's bound) of its own, and the sum is taken exactly. Rounding to nearest is symmetric, so a correctly rounded implementation is exactly odd."
    }
    public var functions: Set<HarnessFunction> { [.activation(activation)] }

    public func check(_ c: CheckCase, _ context: PropertyContext) throws(PropertyContext.Refusal) -> Verdict {
        let f = c.format
        let x = IdentityCheck.inputs(c)
        guard !x.isEmpty else { return .skip("no finite x") }
        let a = try IdentityCheck.outputs(context, activation, x, format: f)
        let b = try IdentityCheck.outputs(context, activation, IdentityCheck.negated(x), format: f)
        let name = activation.rawValue
        for i in x.indices {
            guard let p = a[i].dyadic, let m = b[i].dyadic else {
                return .fail(reason: "at x = \(x[i].hexString): \(name)(x) = \(a[i].hexString), \(name)(−x) = \(b[i].hexString); both are finite", maxUlp: .infinity)
            }
            let allowed = context.tolerance(.activation(activation), around: a[i]) + context.tolerance(.activation(activation), around: b[i])
            if let reason = IdentityCheck.differ(m, -p, allowed: allowed, at: x[i], "\(name)(−x)", "−\(name)(x)") {
                return .fail(reason: reason, maxUlp: .infinity)
            }
        }
        return .pass(maxUlp: 0)
    }
}
