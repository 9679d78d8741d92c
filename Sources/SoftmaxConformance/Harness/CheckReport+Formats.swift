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

    /// One JSON document with sorted keys.
    public var json: JSONValue {
        .object([
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

    /// JUnit XML: a test suite per implementation, a test case per property.
    public var junit: String {
        let failures = results.filter { !$0.succeeded }.count
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        xml += #"<testsuite name="softmax-ref check \#(Self.escape(implementation))" tests="\#(results.count)" failures="\#(failures)">"# + "\n"
        for r in results {
            xml += #"  <testcase classname="\#(Self.escape(implementation)).\#(ProtocolNames.name(of: configuration.format))" name="\#(Self.escape(r.property))">"#
            if let f = r.failure {
                xml += "\n" + #"    <failure message="\#(Self.escape(f.reason))">counterexample: \#(Self.escape(f.counterexample.description))&#10;replay: \#(Self.escape(f.replay))</failure>"# + "\n  "
            }
            if let reason = r.notRun { xml += #"<skipped message="not run: \#(Self.escape(reason))"/>"# }
            xml += "</testcase>\n"
        }
        return xml + "</testsuite>\n"
    }

    static func format(_ ulps: Double) -> String {
        if ulps.isInfinite { return "inf" }
        if ulps == 0 { return "0" }
        return String((ulps * 100).rounded() / 100)
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
