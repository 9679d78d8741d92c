import Foundation
import Multiprecision

/// Everything `softmax-ref validate` learned about one implementation.
public struct ValidationReport: Sendable {
    public let implementation: String
    public let profile: Profile
    /// The convention special inputs were judged by (`--policy`).
    public let policy: FrameworkPolicy
    public let fixtures: [FixtureSummary]
    public let properties: [CheckReport]

    public init(implementation: String, profile: Profile, policy: FrameworkPolicy = .limit, fixtures: [FixtureSummary], properties: [CheckReport]) {
        self.implementation = implementation
        self.profile = profile
        self.policy = policy
        self.fixtures = fixtures
        self.properties = properties
    }

    /// What the implementation did besides answering (``ExternalProgram/notes``), printed after the verdict.
    public var notes: [String] = []

    /// The properties not run on purpose, per format; they do not affect ``succeeded``.
    public var skippedProperties: [SkippedProperties] = []

    public var succeeded: Bool { fixtures.allSatisfy { $0.failures.isEmpty && $0.notRun == 0 } && properties.allSatisfy(\.succeeded) }

    /// Summary first (per function and format: the cases, the accuracy on finite inputs and the
    /// conventions for non-finite ones; then a line per property run), then every failure with its
    /// counterexample and the command that reproduces it.
    public var text: String {
        let judgedBy = policy == .limit ? "" : ", policy \(policy.name)"
        var lines = ["\(implementation): profile \(profile)\(judgedBy) — \(succeeded ? "PASS" : "FAIL")"]
        lines += notes.map { "  note: \($0)" }
        for f in fixtures {
            lines.append("  fixtures \(f.function.rawValue) \(ProtocolNames.name(of: f.format)): \(f.cases) cases, failures \(f.failures.count), unsupported \(f.unsupported)"
                         + (f.notRun > 0 ? ", NOT RUN \(f.notRun) (\(f.notRunReason ?? ""))" : ""))
            lines += Self.split(f).map { "    " + $0 }
        }
        for r in properties {
            let failed = r.results.filter { $0.failure != nil }.map(\.property)
            let notRun = r.results.filter { $0.notRun != nil }
            lines.append("  properties \(ProtocolNames.name(of: r.configuration.format)): \(r.results.filter(\.succeeded).count)/\(r.results.count) hold" + (failed.isEmpty ? "" : " (failed: \(failed.joined(separator: ", ")))")
                         + (notRun.isEmpty ? "" : "; NOT RUN (\(notRun[0].notRun!)): \(notRun.map(\.property).joined(separator: ", "))"))
        }
        for s in skippedProperties {
            lines.append("  properties \(ProtocolNames.name(of: s.format)): \(s.names.count) skipped (\(s.reason))")
        }
        for f in fixtures where !f.failures.isEmpty {
            lines.append("")
            lines.append("fixture failures, \(f.function.rawValue) \(ProtocolNames.name(of: f.format)):")
            for (id, reason) in f.failures.prefix(20) { lines.append("  \(id): \(reason)") }
            if f.failures.count > 20 { lines.append("  ... and \(f.failures.count - 20) more") }
        }
        for f in fixtures where !f.nonFinite.defects.isEmpty {
            lines.append("")
            lines.append("non-finite inputs no policy describes, \(f.function.rawValue) \(ProtocolNames.name(of: f.format)):")
            for (id, reason) in f.nonFinite.defects.prefix(20) { lines.append("  \(id): \(reason)") }
            if f.nonFinite.defects.count > 20 { lines.append("  ... and \(f.nonFinite.defects.count - 20) more") }
        }
        for r in properties where r.results.contains(where: { $0.failure != nil }) {
            lines.append("")
            lines.append(r.text.split(separator: "\n").drop { !$0.hasPrefix("FAIL") }.joined(separator: "\n"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Two lines for a function × format: accuracy on finite inputs, conventions for the others.
    static func split(_ f: FixtureSummary) -> [String] {
        let a = f.finite, c = f.nonFinite
        let share = a.cases == 0 ? "-" : "\(a.correctlyRounded * 100 / a.cases)%"
        var lines = ["finite inputs: \(a.cases) cases, max ulp \(UlpErrorText.format(a.maxUlp)), correctly rounded \(share)"]
        if c.cases > 0 { lines.append("non-finite inputs: \(c.cases) cases; \(conventions(c)); defects \(c.defects.count)") }
        return lines
    }

    /// "follow limit, jax (all 5); numpy 3, scipy 3": the policies describing every answer, then the others' counts.
    static func conventions(_ c: NonFiniteConventions) -> String {
        let followed = c.followed
        let others = c.described.filter { !followed.contains($0.policy) }.map { "\($0.policy) \($0.cases)" }
        let head = followed.isEmpty ? "follow no single policy" : "follow \(followed.joined(separator: ", ")) (all \(c.cases))"
        return others.isEmpty ? head : head + "; " + others.joined(separator: ", ")
    }

    /// One JSON document with sorted keys (tools/schemas/validate-report.schema.json).
    public var json: JSONValue {
        .object([
            "report_version": .number(String(CheckReport.reportVersion)),
            "implementation": .string(implementation),
            "profile": .string("\(profile)"),
            "policy": .string(policy.name),
            "passed": .bool(succeeded),
            "fixtures": .array(fixtures.map { f in
                .object([
                    "function": .string(f.function.rawValue),
                    "format": .string(ProtocolNames.name(of: f.format)),
                    "cases": .number(String(f.cases)),
                    "correctly_rounded": .number(String(f.correctlyRounded)),
                    "unsupported": .number(String(f.unsupported)),
                    "not_run": .number(String(f.notRun)),
                    "max_ulp": .string(UlpErrorText.format(f.maxUlp)),
                    "p99_ulp": .string(UlpErrorText.format(Self.percentile(f.errors, 0.99))),
                    "failures": .array(f.failures.map { .object(["case": .string($0.0), "reason": .string($0.1)]) }),
                    "finite": .object([
                        "cases": .number(String(f.finite.cases)),
                        "correctly_rounded": .number(String(f.finite.correctlyRounded)),
                        "max_ulp": .string(UlpErrorText.format(f.finite.maxUlp)),
                        "p99_ulp": .string(UlpErrorText.format(Self.percentile(f.finite.errors, 0.99))),
                    ]),
                    "non_finite": .object([
                        "cases": .number(String(f.nonFinite.cases)),
                        "follows": .strings(f.nonFinite.followed),
                        "described": .array(f.nonFinite.described.map { .object(["policy": .string($0.policy), "cases": .number(String($0.cases))]) }),
                        "defects": .array(f.nonFinite.defects.map { .object(["case": .string($0.0), "reason": .string($0.1)]) }),
                    ]),
                ])
            }),
            "properties": .array(properties.map(\.json)),
            "skipped_properties": skippedProperties.isEmpty ? nil : .array(skippedProperties.map { s in
                .object(["format": .string(ProtocolNames.name(of: s.format)), "names": .strings(s.names), "reason": .string(s.reason)])
            }),
        ])
    }

    /// One JUnit document: a test suite per format, holding a test case per function's fixtures
    /// (its accuracy and conventions in `<system-out>`) and one per property.
    public var junit: String {
        var formats: [FloatFormat] = []
        for format in fixtures.map(\.format) + properties.map(\.configuration.format) + skippedProperties.map(\.format) where !formats.contains(format) { formats.append(format) }
        let suites = formats.map { format in
            let name = ProtocolNames.name(of: format)
            let fixtureCases = fixtures.filter { $0.format == format }.map { f in
                let outcome: JUnitDocument.Outcome
                if let first = f.failures.first {
                    let detail = f.failures.prefix(20).map { "\($0.0): \($0.1)" } + (f.failures.count > 20 ? ["... and \(f.failures.count - 20) more"] : [])
                    outcome = .failed(message: "\(f.failures.count) of \(f.cases) cases failed; \(first.0): \(first.1)", detail: detail.joined(separator: "\n"))
                } else if f.cases == 0 {
                    outcome = .skipped(f.unsupported > 0 ? "all \(f.unsupported) cases unsupported" : "no cases")
                } else {
                    outcome = .passed
                }
                return JUnitDocument.TestCase(name: "fixtures \(f.function.rawValue)", classname: "\(implementation).\(name).fixtures", outcome: outcome,
                                              output: (["\(f.cases) cases, failures \(f.failures.count), unsupported \(f.unsupported)"] + Self.split(f)).joined(separator: "\n"))
            }
            let propertyCases = properties.filter { $0.configuration.format == format }.flatMap(\.junitSuite.cases)
            let skippedCases = skippedProperties.filter { $0.format == format }.flatMap { s in
                s.names.map { JUnitDocument.TestCase(name: $0, classname: "\(implementation).\(name)", outcome: .skipped(s.reason)) }
            }
            return JUnitDocument.Suite(name: "\(implementation) \(name)",
                                       properties: [("implementation", implementation), ("format", name), ("profile", "\(profile)"), ("policy", policy.name)],
                                       cases: fixtureCases + propertyCases + skippedCases)
        }
        return JUnitDocument(name: "softmax-ref validate \(implementation)", suites: suites).xml
    }

    /// The value below which `fraction` of `values` lie (0 for none).
    static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded(.up)))]
    }
}
