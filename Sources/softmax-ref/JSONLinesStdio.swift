#if canImport(Glibc)
import Glibc
#endif
import SoftmaxConformance

/// Standard input as lines and standard output as a buffer, for the JSON-lines loops (`compute
/// --batch`, `_echo`). Answers go out just before the loop would wait for more input, so a driver
/// that pipelines gets each answer at once and a bulk one gets large writes.
///
/// A failed read (standard input is a directory, EIO) or write (ENOSPC, EPIPE, EIO) ends the
/// input and is kept in `failure`, for the loop to report once it stops.
struct JSONLinesStdio {
    private var lines = LineBuffer()
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)
    private var pending: [UInt8] = []
    private var atEnd = false
    /// The first read or write that failed, if any.
    private(set) var failure: FileError?

    /// The next input line (without its newline), or nil at the end of input or after a failure.
    mutating func readLine() -> String? {
        guard case .text(let line)? = readLine(maxBytes: .max) else { return nil }
        return line
    }

    /// The next input line, `.tooLong` for one over `maxBytes` (skipped to its newline without
    /// being held whole), or nil at the end of input or after a failure.
    mutating func readLine(maxBytes: Int) -> LineBuffer.Line? {
        while true {
            if failure != nil { return nil }
            if let line = lines.next(maxBytes: maxBytes) { return line }
            if atEnd { return lines.finish(maxBytes: maxBytes) }
            flush()
            let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { failure = FileError("read", "standard input", code: errno) }
            if count <= 0 { atEnd = true; continue }
            lines.append(chunk[0..<count])
        }
    }

    /// Queues one output line.
    mutating func writeLine(_ text: String) {
        pending.append(contentsOf: text.utf8)
        pending.append(10)
        if pending.count >= 1 << 16 { flush() }
    }

    /// Writes out everything queued; a failure is kept and later output dropped.
    mutating func flush() {
        if failure == nil {
            let code = pending.withUnsafeBytes { FileDescriptor.writeAll(1, $0) }
            if code != 0 { failure = FileError("write", "standard output", code: code) }
        }
        pending.removeAll(keepingCapacity: true)
    }
}
