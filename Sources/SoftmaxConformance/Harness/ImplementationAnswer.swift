import Multiprecision

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
