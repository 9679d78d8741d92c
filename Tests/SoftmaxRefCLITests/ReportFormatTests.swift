import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SoftmaxConformance
import Testing
import _SoftmaxTestSupport

/// The machine-readable reports as a CI reads them: every JUnit report is one XML document that a
/// real parser accepts, that Jenkins' junit-10.xsd validates, and whose counts agree with its test
/// cases; every JSON report carries its version and validates against tools/schemas.
@Suite(.serialized) struct ReportFormatTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let reference = "\(CommandRunner.binary.path) compute --batch"

    // MARK: JUnit

    @Test("check --kernel all --report junit is one document: a suite per kernel, counts from the cases")
    func checkAllIsOneDocument() throws {
        let r = try CommandRunner.run(["check", "--kernel", "all", "--cases", "3", "--max-length", "20",
                                       "--property", "sum-to-one", "--property", "range", "--report", "junit"])
        #expect(r.status == 0, "\(r.stderr)")
        let suites = try Self.junitSuites(r.stdout)
        #expect(suites.map { $0.attribute(forName: "name")?.stringValue } == ["reference f32", "simd f32"])
        for suite in suites {
            #expect(suite.elements(forName: "testcase").compactMap { $0.attribute(forName: "name")?.stringValue } == ["sum-to-one", "range"])
        }
    }

    @Test("A failing kernel's JUnit counts the properties the JSON report says failed")
    func checkFailuresCounted() throws {
        let arguments = ["check", "--kernel", "naive", "--cases", "40", "--max-length", "40"]
        let xml = try CommandRunner.run(arguments + ["--report", "junit"])
        let json = try CommandRunner.run(arguments + ["--report", "json"])
        #expect(xml.status == 1 && json.status == 1)
        guard case .array(let properties)? = try JSONParser.parse(json.stdout)["properties"] else { Issue.record("no properties"); return }
        let failedInJSON = properties.filter { $0["passed"] == .bool(false) }.count
        #expect(failedInJSON > 0)
        let suites = try Self.junitSuites(xml.stdout)
        #expect(suites.count == 1)
        #expect(suites.first?.attribute(forName: "failures")?.stringValue == String(failedInJSON))
        for failure in suites.flatMap({ $0.elements(forName: "testcase") }).flatMap({ $0.elements(forName: "failure") }) {
            let message = failure.attribute(forName: "message")?.stringValue ?? ""
            let detail = failure.stringValue ?? ""
            #expect(message.count > 0 && detail.contains("replay: softmax-ref check --kernel naive"), "\(message) \(detail)")
        }
    }

    @Test("validate over two formats is one document: a suite per format, fixtures and properties as cases")
    func validateIsOneDocument() throws {
        let r = try CommandRunner.run(["validate", "--command", Self.reference, "--name", "reference", "--fixtures", ValidateCommandTests.fixtures,
                                       "--function", "softmax", "--format", "f32", "--format", "f16", "--cases", "2",
                                       "--profile", "strict", "--report", "junit"])
        #expect(r.status == 0, "\(r.stderr)")
        let suites = try Self.junitSuites(r.stdout)
        #expect(suites.map { $0.attribute(forName: "name")?.stringValue } == ["reference f32", "reference f16"])
        for suite in suites {
            let names = suite.elements(forName: "testcase").compactMap { $0.attribute(forName: "name")?.stringValue }
            #expect(names.first == "fixtures softmax" && names.contains("sum-to-one") && names.contains("close-to-reference/softmax"))
            let out = suite.elements(forName: "testcase").first?.elements(forName: "system-out").first?.stringValue ?? ""
            #expect(out.contains("finite inputs:") && out.contains("non-finite inputs:"), "\(out)")
        }
    }

    @Test("validate --cases 0 lists every property it did not run as skipped, in each report")
    func casesZeroListsSkippedProperties() throws {
        let arguments = ["validate", "--command", Self.reference, "--fixtures", ValidateCommandTests.fixtures,
                         "--function", "softmax", "--format", "f16", "--cases", "0"]
        let expected = PropertyCatalog.all(policy: .limit, asking: [.family(.softmax)]).map(\.name)
        #expect(expected.contains("sum-to-one") && expected.contains("close-to-reference/softmax"))
        let xml = try CommandRunner.run(arguments + ["--report", "junit"])
        #expect(xml.status == 0, "\(xml.stderr)")
        let suite = try #require(try Self.junitSuites(xml.stdout).first)
        let skipped = suite.elements(forName: "testcase").filter { !$0.elements(forName: "skipped").isEmpty }
        #expect(skipped.compactMap { $0.attribute(forName: "name")?.stringValue } == expected)
        #expect(suite.attribute(forName: "skipped")?.stringValue == String(expected.count))
        let json = try JSONParser.parse(try CommandRunner.run(arguments + ["--report", "json"]).stdout)
        let schema = try JSONSchemaSubset(JSONParser.parse(String(contentsOf: Self.root.appendingPathComponent("tools/schemas/validate-report.schema.json"), encoding: .utf8)))
        #expect(schema.violations(of: json).isEmpty)
        #expect(json["skipped_properties"] == .array([.object([("format", .string("f16")), ("names", .strings(expected)),
                                                               ("reason", .string("--cases 0: the property harness was not run"))])]))
        let text = try CommandRunner.run(arguments).stdout
        #expect(text.contains("properties f16: \(expected.count) skipped (--cases 0"), "\(text)")
    }

    @Test("Unsupported cases are skipped, program messages with control characters and markup survive escaping")
    func skippedAndEscaped() throws {
        let results = try Self.temporaryFile("""
            {"function":"softmax","format":"f32","input":["0x0p+0"],"error":"unsupported"}
            {"function":"log-softmax","format":"f32","input":["0x0p+0"],"error":"Boom\\u0001\\u0007 <&> \\"quoted\\" 'single'\\r\\n\\u001b[31m"}

            """)
        defer { try? FileManager.default.removeItem(atPath: results) }
        let r = try CommandRunner.run(["validate", "--results", results, "--report", "junit"])
        #expect(r.status == 1, "\(r.stderr)")
        let suites = try Self.junitSuites(r.stdout)
        #expect(suites.count == 1)
        let suite = try #require(suites.first)
        #expect(suite.attribute(forName: "tests")?.stringValue == "2")
        #expect(suite.attribute(forName: "skipped")?.stringValue == "1")
        #expect(suite.attribute(forName: "failures")?.stringValue == "1")
        let message = suite.elements(forName: "testcase").flatMap { $0.elements(forName: "failure") }.first?.attribute(forName: "message")?.stringValue ?? ""
        #expect(message.contains("Boom") && message.contains("<&> \"quoted\" 'single'"), "\(message)")
        #expect(!message.unicodeScalars.contains { $0.value < 0x20 && $0 != "\r" && $0 != "\n" && $0 != "\t" })
    }

    // MARK: JSON

    @Test("check and validate JSON reports carry report_version 2 and validate against tools/schemas")
    func jsonReportsMatchTheirSchemas() throws {
        let check = try JSONSchemaSubset(JSONParser.parse(String(contentsOf: Self.root.appendingPathComponent("tools/schemas/check-report.schema.json"), encoding: .utf8)))
        let validate = try JSONSchemaSubset(JSONParser.parse(String(contentsOf: Self.root.appendingPathComponent("tools/schemas/validate-report.schema.json"), encoding: .utf8)))
        let results = try Self.temporaryFile(Self.splitResults)
        defer { try? FileManager.default.removeItem(atPath: results) }
        let runs: [(JSONSchemaSubset, [String])] = [
            (check, ["check", "--kernel", "reference", "--cases", "3", "--max-length", "20"]),
            (check, ["check", "--kernel", "all", "--cases", "3", "--max-length", "20"]),
            (check, ["check", "--kernel", "naive", "--cases", "40", "--max-length", "40"]),
            (validate, ["validate", "--command", Self.reference, "--fixtures", ValidateCommandTests.fixtures, "--function", "softmax",
                        "--function", "logsumexp", "--format", "f32", "--cases", "2"]),
            (validate, ["validate", "--results", results]),
        ]
        for (schema, arguments) in runs {
            let r = try CommandRunner.run(arguments + ["--report", "json"])
            #expect(r.status == 0 || r.status == 1, "\(arguments): \(r.stderr)")
            let report = try JSONParser.parse(r.stdout)
            #expect(schema.violations(of: report).isEmpty, "\(arguments): \(schema.violations(of: report).prefix(5))")
            let documents: [JSONValue] = if case .array(let items) = report { items } else { [report] }
            #expect(!documents.isEmpty && documents.allSatisfy { $0["report_version"] == .number("2") })
        }
        // The schemas have teeth: another version, or a missing key, is rejected.
        let r = try CommandRunner.run(["validate", "--results", results, "--report", "json"])
        guard case .object(let members) = try JSONParser.parse(r.stdout) else { Issue.record("not an object"); return }
        #expect(!validate.violations(of: .object(members.map { $0.0 == "report_version" ? ($0.0, .number("1")) : $0 })).isEmpty)
        #expect(!validate.violations(of: .object(members.filter { $0.0 != "fixtures" })).isEmpty)
    }

    // MARK: Accuracy on finite inputs apart from conventions for non-finite ones

    /// softmax in f32 (mpmath, 300 bits): [0, 1] -> 0x1.136562p-2, 0x1.764d5p-1; line 1 is 1 ulp
    /// high in its second output. Line 2 answers [0, +inf] with NaN everywhere (what NumPy, JAX,
    /// PyTorch, ONNX Runtime, SciPy and, in its way, TensorFlow do; the limit is [0, 1]). Line 3
    /// answers [0, +inf] with zeros, which no convention gives.
    static let splitResults = """
        {"function":"softmax","format":"f32","input":["0x0p+0","0x1p+0"],"output":["0x1.136562p-2","0x1.764d52p-1"]}
        {"function":"softmax","format":"f32","input":["0x0p+0","inf"],"output":["nan","nan"]}
        {"function":"softmax","format":"f32","input":["0x0p+0","inf"],"output":["0x0p+0","0x0p+0"]}

        """

    @Test("A NaN convention no longer hides the accuracy: finite inputs and non-finite ones are reported apart")
    func accuracySplitFromConventions() throws {
        let results = try Self.temporaryFile(Self.splitResults)
        defer { try? FileManager.default.removeItem(atPath: results) }
        let r = try CommandRunner.run(["validate", "--results", results])
        #expect(r.status == 1)
        let finite = try #require(r.stdout.split(separator: "\n").first { $0.contains("finite inputs:") && !$0.contains("non-finite") })
        // One ulp above the correctly rounded value: the error from the exact value is in (0.5, 1.5).
        let ulps = try #require(Double(finite.split(separator: "max ulp ").last?.split(separator: ",").first ?? ""))
        #expect(ulps > 0.5 && ulps < 1.5, "\(finite)")
        #expect(finite.contains("finite inputs: 1 cases") && finite.contains("correctly rounded 0%"))
        let conventions = try #require(r.stdout.split(separator: "\n").first { $0.contains("non-finite inputs:") })
        #expect(conventions.contains("non-finite inputs: 2 cases; follow no single policy; limit 0, numpy 1,"), "\(conventions)")
        #expect(conventions.contains(" pytorch 1,") && conventions.hasSuffix("; defects 1"), "\(conventions)")
        #expect(r.stdout.contains("non-finite inputs no policy describes, softmax f32:\n  line 3: output 1 is 0 where the limit is 1"), "\(r.stdout)")

        let json = try JSONParser.parse(try CommandRunner.run(["validate", "--results", results, "--report", "json"]).stdout)
        guard case .array(let fixtures)? = json["fixtures"], let f = fixtures.first else { Issue.record("no fixtures"); return }
        #expect(f["max_ulp"] == .string("inf"))
        #expect(f["finite"]?["cases"] == .number("1") && f["finite"]?["max_ulp"] != .string("inf"))
        #expect(f["non_finite"]?["cases"] == .number("2") && f["non_finite"]?["follows"] == .array([]))

        // Judged by --policy pytorch, line 2 follows the convention and only line 3 fails.
        let p = try CommandRunner.run(["validate", "--results", results, "--policy", "pytorch"])
        #expect(p.stdout.hasPrefix("\(results): profile framework, policy pytorch — FAIL"), "\(p.stdout)")
        #expect(p.stdout.contains("softmax f32: 3 cases, failures 1,") && p.stdout.contains("line 3: softmax of one +inf entry in binary32 under --policy pytorch"), "\(p.stdout)")
    }

    // MARK: Helpers

    /// Parses `xml` with FoundationXML, validates it against junit-10.xsd with xmllint, checks that
    /// every count agrees with the test cases, and returns the suites.
    static func junitSuites(_ xml: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [XMLElement] {
        try validateAgainstSchema(xml, sourceLocation: sourceLocation)
        let document = try XMLDocument(xmlString: xml, options: [])
        let root = try #require(document.rootElement(), sourceLocation: sourceLocation)
        #expect(root.name == "testsuites", sourceLocation: sourceLocation)
        let suites = root.elements(forName: "testsuite")
        func count(_ element: XMLElement, _ attribute: String) -> Int? { element.attribute(forName: attribute)?.stringValue.flatMap { Int($0) } }
        var tests = 0, failures = 0, errors = 0
        for suite in suites {
            let cases = suite.elements(forName: "testcase")
            let failed = cases.filter { !$0.elements(forName: "failure").isEmpty }.count
            let errored = cases.filter { !$0.elements(forName: "error").isEmpty }.count
            let skipped = cases.filter { !$0.elements(forName: "skipped").isEmpty }.count
            #expect(count(suite, "tests") == cases.count && count(suite, "failures") == failed, sourceLocation: sourceLocation)
            #expect(count(suite, "errors") == errored && count(suite, "skipped") == skipped, sourceLocation: sourceLocation)
            #expect(cases.allSatisfy { $0.elements(forName: "failure").count + $0.elements(forName: "skipped").count <= 1 }, sourceLocation: sourceLocation)
            (tests, failures, errors) = (tests + cases.count, failures + failed, errors + errored)
        }
        #expect(count(root, "tests") == tests && count(root, "failures") == failures && count(root, "errors") == errors, sourceLocation: sourceLocation)
        return suites
    }

    /// `xmllint --noout --schema junit-10.xsd`; a missing xmllint is a failure, not a skip.
    static func validateAgainstSchema(_ xml: String, sourceLocation: SourceLocation) throws {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map { "\($0)/xmllint" }
        guard let xmllint = path.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            Issue.record("xmllint not found: install libxml2-utils (apt-get install libxml2-utils) to validate JUnit reports against junit-10.xsd",
                         sourceLocation: sourceLocation)
            return
        }
        let file = try temporaryFile(xml)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let schema = root.appendingPathComponent("Tests/SoftmaxRefCLITests/Schemas/junit-10.xsd").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint)
        process.arguments = ["--noout", "--schema", schema, file]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "junit-10.xsd rejects the report: \(message)\n\(xml.prefix(2000))", sourceLocation: sourceLocation)
    }

    static func temporaryFile(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UInt32.random(in: 0...UInt32.max)).tmp")
        try Data(text.utf8).write(to: url)
        return url.path
    }
}
