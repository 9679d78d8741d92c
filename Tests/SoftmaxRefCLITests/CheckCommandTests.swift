import Foundation
import Testing

/// `softmax-ref check`: exit codes, the three report formats, reproducibility.
@Suite struct CheckCommandTests {
    @Test("The reference passes the strict profile: exit 0 and a line per property")
    func referencePassesStrict() throws {
        let r = try CommandRunner.run(["check", "--kernel", "reference", "--profile", "strict", "--cases", "5", "--max-length", "40"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        // Names are padded to the longest, close-to-reference/hard-sigmoid (31 characters).
        #expect(r.stdout.contains("close-to-reference/softmax       pass"))
        #expect(r.stdout.contains("close-to-reference/gelu-tanh     pass"))
        #expect(r.stdout.contains("all 53 properties hold"))
    }

    @Test("--function keeps the properties that ask for it: the activations' through the reference")
    func functionFilter() throws {
        let r = try CommandRunner.run(["check", "--kernel", "reference", "--function", "tanh", "--cases", "3", "--max-length", "20", "--format", "f16"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        for name in ["close-to-reference/tanh", "tanh-sigmoid", "odd/tanh", "mish-composition", "monotonicity", "activation-range", "derivative/tanh"] {
            #expect(r.stdout.contains("  \(name) "), "\(name): \(r.stdout)")
        }
        #expect(!r.stdout.contains("sum-to-one") && !r.stdout.contains("close-to-reference/softplus "), "\(r.stdout)")
    }

    @Test("The same seed prints the same report, byte for byte")
    func reproducible() throws {
        let arguments = ["check", "--kernel", "reference", "--cases", "4", "--seed", "9", "--max-length", "30", "--report", "json"]
        let a = try CommandRunner.run(arguments), b = try CommandRunner.run(arguments)
        #expect(a.status == 0 && a.stdout == b.stdout)
        #expect(a.stdout.hasPrefix(#"{"cases":4,"format":"f32","implementation":"reference","passed":true,"#))
    }

    @Test("--report junit --output writes a JUnit file and prints nothing")
    func junitFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("check-\(UInt32.random(in: 0...UInt32.max)).xml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try CommandRunner.run(["check", "--kernel", "reference", "--cases", "3", "--max-length", "20", "--property", "sum-to-one",
                                       "--property", "range", "--report", "junit", "--output", path])
        #expect(r.status == 0 && r.stdout.isEmpty)
        let xml = try String(contentsOfFile: path, encoding: .utf8)
        #expect(xml.contains(#"<testsuite name="reference f32" tests="2" failures="0" errors="0" skipped="0">"#))
        #expect(xml.contains(#"<testcase classname="reference.f32" name="sum-to-one"><system-out>cases 3 (skipped 0), max ulp "#))
    }

    @Test("Bad usage exits 2 naming the problem", arguments: [
        (["check", "--kernel", "nope"], "unknown kernel 'nope'"),
        (["check", "--kernel", "reference", "--property", "beauty"], "unknown property 'beauty'"),
        (["check", "--kernel", "reference", "--profile", "bounded"], "--profile bounded needs --ulps"),
        (["check", "--kernel", "reference", "--format", "f8"], "unknown format 'f8'"),
        (["check", "--kernel", "reference", "--cases", "0"], "--cases must be between 1 and 1000000"),
        (["check", "--kernel", "reference", "--report", "pdf"], "pdf"),
        (["check", "--kernel", "two-pass", "--function", "tanh"], "no kernel for tanh in two-pass"),
        (["check", "--kernel", "naive", "--function", "softmax", "--function", "gelu"], "no kernel for gelu in naive"),
        (["check", "--kernel", "reference", "--function", "softmx"], "unknown function 'softmx'"),
    ])
    func badUsage(arguments: [String], message: String) throws {
        let r = try CommandRunner.run(arguments)
        #expect(r.status == 2, "\(arguments): \(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }

    @Test("A report that cannot be written is exit 4 naming the path and the system's reason")
    func unwritableOutput() throws {
        let r = try CommandRunner.run(["check", "--kernel", "reference", "--cases", "1", "--property", "range", "--output", "/nonexistent/dir/x.txt"])
        #expect(r.status == 4)
        #expect(r.stderr.contains("cannot write '/nonexistent/dir/x.txt': No such file or directory"), "\(r.stderr)")
    }
}
