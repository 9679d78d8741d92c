import SoftmaxConformance

#if canImport(Glibc)
import Glibc
#endif

/// `compute --batch`: one JSON request per input line, one JSON answer per output line, in order.
///
/// A bad line gets `{"error": "...", "id": ...}` and the batch goes on; blank lines are skipped.
/// Each answer is flushed at once so a driver can pipeline requests.
struct BatchSession {
    let defaults: ComputeRequest

    func run() {
        while let line = readLine(strippingNewline: true) {
            if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
            print(answer(line).serialized)
            fflushAll()
        }
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
