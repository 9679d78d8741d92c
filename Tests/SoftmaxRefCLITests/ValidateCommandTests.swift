import Foundation
import Testing

/// `softmax-ref validate` against real programs: the reference through the protocol passes strict,
/// and each deliberately broken program is reported for what it does wrong.
@Suite(.serialized) struct ValidateCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures").path
    static let adapter = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Programs/mutant_adapter.py").path

    static func validate(_ mode: String, _ extra: [String] = []) throws -> CommandRunner.Output {
        let command = "python3 \(adapter) \(CommandRunner.binary.path) \(mode)"
        return try CommandRunner.run(["validate", "--command", command, "--fixtures", fixtures, "--cases", "8",
                                      "--profile", "strict", "--timeout", "2"] + extra)
    }

    @Test("The reference driven through the protocol (compute --batch) passes strict")
    func referencePassesStrict() throws {
        let r = try CommandRunner.run(["validate", "--command", "\(CommandRunner.binary.path) compute --batch", "--name", "reference",
                                       "--fixtures", Self.fixtures, "--cases", "8", "--profile", "strict", "--format", "f32", "--format", "f64",
                                       // A 10,200-logit fixture takes over the default 10 s under a sanitizer.
                                       "--timeout", "600"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.hasPrefix("reference: profile strict — PASS"))
        // Fixtures/softmax.json has 115 f64 cases without a base; 87 have a ±inf, NaN or no logit
        // (counted from the file with Python's json module).
        #expect(r.stdout.contains("fixtures softmax f64: 115 cases, failures 0, unsupported 0\n    finite inputs: 28 cases, max ulp 0.5, correctly rounded 100%"))
    }

    @Test("Activations go through the protocol too: the reference's compute --batch passes strict on their fixtures and properties")
    func activationsThroughTheProtocol() throws {
        let r = try CommandRunner.run(["validate", "--command", "\(CommandRunner.binary.path) compute --batch", "--name", "reference",
                                       "--fixtures", Self.fixtures, "--cases", "6", "--profile", "strict", "--format", "f16",
                                       "--function", "tanh", "--function", "swish", "--function", "relu"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        for line in ["fixtures tanh f16: 6 cases, failures 0", "fixtures swish f16: 9 cases, failures 0", "fixtures relu f16: 9 cases, failures 0"] {
            #expect(r.stdout.contains(line), "\(line): \(r.stdout.prefix(3000))")
        }
        // The properties asking for one of them: close-to-reference of each, tanh-sigmoid, odd/tanh,
        // derivative/tanh, mish-composition, swish-sigmoid, monotonicity, activation-range, non-finite/activations.
        #expect(r.stdout.contains("properties f16: 11/11 hold"), "\(r.stdout.prefix(3000))")
        #expect(!r.stdout.contains("fixtures softmax"), "\(r.stdout.prefix(3000))")
    }

    @Test("Broken programs are reported for what they do", arguments: [
        ("wrong-rounding", ["--format", "f64"], "correctly rounded is"),
        ("double-rounding", ["--format", "f64"], "correctly rounded is"),
        ("flush-subnormals", ["--format", "f64"], "subnormal-output-f64: output 1 is 0x0p+0"),
        ("nan-ignored", ["--format", "f32"], "nan: NaN logit not propagated: output 0 is 0"),
        ("crash", ["--format", "f32"], "the program exited while answering request"),
        ("hang", ["--format", "f32"], "no answer to request"),
        ("garbage", ["--format", "f32"], "it printed instead: 'this is not JSON'"),
    ])
    func brokenProgramIsReported(mode: String, extra: [String], message: String) throws {
        let r = try Self.validate(mode, extra)
        #expect(r.status == 1, "\(mode): exit \(r.status) \(r.stderr)")
        #expect(r.stdout.contains(message), "\(mode): \(r.stdout.prefix(3000))")
    }

    @Test("--report html writes one self-contained page: tables, inline SVG histograms, failures")
    func htmlReport() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("validate-\(UInt32.random(in: 0...UInt32.max)).html").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try Self.validate("wrong-rounding", ["--format", "f64", "--report", "html", "--output", path])
        #expect(r.status == 1)
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg") && html.contains("<table>") && html.contains("<h2>failures</h2>"))
        #expect(!html.contains("<script") && !html.contains("src=\"http"))
    }

    @Test("Bad usage and bad input exit 2 naming the problem", arguments: [
        (["validate", "--command", "/nonexistent/program --flag"], "no such program '/nonexistent/program'"),
        (["validate"], "give exactly one of --command or --results"),
        (["validate", "--results", "/nonexistent/results.jsonl"], "no results file"),
        (["validate", "--command", "cat", "--function", "softmin"], "unknown function 'softmin'"),
    ])
    func badUsage(arguments: [String], message: String) throws {
        let r = try CommandRunner.run(arguments)
        #expect(r.status == 2, "\(arguments): \(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }

    @Test("A results file is judged offline; a malformed line is exit 2 naming the line")
    func resultsFile() throws {
        let directory = FileManager.default.temporaryDirectory
        let good = directory.appendingPathComponent("results-\(UInt32.random(in: 0...UInt32.max)).jsonl")
        defer { try? FileManager.default.removeItem(at: good) }
        // softmax([0, 1]) in f32 (mpmath): 0x1.136562p-2 and 0x1.764d5p-1; the second line is 1 ulp off.
        try Data("""
            {"function":"softmax","format":"f32","input":["0x0p+0","0x1p+0"],"output":["0x1.136562p-2","0x1.764d5p-1"]}
            {"function":"softmax","format":"f32","input":["0x0p+0","0x1p+0"],"output":["0x1.136562p-2","0x1.764d52p-1"]}

            """.utf8).write(to: good)
        let r = try CommandRunner.run(["validate", "--results", good.path, "--profile", "strict"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("fixtures softmax f32: 2 cases"))
        #expect(r.stdout.contains("line 2: output 1 is 0x1.764d52p-1, correctly rounded is 0x1.764d5p-1"))
        let bad = directory.appendingPathComponent("results-\(UInt32.random(in: 0...UInt32.max)).jsonl")
        defer { try? FileManager.default.removeItem(at: bad) }
        try Data("{\"function\":\"softmax\",\"input\":[1],\"output\":[1]}\n{oops\n".utf8).write(to: bad)
        let b = try CommandRunner.run(["validate", "--results", bad.path])
        #expect(b.status == 2 && b.stderr.contains("results line 2"), "\(b.stderr)")
    }
}
