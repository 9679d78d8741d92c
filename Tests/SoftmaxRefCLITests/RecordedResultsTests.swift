import Foundation
import Testing

/// `validate --results` judges every key of a line: for each, a file whose first line is right and
/// whose second has the same answer under another value of that key, so only the key makes it wrong.
/// Expected values: mpmath at 300 bits rounded to binary32 by exact rational arithmetic, or exact
/// (β = 0 gives the uniform row; base 2 on [0, 1] gives 1/3 and 2/3; cross-entropy on [0, 0] has
/// loss ln 2 and gradient s·Σq − q).
@Suite struct RecordedResultsTests {
    static let keyCases: [(String, String)] = [
        // softmax-vjp of [0, 1] with v = [1, 0]: s0·s1 and −s0·s1 = ±0x1.92a946p-3; with v = [0, 1] the signs swap.
        ("vector", """
            {"function":"softmax-vjp","format":"f32","input":["0x0p+0","0x1p+0"],"vector":["0x1p+0","0x0p+0"],"output":["0x1.92a946p-3","-0x1.92a946p-3"]}
            {"function":"softmax-vjp","format":"f32","input":["0x0p+0","0x1p+0"],"vector":["0x0p+0","0x1p+0"],"output":["0x1.92a946p-3","-0x1.92a946p-3"]}
            """),
        // Base 2 on [0, 1]: 1/3 and 2/3, rounded to nearest; the natural-base answer is far from them.
        ("base", """
            {"function":"softmax","format":"f32","base":"2","input":["0x0p+0","0x1p+0"],"output":["0x1.555556p-2","0x1.555556p-1"]}
            {"function":"softmax","format":"f32","base":"2","input":["0x0p+0","0x1p+0"],"output":["0x1.136562p-2","0x1.764d5p-1"]}
            """),
        // softmax([0, 1]) rounded down is 0x1.13656p-2, 0x1.764d4ep-1; the nearest values are not.
        ("rounding", """
            {"function":"softmax","format":"f32","rounding":"down","input":["0x0p+0","0x1p+0"],"output":["0x1.13656p-2","0x1.764d4ep-1"]}
            {"function":"softmax","format":"f32","rounding":"down","input":["0x0p+0","0x1p+0"],"output":["0x1.136562p-2","0x1.764d5p-1"]}
            """),
        // Cross-entropy of [0, 0] with label 0: ln 2 = 0x1.62e43p-1, gradient [−1/2, 1/2]; label 1 flips it.
        ("label", """
            {"function":"cross-entropy","format":"f32","input":["0x0p+0","0x0p+0"],"label":0,"output":["0x1.62e43p-1"],"gradient":["-0x1p-1","0x1p-1"]}
            {"function":"cross-entropy","format":"f32","input":["0x0p+0","0x0p+0"],"label":1,"output":["0x1.62e43p-1"],"gradient":["-0x1p-1","0x1p-1"]}
            """),
        // Target [1/4, 3/4] on [0, 0]: loss ln 2, gradient [1/4, −1/4]; the swapped target flips it.
        ("target", """
            {"function":"cross-entropy","format":"f32","input":["0x0p+0","0x0p+0"],"target":["0x1p-2","0x1.8p-1"],"output":["0x1.62e43p-1"],"gradient":["0x1p-2","-0x1p-2"]}
            {"function":"cross-entropy","format":"f32","input":["0x0p+0","0x0p+0"],"target":["0x1.8p-1","0x1p-2"],"output":["0x1.62e43p-1"],"gradient":["0x1p-2","-0x1p-2"]}
            """),
        // β = 0 makes every row uniform; the β = 1 answer is not.
        ("beta", """
            {"function":"softmax","format":"f32","beta":"0","input":["0x0p+0","0x1p+0"],"output":["0x1p-1","0x1p-1"]}
            {"function":"softmax","format":"f32","beta":"0","input":["0x0p+0","0x1p+0"],"output":["0x1.136562p-2","0x1.764d5p-1"]}
            """),
        // Activations, exact by their definitions: leaky-relu(−2; α = 1/2) = −1 (−1/2 with α = 1/4).
        ("alpha", """
            {"function":"leaky-relu","format":"f32","alpha":"0.5","input":["-0x1p+1","0x1p+0"],"output":["-0x1p+0","0x1p+0"]}
            {"function":"leaky-relu","format":"f32","alpha":"0.25","input":["-0x1p+1","0x1p+0"],"output":["-0x1p+0","0x1p+0"]}
            """),
        // relu([3, 1]; max_value 2) = [2, 1]; with max_value 4 it is [3, 1].
        ("max_value", """
            {"function":"relu","format":"f32","max_value":"2","input":["0x1.8p+1","0x1p+0"],"output":["0x1p+1","0x1p+0"]}
            {"function":"relu","format":"f32","max_value":"4","input":["0x1.8p+1","0x1p+0"],"output":["0x1p+1","0x1p+0"]}
            """),
        // relu([1, 2]; threshold 1.5) = [0, 2]; with threshold 0.5 it is [1, 2].
        ("threshold", """
            {"function":"relu","format":"f32","threshold":"1.5","input":["0x1p+0","0x1p+1"],"output":["0x0p+0","0x1p+1"]}
            {"function":"relu","format":"f32","threshold":"0.5","input":["0x1p+0","0x1p+1"],"output":["0x0p+0","0x1p+1"]}
            """),
        // swish(1; β = 0) = 1/2; with β = 1 it is σ(1) ≈ 0.73.
        ("swish beta", """
            {"function":"swish","format":"f32","beta":"0","input":["0x1p+0"],"output":["0x1p-1"]}
            {"function":"swish","format":"f32","beta":"1","input":["0x1p+0"],"output":["0x1p-1"]}
            """),
    ]

