/// Why a sweep cannot run or merge: bad input (exit 2), or an implementation that failed (exit 1).
public enum SweepError: Error, Equatable, CustomStringConvertible {
    /// A function, format, parameter, shard or file the sweep cannot take.
    case badInput(String)
    /// The implementation does not compute the function in the format.
    case unsupported(String)
    /// The implementation failed to answer.
    case implementationFailed(String)

    public var description: String {
        switch self {
        case .badInput(let s), .unsupported(let s): s
        case .implementationFailed(let s): "the implementation failed: \(s)"
        }
    }
}
