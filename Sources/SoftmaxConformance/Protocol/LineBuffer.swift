/// Bytes read from a pipe, handed out a line at a time without the newline: the framing of the
/// JSON-lines protocol, on the reading end of either side.
///
/// With a byte cap (`next(maxBytes:)`) a line longer than the cap is never held whole: its bytes
/// are dropped as they arrive and it comes out as `.tooLong` once its newline (or the end) is read.
public struct LineBuffer: Sendable {
    /// One line handed out under a byte cap.
    public enum Line: Sendable, Equatable {
        case text(String)
        /// A line longer than the cap, dropped; `bytes` is its length without the newline.
        case tooLong(bytes: Int)
    }

    private var bytes: [UInt8] = []
    /// Where the next line starts.
    private var start = 0
    /// How far the search for its newline has got (a long line arrives in many chunks).
    private var scanned = 0
    /// Bytes of the current line already dropped because it passed the cap.
    private var dropped = 0

    public init() {}

    /// The next complete line, or nil until more bytes arrive.
    public mutating func nextLine() -> String? {
        guard case .text(let line)? = next(maxBytes: .max) else { return nil }
        return line
    }

    /// The next complete line, `.tooLong` for one longer than `maxBytes`, or nil until more bytes
    /// arrive. Holds at most `maxBytes` plus one chunk of a line at any time.
    public mutating func next(maxBytes: Int) -> Line? {
        guard let newline = bytes[scanned...].firstIndex(of: 10) else {
            scanned = bytes.count
            if bytes.count - start > maxBytes {
                dropped += bytes.count - start
                start = bytes.count
            }
            return nil
        }
        defer { start = newline + 1; scanned = start; dropped = 0 }
        return line(bytes[start..<newline], maxBytes: maxBytes)
    }

    /// The bytes received of the line not yet complete, once `nextLine()` has returned nil: lets a
    /// reader bound the length of a line before it ends.
    public var unfinishedLineLength: Int { bytes.count - start }

    /// Appends bytes just read, first dropping the lines already handed out.
    public mutating func append(_ chunk: ArraySlice<UInt8>) {
        if start > 0 {
            bytes.removeFirst(start)
            scanned -= start
            start = 0
        }
        bytes.append(contentsOf: chunk)
    }

    /// The bytes after the last newline (a final line without one), or nil if there are none.
    public mutating func remainder() -> String? {
        guard case .text(let line)? = finish(maxBytes: .max) else { return nil }
        return line
    }

    /// The final line without a newline under a byte cap, or nil if there is none.
    public mutating func finish(maxBytes: Int) -> Line? {
        defer { bytes.removeAll(); start = 0; scanned = 0; dropped = 0 }
        guard start < bytes.count || dropped > 0 else { return nil }
        return line(bytes[start...], maxBytes: maxBytes)
    }

    private func line(_ text: ArraySlice<UInt8>, maxBytes: Int) -> Line {
        if dropped > 0 || text.count > maxBytes { return .tooLong(bytes: dropped + text.count) }
        return .text(String(decoding: text, as: UTF8.self))
    }
}