    @Test("Each key is judged: the right line passes, the same answer under another value fails", arguments: keyCases)
    func keyIsJudged(key: String, lines: String) throws {
        let file = try ReportFormatTests.temporaryFile(lines + "\n")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let r = try CommandRunner.run(["validate", "--results", file, "--profile", "strict"])
        #expect(r.status == 1, "\(key): \(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains(": 2 cases, failures 1, unsupported 0"), "\(key): \(r.stdout)")
        #expect(r.stdout.contains("  line 2: output "), "\(key): \(r.stdout)")
        #expect(!r.stdout.contains("line 1:"), "\(key): \(r.stdout)")
        // The right line alone passes.
        let first = try ReportFormatTests.temporaryFile(String(lines.split(separator: "\n")[0]) + "\n")
        defer { try? FileManager.default.removeItem(atPath: first) }
        let alone = try CommandRunner.run(["validate", "--results", first, "--profile", "strict"])
        #expect(alone.status == 0, "\(key): \(alone.stdout)\(alone.stderr)")
    }

    @Test("A rounding mode is named in the failure and other profiles measure from the exact value")
    func roundingNamed() throws {
        let file = try ReportFormatTests.temporaryFile(Self.keyCases.first { $0.0 == "rounding" }!.1 + "\n")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let strict = try CommandRunner.run(["validate", "--results", file, "--profile", "strict"])
        #expect(strict.stdout.contains("line 2: output 0 is 0x1.136562p-2, correctly rounded (down) is 0x1.13656p-2"), "\(strict.stdout)")
        // Both lines are within a few ulps of the exact value, so the framework profile passes them.
        let framework = try CommandRunner.run(["validate", "--results", file])
        #expect(framework.status == 0, "\(framework.stdout)")
    }

    @Test("A parameter the function does not take is exit 2 naming the line, the function and the key", arguments: [
        (#""function":"softmax","alpha":"1""#, "softmax does not take 'alpha'"),
        (#""function":"tanh","beta":"2""#, "tanh does not take 'beta'"),
        (#""function":"elu","max_value":"2""#, "elu does not take 'max_value'"),
        (#""function":"relu","label":0"#, "relu does not take 'label'"),
    ])
    func parameterNotTaken(line: String, message: String) throws {
        let file = try ReportFormatTests.temporaryFile(#"{"format":"f32","input":["0x0p+0"],"output":["0x0p+0"],"# + line + "}\n")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let r = try CommandRunner.run(["validate", "--results", file])
        #expect(r.status == 2, "\(r.stdout)\(r.stderr)")
        #expect(r.stderr.contains("results line 1: \(message)"), "\(r.stderr)")
    }

    @Test("A key that cannot be judged is exit 2 naming the line and the key", arguments: ["digits", "temperature"])
    func unknownKey(key: String) throws {
        let file = try ReportFormatTests.temporaryFile("""
            {"function":"softmax","format":"f32","input":["0x0p+0"],"output":["0x1p+0"]}
            {"function":"softmax","format":"f32","input":["0x0p+0"],"\(key)":3,"output":["0x1p+0"]}

            """)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let r = try CommandRunner.run(["validate", "--results", file])
        #expect(r.status == 2, "\(r.stdout)\(r.stderr)")
        #expect(r.stderr.contains("results line 2: key '\(key)' cannot be judged"), "\(r.stderr)")
    }
}
