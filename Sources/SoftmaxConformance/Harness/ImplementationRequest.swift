import Multiprecision
import SoftmaxReference

/// One question put to an implementation: a function of the family on one row, in one format.
public struct ImplementationRequest: Sendable, Hashable {
    public let function: ReferenceFunction
    public let format: FloatFormat
    public let input: [FloatValue]
    public let beta: FloatValue
    /// The base b of the exponential (b^t instead of e^t), or nil for e.
    public let base: FloatValue?
    public let label: Int?
    public let target: [FloatValue]?
    /// softmax-vjp's vector v.
    public let vector: [FloatValue]?

    public init(_ function: ReferenceFunction, format: FloatFormat, input: [FloatValue],
                beta: FloatValue? = nil, base: FloatValue? = nil, label: Int? = nil, target: [FloatValue]? = nil,
                vector: [FloatValue]? = nil) {
        self.function = function
        self.format = format
        self.input = input
        self.beta = beta ?? format.round(Dyadic.one, .toNearestOrEven)
        self.base = base
        self.label = label
        self.target = target
        self.vector = vector
    }
}
