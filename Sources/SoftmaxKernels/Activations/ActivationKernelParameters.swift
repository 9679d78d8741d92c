/// The parameters of an activation, as values of the storage type (nil: the default).
///
/// `alpha`: elu's α (1), leaky-relu's slope (0.01 rounded to the storage type), relu's slope below the
/// threshold (0); `beta`: softplus' and swish's β (1; softplus needs β ≠ 0); `maxValue` and
/// `threshold`: relu's, as in Keras 3 (see ``ActivationKernel/relu``).
public struct ActivationKernelParameters: Sendable, Equatable {
    public var alpha: Double?
    public var beta: Double?
    public var maxValue: Double?
    public var threshold: Double?

    public init(alpha: Double? = nil, beta: Double? = nil, maxValue: Double? = nil, threshold: Double? = nil) {
        self.alpha = alpha
        self.beta = beta
        self.maxValue = maxValue
        self.threshold = threshold
    }

    /// Why these parameters do not suit `function`, or nil when they do: a parameter it does not take,
    /// a non-finite one, or softplus with β = 0.
    public func problem(for function: ActivationKernel) -> String? {
        let named: [(String, Double?, Bool)] = [
            ("alpha", alpha, function.takesAlpha), ("beta", beta, function.takesBeta),
            ("max_value", maxValue, function.takesReluBounds), ("threshold", threshold, function.takesReluBounds),
        ]
        for case let (name, value?, accepted) in named {
            if !accepted { return "\(function.rawValue) takes no \(name)" }
            if !value.isFinite { return "\(name) must be finite; got \(value)" }
        }
        if function == .softplus, beta == 0 { return "softplus needs beta != 0" }
        return nil
    }
}
