import Foundation
import Multiprecision
import SoftmaxConformance
import Testing

/// The packed form from the client's side: a program that answers in kind gets packed requests,
/// one that does not (an error, a plain answer, a crash) gets plain lists, and the values agree.
@Suite struct SweepPackedTests {
    static let request = ImplementationRequest(.sigmoid, format: .binary16, input: [FloatValue(Float16(1)), .zero(.binary16), .nan(.binary16)])

    /// A Python program answering each line by `body` (given `r`, the request, and `lines`, a list
    /// of the lines seen so far), with sigmoid's f16 values 0x39d9, 0x3800 and NaN.
    static func python(_ body: String) -> String {
        let script = """
            import base64, json, sys
            lines = []
            for line in sys.stdin:
                lines.append(line)
                r = json.loads(line)
            \(body.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
                sys.stdout.flush()
            """
        return "python3 -c '\(script.replacingOccurrences(of: "'", with: "'\\''"))'"
    }

    static let expected: [UInt64] = [0x39D9, 0x3800, 0x7E00]

    @Test("a program that answers in kind gets packed requests from then on")
    func packedProgram() throws {
        let program = ExternalProgram(command: Self.python("""
            assert r["encoding"] == "base64-le" and isinstance(r["input"], str), "plain request"
            out = base64.b64encode(bytes([0xd9, 0x39, 0x00, 0x38, 0x00, 0x7e])).decode()
            print(json.dumps({"id": r["id"], "encoding": "base64-le", "format": "f16", "function": "sigmoid", "rounding": "nearest", "output": out}))
            """), offersPacked: true)
        for _ in 0..<3 {
            guard case .values(let v) = program.evaluate(Self.request) else { Issue.record("no values"); return }
            #expect(v.map(\.bits) == Self.expected)
        }
        #expect(program.notes.isEmpty)
    }

    @Test("a program that refuses or dies of the packed line is spoken to in plain lists, without a death")
    func plainPrograms() throws {
        let plainAnswer = #"print(json.dumps({"id": r["id"], "output": ["0x1.764p-1", "0x1p-1", "nan"]}))"#
        let refusing = ExternalProgram(command: Self.python("""
            if "encoding" in r:
                print(json.dumps({"id": r["id"], "error": "bad request: unknown key encoding"}))
            else:
                \(plainAnswer)
            """), offersPacked: true)
        let dying = ExternalProgram(command: Self.python("""
            floats = [float.fromhex(x) for x in r["input"]]
            \(plainAnswer)
            """), offersPacked: true)
        for program in [refusing, dying] {
            for _ in 0..<3 {
                guard case .values(let v) = program.evaluate([Self.request, Self.request])[1] else { Issue.record("no values"); return }
                #expect(v.map(\.bits) == Self.expected)
            }
            #expect(!program.notes.contains { $0.contains("died") })
        }
        #expect(dying.notes == ["the program ended on a packed request: plain lists from then on"])
    }
}
