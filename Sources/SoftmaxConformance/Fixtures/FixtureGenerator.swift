import Multiprecision
import SoftmaxReference

/// Turns ``FixtureDefinition``s into fixture documents: for each of f16, bf16, f32 and f64, the
/// inputs rounded to that format, the correctly rounded outputs in all four rounding modes, their
/// shortest decimals, and the exact values to 40 significant digits.
///
/// Outputs are flat lists: n values for softmax, log-softmax and sigmoid (one period for repeated
/// rows), 1 for LogSumExp, n·n row-major for the Jacobian, [loss, gradient...] for cross-entropy,
/// and n for softmax-vjp.
public enum FixtureGenerator {
    /// The file name of each family, e.g. "softmax.json".
    public static func fileName(_ function: ReferenceFunction) -> String { function.rawValue + ".json" }

    /// The fixture document of one function family.
    public static func document(for function: ReferenceFunction) throws -> JSONValue {
        let cases = try FixtureCatalog.all.filter { $0.function == function }.map(caseDocument)
        return .object([
            "function": .string(function.rawValue),
            "schema": .string("schema.json"),
            "generator": .string("softmax-ref fixtures generate"),
            "cases": .array(cases),
        ])
    }

    static func caseDocument(_ definition: FixtureDefinition) throws -> JSONValue {
        var results: [(String, JSONValue)] = []
        for (name, format) in ProtocolNames.formats {
            results.append((name, try formatResults(definition, format: format)))
        }
        return .object([
            "id": .string(definition.id),
            "description": .string(definition.description),
            "source": .string(definition.source),
            "input": .strings(definition.input),
            "repeat": definition.repeatCount == 1 ? nil : .number(String(definition.repeatCount)),
            "beta": .string(definition.beta),
            "base": definition.base.map { .string($0) },
            "label": definition.label.map { .number(String($0)) },
            "target": definition.target.map { .strings($0) },
            "vector": definition.vector.map { .strings($0) },
            "shape": definition.shape.map { .array($0.map { .number(String($0)) }) },
            "printed": definition.printed.isEmpty ? nil : .array(try definition.printed.map { try printedDocument($0, definition) }),
            "results": .object(results),
        ])
    }

    /// Results for one format. Inputs are rounded to nearest in that format first.
    static func formatResults(_ definition: FixtureDefinition, format: FloatFormat) throws -> JSONValue {
        let request = try referenceRequest(definition, format: format)
        let period = definition.input.count
        func flat(_ r: ReferenceResult<FloatValue>) -> [FloatValue] { Array(r.values.prefix(outputCount(definition))) + (r.gradient ?? []) }
        var modes: [(String, JSONValue)] = []
        var nearest: [FloatValue] = []
        for (name, rule) in ProtocolNames.roundings {
            let values = flat(try Reference.evaluate(request, format: format, rounding: rule))
            if rule == .toNearestOrEven { nearest = values }
            modes.append((name, .strings(values.map(\.hexString))))
        }
        let exactResult = try Reference.evaluate(request, significantDigits: 40)
        let exact = (Array(exactResult.values.prefix(outputCount(definition))) + (exactResult.gradient ?? []))
        let exactText = exact
        var members: [(String, JSONValue)] = [
            ("input", .strings(request.input.prefix(period).map(\.hexString))),
            ("beta", .string(request.beta.hexString)),
            ("outputs", .object(modes)),
            ("decimal", .strings(nearest.map(\.shortestDecimal))),
            ("exact", .strings(exactText)),
        ]
        if let base = request.base { members.append(("base", .string(base.hexString))) }
        if let target = request.target { members.append(("target", .strings(target.map(\.hexString)))) }
        if let vector = request.vector { members.append(("vector", .strings(vector.map(\.hexString)))) }
        return .object(members)
    }

    /// How many of a result's values are stored: one period for elementwise-shaped outputs.
    static func outputCount(_ definition: FixtureDefinition) -> Int {
        let n = definition.input.count * definition.repeatCount
        switch definition.function {
        case .softmax, .logSoftmax, .sigmoid, .softmaxVJP: return definition.input.count
        case .logSumExp, .crossEntropy: return 1
        case .jacobian: return n * n
        }
    }

    static func referenceRequest(_ definition: FixtureDefinition, format: FloatFormat) throws -> ReferenceRequest {
        func round(_ text: String) throws -> FloatValue { format.round(try NumberLiteral(parsing: text), .toNearestOrEven).value }
        let period = try definition.input.map(round)
        let row = Array((0..<definition.repeatCount).map { _ in period }.joined())
        return try ReferenceRequest(definition.function, input: row, beta: round(definition.beta),
                                    base: definition.base.map(round), label: definition.label,
                                    target: definition.target.map { try $0.map(round) },
                                    vector: definition.vector.map { try $0.map(round) })
    }

    /// A source's printed values, with their distance in ulps of `format` from the correctly
    /// rounded (to nearest) outputs; null where either side is not finite.
    static func printedDocument(_ printed: PrintedValues, _ definition: FixtureDefinition) throws -> JSONValue {
        let request = try referenceRequest(definition, format: printed.format)
        let correct = try Reference.evaluate(request, format: printed.format).values
        let distances: [JSONValue] = try zip(printed.values, correct).map { text, value in
            let parsed = printed.format.round(try NumberLiteral(parsing: text), .toNearestOrEven).value
            guard let d = FloatValue.ulpDistance(parsed, value) else { return .null }
            return .number(String(d))
        }
        return .object([
            "by": .string(printed.by),
            "format": .string(ProtocolNames.name(of: printed.format)),
            "values": .strings(printed.values),
            "ulps": .array(distances),
        ])
    }
}
