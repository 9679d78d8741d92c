import Multiprecision
import SoftmaxConformance
import Testing

/// A packed request is answered with exactly the values of the same request in list form.
@Suite struct PackedAnswerTests {
    static func answer(_ line: String) throws -> JSONValue {
        try ReferenceResponder.respond(to: ComputeRequest(json: JSONParser.parse(line), defaults: ComputeRequest()))
    }

    /// The values of a list answer's hex `output` (or `gradient`), flattened, in `format`.
    static func listed(_ answer: JSONValue, _ key: String, format: FloatFormat) -> [FloatValue] {
        func flat(_ v: JSONValue?) -> [String] {
            switch v {
            case .array(let items)?: items.flatMap { flat($0) }
            case .string(let s)?: [s]
            default: []
            }
        }
        return flat(answer[key]).map { format.round(try! NumberLiteral(parsing: $0), .toNearestOrEven).value }
    }

    static func packed(_ answer: JSONValue, _ key: String, format: FloatFormat) throws -> [FloatValue] {
        guard case .string(let text)? = answer[key] else { return [] }
        return try PackedValues.decode(text, format: format)
    }

    static let cases: [(function: String, format: String, input: [Double], extra: String)] = [
        ("softmax", "f32", [1.0, 2, 3, 4, 1, 2, 3], ""), ("log-softmax", "f16", [-0.0, 65504, 1e-7], ""),
        ("jacobian", "f64", [0.5, -1, 2], ""), ("cross-entropy", "bf16", [1, 2, 3], #", "label": 0"#),
        ("tanh", "f16", [-0.0, 0.5, -20, .infinity, .nan], ""), ("elu", "f32", [-1, 2, -.infinity], #", "alpha": 0.5"#),
    ]

    @Test("each function's packed answer equals its list answer", arguments: cases)
    func sameValues(function: String, formatName: String, input: [Double], extra: String) throws {
        let format = ProtocolNames.format(named: formatName)!
        let values = input.map { format.round(try! NumberLiteral(parsing: String($0)), .toNearestOrEven).value }
        let literals = values.map { "\"\($0.hexString)\"" }.joined(separator: ",")
        let common = #""function": "\#(function)", "format": "\#(formatName)", "rounding": "up"\#(extra)"#
        let list = try Self.answer("{\(common), \"input\": [\(literals)]}")
        let packed = try Self.answer(#"{\#(common), "id": 9, "encoding": "base64-le", "input": "\#(PackedValues.encode(values, format: format))"}"#)
        #expect(packed["encoding"] == .string("base64-le") && packed["id"] == .number("9") && packed["decimal"] == nil)
        #expect(try Self.packed(packed, "output", format: format).map(\.bits) == Self.listed(list, "output", format: format).map(\.bits))
        #expect(try Self.packed(packed, "gradient", format: format).map(\.bits) == Self.listed(list, "gradient", format: format).map(\.bits))
        #expect(!Self.listed(list, "output", format: format).isEmpty)
    }

    @Test("packed rows obey the row limit and refuse digits")
    func limits() throws {
        let row = [FloatValue](repeating: FloatValue(format: .binary16, bits: 0), count: RequestLimits.maxRowLength + 1)
        let line = #"{"function": "sigmoid", "format": "f16", "encoding": "base64-le", "input": "\#(PackedValues.encode(row, format: .binary16))"}"#
        #expect { try Self.answer(line) } throws: { String(describing: $0).contains("the limit is \(RequestLimits.maxRowLength)") }
        #expect { try Self.answer(#"{"encoding": "base64-le", "input": "AAAAAA==", "digits": 3}"#) } throws: {
            String(describing: $0).contains("digits asks for decimals")
        }
        #expect { try Self.answer(#"{"encoding": "base64-le", "input": [1]}"#) } throws: {
            String(describing: $0).contains("'input' must be a base64 string")
        }
    }
}
