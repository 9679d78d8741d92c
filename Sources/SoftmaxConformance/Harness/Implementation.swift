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

/// What an implementation said.
public enum ImplementationAnswer: Sendable, Equatable {
    /// Outputs, flattened as in the fixtures: n values, 1 for LogSumExp, n·n row-major for the
    /// Jacobian, [loss, gradient...] for cross-entropy.
    case values([FloatValue])
    /// The implementation declines this function or format (never counted as a failure).
    case unsupported
    /// The implementation failed to answer (crash, timeout, garbage), with a reason.
    case failure(String)
    /// The implementation can no longer answer (an external program that died for good), with
    /// why; what needed it is not run, neither passed nor failed.
    case unavailable(String)
}

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

/// An implementation given by a closure over one request: the usual way to wrap a kernel.
public struct ClosureImplementation: Implementation {
    public let name: String
    let body: @Sendable (ImplementationRequest) -> ImplementationAnswer

    public init(name: String, _ body: @escaping @Sendable (ImplementationRequest) -> ImplementationAnswer) {
        self.name = name
        self.body = body
    }

    public func evaluate(_ requests: [ImplementationRequest]) -> [ImplementationAnswer] { requests.map(body) }
}

/// The reference itself as an implementation (round to nearest): it must pass the strict profile.
public struct ReferenceImplementation: Implementation {
    public let name = "reference"
    public init() {}

    public func evaluate(_ requests: [ImplementationRequest]) -> [ImplementationAnswer] {
        requests.map { r in
            do {
                let request = try ReferenceRequest(r.function, input: r.input, beta: r.beta, base: r.base, label: r.label,
                                                   target: r.target, vector: r.vector)
                let result = try Reference.evaluate(request, format: r.format)
                return .values(result.values + (result.gradient ?? []))
            } catch {
                return .failure(String(describing: error))
            }
        }
    }
}
