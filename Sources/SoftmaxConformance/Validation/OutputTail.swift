import Foundation

/// The last `capacity` bytes of a stream (a program's standard error): enough to quote why it
/// died, in bounded memory however much it writes.
struct OutputTail {
    let capacity: Int
    private var bytes: [UInt8] = []

    init(capacity: Int) { self.capacity = capacity }

    mutating func append(_ chunk: ArraySlice<UInt8>) {
        bytes.append(contentsOf: chunk.suffix(capacity))
        if bytes.count > capacity { bytes.removeFirst(bytes.count - capacity) }
    }

    /// The last lines kept, joined with " | ", at most `limit` characters (the end is kept); nil when empty.
    func quoted(limit: Int = 200) -> String? {
        let lines = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !lines.isEmpty else { return nil }
        let text = SkippedLines.printable(lines.joined(separator: " | "))
        return text.count > limit ? "..." + text.suffix(limit) : text
    }
}
