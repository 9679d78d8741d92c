#if canImport(Glibc)
import Glibc
#endif

/// One run of a program and the single event loop that talks to it: poll() on its standard input
/// (non-blocking writes of the queued requests), its standard output (cut into lines of bounded
/// length) and its standard error (drained always, its end kept). No thread can block on a full
/// pipe, and every wait ends within the timeout after the last awaited answer.
final class ProgramSession {
    let process: ChildProcess
    /// The end of the program's standard error, to quote when it dies.
    private(set) var errors = OutputTail(capacity: 4096)
    private var lines = LineBuffer()
    private var unwritten: [UInt8] = []
    private var written = 0
    private var outputEnded = false
    private var errorsEnded = false
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)

    /// How long one poll() may sleep before the loop checks whether the program has exited (its
    /// children may hold its output open, so end of file alone does not tell).
    static let exitCheckInterval: Int32 = 10

    /// Why a session can answer no more.
    enum Ending: Equatable {
        /// The program ended; `partialLine` is what it printed after its last newline.
        case exited(ChildProcess.ExitStatus, partialLine: String?)
        /// It closed its standard output but is still running.
        case closedOutput(partialLine: String?)
        /// No awaited answer came within the timeout.
        case silent
        /// It printed a line longer than the limit.
        case lineTooLong
    }

    init(command: String) throws(ChildProcess.SpawnError) {
        process = try ChildProcess(command: command)
    }

    /// Queues bytes for the program's standard input; the loop writes them as it can.
    func send(_ bytes: [UInt8]) {
        if written == unwritten.count { unwritten = bytes; written = 0 } else { unwritten += bytes }
    }

    /// Runs the loop until `done()`: each stdout line (at most `lineLimit` bytes) goes to `handle`,
    /// which returns whether it was an awaited answer (that restarts the timeout). Nil when done,
    /// else why it stopped.
    func exchange(timeout: Duration, lineLimit: Int, handle: (String) -> Bool, done: () -> Bool) -> Ending? {
        let clock = ContinuousClock()
        var deadline = clock.now + timeout
        func deliver() -> Ending? {
            while !done() {
                guard let line = lines.nextLine() else {
                    return lines.unfinishedLineLength > lineLimit ? .lineTooLong : nil
                }
                if line.utf8.count > lineLimit { return .lineTooLong }
                if handle(line) { deadline = clock.now + timeout }
            }
            return nil
        }
        while true {
            if let ending = deliver() { return ending }
            if done() { return nil }
            if process.hasExited() {
                // Its children must not keep the pipe open or fill it; what it wrote before
                // exiting is still in the pipe: read it (within the deadline) before judging.
                process.killGroup()
                while !outputEnded && clock.now < deadline && readOutput() {
                    if let ending = deliver() { return ending }
                }
                while !errorsEnded && clock.now < deadline && readErrors() {}
                if let ending = deliver() { return ending }
                return done() ? nil : .exited(process.status!, partialLine: lines.remainder())
            }
            if outputEnded {
                // Usually the program is exiting: give it a moment so the report can say how.
                for _ in 0..<50 where !process.hasExited() { usleep(2_000) }
                if process.hasExited() { continue }
                return .closedOutput(partialLine: lines.remainder())
            }
            let remaining = clock.now.duration(to: deadline)
            if remaining <= .zero { return .silent }
            pollOnce(milliseconds: min(Self.exitCheckInterval, Int32(remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000 + 1)))
        }
    }

    /// One poll() over the three pipes, then whatever I/O it allows.
    private func pollOnce(milliseconds: Int32) {
        var fds = [pollfd(fd: process.output, events: Int16(POLLIN), revents: 0)]
        if !errorsEnded { fds.append(pollfd(fd: process.errors, events: Int16(POLLIN), revents: 0)) }
        if written < unwritten.count && process.input >= 0 { fds.append(pollfd(fd: process.input, events: Int16(POLLOUT), revents: 0)) }
        guard poll(&fds, nfds_t(fds.count), milliseconds) > 0 else { return }  // timeout or EINTR: the caller loops
        for fd in fds where fd.revents != 0 {
            switch fd.fd {
            case process.output: _ = readOutput()
            case process.errors: readErrors()
            default: writeInput()
            }
        }
    }

    /// Reads one chunk of standard output; false when nothing more is there now.
    private func readOutput() -> Bool {
        let count = chunk.withUnsafeMutableBytes { read(process.output, $0.baseAddress, $0.count) }
        if count > 0 { lines.append(chunk[0..<count]); return true }
        if count == 0 || (errno != EAGAIN && errno != EINTR) { outputEnded = true }
        return count < 0 && errno == EINTR
    }

    /// Reads one chunk of standard error into its tail; false when nothing more is there now.
    @discardableResult
    private func readErrors() -> Bool {
        let count = chunk.withUnsafeMutableBytes { read(process.errors, $0.baseAddress, $0.count) }
        if count > 0 { errors.append(chunk[0..<count]); return true }
        if count == 0 || (errno != EAGAIN && errno != EINTR) { errorsEnded = true }
        return count < 0 && errno == EINTR
    }

    private func writeInput() {
        let count = unwritten[written...].withUnsafeBytes { write(process.input, $0.baseAddress, $0.count) }
        if count > 0 {
            written += count
        } else if count < 0 && errno != EAGAIN && errno != EINTR {
            // EPIPE: it stopped reading. Its answers so far may still come; the rest cannot.
            unwritten = []
            written = 0
            process.closeInput()
        }
    }

    /// Ends the program and its process group.
    func stop() { process.stop() }
}
