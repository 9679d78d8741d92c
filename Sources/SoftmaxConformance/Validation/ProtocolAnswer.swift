import Multiprecision

/// Reading an implementation's answer line: `{"id": 17, "output": [...]}` (rows allowed for the
/// Jacobian; `gradient` appended for cross-entropy) or `{"id": 17, "error": "unsupported"}`.
enum ProtocolAnswer {
    /// The answer to request `id`, or a failure naming what was wrong with the line.
    static func parse(_ line: String, expectedID: Int, format: FloatFormat) -> ImplementationAnswer {
        let json: JSONValue
        do { json = try JSONParser.parse(line) } catch {
            return .failure("garbage instead of an answer to request \(expectedID): \(line.prefix(80))")
        }
        guard case .number(let idText)? = json["id"], let id = Int(idText) else {
            return .failure("an answer without an integer id (request \(expectedID)): \(line.prefix(80))")
        }
        guard id == expectedID else { return .failure("answered id \(id) to request \(expectedID)") }
        if case .string(let message)? = json["error"] {
            return message == "unsupported" ? .unsupported : .failure("the program reported: \(message)")
        }
        guard let output = json["output"] else { return .failure("no 'output' in the answer to request \(expectedID)") }
        var values: [FloatValue] = []
        do {
            try flatten(output, into: &values, format: format)
            if let gradient = json["gradient"] { try flatten(gradient, into: &values, format: format) }
        } catch {
            return .failure("\(error.reason) in the answer to request \(expectedID)")
        }
        return .values(values)
    }

    struct BadValue: Error { let reason: String }

    /// Numbers (hex strings, JSON numbers, "inf", "-inf", "nan"), arrays of them, arrays of rows.
    static func flatten(_ value: JSONValue, into values: inout [FloatValue], format: FloatFormat) throws(BadValue) {
        switch value {
        case .array(let items): for item in items { try flatten(item, into: &values, format: format) }
        case .string(let text), .number(let text):
            guard let literal = try? NumberLiteral(parsing: text) else { throw BadValue(reason: "'\(text)' is not a number") }
            values.append(format.round(literal, .toNearestOrEven).value)
        default: throw BadValue(reason: "an output entry is neither a number nor an array")
        }
    }

    /// The request line for `request` with `id`.
    static func line(_ request: ImplementationRequest, id: Int) -> String {
        JSONValue.object([
            "id": .number(String(id)),
            "function": .string(request.function.rawValue),
            "format": .string(ProtocolNames.name(of: request.format)),
            "beta": .string(request.beta.hexString),
            "base": request.base.map { .string($0.hexString) },
            "input": .strings(request.input.map(\.hexString)),
            "label": request.label.map { .number(String($0)) },
            "target": request.target.map { .strings($0.map(\.hexString)) },
            "vector": request.vector.map { .strings($0.map(\.hexString)) },
        ]).serialized
    }
}
