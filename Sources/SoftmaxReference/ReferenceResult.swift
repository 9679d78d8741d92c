/// The outputs of a request: `values` (n for softmax, log-softmax and sigmoid; 1 for LogSumExp
/// and the cross-entropy loss; n×n row-major for the Jacobian; n for softmax-vjp) and, for
/// cross-entropy, `gradient`.
public struct ReferenceResult<Value: Sendable>: Sendable {
    public let values: [Value]
    public let gradient: [Value]?
}
