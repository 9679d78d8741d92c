import Multiprecision
import SoftmaxReference

/// One fixture case read back from a fixture file, for one format: what to compute and the
/// correctly rounded answers. The same reader serves `swift test` and the validation of other
/// implementations.
public struct FixtureCase: Sendable, CustomStringConvertible {
    public let id: String
    public let function: ReferenceFunction
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
    /// Outputs by rounding rule, as stored: one period for elementwise functions, [loss, gradient...]
    /// for cross-entropy.
    public let outputs: [FloatingPointRoundingRule: [FloatValue]]

    public var description: String { "\(function.rawValue)/\(id) [\(ProtocolNames.name(of: format))]" }

    /// The request this case asks of an implementation.
    public func request() throws(ReferenceError) -> ReferenceRequest {
        try ReferenceRequest(function, input: input, beta: beta, base: base, label: label, target: target, vector: vector)
    }

    /// The stored form of a full result: the first period for elementwise functions, and the
    /// loss followed by the gradient for cross-entropy.
    public func stored(_ result: ReferenceResult<FloatValue>) -> [FloatValue] {
        switch function {
        case .softmax, .logSoftmax, .sigmoid: Array(result.values.prefix(input.count / repeatCount))
        default: result.values + (result.gradient ?? [])
        }
    }
}
