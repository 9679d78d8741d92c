import ArgumentParser
import SoftmaxConformance

/// `softmax-ref _echo`: the trivial implementation the protocol benchmark talks to. It answers
/// each request with its own input as the output, so only the plumbing is timed. Not listed in help.
struct EchoImplementation: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "_echo", abstract: "A trivial protocol peer for benchmarks.",
                                                    shouldDisplay: false)

    func run() throws {
        var stdio = JSONLinesStdio()
        while let line = stdio.readLine() {
            guard let request = try? JSONParser.parse(line) else { continue }
            stdio.writeLine(JSONValue.object(["id": request["id"], "output": request["input"]]).serialized)
        }
        stdio.flush()
    }
}
