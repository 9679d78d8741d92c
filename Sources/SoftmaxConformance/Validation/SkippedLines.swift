/// What a program printed that was not an awaited answer, over a whole validation: counted,
/// with the first of each kind kept for the report's notes.
struct SkippedLines {
    private(set) var notAnswers = 0
    private(set) var repeats = 0
    private(set) var unknown = 0
    private var firstNotAnswer = ""
    private var firstRepeat = 0
    private var firstUnknown = 0

    mutating func record(_ outcome: AnswerMatcher.Outcome, _ line: String) {
        switch outcome {
        case .answer: break
        case .notAnAnswer:
            if notAnswers == 0 { firstNotAnswer = Self.quote(line) }
            notAnswers += 1
        case .repeated(let id):
            if repeats == 0 { firstRepeat = id }
            repeats += 1
        case .unknown(let id):
            if unknown == 0 { firstUnknown = id }
            unknown += 1
        }
    }

    /// One sentence per kind seen, e.g. "skipped 1 line that was not an answer: 'Loading model...'".
    var notes: [String] {
        var notes: [String] = []
        if notAnswers > 0 {
            notes.append(notAnswers == 1 ? "skipped 1 line that was not an answer: \(firstNotAnswer)"
                                         : "skipped \(notAnswers) lines that were not answers, the first: \(firstNotAnswer)")
        }
        if repeats > 0 {
            notes.append(repeats == 1 ? "skipped 1 answer to a request already answered (id \(firstRepeat))"
                                      : "skipped \(repeats) answers to requests already answered, the first with id \(firstRepeat)")
        }
        if unknown > 0 {
            notes.append(unknown == 1 ? "skipped 1 answer with an id never sent (\(firstUnknown))"
                                      : "skipped \(unknown) answers with ids never sent, the first \(firstUnknown)")
        }
        return notes
    }

    /// A line as quoted in reports: in single quotes, at most 80 characters, control characters
    /// escaped (a report stays one line of text whatever the program printed).
    static func quote(_ line: String) -> String {
        "'" + printable(line.count > 80 ? line.prefix(80) + "..." : line) + "'"
    }

    /// `text` with control characters written as \u{..}.
    static func printable(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || (0x7f...0x9f).contains(scalar.value) {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
