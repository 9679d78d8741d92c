import Multiprecision
import SoftmaxReference

/// Turns ``FixtureDefinition``s into fixture documents: for each of f16, bf16, f32 and f64, the
/// inputs rounded to that format, the correctly rounded outputs in all four rounding modes, their
/// shortest decimals, and the exact values to 40 significant digits.
///
/// Outputs are flat lists: n values for softmax, log-softmax, sigmoid and the activations (one
/// period for repeated rows), 1 for LogSumExp, n·n row-major for the Jacobian, [loss, gradient...]
/// for cross-entropy, and n for softmax-vjp.
public enum FixtureGenerator {
    /// The file name of each function, e.g. "softmax.json", "tanh.json".
    public static func fileName(_ function: HarnessFunction) -> String { function.rawValue + ".json" }

    /// The fixture document of one function.
    public static func document(for function: HarnessFunction) throws -> JSONValue {
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
            "beta": definition.function.takesBeta ? .string(definition.beta) : nil,
            "base": definition.base.map { .string($0) },
            "label": definition.label.map { .number(String($0)) },
            "target": definition.target.map { .strings($0) },
            "vector": definition.vector.map { .strings($0) },
            "alpha": definition.alpha.map { .string($0) },
            "max_value": definition.maxValue.map { .string($0) },
            "threshold": definition.threshold.map { .string($0) },
            "shape": definition.shape.map { .array($0.map { .number(String($0)) }) },
            "printed": definition.printed.isEmpty ? nil : .array(try definition.printed.map { try printedDocument($0, definition) }),
            "results": .object(results),
        ])
    }

    /// Results for one format. Inputs are rounded to nearest in that format first.
    static func formatResults(_ definition: FixtureDefinition, format: FloatFormat) throws -> JSONValue {
        let request = try implementationRequest(definition, format: format)
        let period = definition.input.count
        var modes: [(String, JSONValue)] = []
        var nearest: [FloatValue] = []
        for (name, rule) in ProtocolNames.roundings {
            let values = stored(try ReferenceImplementation.rounded(request, rounding: rule), function: definition.function, period: period)
            if rule == .toNearestOrEven { nearest = values }
            modes.append((name, .strings(values.map(\.hexString))))
        }
        var members: [(String, JSONValue)] = [("input", .strings(request.input.prefix(period).map(\.hexString)))]
        if definition.function.takesBeta { members.append(("beta", .string(request.beta.hexString))) }
        members += [
            ("outputs", .object(modes)),
            ("decimal", .strings(nearest.map(\.shortestDecimal))),
            ("exact", .strings(stored(try exactDigits(request), function: definition.function, period: period))),
        ]
        if let base = request.base { members.append(("base", .string(base.hexString))) }
        if let target = request.target { members.append(("target", .strings(target.map(\.hexString)))) }
        if let vector = request.vector { members.append(("vector", .strings(vector.map(\.hexString)))) }
        if let alpha = request.alpha { members.append(("alpha", .string(alpha.hexString))) }
        if let maxValue = request.maxValue { members.append(("max_value", .string(maxValue.hexString))) }
        if let threshold = request.threshold { members.append(("threshold", .string(threshold.hexString))) }
        return .object(members)
    }

    /// The exact values to 40 significant digits, flattened as answers are.
    static func exactDigits(_ r: ImplementationRequest) throws -> [String] {
        switch r.function {
        case .family(let function):
            let request = try ReferenceRequest(function, input: r.input, beta: r.beta, base: r.base, label: r.label,
                                               target: r.target, vector: r.vector)
            let result = try Reference.evaluate(request, significantDigits: 40)
            return result.values + (result.gradient ?? [])
        case .activation(let activation):
            return try Reference.evaluate(try ActivationRequest(activation, input: r.input, parameters: r.activationParameters),
                                          significantDigits: 40)
        }
    }

    /// What a fixture stores of a flattened answer: one period for the functions with one output
    /// per logit (elementwise ones, softmax, log-softmax, softmax-vjp), everything otherwise.
    static func stored<T>(_ outputs: [T], function: HarnessFunction, period: Int) -> [T] {
        function.isElementwise || [.softmax, .logSoftmax, .softmaxVJP].contains(function) ? Array(outputs.prefix(period)) : outputs
    }

    /// The request of a definition in `format`: every number rounded to nearest in it.
    static func implementationRequest(_ definition: FixtureDefinition, format: FloatFormat) throws -> ImplementationRequest {
        func round(_ text: String) throws -> FloatValue { format.round(try NumberLiteral(parsing: text), .toNearestOrEven).value }
        let period = try definition.input.map(round)
        let row = Array((0..<definition.repeatCount).map { _ in period }.joined())
        return ImplementationRequest(definition.function, format: format, input: row, beta: try round(definition.beta),
                                     base: try definition.base.map(round), label: definition.label,
                                     target: try definition.target.map { try $0.map(round) },
                                     vector: try definition.vector.map { try $0.map(round) },
                                     alpha: try definition.alpha.map(round), maxValue: try definition.maxValue.map(round),
                                     threshold: try definition.threshold.map(round))
    }

    /// A source's printed values, with their distance in ulps of `format` from the correctly
    /// rounded (to nearest) outputs; null where either side is not finite.
    static func printedDocument(_ printed: PrintedValues, _ definition: FixtureDefinition) throws -> JSONValue {
        let request = try implementationRequest(definition, format: printed.format)
        let correct = try ReferenceImplementation.rounded(request, rounding: .toNearestOrEven)
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
