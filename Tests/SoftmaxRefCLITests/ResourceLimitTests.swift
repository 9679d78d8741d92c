import Foundation
import SoftmaxConformance
import Testing

/// The request limits of `compute` and `compute --batch` (`RequestLimits`): requests past them are
/// refused with a message naming the limit, under a memory limit, and the batch goes on.
@Suite struct ResourceLimitTests {
    /// A JSON array of `count` numbers 0, 1, 2, ...
    private static func awkRow(_ count: Int) -> String {
        "$(awk 'BEGIN { printf \"[0\"; for (i = 1; i < \(count); i++) printf \",%d\", i % 97; printf \"]\" }')"
    }

    @Test("Over-limit batch requests get error answers under a 2 GB memory limit, and the batch goes on")
    func batchUnderMemoryLimit() throws {
        // Before the limits, the Jacobian of 3000 logits alone took 3.5 GB and aborted here. A
        // sanitizer build reserves terabytes of shadow address space and cannot start under any
        // ulimit -v; it gets the sanitizers' own 2 GB RSS cap instead.
        let script = """
            if (ulimit -v 2000000 && "$SOFTMAX_REF" compute 0 >/dev/null 2>&1); then
              ulimit -v 2000000
            else
              export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}hard_rss_limit_mb=2000"
              export TSAN_OPTIONS="${TSAN_OPTIONS:+$TSAN_OPTIONS:}hard_rss_limit_mb=2000"
            fi
            {
              echo "{\\"id\\":1,\\"function\\":\\"jacobian\\",\\"input\\":\(Self.awkRow(3000))}"
              printf '{"id":2,"input":["'; head -c 17000000 /dev/zero | tr '\\0' '1'; printf '"]}\\n'
              echo "{\\"id\\":3,\\"input\\":\(Self.awkRow(262_145))}"
              echo "{\\"id\\":4,\\"digits\\":1000,\\"input\\":\(Self.awkRow(16_778))}"
              echo '{"id":5,"input":[0,0]}'
            } | "$SOFTMAX_REF" compute --batch
            """
        let r = try ShellRunner.run(script)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let answers = r.stdout.split(separator: "\n").map { try? JSONParser.parse(String($0)) }
        try #require(answers.count == 5)
        #expect(answers[0]?["error"] == .string("a Jacobian of 3000 logits has 9000000 entries; the limit is 1048576 (n ≤ 1024)"))
        #expect(answers[0]?["id"] == .number("1"))
        // 17,000,000 ones, the 18 bytes of `{"id":2,"input":["` before them and the 3 of `"]}` after.
        #expect(answers[1]?["error"] == .string("request line of 17000021 bytes is longer than the limit of 16777216 bytes; skipped"))
        #expect(answers[2]?["error"] == .string("input has 262145 entries; the limit is 262144 (a row's memory grows with its length)"))
        #expect(answers[3]?["error"] == .string("digits 1000 for 16778 outputs asks for 16778000 digits; the limit is 16777216 per request"))
        // softmax of two equal logits is exactly 1/2 each.
        #expect(answers[4]?["output"] == .strings(["0x1p-1", "0x1p-1"]))
    }

    @Test("On the command line a request past a limit is exit 2 naming the limit")
    func commandLine() throws {
        let r = try CommandRunner.run(["compute", "--function", "jacobian"] + Array(repeating: "0", count: 1025))
        #expect(r.status == 2)
        #expect(r.stderr.contains("a Jacobian of 1025 logits has 1050625 entries; the limit is 1048576"))
        let digits = try CommandRunner.run(["compute", "--digits", "1000"] + Array(repeating: "1", count: 16_778))
        #expect(digits.status == 2)
        #expect(digits.stderr.contains("the limit is 16777216 per request"))
    }

