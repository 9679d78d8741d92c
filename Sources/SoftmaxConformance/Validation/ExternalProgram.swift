import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// An implementation that is a separate program speaking the JSON-lines protocol on its
/// standard input and output (see tools/adapters/README.md).
///
/// It is started once, in a process group of its own, and kept running. Requests are pipelined
/// (at most `groupSize` in flight) and answers matched to them by id, each awaited at most
/// `timeout` (``ProgramSession``). Lines that are not answers, repeated answers and answers with
/// ids never sent are skipped and reported once in ``notes``. A program that exits, hangs, closes
/// its output or prints an over-long line gets a failure for the request it was answering and is
/// restarted once; after its second death (or a death before its restart answered anything) it is
/// dead for good, and every later request is answered ``ImplementationAnswer/unavailable(_:)``.
///
/// With `offersPacked`, the first request goes in the packed form (``PackedExchange``): an answer
/// in kind means the program speaks it, and every later request is packed; any other answer
/// means it does not, and that request is sent again, with all later ones, as plain lists (so
/// does a program that dies or hangs on the packed line: it is started again, that is no death).
public final class ExternalProgram: Implementation, @unchecked Sendable {
    public let name: String
    let command: String
    let timeout: Duration
    /// The upper bound of ``lineLimit(for:)``.
    let maximumLineLength: Int
    /// Whether to offer the packed form.
    let offersPacked: Bool
    /// Guards the running session and the record of what happened; `evaluate` is serialised.
    private let state = Mutex(State())

    /// The longest answer line read, in bytes, whatever the request: far above any honest answer
    /// (a 1024 × 1024 Jacobian in hex is about 25 MB), and a bound on the memory a runaway line
    /// can take. Smaller requests get a smaller bound (``lineLimit(for:)``).
    public static let maximumAnswerLineBytes = 64 << 20
    /// Requests in flight at once.
    static let groupSize = 64

    struct State {
        var session: ProgramSession?
        var nextID = 1
        /// Runs started, and answers the current run gave.
        var starts = 0
        var answeredThisRun = 0
        var skipped = SkippedLines()
        /// One line per death, for the notes.
        var deaths: [String] = []
        /// Set when the program is dead for good: why later requests are not run.
        var gone: String?
        var notRun = 0
        /// Whether the program speaks the packed form: nil until its first answer says.
        var packed: Bool?
        /// Said once when the program died of the packed request.
        var packedRefusal: String?
    }

    public init(command: String, name: String? = nil, timeout: Duration = .seconds(10),
                maximumLineLength: Int = ExternalProgram.maximumAnswerLineBytes, offersPacked: Bool = false) {
        self.command = command
        self.offersPacked = offersPacked
        self.name = name ?? command
        self.timeout = timeout
        self.maximumLineLength = maximumLineLength
        signal(SIGPIPE, SIG_IGN)  // a dead program must give us EPIPE, not kill us
    }

    deinit { state.withLock { $0.session?.stop() } }

    /// What the program did besides answering, each said once: lines skipped, deaths and restarts,
    /// requests not run.
    public var notes: [String] {
        state.withLock { s in
            s.skipped.notes + (s.packedRefusal.map { [$0] } ?? []) + s.deaths + (s.notRun > 0 ? ["\(s.notRun) later requests were not run"] : [])
        }
    }

