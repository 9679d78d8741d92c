import SoftmaxReference

extension ImplementationRequest {
    /// How many values a correct answer holds, flattened as ``ImplementationAnswer/values(_:)``
    /// says: n for the elementwise and per-logit functions, 1 for LogSumExp, n·n for the
    /// Jacobian, 1 + n (the loss, then the gradient) for cross-entropy.
    public var expectedOutputCount: Int { Self.outputCount(function, count: input.count) }

    /// The outputs of `function` on a row of `count`.
    static func outputCount(_ function: HarnessFunction, count n: Int) -> Int {
        switch function {
        case .activation, .family(.softmax), .family(.logSoftmax), .family(.sigmoid), .family(.softmaxVJP): n
        case .family(.logSumExp): 1
        case .family(.jacobian): n * n
        case .family(.crossEntropy): 1 + n
        }
    }
}
