/// Matches the lines a program prints to the requests in flight by their id, so that a banner, a
/// log line, a repeated answer or answers out of order cost nothing but a note.
///
/// A line that is not a JSON object with an integer `id` is not an answer; an answer whose id was
/// sent earlier (already answered) is a repeat; an id never sent is unknown. All three are skipped.
struct AnswerMatcher {
    /// The ids of the requests in flight.
    let ids: Swift.Range<Int>
    /// The answer object for each id in flight, once it has come.
    private(set) var answers: [JSONValue?]
    private var missing: Int

    /// What one line was.
    enum Outcome: Equatable {
        case answer(id: Int)
        case notAnAnswer
        case repeated(id: Int)
        case unknown(id: Int)
    }

    init(ids: Swift.Range<Int>) {
        self.ids = ids
        answers = Array(repeating: nil, count: ids.count)
        missing = ids.count
    }

    /// Whether every request in flight has its answer.
    var isComplete: Bool { missing == 0 }

    /// The ids in flight still without an answer, in order.
    var unanswered: [Int] { ids.filter { answers[$0 - ids.lowerBound] == nil } }

    /// Classifies `line`, keeping it when it answers a request in flight for the first time.
    mutating func take(_ line: String) -> Outcome {
        guard let json = try? JSONParser.parse(line), case .number(let text)? = json["id"], let id = Int(text) else {
            return .notAnAnswer
        }
        if ids.contains(id) {
            guard answers[id - ids.lowerBound] == nil else { return .repeated(id: id) }
            answers[id - ids.lowerBound] = json
            missing -= 1
            return .answer(id: id)
        }
        return (1..<ids.lowerBound).contains(id) ? .repeated(id: id) : .unknown(id: id)
    }
}
