import SoftmaxConformance
import Testing

/// ComputeRequest read from a JSON line: given keys replace the defaults, numbers stay text, and
/// every wrong key or value is refused with a message naming the key.
@Suite struct ComputeRequestTests {
    static func request(_ line: String, defaults: ComputeRequest = ComputeRequest()) throws -> ComputeRequest {
        try ComputeRequest(json: try JSONParser.parse(line), defaults: defaults)
    }

    @Test("given keys replace the defaults; absent keys keep them")
    func defaults() throws {
        let defaults = ComputeRequest(function: "sigmoid", format: "f16", rounding: "up", beta: "2", digits: 5)
        let r = try Self.request(#"{"id": "a7", "format": "bf16", "input": [1, "0x1p-3", "-inf"]}"#, defaults: defaults)
        #expect(r.id == .string("a7"))
        #expect(r.format == "bf16")
        #expect(r.input == ["1", "0x1p-3", "-inf"])
        #expect(r.function == "sigmoid" && r.rounding == "up" && r.beta == "2" && r.digits == 5)
        #expect(r.base == nil && r.label == nil && r.target == nil && r.vector == nil)
    }

    @Test("every key is read; numbers keep their text, not a rounded Double")
    func everyKey() throws {
        let r = try Self.request("""
            {"id": 3, "function": "cross-entropy", "format": "f32", "rounding": "toward-zero", "beta": 0.1,
             "base": "2", "digits": 17, "input": [0.1, 1e-400], "label": "1", "target": [0.25, 0.75], "vector": [3]}
            """)
        #expect(r.id == .number("3"))
        #expect(r.function == "cross-entropy" && r.format == "f32" && r.rounding == "toward-zero")
        #expect(r.beta == "0.1" && r.base == "2" && r.digits == 17 && r.label == 1)
        #expect(r.input == ["0.1", "1e-400"])
        #expect(r.target == ["0.25", "0.75"] && r.vector == ["3"])
    }

    /// A wrong request and the message it gets: each names the key at fault.
    static let refused: [(line: String, message: String)] = [
        ("[1, 2]", "a request must be a JSON object"),
        (#""softmax""#, "a request must be a JSON object"),
        (#"{"input": [1], "temperature": 2}"#,
         "unknown key 'temperature'; expected alpha, base, beta, digits, encoding, format, function, id, input, label, max_value, rounding, target, threshold or vector"),
        (#"{"function": 3}"#, "'function' must be a string"),
        (#"{"format": null}"#, "'format' must be a string"),
        (#"{"rounding": ["up"]}"#, "'rounding' must be a string"),
        (#"{"beta": true}"#, "'beta' must be a number or a string holding one"),
        (#"{"base": {}}"#, "'base' must be a number or a string holding one"),
        (#"{"input": 1}"#, "'input' must be an array of numbers"),
        (#"{"input": [1, null]}"#, "'input entry' must be a number or a string holding one"),
        (#"{"target": "0.5"}"#, "'target' must be an array of numbers"),
        (#"{"vector": [[1]]}"#, "'vector entry' must be a number or a string holding one"),
        (#"{"label": 1.5}"#, "'label' must be an integer; got '1.5'"),
        (#"{"digits": "ten"}"#, "'digits' must be an integer; got 'ten'"),
        (#"{"digits": 1e2}"#, "'digits' must be an integer; got '1e2'"),
    ]

    @Test("a wrong key or value is refused naming the key", arguments: refused)
    func refuses(_ refused: (line: String, message: String)) {
        #expect(throws: ComputeError.badRequest(refused.message)) { try Self.request(refused.line) }
    }

    @Test("an error's description is its message")
    func description() {
        #expect(ComputeError.badRequest("'beta' must be a string").description == "'beta' must be a string")
        #expect(ComputeError.internal("the reference failed").description == "the reference failed")
    }
}
