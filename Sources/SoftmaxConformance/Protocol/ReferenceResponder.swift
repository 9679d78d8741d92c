import Multiprecision
import SoftmaxReference

/// Answers compute requests with the reference, in the JSON shape shared by `compute --json`
/// and `compute --batch`:
/// `{"function","format","rounding","beta","input":[hex],"output":[hex],"decimal":[...]}`
/// plus `base`, `digits`, `label`, `target`, `gradient`, `gradient_decimal`, `notes` and the
/// echoed `id` when they apply. The Jacobian's `output` and `decimal` are lists of rows.
public enum ReferenceResponder {
    /// A request read and checked: what the reference is asked, in which format and mode.
    public struct Prepared: Sendable {
        public let function: ReferenceFunction
        public let format: FloatFormat
        public let rule: FloatingPointRoundingRule
        public let request: ReferenceRequest
        /// What rounding the inputs to the format changed.
        public let notes: [String]
    }

    /// Parses and validates `request` (names, numbers rounded to the format, parameters).
    public static func prepare(_ request: ComputeRequest) throws(ComputeError) -> Prepared {
        guard let function = ReferenceFunction(rawValue: request.function) else {
            throw .badRequest("unknown function '\(request.function)'; expected \(ProtocolNames.list(ProtocolNames.functions))")
        }
        for (key, value) in [("alpha", request.alpha), ("max_value", request.maxValue), ("threshold", request.threshold)] where value != nil {
            throw .badRequest("\(function.rawValue) does not take \(key)")
        }
        let (format, rule) = try formatAndRounding(of: request)
        var notes: [String] = []
        let rows = try request.rows(format: format, function: function, notes: &notes)
        let beta = try parse(request.beta, what: "beta", format: format, notes: &notes)
        let base = try request.base.map { (text) throws(ComputeError) in try parse(text, what: "base", format: format, notes: &notes) }
        do {
            let referenceRequest = try ReferenceRequest(function, input: rows.input, beta: beta, base: base, label: request.label,
                                                        target: rows.target, vector: rows.vector)
            return Prepared(function: function, format: format, rule: rule, request: referenceRequest, notes: notes)
        } catch {
            throw .badRequest(error.description)
        }
    }

    public static func respond(to request: ComputeRequest) throws(ComputeError) -> JSONValue {
        if let activation = Activation(rawValue: request.function) { return try ActivationResponder.respond(to: request, activation: activation) }
        let prepared = try prepare(request)
        let (function, format, rule, notes) = (prepared.function, prepared.format, prepared.rule, prepared.notes)
        let referenceRequest = prepared.request
        let (input, beta, base, target) = (referenceRequest.input, referenceRequest.beta, referenceRequest.base, referenceRequest.target)
        let vector = referenceRequest.vector
        let result: ReferenceResult<FloatValue>
        var exact: ReferenceResult<String>?
        do {
            result = try Reference.evaluate(referenceRequest, format: format, rounding: rule)
            if let digits = request.digits { exact = try Reference.evaluate(referenceRequest, significantDigits: digits) }
        } catch {
            throw .internal(error.description)
        }
        if request.packed != nil {
            return PackedAnswer.reference(result, of: request, format: format, notes: notes)
        }
        func decimals(_ values: [FloatValue], _ exactValues: [String]?) -> [String] {
            exactValues ?? values.map(\.shortestDecimal)
        }
        let hex = result.values.map(\.hexString)
        let dec = decimals(result.values, exact?.values)
        let shaped: (JSONValue, JSONValue) = function == .jacobian
            ? (rows(hex, width: input.count), rows(dec, width: input.count))
            : (.strings(hex), .strings(dec))
        // Keys in byte order, so serialising needs no sort.
        return .object([
            "base": base.map { .string($0.hexString) },
            "beta": .string(beta.hexString),
            "decimal": shaped.1,
            "digits": request.digits.map { .number(String($0)) },
            "format": .string(request.format),
            "function": .string(function.rawValue),
            "gradient": result.gradient.map { .strings($0.map(\.hexString)) },
            "gradient_decimal": result.gradient.map { .strings(decimals($0, exact?.gradient)) },
            "id": request.id,
            "input": .strings(input.map(\.hexString)),
            "label": referenceRequest.label.map { .number(String($0)) },
            "notes": notes.isEmpty ? nil : .strings(notes),
            "output": shaped.0,
            "rounding": .string(request.rounding),
            "target": target.map { .strings($0.map(\.hexString)) },
            "vector": vector.map { .strings($0.map(\.hexString)) },
        ])
    }

    /// The format and rounding `request` names, with its `digits` checked.
    static func formatAndRounding(of request: ComputeRequest) throws(ComputeError) -> (FloatFormat, FloatingPointRoundingRule) {
        guard let format = ProtocolNames.format(named: request.format) else {
            throw .badRequest("unknown format '\(request.format)'; expected \(ProtocolNames.list(ProtocolNames.formats.map(\.name)))")
        }
        guard let rule = ProtocolNames.rounding(named: request.rounding) else {
            throw .badRequest("unknown rounding '\(request.rounding)'; expected \(ProtocolNames.list(ProtocolNames.roundings.map(\.name)))")
        }
        if let digits = request.digits, !(1...1000).contains(digits) {
            throw .badRequest("digits must be between 1 and 1000; got \(digits)")
        }
        if request.packed != nil, request.digits != nil {
            throw .badRequest("digits asks for decimals, which a \(PackedValues.encoding) answer does not carry; ask without the encoding")
        }
        return (format, rule)
    }

    /// Parses a number and rounds it to the format, noting any change.
    static func parse(_ text: String, what: String, format: FloatFormat, notes: inout [String]) throws(ComputeError) -> FloatValue {
        let (value, inexact, overflowed): (FloatValue, Bool, Bool)
        if let short = format.roundedToNearest(shortLiteral: text) {
            (value, inexact, overflowed) = (short.value, short.inexact, false)
        } else {
            let literal: NumberLiteral
            do { literal = try NumberLiteral(parsing: text) } catch { throw .badRequest("\(what): \(error.description)") }
            (value, inexact, overflowed) = format.round(literal, .toNearestOrEven)
        }
        if overflowed {
            notes.append("\(what) \(text.quotedBriefly) overflowed \(format.name) and became \(value.shortestDecimal)")
        } else if inexact {
            notes.append("\(what) \(text.quotedBriefly) is not exact in \(format.name): rounded to \(value.shortestDecimal) (\(value.hexString))")
        }
        return value
    }

    private static func rows(_ flat: [String], width: Int) -> JSONValue {
        guard width > 0 else { return .array([]) }
        return .array(stride(from: 0, to: flat.count, by: width).map { .strings(Array(flat[$0..<$0 + width])) })
    }
}
