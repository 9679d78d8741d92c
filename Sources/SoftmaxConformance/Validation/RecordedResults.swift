import Foundation
import Multiprecision
import SoftmaxReference

/// A results file written by anything: one JSON object per line holding a request (the protocol's
/// keys) and its answer (`output`, and `gradient` for cross-entropy), judged offline.
public enum RecordedResults {
    public struct LineError: Error, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { "results line \(line): \(message)" }
    }

    /// The recorded requests and outputs of a file's text, in order.
    public static func parse(_ text: String) throws(LineError) -> [(ImplementationRequest, ImplementationAnswer)] {
        var records: [(ImplementationRequest, ImplementationAnswer)] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            let json: JSONValue
            do { json = try JSONParser.parse(line) } catch { throw LineError(line: index + 1, message: error.description) }
            let request: ComputeRequest
            do {
                var stripped = json
                if case .object(let members) = json { stripped = .object(members.filter { !["output", "gradient", "error"].contains($0.0) }) }
                request = try ComputeRequest(json: stripped, defaults: ComputeRequest(format: "f32"))
            } catch { throw LineError(line: index + 1, message: error.description) }
            guard let function = ReferenceFunction(rawValue: request.function) else {
                throw LineError(line: index + 1, message: "unknown function '\(request.function)'")
            }
            guard let format = ProtocolNames.format(named: request.format) else {
                throw LineError(line: index + 1, message: "unknown format '\(request.format)'")
            }
            func values(_ texts: [String]) throws(LineError) -> [FloatValue] {
                var out: [FloatValue] = []
                for t in texts {
                    guard let literal = try? NumberLiteral(parsing: t) else { throw LineError(line: index + 1, message: "'\(t)' is not a number") }
                    out.append(format.round(literal, .toNearestOrEven).value)
                }
                return out
            }
            let implementationRequest = ImplementationRequest(
                function, format: format, input: try values(request.input), beta: try values([request.beta])[0],
                label: request.label, target: try request.target.map { (t) throws(LineError) in try values(t) })
            let answerLine = JSONValue.object(["id": .number("0"), "output": json["output"], "gradient": json["gradient"], "error": json["error"]]).serialized
            records.append((implementationRequest, ProtocolAnswer.parse(answerLine, expectedID: 0, format: format)))
        }
        return records
    }

    /// Judges every record; one summary per function and format met.
    public static func judge(_ records: [(ImplementationRequest, ImplementationAnswer)], profile profileFor: (FloatFormat) -> Profile) -> [FixtureSummary] {
        var summaries: [String: FixtureSummary] = [:]
        var order: [String] = []
        for (index, (request, answer)) in records.enumerated() {
            let key = "\(request.function.rawValue)/\(request.format.name)"
            if summaries[key] == nil { summaries[key] = FixtureSummary(function: request.function, format: request.format); order.append(key) }
            switch answer {
            case .unsupported: summaries[key]!.unsupported += 1
            case .failure(let reason), .unavailable(let reason):
                summaries[key]!.cases += 1
                summaries[key]!.failures.append(("line \(index + 1)", reason))
                summaries[key]!.maxUlp = .infinity
            case .values(let outputs):
                summaries[key]!.cases += 1
                let judgement = RequestJudge.judge(request, outputs, profile: profileFor(request.format))
                summaries[key]!.maxUlp = max(summaries[key]!.maxUlp, judgement.maxUlp)
                summaries[key]!.errors.append(judgement.maxUlp)
                if judgement.correctlyRounded { summaries[key]!.correctlyRounded += 1 }
                if let reason = judgement.failure { summaries[key]!.failures.append(("line \(index + 1)", reason)) }
            }
        }
        return order.map { summaries[$0]! }
    }
}
