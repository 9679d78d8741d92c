import SoftmaxConformance

/// `compute --batch`: one JSON request per input line, one JSON answer per output line, in order.
///
/// A bad line gets `{"error": "...", "id": ...}` and the batch goes on; blank lines are skipped.
/// Answers are written before the session waits for input, so a driver can pipeline requests.
/// A failed read or write of the streams stops the session and is thrown (exit 4).
struct BatchSession {
    let defaults: ComputeRequest

    func run() throws(FileError) {
        var stdio = JSONLinesStdio()
        while let line = stdio.readLine() {
            if line.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            stdio.writeLine(answer(line).serialized)
        }
        stdio.flush()
        if let failure = stdio.failure { throw failure }
    }

    func answer(_ line: String) -> JSONValue {
        var id: JSONValue?
        do {
            let json = try JSONParser.parse(line)
            id = json["id"]
            return try ReferenceResponder.respond(to: ComputeRequest(json: json, defaults: defaults))
        } catch let error as ComputeError {
            return .object(["error": .string(error.description), "id": id])
        } catch {
            return .object(["error": .string(String(describing: error)), "id": id])
        }
    }
}
