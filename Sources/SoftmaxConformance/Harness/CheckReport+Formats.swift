import Foundation

import Multiprecision

extension CheckReport {
    /// Summary first (one line per property: cases, verdict, max ulp), then each failure with its
    /// shrunk counterexample and the command that replays it. No timings, so equal runs print equal text.
    public var text: String {
        var lines = ["\(implementation): \(ProtocolNames.name(of: configuration.format)), profile \(configuration.profile), seed \(configuration.seed), \(configuration.cases) cases per property"]
        let width = results.map(\.property.count).max() ?? 10
        for r in results {
            let verdict = r.notRun.map { "NOT RUN (\($0))" } ?? (r.succeeded ? "pass" : "FAIL")
            let name = r.property + String(repeating: " ", count: width - r.property.count)
            lines.append("  \(name)  \(verdict)  cases \(r.casesRun) (skipped \(r.skipped))  max ulp \(Self.format(r.maxUlp))")
        }
        let failures = results.filter { $0.failure != nil }
        let notRun = results.filter { $0.notRun != nil }.count
        lines.append(failures.isEmpty && notRun == 0 ? "all \(results.count) properties hold" : "\(failures.count) of \(results.count) properties failed" + (notRun > 0 ? ", \(notRun) not run" : ""))
        for r in failures {
            let f = r.failure!
            lines.append("")
            lines.append("FAIL \(r.property): \(r.statement)")
            lines.append("  counterexample: \(f.counterexample)")
            lines.append("  why: \(f.reason)")
            lines.append("  shrunk from case \(f.caseIndex): \(f.original.row.count) logits, family \(f.original.family)")
            lines.append("  replay: \(f.replay)")
        }
        return lines.joined(separator: "\n")
    }

    /// The version of the JSON reports' shape (`report_version`), raised when a key changes
    /// meaning or disappears; tools/schemas/ holds the schema of each.
    public static let reportVersion = 2

    /// One JSON document with sorted keys (tools/schemas/check-report.schema.json).
    public var json: JSONValue {
        .object([
            "report_version": .number(String(Self.reportVersion)),
            "implementation": .string(implementation),
            "format": .string(ProtocolNames.name(of: configuration.format)),
            "profile": .string("\(configuration.profile)"),
            "seed": .number(String(configuration.seed)),
            "cases": .number(String(configuration.cases)),
            "passed": .bool(succeeded),
            "properties": .array(results.map { r in
                .object([
                    "name": .string(r.property),
                    "passed": .bool(r.succeeded),
                    "not_run": r.notRun.map(JSONValue.string),
                    "cases_run": .number(String(r.casesRun)),
                    "skipped": .number(String(r.skipped)),
                    "max_ulp": .string(Self.format(r.maxUlp)),
                    "failure": r.failure.map { f in
                        .object([
                            "reason": .string(f.reason),
                            "counterexample": .strings(f.counterexample.row.map(\.hexString)),
                            "beta": .string(f.counterexample.beta.hexString),
                            "family": .string(f.original.family),
                            "case_index": .number(String(f.caseIndex)),
                            "replay": .string(f.replay),
                        ])
                    },
                ])
            }),
        ])
    }

    /// This report alone as a JUnit document (see ``junit(_:name:)``).
    public var junit: String { Self.junit([self]) }

    /// Several reports as one JUnit document: a test suite per implementation × format, a test
    /// case per property (skipped when every case it ran was skipped).
    public static func junit(_ reports: [CheckReport], name: String = "softmax-ref check") -> String {
        JUnitDocument(name: name, suites: reports.map(\.junitSuite)).xml
    }

    /// The suite of this report: its settings as properties, a test case per property.
    public var junitSuite: JUnitDocument.Suite {
        let format = ProtocolNames.name(of: configuration.format)
        return JUnitDocument.Suite(
            name: "\(implementation) \(format)",
            properties: [("implementation", implementation), ("format", format), ("profile", "\(configuration.profile)"),
                         ("seed", String(configuration.seed)), ("cases", String(configuration.cases))],
            cases: results.map { r in
                let outcome: JUnitDocument.Outcome
                if let f = r.failure {
                    outcome = .failed(message: f.reason, detail: "counterexample: \(f.counterexample)\nwhy: \(f.reason)\nreplay: \(f.replay)")
                } else if let reason = r.notRun {
                    outcome = .skipped("not run: \(reason)")
                } else if r.skipped == r.casesRun {
                    outcome = .skipped("all \(r.casesRun) cases skipped (unsupported or not applicable)")
                } else {
                    outcome = .passed
                }
                return JUnitDocument.TestCase(name: r.property, classname: "\(implementation).\(format)", outcome: outcome,
                                              output: "cases \(r.casesRun) (skipped \(r.skipped)), max ulp \(Self.format(r.maxUlp))")
            })
    }

    static func format(_ ulps: Double) -> String {
        if ulps.isInfinite { return "inf" }
        if ulps == 0 { return "0" }
        return String((ulps * 100).rounded() / 100)
    }

    /// `s` as HTML text (the HTML report; JUnit uses ``JUnitDocument/escape(_:)``).
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
