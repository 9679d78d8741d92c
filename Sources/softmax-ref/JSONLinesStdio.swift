#if canImport(Glibc)
import Glibc
#endif
import SoftmaxConformance

/// Standard input as lines and standard output as a buffer, for the JSON-lines loops (`compute
/// --batch`, `_echo`). Answers go out just before the loop would wait for more input, so a driver
/// that pipelines gets each answer at once and a bulk one gets large writes.
struct JSONLinesStdio {
    private var lines = LineBuffer()
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)
    private var pending: [UInt8] = []
    private var atEnd = false

    /// The next input line (without its newline), or nil at the end of input.
    mutating func readLine() -> String? {
        while true {
            if let line = lines.nextLine() { return line }
            if atEnd { return lines.remainder() }
            flush()
            let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
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

    /// Writes out everything queued.
    mutating func flush() {
        var offset = 0
        while offset < pending.count {
            let written = pending.withUnsafeBytes { write(1, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { break }  // stdout closed: nothing more can be delivered
            offset += written
        }
        pending.removeAll(keepingCapacity: true)
    }
}
