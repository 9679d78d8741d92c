/// Why a compute request could not be answered.
public enum ComputeError: Error, Equatable, CustomStringConvertible {
    /// The request itself is wrong (exit 2 on the command line, an error line in a batch).
    case badRequest(String)
    /// The reference failed (exit 3).
    case `internal`(String)

    public var description: String {
        switch self {
        case .badRequest(let m), .internal(let m): m
        }
    }
}
