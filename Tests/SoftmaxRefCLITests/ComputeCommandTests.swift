import Foundation
import Testing

/// End-to-end tests of `softmax-ref compute`: the real binary, its output and its exit codes.
@Suite struct ComputeCommandTests {
    @Test("The README's main command reproduces seed 002's example")
    func mainCommand() throws {
        let r = try CommandRunner.run(["compute", "1", "2", "3", "4", "1", "2", "3"])
        #expect(r.status == 0)
        // mpmath at 300 bits, rounded to binary64 and printed as Python's repr.
        #expect(r.stdout == """
            0.02364054302159139
            0.06426165851049616
            0.17468129859572226
            0.47483299974438037
            0.02364054302159139
            0.06426165851049616
            0.17468129859572226

            """)
    }

    @Test("--json prints one object with hex-float strings that strtod reads exactly")
    func jsonShape() throws {
        let r = try CommandRunner.run(["compute", "--json", "1", "2", "3"])
        #expect(r.status == 0)
        // Outputs: mpmath, float.hex of the correctly rounded values.
        #expect(r.stdout == """
            {"beta":"0x1p+0","decimal":["0.09003057317038046","0.24472847105479764","0.6652409557748219"],\
            "format":"f64","function":"softmax","input":["0x1p+0","0x1p+1","0x1.8p+1"],\
            "output":["0x1.70c3e5f682bdap-4","0x1.f534335ca4bcfp-3","0x1.549a766a06791p-1"],"rounding":"nearest"}

            """)
        for hex in ["0x1.70c3e5f682bdap-4", "0x1.f534335ca4bcfp-3"] { #expect(Double(hex) != nil) }
    }

    @Test("Negative logits work after -- and directly; an inexact input is reported")
    func negativesAndNotes() throws {
        let a = try CommandRunner.run(["compute", "--", "-1", "2"])
        let b = try CommandRunner.run(["compute", "-1", "2"])
        #expect(a.status == 0 && a.stdout == b.stdout)
        let c = try CommandRunner.run(["compute", "--format", "f32", "0.1", "0"])
        #expect(c.stderr.contains("input[0] '0.1' is not exact in binary32: rounded to 0.1 (0x1.99999ap-4)"))
        let d = try CommandRunner.run(["compute", "--format", "f16", "1e999999999", "0"])
        #expect(d.status == 0 && d.stderr.contains("overflowed binary16 and became inf"))
        #expect(d.stdout == "1\n0\n")
    }

    @Test("Bad input exits 2 with a message naming what is wrong", arguments: [
        (["compute", "abc"], "'abc' is not a number"),
        (["compute", ""], "'' is not a number"),
        (["compute", "--beta", "nan", "1"], "beta must be a finite number"),
        (["compute", "--base", "0", "1"], "base must be a finite number > 0; got 0"),
        (["compute", "--base", "-2", "1"], "got -2"),
        (["compute", "--format", "f8", "1"], "unknown format 'f8'"),
        (["compute", "--rounding", "sideways", "1"], "unknown rounding 'sideways'"),
        (["compute", "--function", "softmaxx", "1"], "unknown function 'softmaxx'"),
        (["compute", "--digits", "0", "1"], "--digits must be between 1 and 1000"),
        (["compute", "--function", "cross-entropy", "--label", "5", "1", "2"], "label 5 is out of range"),
        (["compute", "--function", "cross-entropy", "--target", "1", "1", "2"], "the target distribution has 1 entries"),
        (["compute", "--bogus", "1"], "unknown option '--bogus'"),
        (["nonsense"], "Unexpected argument 'nonsense'"),
    ])
    func badInput(arguments: [String], message: String) throws {
        let r = try CommandRunner.run(arguments)
        #expect(r.status == 2, "exit status for \(arguments)")
        #expect(r.stderr.contains(message), "stderr: \(r.stderr)")
        #expect(!r.stderr.contains("Fatal error"))
    }

    @Test("--batch answers every line in order, echoes ids, and survives bad lines")
    func batch() throws {
        let input = """
            {"id":1,"function":"softmax","format":"f32","input":["0x1p+0","2.5",3]}
            not json

            {"id":"b","function":"logsumexp","input":[]}
            {"id":3,"function":"sigmoid","input":[0],"format":"f16","rounding":"up"}
            {"id":4,"input":[1],"colour":"red"}
            """
        let r = try CommandRunner.run(["compute", "--batch"], stdin: input)
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[0].contains(#""id":1"#) && lines[0].contains(#""output":["0x1.3e3db8p-4","0x1.64907cp-2","0x1.25f00ap-1"]"#))
        #expect(lines[1].hasPrefix(#"{"error":"malformed JSON at byte 0"#))
        #expect(lines[2].contains(#""output":["-inf"]"#) && lines[2].contains(#""id":"b""#))
        #expect(lines[3].contains(#""output":["0x1p-1"]"#))
        #expect(lines[4] == #"{"error":"unknown key 'colour'; expected alpha, base, beta, digits, encoding, format, function, id, input, label, max_value, rounding, target, threshold or vector","id":4}"#)
    }

    @Test("The help text documents the exit codes")
    func help() throws {
        let r = try CommandRunner.run(["--help"])
        #expect(r.status == 0)
        let text = r.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("Exit codes: 0 success, 1 a check failed, 2 bad usage or bad input, 3 internal error, 4 a file or stream could not be read or written."))
    }
}

@Suite struct BenchCommandTests {
    @Test("bench --reference --json prints one object per case with a rate")
    func referenceBenchShape() throws {
        let r = try CommandRunner.run(["bench", "--reference", "--seconds", "0.01", "--json"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 7)
        #expect(lines.allSatisfy { $0.contains(#""bench":"reference""#) && $0.contains(#""rows_per_second":"#) })
        #expect(lines.first?.contains(#""format":"f64","function":"softmax","n":7"#) == true)
    }

    @Test("bench without a subject is a usage error")
    func benchNeedsSubject() throws {
        let r = try CommandRunner.run(["bench"])
        #expect(r.status == 2 && r.stderr.contains("choose what to measure"))
    }
}
