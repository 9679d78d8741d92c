import Multiprecision

extension SweepReport {
    /// The report for people: counts, shares, the histogram and the worst outputs.
    public var text: String {
        let t = tally
        func percent(_ n: UInt64) -> String { t.outputs == 0 ? "100%" : "\(Double(Int(Double(n) / Double(t.outputs) * 1e6)) / 1e4)%" }
        func show(_ e: SweepEntry) -> String {
            "  \(e.input.map { "\(SweepJSON.encoding($0)) (\($0.hexString))" }.joined(separator: ", "))"
                + (e.position > 0 || outputsPerPoint > 1 ? " output \(e.position)" : "")
                + ": \(SweepJSON.encoding(e.output)) (\(e.output.hexString)), correctly rounded \(SweepJSON.encoding(e.expected)) (\(e.expected.hexString)), \(e.error) ulp"
        }
        var lines = [
            "sweep: \(field("function")) \(field("format")) rounding \(field("rounding")), implementation \(field("implementation")), profile \(field("profile"))"
                + (identity.contains { $0.0 == "alpha" } ? ", alpha \(field("alpha"))" : "") + (identity.contains { $0.0 == "beta" } ? ", beta \(field("beta"))" : ""),
            "shard \(shard): points [\(first), \(end)) of \(total)",
            "inputs \(t.points), outputs \(t.outputs)",
            "correctly rounded \(t.correct) (\(percent(t.correct))), faithful \(t.faithful) (\(percent(t.faithful)))",
            "max ulp \(maxUlp) (exact), outputs beyond the profile \(t.beyondBound)",
            "histogram (ulps from the correctly rounded value): "
                + t.histogram.indices.filter { t.histogram[$0] > 0 }.map { "\(SweepHistogram.label($0)): \(t.histogram[$0])" }.joined(separator: ", "),
        ]
        if !worst.isEmpty { lines += ["worst:"] + worst.map(show) }
        if monotone {
            lines.append("monotonicity violations: \(t.violations)")
            lines += t.firstViolations.map { "  f(\($0.input[0].hexString)) = \($0.expected.hexString) > f(\($0.input[1].hexString)) = \($0.output.hexString)" }
        }
        lines.append("non-finite mismatches: \(t.nonFinite)")
        lines += t.firstNonFinite.map(show)
        lines.append("fast path declined \(declined); \(seconds) s")
        lines.append(succeeded ? "PASS" : "FAIL: \(t.beyondBound) outputs beyond the profile")
        return lines.joined(separator: "\n")
    }

    private var outputsPerPoint: Int { tally.points == 0 ? 1 : Int(tally.outputs / tally.points) }

    /// JUnit XML: one test case per rounding direction, failed when an output is beyond the profile.
    public static func junit(_ reports: [SweepReport]) -> String {
        let failures = reports.filter { !$0.succeeded }.count
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"sweep\" tests=\"\(reports.count)\" failures=\"\(failures)\">\n"
        for r in reports {
            let name = escape("\(r.field("function")) \(r.field("format")) \(r.field("rounding")) \(r.field("implementation"))")
            xml += "  <testcase classname=\"sweep\" name=\"\(name)\" time=\"\(r.seconds)\">\n"
            if !r.succeeded {
                xml += "    <failure message=\"\(r.tally.beyondBound) outputs beyond the profile; max ulp \(r.maxUlp)\">\(escape(r.text))</failure>\n"
            }
            xml += "  </testcase>\n"
        }
        return xml + "</testsuite>\n"
    }

    /// A self-contained HTML page with each report's text.
    public static func html(_ reports: [SweepReport]) -> String {
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>softmax-ref sweep</title></head><body>\n"
            + reports.map { "<h2>\(escape("\($0.field("function")) \($0.field("format")) \($0.field("rounding"))"))</h2>\n<pre>\(escape($0.text))</pre>\n" }.joined()
            + "</body></html>\n"
    }

    static func escape(_ s: String) -> String { JUnitDocument.escape(s) }
}
