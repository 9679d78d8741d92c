#if canImport(Glibc)
import Glibc
#endif

/// A failure of the environment rather than of the input: a file or stream that could not be
/// read or written. The message names the path and the system's reason (strerror).
public struct FileError: Error, CustomStringConvertible, Equatable {
    /// What was attempted: "write", "read", "create", ...
    public let action: String
    /// The file, or "standard output" / "standard input".
    public let path: String
    /// The errno value.
    public let code: Int32
    /// More words where strerror alone would mislead ("the file is read-only").
    public let detail: String?

    public init(_ action: String, _ path: String, code: Int32, detail: String? = nil) {
        self.action = action
        self.path = path
        self.code = code
        self.detail = detail
    }

    public var description: String {
        let place = path.hasPrefix("standard ") ? path : "'\(path)'"
        return "cannot \(action) \(place): \(String(cString: strerror(code)))" + (detail.map { " (\($0))" } ?? "")
    }
}
