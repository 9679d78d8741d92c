import Multiprecision
import SoftmaxReference

/// Runs properties on generated cases, stops each property at its first failure, and shrinks it.
/// A property whose implementation can no longer answer stops there, "not run", unshrunk.
public enum PropertyRunner {
    public static func run(_ implementation: any Implementation, properties: [any ConformanceProperty] = PropertyCatalog.all,
                           configuration: CheckConfiguration) -> CheckReport {
        let context = PropertyContext(implementation: implementation, profile: configuration.profile)
        let generator = RowGenerator(format: configuration.format, maximumLength: configuration.maximumLength)
        let results = properties.map { property -> PropertyResult in
            var passed = 0, skipped = 0, worst = 0.0
            for index in 0..<configuration.cases {
                let c = generator.generate(seed: configuration.seed, stream: property.name, index: index, families: property.families)
                let verdict = property.verdict(c, context)
                switch verdict {
                case .pass(let u): passed += 1; worst = max(worst, u)
                case .skip: skipped += 1
                case .notRun(let reason):
                    return PropertyResult(property: property.name, statement: property.statement, casesRun: index,
                                          passed: passed, skipped: skipped, maxUlp: worst, failure: nil, notRun: reason)
                case .fail(let reason, let u):
                    worst = max(worst, u)
                    // The reason of the last candidate that still failed (a shrink step can end
                    // with the implementation gone, so the shrunk case is not checked again).
                    var finalReason = reason
                    let shrunk = Shrinker.shrink(c) { candidate in
                        guard case .fail(let r, _) = property.verdict(candidate, context) else { return false }
                        finalReason = r
                        return true
                    }
                    let failure = PropertyFailure(reason: finalReason, counterexample: shrunk, original: c, caseIndex: index,
                                                  replay: replayCommand(implementation.name, property.name, configuration))
                    return PropertyResult(property: property.name, statement: property.statement, casesRun: index + 1,
                                          passed: passed, skipped: skipped, maxUlp: worst, failure: failure, notRun: nil)
                }
            }
            return PropertyResult(property: property.name, statement: property.statement, casesRun: configuration.cases,
                                  passed: passed, skipped: skipped, maxUlp: worst, failure: nil, notRun: nil)
        }
        return CheckReport(implementation: implementation.name, configuration: configuration, results: results)
    }

    static func replayCommand(_ implementation: String, _ property: String, _ c: CheckConfiguration) -> String {
        if let command = c.replayCommand { return command + "   # property \(property)" }
        var profile = "\(c.profile)"
        if case .bounded(let k) = c.profile { profile = "bounded --ulps \(k)" }
        if case .relative(let name, _, _) = c.profile { profile = name }
        return "softmax-ref check --kernel \(implementation) --property \(property) --format \(ProtocolNames.name(of: c.format)) --profile \(profile) --seed \(c.seed) --cases \(c.cases)"
    }
}
