import Multiprecision

/// Reading an implementation's answer line: `{"id": 17, "output": [...]}` (rows allowed for the
/// Jacobian; `gradient` appended for cross-entropy) or `{"id": 17, "error": "unsupported"}`.
///
/// Every value must denote exactly a number of the requested format: a JSON number or a string
/// (a hex or decimal literal, "inf", "-inf", "nan"). Anything else (null, true, an object, text
/// that is no number, 1e39 in binary32, 0.1 in binary16) is a failure naming the entry and request.
enum ProtocolAnswer {
    /// The answer in `line` to request `expectedID`, or a failure naming what was wrong with the line.
    static func parse(_ line: String, expectedID: Int, format: FloatFormat) -> ImplementationAnswer {
        let json: JSONValue
        do { json = try JSONParser.parse(line) } catch {
            return .failure("garbage instead of an answer to request \(expectedID): \(line.prefix(80))")
        }
        guard case .number(let idText)? = json["id"], let id = Int(idText) else {
            return .failure("an answer without an integer id (request \(expectedID)): \(line.prefix(80))")
        }
        guard id == expectedID else { return .failure("answered id \(id) to request \(expectedID)") }
        return answer(json, request: expectedID, format: format)
    }

    /// The answer an object already matched to request `id` by its id holds.
    static func answer(_ json: JSONValue, request id: Int, format: FloatFormat) -> ImplementationAnswer {
        if let error = json["error"] {
            guard case .string(let message) = error else {
                return .failure("the 'error' of the answer to request \(id) is not a string: \(error.serialized.prefix(80))")
            }
            return message == "unsupported" ? .unsupported : .failure("the program reported: \(message)")
        }
        guard let output = json["output"] else { return .failure("no 'output' in the answer to request \(id)") }
        var values: [FloatValue] = []
        do {
            try collect(output, key: "output", into: &values, format: format)
            if let gradient = json["gradient"] {
                var tail: [FloatValue] = []
                try collect(gradient, key: "gradient", into: &tail, format: format)
                values += tail
            }
        } catch {
            return .failure("\(error.reason) in the answer to request \(id)")
        }
        return .values(values)
    }

    struct BadValue: Error { let reason: String }

    /// The values of `key`: a list of numbers, a list of rows of numbers, or a lone number.
    static func collect(_ value: JSONValue, key: String, into values: inout [FloatValue], format: FloatFormat) throws(BadValue) {
        switch value {
        case .array, .number, .string: try flatten(value, key: key, into: &values, format: format)
        default: throw BadValue(reason: "'\(key)' is \(describe(value)), not a list of numbers")
        }
    }

    private static func flatten(_ value: JSONValue, key: String, into values: inout [FloatValue], format: FloatFormat) throws(BadValue) {
        switch value {
        case .array(let items): for item in items { try flatten(item, key: key, into: &values, format: format) }
        case .number(let text): values.append(try number(text, shown: text, key: key, index: values.count, format: format))
        case .string(let text): values.append(try number(text, shown: "'\(text.prefix(40))'", key: key, index: values.count, format: format))
        default: throw BadValue(reason: "\(key) \(values.count) is \(describe(value)), not a number")
        }
    }

    /// The value `text` denotes, when it is exactly a number of `format` (or ±inf, NaN).
    static func number(_ text: String, shown: String, key: String, index: Int, format: FloatFormat) throws(BadValue) -> FloatValue {
        let what = "\(key) \(index) is \(shown.prefix(48))"
        if let (value, inexact) = format.roundedToNearest(shortLiteral: text) {
            guard !inexact else { throw BadValue(reason: "\(what), not a \(format.name) value") }
            return value
        }
        guard let literal = try? NumberLiteral(parsing: text) else { throw BadValue(reason: "\(what), not a number") }
        let rounded = format.round(literal, .toNearestOrEven)
        if rounded.overflowed { throw BadValue(reason: "\(what), outside the range of \(format.name)") }
        if rounded.inexact { throw BadValue(reason: "\(what), not a \(format.name) value") }
        return rounded.value
    }

    private static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let b): "\(b)"
        case .object: "an object"
        case .array: "a list"
        case .number(let text), .string(let text): text
        }
    }

    /// The request line for `request` with `id`: the keys of tools/adapters/README.md, each
    /// parameter only for the functions that take it (an activation's only when given).
    static func line(_ request: ImplementationRequest, id: Int) -> String {
        JSONValue.object([
            "id": .number(String(id)),
            "function": .string(request.function.rawValue),
            "format": .string(ProtocolNames.name(of: request.format)),
            "beta": request.function.takesBeta ? .string(request.beta.hexString) : nil,
            "alpha": request.alpha.map { .string($0.hexString) },
            "max_value": request.maxValue.map { .string($0.hexString) },
            "threshold": request.threshold.map { .string($0.hexString) },
            "base": request.base.map { .string($0.hexString) },
            "input": .strings(request.input.map(\.hexString)),
            "label": request.label.map { .number(String($0)) },
            "target": request.target.map { .strings($0.map(\.hexString)) },
            "vector": request.vector.map { .strings($0.map(\.hexString)) },
        ]).serialized
    }
}
