import Multiprecision

/// One question for the reference: an activation applied to each input, with its parameters.
public struct ActivationRequest: Sendable {
    public let function: Activation
    public let input: [FloatValue]
    public let parameters: ActivationParameters

    /// Validates the parameters (finite, taken by `function`; softplus' β != 0).
    public init(_ function: Activation, input: [FloatValue], parameters: ActivationParameters = ActivationParameters()) throws(ReferenceError) {
        self.function = function
        self.input = input
        self.parameters = try parameters.validated(for: function)
    }

    /// The point of input `x` with the defaults resolved in `format` (leaky-relu's α = 0.01 is
    /// rounded to nearest in it, like a parameter given as a decimal).
    func point(_ x: Dyadic, format: FloatFormat) -> ActivationPoint {
        let defaultAlpha: Dyadic = switch function {
        case .leakyRelu: format.round(Rational(BigInt(1), BigInt(100)), .toNearestOrEven).dyadic!
        case .relu: .zero
        default: .one
        }
        return ActivationPoint(function: function, x: x, alpha: parameters.alpha?.dyadic ?? defaultAlpha,
                               beta: parameters.beta?.dyadic ?? .one, maxValue: parameters.maxValue?.dyadic,
                               threshold: parameters.threshold?.dyadic ?? .zero)
    }
}
