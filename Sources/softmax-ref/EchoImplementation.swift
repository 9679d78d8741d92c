import ArgumentParser
import SoftmaxConformance

/// `softmax-ref _echo`: the trivial implementation the protocol benchmark talks to. It answers
/// each request with its own input as the output, so only the plumbing is timed. Not listed in help.
struct EchoImplementation: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "_echo", abstract: "A trivial protocol peer for benchmarks.",
                                                    shouldDisplay: false)

    func run() throws {
        while let line = readLine() {
            guard let request = try? JSONParser.parse(line) else { continue }
            print(JSONValue.object(["id": request["id"], "output": request["input"]]).serialized)
            fflushAll()
        }
    }
}
