import Multiprecision
import SoftmaxReference

/// Reads fixture documents.
public enum FixtureLoader {
    public struct FormatError: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// Every case of a fixture document, once per format.
    public static func cases(in text: String, file: String) throws -> [FixtureCase] {
        let document: JSONValue
        do { document = try JSONParser.parse(text) } catch { throw FormatError(message: "\(file): \(error.description)") }
        guard case .string(let name)? = document["function"], let function = HarnessFunction(rawValue: name),
              case .array(let items)? = document["cases"] else {
            throw FormatError(message: "\(file): not a fixture file (needs \"function\" and \"cases\")")
        }
        var result: [FixtureCase] = []
        for item in items {
            guard case .string(let id)? = item["id"] else { throw FormatError(message: "\(file): a case without an id") }
            for (formatName, format) in ProtocolNames.formats {
                guard let block = item["results"]?[formatName] else { throw FormatError(message: "\(file)/\(id): no \(formatName) results") }
                result.append(try formatCase(id: id, function: function, format: format, item: item, block: block, file: file))
            }
        }
        return result
    }

    private static func formatCase(id: String, function: HarnessFunction, format: FloatFormat,
                                   item: JSONValue, block: JSONValue, file: String) throws -> FixtureCase {
        func hexes(_ v: JSONValue?, _ what: String) throws -> [FloatValue] {
            guard case .array(let values)? = v else { throw FormatError(message: "\(file)/\(id): \(what) is missing") }
            return try values.map { value in
                guard case .string(let text) = value, let literal = try? NumberLiteral(parsing: text) else {
                    throw FormatError(message: "\(file)/\(id): \(what) holds a non-number")
                }
                let (v, inexact, _) = format.round(literal, .toNearestOrEven)
                guard !inexact else { throw FormatError(message: "\(file)/\(id): \(what) value \(text) is not exact in \(format)") }
                return v
            }
        }
        func single(_ key: String) throws -> FloatValue? {
            guard let value = block[key] else { return nil }
            return try hexes(.array([value]), key)[0]
        }
        if function.takesBeta, block["beta"] == nil { throw FormatError(message: "\(file)/\(id): beta is missing") }
        let repeatCount: Int
        if case .number(let text)? = item["repeat"], let n = Int(text) { repeatCount = n } else { repeatCount = 1 }
        let period = try hexes(block["input"], "input")
        var outputs: [FloatingPointRoundingRule: [FloatValue]] = [:]
        for (name, rule) in ProtocolNames.roundings { outputs[rule] = try hexes(block["outputs"]?[name], "outputs.\(name)") }
        var label: Int?
        if case .number(let text)? = item["label"] { label = Int(text) }
        return FixtureCase(
            id: id, function: function, format: format,
            input: Array((0..<repeatCount).map { _ in period }.joined()), repeatCount: repeatCount,
            // β is stored for every function that takes it, and only for those.
            beta: try single("beta") ?? format.round(Dyadic.one, .toNearestOrEven),
            base: try single("base"),
            label: label,
            target: block["target"] == nil ? nil : try hexes(block["target"], "target"),
            vector: block["vector"] == nil ? nil : try hexes(block["vector"], "vector"),
            alpha: try single("alpha"), maxValue: try single("max_value"), threshold: try single("threshold"),
            outputs: outputs)
    }
}
