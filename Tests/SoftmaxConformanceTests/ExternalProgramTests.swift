import Foundation
import Multiprecision
import SoftmaxConformance
import Testing
import _SoftmaxTestSupport

#if canImport(Glibc)
import Glibc
#endif

/// ExternalProgram against tiny programs (Python one-liners and sh): answers matched by id, deaths
/// reported once, over-long lines and children holding the pipes bounded in time.
@Suite struct ExternalProgramTests {
    static let request = ImplementationRequest(.softmax, format: .binary32, input: [FloatValue(Float(1)), FloatValue(Float(1))])

    /// A Python program: `body` runs for each request `r` (a dict) with `out(text)` printing and flushing.
    static func python(_ body: String) -> String {
        let script = "import json, sys\ndef out(t):\n    sys.stdout.write(t); sys.stdout.flush()\nfor line in sys.stdin:\n    r = json.loads(line)\n" + body
        return "python3 -c '\(script.replacingOccurrences(of: "'", with: "'\\''"))'"
    }

    /// softmax([1, 1]) = [1/2, 1/2] exactly, as the answer to request `id`.
    static let half = #"json.dumps({"id": ID, "output": ["0x1p-1", 0.5]}) + "\n""#

    @Test("duplicate answers, a banner and answers out of order are resolved by id, and noted once")
    func resynchronises() {
        // Prints a banner, then answers each pair of requests in reverse order, each answer twice.
        let program = ExternalProgram(command: Self.python("""
                if r["id"] == 1: out("Loading model...\\n")
                if r["id"] % 2 == 1: first = r["id"]; continue
                for i in (r["id"], first, r["id"], first): out(\(Self.half.replacingOccurrences(of: "ID", with: "i")))
            """), timeout: .seconds(20))
        let half = FloatValue(Float(0.5))
        #expect(program.evaluate(Array(repeating: Self.request, count: 4)) == Array(repeating: .values([half, half]), count: 4))
        // The group of 4 is complete at the first answer to 3: the repeats of 4 and 3 come next time.
        #expect(program.evaluate(Array(repeating: Self.request, count: 2)) == Array(repeating: .values([half, half]), count: 2))
        #expect(program.notes == ["skipped 1 line that was not an answer: 'Loading model...'",
                                  "skipped 4 answers to requests already answered, the first with id 2"])
    }

    @Test("error answers: 'unsupported' declines the request, any other message fails it")
    func errorAnswers() {
        let program = ExternalProgram(command: Self.python("""
                out(json.dumps({"id": r["id"], "error": "unsupported" if r["id"] == 1 else "no GPU"}) + "\\n")
            """), timeout: .seconds(20))
        #expect(program.evaluate([Self.request, Self.request]) == [.unsupported, .failure("the program reported: no GPU")])
        #expect(program.notes.isEmpty)
    }

    @Test("a program that dies once is restarted: the request it died on fails, the rest are asked again")
    func restartsOnce() throws {
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("died-\(UInt32.random(in: 0...UInt32.max))").path
        defer { try? FileManager.default.removeItem(atPath: marker) }
        // The first run answers request 1 and exits on request 2; the second run answers everything.
        let program = ExternalProgram(command: Self.python("""
                import os
                if r["id"] == 2 and not os.path.exists("\(marker)"): open("\(marker)", "w").close(); sys.exit(7)
                out(\(Self.half.replacingOccurrences(of: "ID", with: "r[\"id\"]")))
            """), timeout: .seconds(20))
        let half = ImplementationAnswer.values([FloatValue(Float(0.5)), FloatValue(Float(0.5))])
        let reason = "the program exited while answering request 2 (exit status 7) [softmax f32, 2 inputs]"
        #expect(program.evaluate(Array(repeating: Self.request, count: 3)) == [half, .failure(reason), half])
        #expect(program.evaluate(Self.request) == half)
        #expect(program.notes == ["the program died: \(reason); restarted"])
    }

    @Test("a silent program fails its request after the timeout, quoting what it printed instead")
    func silent() {
        let program = ExternalProgram(command: Self.python("""
                import time
                out("thinking...\\n"); time.sleep(60)
            """), timeout: .seconds(3))  // 3 s, so Python starts and prints in time on a loaded machine
        let start = ContinuousClock.now
        let answer = program.evaluate(Self.request)
        #expect(answer == .failure("no answer to request 1 within \(Duration.seconds(3)); it printed instead: 'thinking...' [softmax f32, 2 inputs]"))
        #expect(ContinuousClock.now - start < TimeBound.seconds(12))
        #expect(program.notes.first == "skipped 1 line that was not an answer: 'thinking...'")
    }

    @Test("a program that exits at start is reported once, on the first request, quoting its standard error")
    func exitAtStart() {
        let program = ExternalProgram(command: "sh -c 'echo fatal: no device >&2; exit 3'", timeout: .seconds(20))
        let answers = program.evaluate(Array(repeating: Self.request, count: 3))
        guard case .failure(let reason) = answers[0] else { Issue.record("\(answers[0])"); return }
        #expect(reason.contains("the program exited while answering request 1 (exit status 3)"), "\(reason)")
        #expect(reason.contains("its standard error ends: 'fatal: no device'"), "\(reason)")
        let gone = ImplementationAnswer.unavailable("the program is no longer running: it died twice, see the notes")
        #expect(Array(answers.dropFirst()) == [gone, gone])
        #expect(program.evaluate(Self.request) == gone)
        #expect(program.notes.last == "3 later requests were not run")
    }

    @Test("an over-long line fails its request at once, within the line limit")
    func overlongLine() {
        let program = ExternalProgram(command: Self.python("""
                out("x" * 5000); sys.stdin.readline()
            """), timeout: .seconds(20), maximumLineLength: 1000)
        let start = ContinuousClock.now
        let answer = program.evaluate(Self.request)
        #expect(answer == .failure("answer line longer than 1000 bytes while answering request 1 [softmax f32, 2 inputs]"))
        #expect(ContinuousClock.now - start < TimeBound.seconds(10))
    }

    @Test("a child that keeps the pipes open neither delays the verdict nor outlives the program")
    func childHoldingPipes() throws {
        let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("holder-\(UInt32.random(in: 0...UInt32.max))").path
        defer { try? FileManager.default.removeItem(atPath: pidFile) }
        let program = ExternalProgram(command: "sh -c 'sleep 60 & echo $! > \(pidFile); exit 4'", timeout: .seconds(30))
        let start = ContinuousClock.now
        let answer = program.evaluate(Self.request)
        guard case .failure(let reason) = answer else { Issue.record("\(answer)"); return }
        #expect(reason.hasPrefix("the program exited while answering request 1 (exit status 4)"), "\(reason)")
        #expect(ContinuousClock.now - start < TimeBound.seconds(10))
        let pid = try #require(Int32(String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        // Killed with its group: gone, or a zombie waiting for its new parent to reap it.
        usleep(100_000)
        let state = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8))?.split(separator: " ")[2]
        #expect(state == nil || state == "Z", "sleep \(pid) is still running: \(state ?? "")")
    }
}
