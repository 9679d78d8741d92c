import SoftmaxConformance

/// `compute --batch`: one JSON request per input line, one JSON answer per output line, in order.
///
/// A bad line gets `{"error": "...", "id": ...}` and the batch goes on; blank lines are skipped.
/// A line over `RequestLimits.maxLineBytes` is skipped unread and answered with an error.
/// Answers are written before the session waits for input, so a driver can pipeline requests.
/// A failed read or write of the streams stops the session and is thrown (exit 4).
struct BatchSession {
    let defaults: ComputeRequest

    func run() throws(FileError) {
        var stdio = JSONLinesStdio()
        while let line = stdio.readLine(maxBytes: RequestLimits.maxLineBytes) {
            switch line {
            case .text(let text):
                if text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                stdio.writeLine(answer(text).serialized)
            case .tooLong(let bytes):
                let message = "request line of \(bytes) bytes is longer than the limit of \(RequestLimits.maxLineBytes) bytes; skipped"
                stdio.writeLine(JSONValue.object(["error": .string(message)]).serialized)
            }
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
