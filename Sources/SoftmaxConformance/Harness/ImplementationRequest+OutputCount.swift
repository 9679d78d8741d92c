import SoftmaxReference

extension ImplementationRequest {
    /// How many values a correct answer holds, flattened as ``ImplementationAnswer/values(_:)``
    /// says: n for the elementwise and per-logit functions, 1 for LogSumExp, n·n for the
    /// Jacobian, 1 + n (the loss, then the gradient) for cross-entropy.
    public var expectedOutputCount: Int {
        let n = input.count
        return switch function {
        case .softmax, .logSoftmax, .sigmoid, .softmaxVJP: n
        case .logSumExp: 1
        case .jacobian: n * n
        case .crossEntropy: 1 + n
        }
    }
}
