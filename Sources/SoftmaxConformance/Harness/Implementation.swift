/// Anything that maps rows to outputs in a format: a built-in kernel, an external program spoken
/// to over JSON lines, or a results file. Built-in kernels get no special treatment.
public protocol Implementation: Sendable {
    /// A short name used in reports and in the `--kernel` option.
    var name: String { get }
    /// Answers a batch of requests, one answer per request, in order.
    func evaluate(_ requests: [ImplementationRequest]) -> [ImplementationAnswer]
}

extension Implementation {
    /// Answers one request.
    public func evaluate(_ request: ImplementationRequest) -> ImplementationAnswer { evaluate([request])[0] }
}
