import Foundation

extension ValidationReport {
    /// One self-contained HTML page (no scripts, no network): the summary, a row per function and
    /// format (accuracy on finite inputs, conventions for non-finite ones), an ulp-error histogram
    /// of the finite inputs per format as inline SVG, and every failure.
    public var html: String {
        var body = "<h1>softmax-ref validate: \(Self.escape(implementation))</h1>\n"
        body += "<p class=\"\(succeeded ? "pass" : "fail")\">profile \(Self.escape("\(profile)")) — \(succeeded ? "PASS" : "FAIL")</p>\n"
        if policy != .limit { body += "<p>non-finite inputs judged by the \(Self.escape(policy.name)) policy (\(Self.escape(policy.measured)))</p>\n" }
        body += "<table><tr><th rowspan=\"2\">function</th><th rowspan=\"2\">format</th><th rowspan=\"2\">cases</th><th rowspan=\"2\">failures</th><th rowspan=\"2\">unsupported</th>"
        body += "<th colspan=\"4\">accuracy on finite inputs</th><th colspan=\"3\">conventions for non-finite inputs</th></tr>\n"
        body += "<tr><th>cases</th><th>max ulp</th><th>p99 ulp</th><th>correctly rounded</th><th>cases</th><th>policies followed</th><th>defects</th></tr>\n"
        for f in fixtures {
            let a = f.finite, c = f.nonFinite
            let share = a.cases == 0 ? "–" : "\(a.correctlyRounded * 100 / a.cases)%"
            let followed = c.cases == 0 ? "–" : Self.escape(Self.conventions(c))
            body += "<tr class=\"\(f.failures.isEmpty ? "pass" : "fail")\"><td>\(f.function.rawValue)</td><td>\(ProtocolNames.name(of: f.format))</td><td>\(f.cases)</td><td>\(f.failures.count)</td><td>\(f.unsupported)</td>"
            body += "<td>\(a.cases)</td><td>\(UlpErrorText.format(a.maxUlp))</td><td>\(UlpErrorText.format(Self.percentile(a.errors, 0.99)))</td><td>\(share)</td>"
            body += "<td>\(c.cases)</td><td>\(followed)</td><td>\(c.defects.count)</td></tr>\n"
        }
        body += "</table>\n"
        let formats = Array(Set(fixtures.map(\.format.name))).sorted()
        for name in formats {
            let errors = fixtures.filter { $0.format.name == name }.flatMap(\.finite.errors)
            body += "<h2>ulp errors on finite inputs, \(name)</h2>\n" + Self.histogram(errors)
        }
        for r in properties {
            body += "<h2>properties, \(ProtocolNames.name(of: r.configuration.format))</h2>\n<table><tr><th>property</th><th>cases</th><th>skipped</th><th>max ulp</th><th>verdict</th></tr>\n"
            for p in r.results {
                body += "<tr class=\"\(p.succeeded ? "pass" : "fail")\"><td>\(Self.escape(p.property))</td><td>\(p.casesRun)</td><td>\(p.skipped)</td><td>\(UlpErrorText.format(p.maxUlp))</td><td>\(p.notRun.map { "NOT RUN (\(Self.escape($0)))" } ?? (p.succeeded ? "pass" : "FAIL"))</td></tr>\n"
            }
            body += "</table>\n"
        }
        var failures: [(String, String, String)] = []
        for f in fixtures {
            let group = f.function.rawValue + " " + ProtocolNames.name(of: f.format)
            for (id, reason) in f.failures { failures.append((group, id, reason)) }
        }
        for r in properties {
            for p in r.results {
                guard let failure = p.failure else { continue }
                failures.append((p.property, "counterexample \(failure.counterexample)", failure.reason + " — replay: " + failure.replay))
            }
        }
        if !failures.isEmpty {
            body += "<h2>failures</h2>\n<ul>\n"
            for (what, which, why) in failures.prefix(200) {
                body += "<li><b>\(Self.escape(what))</b> \(Self.escape(which)): <code>\(Self.escape(why))</code></li>\n"
            }
            body += "</ul>\n"
        }
        return """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>softmax-ref validate: \(Self.escape(implementation))</title>
            <style>body{font:14px sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}
            th{background:#eee}tr.fail td{background:#fdd}p.pass{color:#070}p.fail{color:#a00}code{font-size:12px}</style></head>
            <body>
            \(body)</body></html>

            """
    }

    /// Counts of errors in ulp bins (0, ≤0.5, ≤1, ≤2, ≤4, ... ≤1024, more, not finite) as SVG bars.
    static func histogram(_ errors: [Double]) -> String {
        let edges: [Double] = [0, 0.5, 1, 2, 4, 8, 16, 64, 256, 1024]
        var counts = [Int](repeating: 0, count: edges.count + 2)
        for e in errors {
            if !e.isFinite { counts[edges.count + 1] += 1 } else if let i = edges.firstIndex(where: { e <= $0 }) { counts[i] += 1 } else { counts[edges.count] += 1 }
        }
        let labels = edges.map { $0 == 0 ? "0" : "≤\(UlpErrorText.format($0))" } + [">1024", "inf"]
        let top = max(counts.max() ?? 1, 1)
        let width = 48, height = 120
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labels.count * width + 20)\" height=\"\(height + 40)\">\n"
        for (i, count) in counts.enumerated() {
            let h = count * height / top
            let x = 10 + i * width
            svg += "<rect x=\"\(x)\" y=\"\(height - h + 10)\" width=\"\(width - 6)\" height=\"\(h)\" fill=\"\(i >= edges.count ? "#c33" : "#37a")\"/>"
            svg += "<text x=\"\(x)\" y=\"\(height + 25)\" font-size=\"10\">\(labels[i])</text>"
            svg += "<text x=\"\(x)\" y=\"\(height - h + 7)\" font-size=\"10\">\(count)</text>\n"
        }
        return svg + "</svg>\n"
    }

    static func escape(_ s: String) -> String { CheckReport.escape(s) }
}
