import Foundation
import Testing

/// The command line: logits parsed in linear time, negative option values read as values, and
/// messages that say what a value must be.
@Suite struct ArgumentParsingTests {
    @Test("20,000 negative logits: an invalid option is reported at once, and the row equals --batch's")
    func longRow() throws {
        let logits = (1...20_000).map { "-\($0 % 97).\($0 % 7)" }
        let start = Date()
        let bad = try CommandRunner.run(["compute", "--format", "f8"] + logits)
        // The parse was 9 s when argument-parser collected the logits (its array copies on each append).
        #expect(Date().timeIntervalSince(start) < 3)
        #expect(bad.status == 2 && bad.stderr.contains("unknown format 'f8'"))

        let line = try CommandRunner.run(["compute", "--json", "--format", "f32"] + logits)
        let request = "{\"format\":\"f32\",\"input\":[" + logits.map { "\"\($0)\"" }.joined(separator: ",") + "]}\n"
        let batch = try CommandRunner.run(["compute", "--batch"], stdin: request)
        #expect(line.status == 0 && batch.status == 0)
        #expect(!line.stdout.isEmpty && line.stdout == batch.stdout)
    }

    @Test("Option values that are negative numbers are values; logits may follow or precede options")
    func negativeOptionValues() throws {
        let spaced = try CommandRunner.run(["compute", "--beta", "-1", "1", "2"])
        let joined = try CommandRunner.run(["compute", "--beta=-1", "--", "1", "2"])
        // softmax(-1 * [1, 2]) = softmax([-1, -2]) = softmax([2, 1]) by translation: the reverse of softmax([1, 2]).
        let reversed = try CommandRunner.run(["compute", "2", "1"])
        #expect(spaced.status == 0 && spaced.stdout == joined.stdout && spaced.stdout == reversed.stdout)
        let mixed = try CommandRunner.run(["compute", "-1", "--format", "f32", "-2", "--", "-3"])
        let plain = try CommandRunner.run(["compute", "--format", "f32", "--", "-1", "-2", "-3"])
        #expect(mixed.status == 0 && mixed.stdout == plain.stdout && mixed.stdout.split(separator: "\n").count == 3)
    }

    @Test("A negative or out-of-range count says what it must be (exit 2)", arguments: [
        (["compute", "--function", "cross-entropy", "--label", "-1", "1", "2"], "--label must be a non-negative integer; got -1"),
        (["compute", "--digits", "-1", "1", "2"], "--digits must be between 1 and 1000; got -1"),
        (["check", "--kernel", "reference", "--seed", "-1"], "The value '-1' is invalid for '--seed <seed>': must be a non-negative integer below 2^64"),
        (["check", "--kernel", "reference", "--cases", "-1"], "--cases must be between 1 and 1000000; got -1"),
        (["check", "--kernel", "reference", "--profile", "bounded", "--ulps", "-1"], "--ulps must be a finite number > 0 and at most 2^40 (1099511627776); got -1"),
        (["check", "--kernel", "reference", "--profile", "bounded", "--ulps", "inf"], "--ulps must be a finite number > 0 and at most 2^40 (1099511627776); got inf"),
        (["check", "--kernel", "reference", "--profile", "bounded", "--ulps", "1e16"], "got 1e+16"),
        (["validate", "--command", "cat", "--profile", "bounded", "--ulps", "inf"], "--ulps must be a finite number > 0"),
        (["validate", "--command", "cat", "--seed", "-1"], "must be a non-negative integer below 2^64"),
        (["check", "--kernel", "reference", "--report", "html"], "The value 'html' is invalid for '--report <report>'"),
    ])
    func badValues(arguments: [String], message: String) throws {
        let r = try CommandRunner.run(arguments)
        #expect(r.status == 2, "\(arguments): \(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(!r.stderr.contains("Missing value") && !r.stderr.contains("Fatal error"))
    }

    @Test("--ulps at its maximum, 2^40, runs without a trap")
    func hugeBound() throws {
        let r = try CommandRunner.run(["check", "--kernel", "reference", "--profile", "bounded", "--ulps", "1099511627776",
                                       "--cases", "3", "--format", "f64", "--property", "close-to-reference/softmax"])
        #expect(r.status == 0, "\(r.stderr)")
    }

    @Test("check --help lists only the reports check writes")
    func checkHelp() throws {
        let r = try CommandRunner.run(["check", "--help"])
        #expect(r.status == 0 && r.stdout.contains("text, json, junit") && !r.stdout.contains("html"))
    }

    @Test("Every compute option shown with a value in --help takes the next word as its value")
    func valueOptionsMatchHelp() throws {
        let help = try CommandRunner.run(["compute", "--help"]).stdout
        let shown = Set(help.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            guard words.count >= 2, words[0].hasPrefix("--"), words[1].hasPrefix("<") else { return nil }
            return String(words[0])
        })
        #expect(shown.count == 12, "\(shown)")
        // Each one reads a following "-7" as its value: the error, if any, is about that value, never a missing one.
        for option in shown {
            let r = try CommandRunner.run(["compute", option, "-7", "1", "2"])
            #expect(!r.stderr.contains("Missing value"), "\(option): \(r.stderr)")
        }
    }

    @Test("validate names why a program cannot run", arguments: [
        ("FOO=1 /nonexistent/program", "no such program '/nonexistent/program'"),
        ("FOO=1 no-such-program-anywhere --x", "no such program 'no-such-program-anywhere' on PATH"),
        ("/", "'/' is a directory"),
    ])
    func unrunnable(command: String, message: String) throws {
        let r = try CommandRunner.run(["validate", "--command", command])
        #expect(r.status == 2 && r.stderr.contains(message), "\(r.stderr)")
    }

    @Test("validate: a script without its run bit is 'not executable'; a results directory is exit 4")
    func scriptAndResults() throws {
        let directory = try ShellRunner.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let script = directory + "/adapter.sh"
        try "#!/bin/sh\ncat\n".write(toFile: script, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: script)
        let r = try CommandRunner.run(["validate", "--command", script])
        #expect(r.status == 2 && r.stderr.contains("'\(script)' is not executable"), "\(r.stderr)")
        let results = try CommandRunner.run(["validate", "--results", directory])
        #expect(results.status == 4 && results.stderr.contains("cannot read '\(directory)': Is a directory"), "\(results.stderr)")
        #expect(!results.stderr.contains("NSCocoaErrorDomain"))
    }
}
