import SoftmaxReference

extension ImplementationRequest {
    /// How many values a correct answer holds, flattened as ``ImplementationAnswer/values(_:)``
    /// says: n for the elementwise functions (sigmoid, the activations) and the per-logit ones, 1
    /// for LogSumExp, n·n for the Jacobian, 1 + n (the loss, then the gradient) for cross-entropy.
    public var expectedOutputCount: Int {
        let n = input.count
        if function.isElementwise { return n }
        return switch function {
        case .family(.logSumExp): 1
        case .family(.jacobian): n * n
        case .family(.crossEntropy): 1 + n
        default: n  // softmax, log-softmax, softmax-vjp: one output per logit
        }
    }
}
