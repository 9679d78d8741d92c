import Foundation
import Multiprecision
import SoftmaxReference

/// A results file written by anything: one JSON object per line holding a request (the protocol's
/// keys, activation parameters included, plus `base` and `rounding`) and its answer (`output`, and `gradient` for cross-entropy, or
/// `error`), judged offline. Every key is judged; one that cannot be is an error, never dropped.
public enum RecordedResults {
    public struct LineError: Error, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { "results line \(line): \(message)" }
    }

    /// One line of the file: the request, the rounding its outputs were computed under, the answer.
    public struct Record: Sendable {
        public let line: Int
        public let request: ImplementationRequest
        public let rounding: FloatingPointRoundingRule
        public let answer: ImplementationAnswer
    }

    /// The request keys judged (`rounding` sets the mode the outputs are judged in) and the answer keys.
    static let requestKeys = ["function", "format", "rounding", "beta", "base", "input", "label", "target", "vector",
                              "alpha", "max_value", "threshold"]
    static let answerKeys = ["id", "output", "gradient", "error"]

    /// The records of a file's text, in order.
    public static func parse(_ text: String) throws(LineError) -> [Record] {
        var records: [Record] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            records.append(try record(line, number: index + 1))
        }
        return records
    }

    static func record(_ line: String, number: Int) throws(LineError) -> Record {
        func fail(_ message: String) -> LineError { LineError(line: number, message: message) }
        let json: JSONValue
        do { json = try JSONParser.parse(line) } catch { throw fail(error.description) }
        guard case .object(let members) = json else { throw fail("a line must be a JSON object") }
        if let unknown = members.first(where: { !requestKeys.contains($0.0) && !answerKeys.contains($0.0) }) {
            throw fail("key '\(unknown.0)' cannot be judged; the keys are \(ProtocolNames.list((requestKeys + answerKeys).sorted()))")
        }
        let request: ComputeRequest
        do {
            request = try ComputeRequest(json: .object(members.filter { requestKeys.contains($0.0) }), defaults: ComputeRequest(format: "f32"))
        } catch { throw fail(error.description) }
        guard let function = HarnessFunction(rawValue: request.function) else { throw fail("unknown function '\(request.function)'") }
        if let key = unjudgedKey(json, function) { throw fail("\(function.rawValue) does not take '\(key)'") }
        guard let format = ProtocolNames.format(named: request.format) else { throw fail("unknown format '\(request.format)'") }
        guard let rounding = ProtocolNames.rounding(named: request.rounding) else {
            throw fail("unknown rounding '\(request.rounding)'; expected \(ProtocolNames.list(ProtocolNames.roundings.map(\.name)))")
        }
        func values(_ texts: [String], _ key: String) throws(LineError) -> [FloatValue] {
            var out: [FloatValue] = []
            for t in texts {
                guard let literal = try? NumberLiteral(parsing: t) else { throw fail("'\(key)' entry '\(t)' is not a number") }
                out.append(format.round(literal, .toNearestOrEven).value)
            }
            return out
        }
        func value(_ text: String?, _ key: String) throws(LineError) -> FloatValue? {
            try text.map { (t) throws(LineError) in try values([t], key)[0] }
        }
        let implementationRequest = ImplementationRequest(
            function, format: format, input: try values(request.input, "input"), beta: try value(request.beta, "beta"),
            base: try value(request.base, "base"), label: request.label,
            target: try request.target.map { (t) throws(LineError) in try values(t, "target") },
            vector: try request.vector.map { (v) throws(LineError) in try values(v, "vector") },
            alpha: try value(request.alpha, "alpha"), maxValue: try value(request.maxValue, "max_value"),
            threshold: try value(request.threshold, "threshold"))
        let answerLine = JSONValue.object(["id": .number("0"), "output": json["output"], "gradient": json["gradient"], "error": json["error"]]).serialized
        return Record(line: number, request: implementationRequest, rounding: rounding,
                      answer: ProtocolAnswer.parse(answerLine, expectedID: 0, format: format))
    }

    /// A key of `json` that `function` does not take, so that judging would drop it: the family's
    /// activation parameters, an activation's base, label, target or vector, or β where the
    /// activation takes none (β = 1, its meaning, is accepted).
    static func unjudgedKey(_ json: JSONValue, _ function: HarnessFunction) -> String? {
        let given = { (key: String) in json[key] != nil }
        if !function.takesAlpha, given("alpha") { return "alpha" }
        if !function.takesReluBounds, let key = ["max_value", "threshold"].first(where: given) { return key }
        guard function.activation != nil else { return nil }
        if let key = ["base", "label", "target", "vector"].first(where: given) { return key }
        if !function.takesBeta, let beta = json["beta"], beta != .number("1"), beta != .string("1") { return "beta" }
        return nil
    }

    /// Judges every record by `policy` (its convention for special inputs, else the reference
    /// rounded as the record says); one summary per function and format met, in order of appearance.
    public static func judge(_ records: [Record], profile profileFor: (FloatFormat) -> Profile, policy: FrameworkPolicy = .limit) -> [FixtureSummary] {
        var summaries: [FixtureSummary] = []
        for record in records {
            let request = record.request
            var index = summaries.firstIndex { $0.function == request.function && $0.format == request.format }
            if index == nil {
                summaries.append(FixtureSummary(function: request.function, format: request.format))
                index = summaries.count - 1
            }
            let profile = profileFor(request.format)
            summaries[index!].record("line \(record.line)", request, record.answer, policy: policy, profile: profile) { outputs in
                RequestJudge.judge(request, outputs, profile: profile, rounding: record.rounding)
            }
        }
        return summaries
    }
}
