import Foundation
import Testing

/// `softmax-ref validate --command` against programs that misbehave in every way we know
/// (Programs/*: most wrap the reference, `compute --batch`, and change what they print). Each run
/// must end within a time bound, never by a signal, with exit 0 for a noisy or slow but correct
/// program and 1 for a defect, and the report must say what happened.
@Suite(.serialized) struct MisbehavingProgramTests {
    static let programs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Programs").path
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures").path

    struct Case: CustomTestStringConvertible, Sendable {
        let program: String
        let extra: [String]
        let status: Int32
        let messages: [String]
        /// Seconds per answer: short for the programs that must time out, long enough for the others.
        let timeout: String
        init(_ program: String, _ extra: [String] = [], timeout: String = "10", status: Int32, _ messages: String...) {
            self.program = program
            self.extra = extra
            self.timeout = timeout
            self.status = status
            self.messages = messages
        }
        var testDescription: String { program }
    }

    static let cases: [Case] = [
        // Noisy, out of order or slow, but correct: exit 0, and what was skipped is noted once.
        Case("banner_line.py", status: 0, "PASS", "note: skipped 1 line that was not an answer: 'Loading model...'"),
        Case("log_line_midway.py", status: 0, "PASS", "note: skipped 2 lines that were not answers, the first: 'INFO: cache warm'"),
        Case("duplicate_answers.py", status: 0, "PASS", "answers to requests already answered, the first with id 1"),
        Case("out_of_order.py", status: 0, "PASS"),
        Case("stderr_flood.py", status: 0, "PASS"),
        Case("slow_correct.py", ["--cases", "1"], status: 0, "PASS"),
        Case("child_holds_pipes_correct.py", status: 0, "PASS"),
        // Deaths: reported on the request that caused them, then restarted once.
        Case("exit_at_start.sh", status: 1, "request 1 (exit status 3)", "its standard error ends: 'fatal: no device found'",
             "NOT RUN (the program is no longer running: it died twice, see the notes)", "the restarted program died before answering anything"),
        Case("half_line_exit.py", status: 1, "the program exited while answering request 2 (exit status 0) after printing part of a line: '{\"beta\""),
        Case("child_holds_pipes_crash.py", status: 1, "the program exited while answering request 4 (exit status 1)"),
        Case("crash_mid_run.py", status: 1, "the program exited while answering request 11 (killed by signal 11 (SIGSEGV))"),
        // 3 s, not 1: requests 1-5 must be answered in time by a Python program starting the reference under load.
        Case("hang.py", timeout: "3", status: 1, "no answer to request 6 within 3.0 seconds"),
        Case("closes_output.py", status: 1, "the program closed its standard output while answering request 3"),
        // Requests 1-33 are in flight together; the largest has 10200 inputs and as many outputs:
        // the bound is 1 MiB + 1 KiB per value, 2^20 + 20400 · 2^10 = 21938176 bytes.
        Case("endless_line.py", status: 1, "answer line longer than 21938176 bytes while answering request 2"),
        Case("garbage.py", timeout: "1", status: 1, "no answer to request 1 within 1.0 seconds; it printed instead: '\u{fffd}\u{fffd}\\u{0}garbage\u{fffd}'",
             "lines that were not answers, the first: '\u{fffd}\u{fffd}\\u{0}garbage"),
        Case("wrong_id_forever.py", timeout: "1", status: 1, "no answer to request 1 within 1.0 seconds; it printed instead: '{\"beta\"",
             "answers with ids never sent, the first 0"),
        // Answers of the wrong shape: a failure naming the entry and the request.
        Case("value_null.py", status: 1, "output 1 is null, not a number in the answer to request 1"),
        Case("value_boolean.py", status: 1, "output 0 is true, not a number in the answer to request 1"),
        Case("value_object.py", status: 1, "output 0 is an object, not a number in the answer to request 1"),
        Case("output_null.py", status: 1, "'output' is null, not a list of numbers in the answer to request 1"),
        Case("value_not_a_number.py", status: 1, "output 0 is 'about 0.5', not a number in the answer to request 1"),
        Case("value_too_large.py", status: 1, "output 0 is 1e39, outside the range of binary32 in the answer to request 1"),
        Case("value_not_in_format.py", ["--format", "f16"], status: 1, "output 6 is 0.1, not a binary16 value in the answer to request 1"),
        Case("error_not_string.py", status: 1, "the 'error' of the answer to request 1 is not a string: 42"),
    ]

    @Test("validate judges the program's behaviour, in bounded time, without dying", arguments: cases)
    func misbehavingProgram(_ c: Case) throws {
        let interpreter = c.program.hasSuffix(".sh") ? "sh" : "python3"
        let command = "\(interpreter) \(Self.programs)/\(c.program) \(CommandRunner.binary.path)"
        let format = c.extra.contains("--format") ? [] : ["--format", "f32"]
        let clock = ContinuousClock()
        let start = clock.now
        let r = try CommandRunner.run(["validate", "--command", command, "--fixtures", Self.fixtures, "--function", "softmax",
                                       "--cases", "5", "--timeout", c.timeout] + format + c.extra)
        let elapsed = clock.now - start
        #expect(!r.signalled, "\(c.program): validate died by a signal\n\(r.stderr)")
        #expect(r.status == c.status, "\(c.program): exit \(r.status)\n\(r.stdout.prefix(3000))\(r.stderr)")
        for message in c.messages {
            #expect(r.stdout.contains(message), "\(c.program): no '\(message)' in\n\(r.stdout.prefix(4000))")
        }
        // Two deaths by timeout cost 2 s; the rest is start-up and the reference's own work.
        #expect(elapsed < .seconds(40), "\(c.program): \(elapsed)")
    }
}
