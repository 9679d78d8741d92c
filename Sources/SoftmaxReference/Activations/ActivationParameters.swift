import Multiprecision

/// The parameters of an activation, taken exactly as the binary values they are.
///
/// - `alpha`: elu's α (default 1), leaky-relu's slope (default 0.01), relu's negative slope
///   (default 0);
/// - `beta`: softplus' and swish's β (default 1; softplus needs β != 0);
/// - `maxValue`, `threshold`: relu's, as in Keras 3: with t the threshold (default 0) and M the
///   maximum (default none), relu(x) = clip(x·[x > t], 0, M) - α·max(t - x, 0) when t != 0, and
///   clip(max(x, 0), 0, M) - α·max(-x, 0) when t = 0 (the clip only when M is given).
public struct ActivationParameters: Sendable {
    public let alpha: FloatValue?
    public let beta: FloatValue?
    public let maxValue: FloatValue?
    public let threshold: FloatValue?

    public init(alpha: FloatValue? = nil, beta: FloatValue? = nil, maxValue: FloatValue? = nil, threshold: FloatValue? = nil) {
        self.alpha = alpha
        self.beta = beta
        self.maxValue = maxValue
        self.threshold = threshold
    }

    /// Checks that every parameter given is finite and that `function` takes it.
    func validated(for function: Activation) throws(ReferenceError) -> ActivationParameters {
        let named: [(String, FloatValue?, Bool)] = [
            ("alpha", alpha, [.elu, .leakyRelu, .relu].contains(function)),
            ("beta", beta, [.softplus, .swish, .silu].contains(function)),
            ("max_value", maxValue, function == .relu),
            ("threshold", threshold, function == .relu),
        ]
        for (name, value, accepted) in named {
            guard let value else { continue }
            guard accepted else { throw .unusedParameter(name: name, function: function.rawValue) }
            guard value.isFinite else { throw .nonFiniteParameter(name: name, value: value.shortestDecimal) }
        }
        if function == .softplus, let beta, beta.isZero { throw .zeroSoftplusBeta }
        return self
    }
}
