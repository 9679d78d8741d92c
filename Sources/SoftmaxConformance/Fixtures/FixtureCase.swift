import Multiprecision
import SoftmaxReference

/// One fixture case read back from a fixture file, for one format: what to compute and the
/// correctly rounded answers. The same reader serves `swift test` and the validation of other
/// implementations.
public struct FixtureCase: Sendable, CustomStringConvertible {
    public let id: String
    public let function: HarnessFunction
    public let format: FloatFormat
    /// The full row (one stored period repeated `repeatCount` times), already in `format`.
    public let input: [FloatValue]
    public let repeatCount: Int
    public let beta: FloatValue
    public let base: FloatValue?
    public let label: Int?
    public let target: [FloatValue]?
    /// softmax-vjp's vector v.
    public let vector: [FloatValue]?
    /// An activation's α, relu's `max_value` and `threshold`, when given.
    public let alpha: FloatValue?
    public let maxValue: FloatValue?
    public let threshold: FloatValue?
    /// Outputs by rounding rule, as stored: one period for elementwise functions, [loss, gradient...]
    /// for cross-entropy.
    public let outputs: [FloatingPointRoundingRule: [FloatValue]]

    public var description: String { "\(function.rawValue)/\(id) [\(ProtocolNames.name(of: format))]" }

    /// The request this case asks of an implementation (the whole row, every period).
    public var request: ImplementationRequest {
        ImplementationRequest(function, format: format, input: input, beta: beta, base: base, label: label, target: target,
                              vector: vector, alpha: alpha, maxValue: maxValue, threshold: threshold)
    }

    /// The stored form of a full answer (flattened, as ``ImplementationAnswer/values(_:)``): the
    /// first period for the functions with one output per logit, everything otherwise.
    public func stored(_ outputs: [FloatValue]) -> [FloatValue] {
        FixtureGenerator.stored(outputs, function: function, period: input.count / repeatCount)
    }
}