    @Test("The limits are inclusive: a request exactly at each one is accepted")
    func boundaries() throws {
        let row = Array(repeating: "0", count: RequestLimits.maxRowLength)
        #expect(throws: Never.self) { try ReferenceResponder.prepare(ComputeRequest(input: row, target: row)) }
        #expect(throws: ComputeError.self) { try ReferenceResponder.prepare(ComputeRequest(input: row + ["0"])) }
        #expect(throws: ComputeError.self) { try ReferenceResponder.prepare(ComputeRequest(input: ["0"], vector: row + ["0"])) }
        let side = Array(repeating: "0", count: 1024)
        #expect(throws: Never.self) { try ReferenceResponder.prepare(ComputeRequest(function: "jacobian", input: side)) }
        #expect(throws: ComputeError.self) { try ReferenceResponder.prepare(ComputeRequest(function: "jacobian", input: side + ["0"])) }
        // 16 digits for each of the 1024² entries is exactly 2^24.
        #expect(throws: Never.self) { try ReferenceResponder.prepare(ComputeRequest(function: "jacobian", digits: 16, input: side)) }
        #expect(throws: ComputeError.self) { try ReferenceResponder.prepare(ComputeRequest(function: "jacobian", digits: 17, input: side)) }
    }

    @Test("A capped line buffer drops an over-long line as it arrives and keeps the lines around it")
    func cappedLineBuffer() {
        let long = String(repeating: "x", count: 10_000)
        let text = "short\n" + long + "\nnext\n" + long
        let bytes = Array(text.utf8)
        for chunkSize in [1, 7, 4096, bytes.count] {
            var buffer = LineBuffer()
            var lines: [LineBuffer.Line] = []
            for start in stride(from: 0, to: bytes.count, by: chunkSize) {
                buffer.append(bytes[start..<min(start + chunkSize, bytes.count)])
                while let line = buffer.next(maxBytes: 100) { lines.append(line) }
            }
            if let last = buffer.finish(maxBytes: 100) { lines.append(last) }
            #expect(lines == [.text("short"), .tooLong(bytes: 10_000), .text("next"), .tooLong(bytes: 10_000)], "chunks of \(chunkSize)")
        }
        var exact = LineBuffer()
        exact.append(ArraySlice(Array("12345\n123456\n".utf8)))
        #expect(exact.next(maxBytes: 5) == .text("12345"))
        #expect(exact.next(maxBytes: 5) == .tooLong(bytes: 6))
    }

    @Test("A note on a long inexact literal quotes its first 40 characters and its length")
    func longLiteralNoteTruncated() throws {
        // 0.111…1 with 10^5 ones: not a binary64 value, so it is noted; 0.5 is exact and is not.
        let long = "0." + String(repeating: "1", count: 100_000)
        let r = try CommandRunner.run(["compute", long, "0.5"])
        #expect(r.status == 0, "\(r.stderr)")
        let notes = r.stderr.split(separator: "\n").filter { $0.hasPrefix("note: ") }.map(String.init)
        let expected = "note: input[0] '0." + String(repeating: "1", count: 38) + "…' (100002 characters) is not exact in binary64: rounded to 0.1111111111111111 (0x1.c71c71c71c71cp-4)"
        #expect(notes == [expected])
        // A literal of 40 characters is quoted whole.
        let forty = "0." + String(repeating: "1", count: 38)
        let short = try CommandRunner.run(["compute", forty, "0.5"])
        #expect(short.stderr.contains("note: input[0] '\(forty)' is not exact in binary64"), "\(short.stderr)")
    }

    @Test("A long literal that is not a number is quoted by its first 40 characters too (exit 2)")
    func longSyntaxErrorTruncated() throws {
        let bad = String(repeating: "7", count: 50_000) + "x"
        let r = try CommandRunner.run(["compute", bad])
        #expect(r.status == 2)
        #expect(r.stderr.contains("'" + String(repeating: "7", count: 40) + "…' (50001 characters) is not a number"), "\(r.stderr.prefix(300))")
        #expect(r.stderr.count < 1000)
    }
}
