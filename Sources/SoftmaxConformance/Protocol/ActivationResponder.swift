import Multiprecision
import SoftmaxReference

/// Answers compute requests for the activations, in the JSON shape of ``ReferenceResponder``:
/// `{"function","format","rounding","input":[hex],"output":[hex],"decimal":[...]}` plus `alpha`,
/// `beta`, `max_value`, `threshold` (the parameters given, rounded to the format), `digits`,
/// `notes` and the echoed `id` when they apply.
enum ActivationResponder {
    static func respond(to request: ComputeRequest, activation: Activation) throws(ComputeError) -> JSONValue {
        let (format, rule) = try ReferenceResponder.formatAndRounding(of: request)
        for (key, given) in [("base", request.base != nil), ("label", request.label != nil), ("target", request.target != nil),
                             ("vector", request.vector != nil)] where given {
            throw .badRequest("\(activation.rawValue) does not take \(key)")
        }
        var notes: [String] = []
        func parsed(_ text: String?, _ what: String) throws(ComputeError) -> FloatValue? {
            guard let text else { return nil }
            return try ReferenceResponder.parse(text, what: what, format: format, notes: &notes)
        }
        let input = try request.rows(format: format, function: nil, notes: &notes).input
        // β is "1" unless given: pass it only to the functions that take it, and refuse another value elsewhere.
        let takesBeta = [.softplus, .swish, .silu].contains(activation)
        if !takesBeta && request.beta != "1" { throw .badRequest("\(activation.rawValue) does not take beta") }
        let parameters = ActivationParameters(alpha: try parsed(request.alpha, "alpha"), beta: takesBeta ? try parsed(request.beta, "beta") : nil,
                                              maxValue: try parsed(request.maxValue, "max_value"),
                                              threshold: try parsed(request.threshold, "threshold"))
        let question: ActivationRequest
        do { question = try ActivationRequest(activation, input: input, parameters: parameters) } catch { throw .badRequest(error.description) }
        let output: [FloatValue]
        var exact: [String]?
        do {
            output = try Reference.evaluate(question, format: format, rounding: rule)
            if let digits = request.digits { exact = try Reference.evaluate(question, significantDigits: digits) }
        } catch {
            throw .internal(error.description)
        }
        if request.packed != nil { return PackedAnswer.activation(output, of: request, format: format, notes: notes) }
        let p = question.parameters
        // Keys in byte order, so serialising needs no sort.
        return .object([
            "alpha": p.alpha.map { .string($0.hexString) },
            "beta": p.beta.map { .string($0.hexString) },
            "decimal": .strings(exact ?? output.map(\.shortestDecimal)),
            "digits": request.digits.map { .number(String($0)) },
            "format": .string(request.format),
            "function": .string(activation.rawValue),
            "id": request.id,
            "input": .strings(input.map(\.hexString)),
            "max_value": p.maxValue.map { .string($0.hexString) },
            "notes": notes.isEmpty ? nil : .strings(notes),
            "output": .strings(output.map(\.hexString)),
            "rounding": .string(request.rounding),
            "threshold": p.threshold.map { .string($0.hexString) },
        ])
    }
}
