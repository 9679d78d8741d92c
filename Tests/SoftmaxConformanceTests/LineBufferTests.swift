import SoftmaxConformance
import Testing

/// The protocol's line framing: lines split across reads, several lines in one read, a long line
/// in many small reads, and a last line without a newline.
@Suite struct LineBufferTests {
    @Test("lines come out whole and in order however the bytes are chunked")
    func framing() {
        let text = "{\"id\":1}\n\n{\"id\":2}\n" + String(repeating: "x", count: 5000) + "\nlast"
        let bytes = Array(text.utf8)
        for chunkSize in [1, 3, 64, 4096, bytes.count] {
            var buffer = LineBuffer()
            var lines: [String] = []
            for start in stride(from: 0, to: bytes.count, by: chunkSize) {
                buffer.append(bytes[start..<min(start + chunkSize, bytes.count)])
                while let line = buffer.nextLine() { lines.append(line) }
            }
            if let rest = buffer.remainder() { lines.append(rest) }
            #expect(lines == ["{\"id\":1}", "", "{\"id\":2}", String(repeating: "x", count: 5000), "last"], "chunks of \(chunkSize)")
            #expect(buffer.remainder() == nil)
        }
    }

    @Test("the unfinished line's length is what arrived after the last newline")
    func unfinishedLength() {
        var buffer = LineBuffer()
        buffer.append(Array("ab\ncdef".utf8)[...])
        #expect(buffer.nextLine() == "ab")
        #expect(buffer.nextLine() == nil)
        #expect(buffer.unfinishedLineLength == 4)
        buffer.append(Array("gh\n".utf8)[...])
        #expect(buffer.nextLine() == "cdefgh")
        #expect(buffer.nextLine() == nil && buffer.unfinishedLineLength == 0)
    }
}
