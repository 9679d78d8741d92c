/// Bytes read from a pipe, handed out a line at a time without the newline: the framing of the
/// JSON-lines protocol, on the reading end of either side.
public struct LineBuffer: Sendable {
    private var bytes: [UInt8] = []
    /// Where the next line starts.
    private var start = 0
    /// How far the search for its newline has got (a long line arrives in many chunks).
    private var scanned = 0

    public init() {}

    /// The next complete line, or nil until more bytes arrive.
    public mutating func nextLine() -> String? {
        guard let newline = bytes[scanned...].firstIndex(of: 10) else {
            scanned = bytes.count
            return nil
        }
        let line = String(decoding: bytes[start..<newline], as: UTF8.self)
        start = newline + 1
        scanned = start
        return line
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
        defer { bytes.removeAll(); start = 0; scanned = 0 }
        return start < bytes.count ? String(decoding: bytes[start...], as: UTF8.self) : nil
    }
}
