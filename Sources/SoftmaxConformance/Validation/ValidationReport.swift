import Foundation
import Multiprecision

/// Everything `softmax-ref validate` learned about one implementation.
public struct ValidationReport: Sendable {
    public let implementation: String
    public let profile: Profile
    public let fixtures: [FixtureSummary]
    public let properties: [CheckReport]

    public init(implementation: String, profile: Profile, fixtures: [FixtureSummary], properties: [CheckReport]) {
        self.implementation = implementation
        self.profile = profile
        self.fixtures = fixtures
        self.properties = properties
    }

    /// What the implementation did besides answering (``ExternalProgram/notes``), printed after the verdict.
    public var notes: [String] = []

    public var succeeded: Bool { fixtures.allSatisfy { $0.failures.isEmpty && $0.notRun == 0 } && properties.allSatisfy(\.succeeded) }

    /// Summary first (a line per function and format, then a line per property run), then every
    /// failure with its counterexample and the command that reproduces it.
    public var text: String {
        var lines = ["\(implementation): profile \(profile) — \(succeeded ? "PASS" : "FAIL")"]
        lines += notes.map { "  note: \($0)" }
        for f in fixtures {
            let share = f.cases == 0 ? "-" : "\(f.correctlyRounded * 100 / f.cases)%"
            lines.append("  fixtures \(f.function.rawValue) \(ProtocolNames.name(of: f.format)): \(f.cases) cases, max ulp \(UlpErrorText.format(f.maxUlp)), correctly rounded \(share), failures \(f.failures.count), unsupported \(f.unsupported)" + (f.notRun > 0 ? ", NOT RUN \(f.notRun) (\(f.notRunReason ?? ""))" : ""))
        }
        for r in properties {
            let failed = r.results.filter { $0.failure != nil }.map(\.property)
            let notRun = r.results.filter { $0.notRun != nil }
            lines.append("  properties \(ProtocolNames.name(of: r.configuration.format)): \(r.results.filter(\.succeeded).count)/\(r.results.count) hold" + (failed.isEmpty ? "" : " (failed: \(failed.joined(separator: ", ")))")
                         + (notRun.isEmpty ? "" : "; NOT RUN (\(notRun[0].notRun!)): \(notRun.map(\.property).joined(separator: ", "))"))
        }
        for f in fixtures where !f.failures.isEmpty {
            lines.append("")
            lines.append("fixture failures, \(f.function.rawValue) \(ProtocolNames.name(of: f.format)):")
            for (id, reason) in f.failures.prefix(20) { lines.append("  \(id): \(reason)") }
            if f.failures.count > 20 { lines.append("  ... and \(f.failures.count - 20) more") }
        }
        for r in properties where r.results.contains(where: { $0.failure != nil }) {
            lines.append("")
            lines.append(r.text.split(separator: "\n").drop { !$0.hasPrefix("FAIL") }.joined(separator: "\n"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public var json: JSONValue {
        .object([
            "implementation": .string(implementation),
            "profile": .string("\(profile)"),
            "passed": .bool(succeeded),
            "fixtures": .array(fixtures.map { f in
                .object([
                    "function": .string(f.function.rawValue),
                    "format": .string(ProtocolNames.name(of: f.format)),
                    "cases": .number(String(f.cases)),
                    "correctly_rounded": .number(String(f.correctlyRounded)),
                    "unsupported": .number(String(f.unsupported)),
                    "max_ulp": .string(UlpErrorText.format(f.maxUlp)),
                    "p99_ulp": .string(UlpErrorText.format(Self.percentile(f.errors, 0.99))),
                    "failures": .array(f.failures.map { .object(["case": .string($0.0), "reason": .string($0.1)]) }),
                ])
            }),
            "properties": .array(properties.map(\.json)),
        ])
    }

    public var junit: String {
        var cases: [(String, String, String?)] = []
        for f in fixtures {
            let name = "fixtures \(f.function.rawValue) \(ProtocolNames.name(of: f.format))"
            cases.append((name, "fixtures", f.failures.isEmpty ? nil : f.failures.prefix(20).map { "\($0.0): \($0.1)" }.joined(separator: "&#10;")))
        }
        for r in properties {
            for p in r.results {
                cases.append((p.property, "properties.\(ProtocolNames.name(of: r.configuration.format))", p.failure.map { "\($0.reason)&#10;counterexample: \($0.counterexample)&#10;replay: \($0.replay)" }))
            }
        }
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        xml += #"<testsuite name="softmax-ref validate \#(CheckReport.escape(implementation))" tests="\#(cases.count)" failures="\#(cases.filter { $0.2 != nil }.count)">"# + "\n"
        for (name, group, failure) in cases {
            xml += #"  <testcase classname="\#(CheckReport.escape(group))" name="\#(CheckReport.escape(name))">"#
            if let failure { xml += #"<failure message="failed">\#(CheckReport.escape(failure).replacingOccurrences(of: "&amp;#10;", with: "&#10;"))</failure>"# }
            xml += "</testcase>\n"
        }
        return xml + "</testsuite>\n"
    }

    /// The value below which `fraction` of `values` lie (0 for none).
    static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded(.up)))]
    }
}
