import Multiprecision
import SoftmaxConformance
import SoftmaxReference
import Testing

/// RecordedResults without the command line: each line read into a request, a rounding and an
/// answer; lines that cannot be judged refused naming the line; summaries per function and format.
@Suite struct RecordedResultsTests {
    static let half = FloatValue(Float(0.5))

    @Test("a line becomes its request, rounding and answer; the defaults are f32, softmax, nearest, β = 1")
    func record() throws {
        let text = """

            {"input": [1, 1], "output": ["0x1p-1", 0.5]}
            {"function": "logsumexp", "format": "f64", "rounding": "down", "beta": "0.5", "input": ["0.1"], "output": [0.0625]}
            """
        let records = try RecordedResults.parse(text)
        #expect(records.map(\.line) == [2, 3])
        let first = records[0]
        #expect(first.request == ImplementationRequest(.softmax, format: .binary32, input: [FloatValue(Float(1)), FloatValue(Float(1))]))
        #expect(first.rounding == .toNearestOrEven)
        #expect(first.answer == .values([Self.half, Self.half]))
        let second = records[1]
        // "0.1" is rounded once, to nearest binary64: the Double literal 0.1.
        #expect(second.request == ImplementationRequest(.logSumExp, format: .binary64, input: [FloatValue(0.1)], beta: FloatValue(0.5)))
        #expect(second.rounding == .down)
        #expect(second.answer == .values([FloatValue(0.0625)]))
    }

    @Test("error answers: 'unsupported' declines, any other message is a failure")
    func errorAnswers() throws {
        let records = try RecordedResults.parse("""
            {"input": [1], "error": "unsupported"}
            {"input": [1], "error": "out of memory"}
            {"function": "cross-entropy", "label": 0, "input": [0, 0], "output": ["0x1.62e43p-1"], "gradient": [-0.5, 0.5]}
            """)
        #expect(records[0].answer == .unsupported)
        #expect(records[1].answer == .failure("the program reported: out of memory"))
        // The cross-entropy answer is the loss followed by the gradient.
        #expect(records[2].answer == .values([FloatValue(Float(0x1.62e43p-1)), FloatValue(Float(-0.5)), Self.half]))
        #expect(records[2].request.label == 0)
    }

    /// A line that cannot be judged (put second in a file) and the message it gets.
    static let refused: [(line: String, message: String)] = [
        ("{\"input\": [1], \"output\": [1]", "malformed JSON at byte 28: unterminated object"),
        ("[1]", "a line must be a JSON object"),
        (#"{"input": [1], "temperature": 1}"#,
         "key 'temperature' cannot be judged; the keys are alpha, base, beta, error, format, function, gradient, id, input, label, max_value, output, rounding, target, threshold or vector"),
        (#"{"input": [1], "digits": 3}"#,
         "key 'digits' cannot be judged; the keys are alpha, base, beta, error, format, function, gradient, id, input, label, max_value, output, rounding, target, threshold or vector"),
        (#"{"function": "softmaxx", "input": [1]}"#, "unknown function 'softmaxx'"),
        (#"{"function": "tanh", "beta": 2, "input": [1]}"#, "tanh does not take 'beta'"),
        (#"{"function": "softmax", "threshold": 2, "input": [1]}"#, "softmax does not take 'threshold'"),
        (#"{"format": "f8", "input": [1]}"#, "unknown format 'f8'"),
        (#"{"rounding": "nearest-away", "input": [1]}"#, "unknown rounding 'nearest-away'; expected nearest, down, up or toward-zero"),
        (#"{"input": [1, "one"]}"#, "'input' entry 'one' is not a number"),
        (#"{"beta": "x", "input": [1]}"#, "'beta' entry 'x' is not a number"),
        (#"{"input": {"a": 1}}"#, "'input' must be an array of numbers"),
    ]

    @Test("a line that cannot be judged is refused naming the line", arguments: refused)
    func refuses(_ refused: (line: String, message: String)) {
        let text = #"{"input": [1], "output": [1]}"# + "\n" + refused.line + "\n"
        do {
            let records = try RecordedResults.parse(text)
            Issue.record("read \(records.count) records")
        } catch {
            #expect(error.line == 2)
            #expect(error.message == refused.message)
            #expect(error.description == "results line 2: \(refused.message)")
        }
    }

    @Test("judging: summaries per function and format in order of appearance, each answer judged")
    func judge() throws {
        // softmax([1, 1]) is [1/2, 1/2] exactly; 0x1.000002p-1 is one ulp (2^-24) above 1/2.
        // logsumexp([0, 0]) = ln 2 = 0x1.62e42fefa39ef358p-1, which rounds to 0x1.62e43p-1 in binary32.
        let records = try RecordedResults.parse("""
            {"function": "logsumexp", "input": [0, 0], "output": ["0x1.62e43p-1"]}
            {"input": [1, 1], "output": ["0x1p-1", "0x1p-1"]}
            {"input": [1, 1], "output": ["0x1p-1", "0x1.000002p-1"]}
            {"input": [1, 1], "error": "unsupported"}
            {"format": "f64", "input": [1, 1], "output": [0.5, 0.5]}
            """)
        let strict = RecordedResults.judge(records, profile: { _ in .strict })
        #expect(strict.map(\.function) == [.logSumExp, .softmax, .softmax])
        #expect(strict.map(\.format) == [.binary32, .binary32, .binary64])
        #expect(strict.map(\.cases) == [1, 2, 1])
        #expect(strict.map(\.correctlyRounded) == [1, 1, 1])
        #expect(strict[1].unsupported == 1)
        #expect(strict[1].maxUlp == 1)
        #expect(strict[1].failures.map(\.0) == ["line 3"])
        #expect(strict[1].failures.first?.1 == "output 1 is 0x1.000002p-1, correctly rounded is 0x1p-1")
        #expect(strict[0].failures.isEmpty && strict[2].failures.isEmpty)
        // Within 8 ulps the same answer is not a failure, though still not correctly rounded.
        let bounded = RecordedResults.judge(records, profile: { _ in .bounded(ulps: 8) })
        #expect(bounded[1].failures.isEmpty && bounded[1].correctlyRounded == 1 && bounded[1].maxUlp == 1)
    }

    @Test("a recorded rounding is judged against the reference rounded that way")
    func rounding() throws {
        // softmax([0, 0, 0]) = 1/3: rounded down in binary32 it is 0x1.555554p-2, to nearest 0x1.555556p-2.
        let down = try RecordedResults.parse(#"{"rounding": "down", "input": [0, 0, 0], "output": ["0x1.555554p-2", "0x1.555554p-2", "0x1.555554p-2"]}"#)
        let summary = RecordedResults.judge(down, profile: { _ in .strict })
        #expect(summary[0].correctlyRounded == 1 && summary[0].failures.isEmpty)
        let nearest = try RecordedResults.parse(#"{"input": [0, 0, 0], "output": ["0x1.555554p-2", "0x1.555554p-2", "0x1.555554p-2"]}"#)
        let failures = RecordedResults.judge(nearest, profile: { _ in .strict })[0].failures
        #expect(failures.map(\.1) == ["output 0 is 0x1.555554p-2, correctly rounded is 0x1.555556p-2"])
    }
}
