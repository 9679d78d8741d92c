import ArgumentParser
import SoftmaxConformance
import SoftmaxReference

#if canImport(Glibc)
import Glibc
#endif

/// The exit codes of `softmax-ref`: our contract, documented in the README.
enum ExitStatus {
    static let success: Int32 = 0
    static let checkFailed: Int32 = 1
    static let badInput: Int32 = 2
    static let internalError: Int32 = 3
    /// The environment failed us, not the input: a file or stream could not be read or written
    /// (disk full, permission denied, closed pipe, a directory where a file was expected).
    static let environmentError: Int32 = 4

    /// The exit code for an error that ended a command.
    static func code(for error: Error) -> Int32 {
        switch error {
        case let exit as ExitCode: return exit.rawValue
        case is CleanExit: return success
        case let compute as ComputeError:
            if case .internal = compute { return internalError }
            return badInput
        case let reference as ReferenceError:
            if case .precisionCapReached = reference { return internalError }
            return badInput
        case is ValidationError: return badInput
        case is FileError: return environmentError
        default:
            // Parse errors from argument-parser (unknown option, bad value, missing argument).
            let code = SoftmaxRef.exitCode(for: error)
            if code == .success { return success }
            if code.rawValue == environmentError { return environmentError }  // `reported(_:)` from a validate()
            return code.rawValue == 1 || code == .validationFailure ? badInput : internalError
        }
    }
}

extension ExitStatus {
    /// Prints `error` and returns exit 4, for a `FileError` found in a command's `validate()`:
    /// argument-parser wraps what `validate()` throws and keeps only a bare `ExitCode`'s status.
    static func reported(_ error: FileError) -> ExitCode {
        printError("Error: \(error)")
        return ExitCode(environmentError)
    }
}

/// Writes a line to standard error.
func printError(_ message: String) {
    var line = message
    if !line.hasSuffix("\n") { line += "\n" }
    fflush(nil)  // keep stdout and stderr in order when both go to one terminal
    _ = line.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
}
