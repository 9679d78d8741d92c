import Foundation
import Multiprecision
import SoftmaxReference

public enum FixtureValidation {
    /// Runs every fixture case of `directory` for the chosen functions and formats (requests are
    /// sent in order, pipelined by the implementation).
    public static func run(_ implementation: any Implementation, directory: URL, functions: [HarnessFunction],
                           formats: [FloatFormat], profile profileFor: (FloatFormat) -> Profile,
                           policy: FrameworkPolicy = .limit) throws -> [FixtureSummary] {
        var summaries: [FixtureSummary] = []
        for function in functions {
            let name = FixtureGenerator.fileName(function)
            let url = directory.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw FixtureLoader.FormatError(message: "no fixture file \(url.path)")
            }
            let cases = try FixtureLoader.cases(in: String(decoding: data, as: UTF8.self), file: name)
            for format in formats {
                let profile = profileFor(format)
                // The protocol has no base parameter: cases with a base b ≠ e are not sent.
                let chosen = cases.filter { $0.format == format && $0.base == nil }
                let requests = chosen.map(\.request)
                var summary = FixtureSummary(function: function, format: format)
                for (c, (request, answer)) in zip(chosen, zip(requests, implementation.evaluate(requests))) {
                    summary.record(c.id, request, answer, policy: policy, profile: profile) { outputs in
                        c.repeatCount > 1 && outputs.count == request.expectedOutputCount
                            ? judgeStored(Array(outputs.prefix(c.input.count / c.repeatCount)), c, profile)
                            : RequestJudge.judge(request, outputs, profile: profile)
                    }
                }
                summaries.append(summary)
            }
        }
        return summaries
    }

    /// Long repeated rows: compare the first period with the stored nearest outputs.
    static func judgeStored(_ outputs: [FloatValue], _ c: FixtureCase, _ profile: Profile) -> Judgement {
        let expected = c.outputs[.toNearestOrEven] ?? []
        let distances = zip(outputs, expected).map { a, b -> Double in
            if CloseToReference.same(a, b) { return 0 }
            return FloatValue.ulpDistance(a, b).map(Double.init) ?? .infinity
        }
        let worst = distances.max() ?? 0
        let correct = worst == 0
        let bound = profile == .strict ? 0 : profile.ulps(for: c.function, count: c.input.count)
        let failure = worst > bound ? "a long-row output is \(UlpErrorText.format(worst)) ulp from the correctly rounded value" : nil
        return Judgement(maxUlp: correct ? 0 : worst, correctlyRounded: correct, failure: failure)
    }
}
