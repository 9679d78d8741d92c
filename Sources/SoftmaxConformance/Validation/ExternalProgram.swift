import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// An implementation that is a separate program speaking the JSON-lines protocol on its
/// standard input and output (see tools/adapters/README.md).
///
/// It is started once and kept running. Requests are pipelined and answers read in order, each
/// within `timeout`. A program that crashes, hangs, prints garbage or answers the wrong id gets a
/// failure for that request (naming it), is restarted once, and validation goes on; after a second
/// death every later request fails without waiting.
public final class ExternalProgram: Implementation, @unchecked Sendable {
    public let name: String
    let command: String
    let timeout: Duration
    /// Guards the running process; `evaluate` is serialised.
    private let state = Mutex(ProcessState())

    struct ProcessState {
        var process: Process?
        var input: FileHandle?
        var output: Int32 = -1
        var lines = LineBuffer()
        var nextID = 1
        var restarts = 0
        /// Set when the program died for good.
        var dead = false
    }

    public init(command: String, name: String? = nil, timeout: Duration = .seconds(10)) {
        self.command = command
        self.name = name ?? command
        self.timeout = timeout
        signal(SIGPIPE, SIG_IGN)  // a dead program must give us EPIPE, not kill us
    }

    deinit { state.withLock { Self.stop(&$0) } }

    public func evaluate(_ requests: [ImplementationRequest]) -> [ImplementationAnswer] {
        state.withLock { s in
            var answers: [ImplementationAnswer] = []
            var start = 0
            while start < requests.count {
                // Pipeline small groups: at most 64 requests or 32 KiB of requests in flight, so
                // neither side can fill a pipe while the other waits on it.
                var end = start, bytes = 0
                var lines: [String] = []
                while end < requests.count && (end == start || (end - start < 64 && bytes < 32_768)) {
                    let line = ProtocolAnswer.line(requests[end], id: s.nextID + (end - start)) + "\n"
                    lines.append(line)
                    bytes += line.utf8.count
                    end += 1
                }
                answers += answerGroup(Array(requests[start..<end]), lines, &s)
                start = end
            }
            return answers
        }
    }

    /// Writes a group of request lines, then reads their answers in order.
    private func answerGroup(_ requests: [ImplementationRequest], _ lines: [String], _ s: inout ProcessState) -> [ImplementationAnswer] {
        if s.dead { return requests.map { _ in .failure("the program is no longer running") } }
        if s.process == nil, let failure = start(&s) { return requests.map { _ in .failure(failure) } }
        let firstID = s.nextID
        s.nextID += requests.count
        // Write on another thread while this one reads: a program may answer (and fill its output
        // pipe) before it has read everything we send.
        let writer = DispatchGroup()
        let handle = s.input
        let text = lines.joined()
        DispatchQueue.global().async(group: writer) { _ = Self.write(text, handle) }
        defer { writer.wait() }
        var answers: [ImplementationAnswer] = []
        for (offset, request) in requests.enumerated() {
            let id = firstID + offset
            let result = readLine(&s)
            switch result {
            case .line(let text): answers.append(ProtocolAnswer.parse(text, expectedID: id, format: request.format))
            case .endOfFile, .timedOut:
                // End of output means the program exited (or closed its output); silence means it hung.
                let what = result == .endOfFile ? "the program exited while answering request \(id)" : "no answer to request \(id) within \(timeout)"
                answers.append(died(&s, what + ": " + lines[offset].prefix(200).dropLast()))
                // The rest of the group was lost with the process: ask again, one by one.
                for rest in requests[(offset + 1)...] {
                    answers += answerGroup([rest], [ProtocolAnswer.line(rest, id: s.nextID) + "\n"], &s)
                }
                return answers
            }
        }
        return answers
    }

    /// Records a death, restarts once, and returns the failure for the request that caused it.
    private func died(_ s: inout ProcessState, _ reason: String) -> ImplementationAnswer {
        Self.stop(&s)
        if s.restarts >= 1 { s.dead = true } else { s.restarts += 1 }
        return .failure(reason)
    }

    private func start(_ s: inout ProcessState) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // `exec` makes the program itself the child, so killing it on a hang kills the program and
        // not just a shell (an orphan would keep our standard error open).
        process.arguments = ["-c", "exec " + command]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        do { try process.run() } catch {
            s.dead = true
            return "cannot start '\(command)': \(error.localizedDescription)"
        }
        s.process = process
        s.input = stdin.fileHandleForWriting
        s.output = stdout.fileHandleForReading.fileDescriptor
        s.lines = LineBuffer()
        return nil
    }

    /// Ends the program: closes its input, kills it, and reaps it with waitpid (Foundation's
    /// `waitUntilExit` spins a run loop that can wait forever on Linux).
    private static func stop(_ s: inout ProcessState) {
        try? s.input?.close()
        if let p = s.process {
            let pid = p.processIdentifier
            kill(pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
        }
        s.process = nil
        s.input = nil
        s.lines = LineBuffer()
    }

    private static func write(_ text: String, _ handle: FileHandle?) -> Bool {
        guard let handle else { return false }
        do { try handle.write(contentsOf: Data(text.utf8)); return true } catch { return false }
    }

    enum ReadResult: Equatable { case line(String), endOfFile, timedOut }

    /// The next line of the program's output, waiting at most `timeout` overall.
    private func readLine(_ s: inout ProcessState) -> ReadResult {
        let deadline = ContinuousClock.now + timeout
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            if let line = s.lines.nextLine() { return .line(line) }
            let remaining = ContinuousClock.now.duration(to: deadline)
            if remaining <= .zero { return .timedOut }
            var descriptor = pollfd(fd: s.output, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(min(Double(remaining.components.seconds) * 1000 + Double(remaining.components.attoseconds) / 1e15 + 1, 3_600_000))
            let ready = poll(&descriptor, 1, milliseconds)
            if ready == 0 { return .timedOut }
            if ready < 0 { if errno == EINTR { continue }; return .endOfFile }
            let count = chunk.withUnsafeMutableBytes { Glibc.read(s.output, $0.baseAddress, $0.count) }
            if count <= 0 { return .endOfFile }
            s.lines.append(chunk[0..<count])
        }
    }
}
