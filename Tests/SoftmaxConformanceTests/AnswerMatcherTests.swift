import Multiprecision
@testable import SoftmaxConformance
import Testing

/// Resynchronisation by id and the verdicts on answer values, without a process.
@Suite struct AnswerMatcherTests {
    @Test("banners, repeats and unknown ids are skipped; answers out of order are matched by id")
    func resync() {
        var matcher = AnswerMatcher(ids: 5..<8)
        var skipped = SkippedLines()
        let lines = [
            "Loading model...", #"{"id": 7, "output": []}"#, #"{"id": 3, "output": []}"#, #"{"id": 7, "output": []}"#,
            "[1, 2]", #"{"id": 0, "output": []}"#, #"{"id": "6"}"#, #"{"id": 5, "output": []}"#, #"{"id": 9}"#,
        ]
        var outcomes: [AnswerMatcher.Outcome] = []
        for line in lines {
            let outcome = matcher.take(line)
            skipped.record(outcome, line)
            outcomes.append(outcome)
        }
        #expect(outcomes == [.notAnAnswer, .answer(id: 7), .repeated(id: 3), .repeated(id: 7), .notAnAnswer, .unknown(id: 0),
                             .notAnAnswer, .answer(id: 5), .unknown(id: 9)])
        #expect(!matcher.isComplete && matcher.unanswered == [6])
        #expect(matcher.take(#"{"output": [], "id": 6}"#) == .answer(id: 6) && matcher.isComplete)
        #expect(skipped.notes == [
            "skipped 3 lines that were not answers, the first: 'Loading model...'",
            "skipped 2 answers to requests already answered, the first with id 3",
            "skipped 2 answers with ids never sent, the first 0",
        ])
    }

    @Test("a single skipped line is quoted whole; control characters are escaped")
    func quoting() {
        var skipped = SkippedLines()
        skipped.record(.notAnAnswer, "bell\u{7} and tab\t")
        #expect(skipped.notes == [#"skipped 1 line that was not an answer: 'bell\u{7} and tab\u{9}'"#])
    }

    /// The verdict on `{"id": 1, "output": [VALUE]}` in `format`.
    static func verdict(_ value: String, _ format: FloatFormat) -> ImplementationAnswer {
        ProtocolAnswer.parse(#"{"id": 1, "output": [0, \#(value)]}"#, expectedID: 1, format: format)
    }

    @Test("values that denote exactly a number of the format are accepted, as JSON numbers or strings", arguments: [
        ("0.5", FloatFormat.binary16, 0.5), ("\"0x1.8p+1\"", .binary32, 3), ("\"inf\"", .binary32, .infinity),
        ("\"-inf\"", .bfloat16, -.infinity), ("65504", .binary16, 65504), ("-0", .binary64, -0.0),
        // 0.1f is 13421773 · 2^-27 = 0.100000001490116119384765625 exactly.
        ("0.100000001490116119384765625", .binary32, 13421773 * 0x1p-27), ("\"0x1p-1074\"", .binary64, 0x1p-1074),
    ])
    func exactValues(_ value: String, _ format: FloatFormat, _ expected: Double) {
        guard case .values(let v) = Self.verdict(value, format) else { Issue.record("\(value) rejected: \(Self.verdict(value, format))"); return }
        #expect(v.count == 2 && v[1].double == expected && v[1].isSignMinus == (expected.sign == .minus))
    }

    @Test("every other value is a failure naming the entry and the request", arguments: [
        ("0.1", FloatFormat.binary16, "output 1 is 0.1, not a binary16 value in the answer to request 1"),
        ("\"0.1\"", .binary64, "output 1 is '0.1', not a binary64 value"),
        ("1e39", .binary32, "output 1 is 1e39, outside the range of binary32"),
        ("65520", .binary16, "output 1 is 65520, outside the range of binary16"),
        ("1e-46", .binary32, "output 1 is 1e-46, not a binary32 value"),
        ("null", .binary32, "output 1 is null, not a number in the answer to request 1"),
        ("true", .binary32, "output 1 is true, not a number"),
        ("{\"v\": 1}", .binary32, "output 1 is an object, not a number"),
        ("\"about 0.5\"", .binary32, "output 1 is 'about 0.5', not a number"),
    ])
    func badValues(_ value: String, _ format: FloatFormat, _ reason: String) {
        let answer = Self.verdict(value, format)
        guard case .failure(let text) = answer else { Issue.record("\(value) accepted: \(answer)"); return }
        #expect(text.contains(reason), "\(text)")
    }

    @Test("answers of the wrong shape say what is wrong")
    func shapes() {
        let cases = [
            (#"{"id": 4, "output": null}"#, "'output' is null, not a list of numbers in the answer to request 4"),
            (#"{"id": 4, "output": [1], "gradient": [false]}"#, "gradient 0 is false, not a number in the answer to request 4"),
            (#"{"id": 4, "error": 42}"#, "the 'error' of the answer to request 4 is not a string: 42"),
            (#"{"id": 4}"#, "no 'output' in the answer to request 4"),
        ]
        for (line, reason) in cases {
            #expect(ProtocolAnswer.parse(line, expectedID: 4, format: .binary32) == .failure(reason), "\(line)")
        }
        #expect(ProtocolAnswer.parse(#"{"id": 4, "error": "unsupported"}"#, expectedID: 4, format: .binary32) == .unsupported)
    }
}