    public func evaluate(_ requests: [ImplementationRequest]) -> [ImplementationAnswer] {
        state.withLock { s in
            var answers = [ImplementationAnswer?](repeating: nil, count: requests.count)
            var queue = Array(requests.indices)
            while let first = queue.first {
                if let gone = s.gone {
                    for i in queue { answers[i] = .unavailable(gone) }
                    s.notRun += queue.count
                    break
                }
                let session: ProgramSession
                do { session = try self.session(&s) } catch {
                    answers[first] = died(&s, id: s.nextID, requests[first], cause: "cannot start the program: \(error)", restart: false)
                    s.nextID += 1
                    queue.removeFirst()
                    continue
                }
                // Until the program has said whether it speaks the packed form, one request at a time.
                let probing = offersPacked && s.packed == nil
                let packed = probing || s.packed == true
                let group = Array(queue.prefix(probing ? 1 : Self.groupSize))
                queue.removeFirst(group.count)
                let ids = s.nextID..<(s.nextID + group.count)
                s.nextID += group.count
                session.send(Array(zip(group, ids).map {
                    (packed ? PackedExchange.line(requests[$0], id: $1) : ProtocolAnswer.line(requests[$0], id: $1)) + "\n"
                }.joined().utf8))
                var matcher = AnswerMatcher(ids: ids)
                var lastSkipped: String?
                let limit = lineLimit(for: group.map { requests[$0] })
                let ending = session.exchange(timeout: timeout, lineLimit: limit, handle: { line in
                    let outcome = matcher.take(line)
                    s.skipped.record(outcome, line)
                    guard case .answer = outcome else { lastSkipped = line; return false }
                    s.answeredThisRun += 1
                    return true
                }, done: { matcher.isComplete })
                for (i, id) in zip(group, ids) {
                    guard let json = matcher.answers[id - ids.lowerBound] else { continue }
                    if probing {
                        s.packed = PackedExchange.isPacked(json)
                        // Not an answer in kind: the program does not speak the packed form; ask again plainly.
                        if s.packed == false { queue.insert(i, at: 0); continue }
                    }
                    answers[i] = packed ? PackedExchange.answer(json, request: id, format: requests[i].format)
                        : ProtocolAnswer.answer(json, request: id, format: requests[i].format)
                }
                guard let ending else { continue }
                if probing {
                    // A program that cannot take a packed line may die of it: that is its answer,
                    // not a death; it is started again (without using its restart) and spoken to plainly.
                    s.session?.stop()
                    s.session = nil
                    s.starts -= 1
                    s.packed = false
                    s.packedRefusal = "the program ended on a packed request: plain lists from then on"
                    queue.insert(group[0], at: 0)
                    continue
                }
                // The first unanswered request is the one the program died on; the others in
                // flight were lost with it and are asked again.
                let lost = zip(group, ids).filter { matcher.answers[$0.1 - ids.lowerBound] == nil }
                let (victim, id) = lost[0]
                let cause = Self.describe(ending, request: id, session, lastSkipped: lastSkipped, timeout: timeout, limit: limit)
                answers[victim] = died(&s, id: id, requests[victim], cause: cause, restart: s.starts == 1)
                queue = lost.dropFirst().map(\.0) + queue
            }
            return answers.map { $0! }
        }
    }

    /// The longest answer line accepted for a group of requests: 1 MiB, plus 1 KiB for each
    /// input and output value of its largest request (room for every value written as an exact
    /// decimal with an exponent, at most 770 digits, and for echoed inputs), at most `maximumLineLength`.
    func lineLimit(for requests: [ImplementationRequest]) -> Int {
        let values = requests.map { $0.input.count + $0.expectedOutputCount }.max() ?? 0
        return min(maximumLineLength, (1 << 20) + values << 10)
    }

    /// The running session, started if need be.
    private func session(_ s: inout State) throws(ChildProcess.SpawnError) -> ProgramSession {
        if let session = s.session { return session }
        s.starts += 1
        s.answeredThisRun = 0
        let session = try ProgramSession(command: command)
        s.session = session
        return session
    }

    /// Records a death on request `id`, restarting the program if `restart`, and returns the
    /// request's answer: a failure naming the cause, or `unavailable` when a restarted program
    /// died before answering anything (the same death again, already reported).
    private func died(_ s: inout State, id: Int, _ request: ImplementationRequest, cause: String, restart: Bool) -> ImplementationAnswer {
        s.session?.stop()
        s.session = nil
        let reason = "\(cause) [\(request.function.rawValue) \(ProtocolNames.name(of: request.format)), \(request.input.count) inputs]"
        let again = s.starts > 1 && s.answeredThisRun == 0
        s.deaths.append((again ? "the restarted program died before answering anything: " : "the program died: ") + reason + (restart ? "; restarted" : "; not restarted"))
        if !restart {
            s.gone = "the program is no longer running: \(s.starts > 1 ? "it died twice" : "it could not start"), see the notes"
        }
        if again {
            s.notRun += 1
            return .unavailable(s.gone!)
        }
        return .failure(reason)
    }

    /// A death's cause in words, with the end of its standard error.
    static func describe(_ ending: ProgramSession.Ending, request id: Int, _ session: ProgramSession, lastSkipped: String?,
                         timeout: Duration, limit: Int) -> String {
        var cause: String
        switch ending {
        case .exited(let status, let partial):
            cause = "the program exited while answering request \(id) (\(status))"
            if let partial { cause += " after printing part of a line: \(SkippedLines.quote(partial))" }
        case .closedOutput(let partial):
            cause = "the program closed its standard output while answering request \(id)"
            if let partial { cause += " after printing part of a line: \(SkippedLines.quote(partial))" }
        case .silent:
            cause = "no answer to request \(id) within \(timeout)"
            if let lastSkipped { cause += "; it printed instead: \(SkippedLines.quote(lastSkipped))" }
        case .lineTooLong:
            cause = "answer line longer than \(limit) bytes while answering request \(id)"
        }
        if let tail = session.errors.quoted() { cause += "; its standard error ends: '\(tail)'" }
        return cause
    }
}
