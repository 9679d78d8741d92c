import Multiprecision
import SoftmaxReference

/// How a check run is set up; the same configuration gives the same cases and the same report.
public struct CheckConfiguration: Sendable {
    public var cases: Int
    public var seed: UInt64
    public var format: FloatFormat
    public var profile: Profile
    public var maximumLength: Int
    /// The command that replays a run, when it is not `softmax-ref check --kernel NAME` (e.g. a validate).
    public var replayCommand: String?

    public init(cases: Int = 200, seed: UInt64 = 1, format: FloatFormat = .binary32, profile: Profile = .framework,
                maximumLength: Int = 4096, replayCommand: String? = nil) {
        self.replayCommand = replayCommand
        self.cases = cases
        self.seed = seed
        self.format = format
        self.profile = profile
        self.maximumLength = maximumLength
    }
}

/// A property's failure: the shrunk counterexample, the case it came from, and how to replay it.
public struct PropertyFailure: Sendable {
    public let reason: String
    public let counterexample: CheckCase
    public let original: CheckCase
    public let caseIndex: Int
    public let replay: String
}

/// The outcome of one property over a run.
public struct PropertyResult: Sendable {
    public let property: String
    public let statement: String
    public let casesRun: Int
    public let passed: Int
    public let skipped: Int
    public let maxUlp: Double
    public let failure: PropertyFailure?
    /// Why the property could not be decided (the implementation can no longer answer), or nil.
    public let notRun: String?
    /// Held on every case run; false when it failed or was not run.
    public var succeeded: Bool { failure == nil && notRun == nil }
}

/// The outcome of a whole run against one implementation.
public struct CheckReport: Sendable {
    public let implementation: String
    public let configuration: CheckConfiguration
    public let results: [PropertyResult]
    public var succeeded: Bool { results.allSatisfy(\.succeeded) }
}

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
                let verdict = property.check(c, context)
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
                        guard case .fail(let r, _) = property.check(candidate, context) else { return false }
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
