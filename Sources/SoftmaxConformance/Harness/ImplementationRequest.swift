import Multiprecision
import SoftmaxReference

/// One question put to an implementation: a function of the family or an activation, on one
/// row, in one format.
public struct ImplementationRequest: Sendable, Hashable {
    public let function: HarnessFunction
    public let format: FloatFormat
    public let input: [FloatValue]
    /// The inverse temperature of the family; softplus', swish's and silu's β; 1 for the other activations.
    public let beta: FloatValue
    /// The base b of the exponential (b^t instead of e^t), or nil for e.
    public let base: FloatValue?
    public let label: Int?
    public let target: [FloatValue]?
    /// softmax-vjp's vector v.
    public let vector: [FloatValue]?
    /// An activation's α, relu's `max_value` and `threshold`, when given (nil: the default).
    public let alpha: FloatValue?
    public let maxValue: FloatValue?
    public let threshold: FloatValue?

    /// A request for a member of the softmax family.
    public init(_ function: ReferenceFunction, format: FloatFormat, input: [FloatValue],
                beta: FloatValue? = nil, base: FloatValue? = nil, label: Int? = nil, target: [FloatValue]? = nil,
                vector: [FloatValue]? = nil) {
        self.init(.family(function), format: format, input: input, beta: beta, base: base, label: label, target: target,
                  vector: vector, alpha: nil, maxValue: nil, threshold: nil)
    }

    /// A request for an activation, with the parameters given (nil: the default).
    public init(_ activation: Activation, format: FloatFormat, input: [FloatValue], beta: FloatValue? = nil,
                alpha: FloatValue? = nil, maxValue: FloatValue? = nil, threshold: FloatValue? = nil) {
        self.init(.activation(activation), format: format, input: input, beta: beta, base: nil, label: nil, target: nil,
                  vector: nil, alpha: alpha, maxValue: maxValue, threshold: threshold)
    }

    /// Any request: the recorded results and fixtures build them from a function's name.
    public init(_ function: HarnessFunction, format: FloatFormat, input: [FloatValue], beta: FloatValue?, base: FloatValue?,
                label: Int?, target: [FloatValue]?, vector: [FloatValue]?,
                alpha: FloatValue?, maxValue: FloatValue?, threshold: FloatValue?) {
        self.function = function
        self.format = format
        self.input = input
        self.beta = beta ?? format.round(Dyadic.one, .toNearestOrEven)
        self.base = base
        self.label = label
        self.target = target
        self.vector = vector
        self.alpha = alpha
        self.maxValue = maxValue
        self.threshold = threshold
    }

    /// The activation's parameters as the reference takes them (β only where the function takes it).
    public var activationParameters: ActivationParameters {
        ActivationParameters(alpha: alpha, beta: function.takesBeta ? beta : nil, maxValue: maxValue, threshold: threshold)
    }
}
