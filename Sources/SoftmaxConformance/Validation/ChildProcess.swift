#if canImport(Glibc)
import Glibc
#endif

/// A program started with `/bin/sh -c "exec COMMAND"` in a process group of its own, with pipes on
/// its standard input, output and error (our ends non-blocking).
///
/// Stopping kills the whole group, so children the program forked (which inherit its pipes) cannot
/// keep those pipes open after it is gone. Foundation's `Process` cannot set a process group, hence
/// posix_spawn.
final class ChildProcess {
    let pid: pid_t
    /// Our ends: we write `input` and read `output` and `errors`; -1 once closed.
    private(set) var input: Int32
    let output: Int32
    let errors: Int32
    /// How the program ended, once it has been reaped.
    private(set) var status: ExitStatus?
    private var stopped = false

    /// How a program ended, as waitpid reports it.
    enum ExitStatus: Equatable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)

        var description: String {
            switch self {
            case .exited(let code): "exit status \(code)"
            case .signalled(let signal): "killed by signal \(signal)" + (signal == SIGKILL ? " (SIGKILL)" : signal == SIGSEGV ? " (SIGSEGV)" : signal == SIGABRT ? " (SIGABRT)" : "")
            }
        }
    }

    struct SpawnError: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts `command`; throws only when the shell itself cannot be started (a missing program is
    /// the shell's exit status 127, seen when the program is first asked something).
    init(command: String) throws(SpawnError) {
        var pipes: [[Int32]] = []
        for _ in 0..<3 {
            var ends: [Int32] = [-1, -1]
            // pipe2(O_CLOEXEC) is not visible from Swift; nothing else here spawns in between.
            guard pipe(&ends) == 0 else {
                let reason = String(cString: strerror(errno))
                for p in pipes { close(p[0]); close(p[1]) }
                throw SpawnError(description: "cannot create a pipe: \(reason)")
            }
            for fd in ends { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            pipes.append(ends)
        }
        // The child gets stdin = read end of pipe 0, stdout/stderr = write ends of pipes 1 and 2.
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipes[0][0], 0)
        posix_spawn_file_actions_adddup2(&actions, pipes[1][1], 1)
        posix_spawn_file_actions_adddup2(&actions, pipes[2][1], 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group; default SIGPIPE (we ignore it, the program must not inherit that);
        // no blocked signals.
        var defaults = sigset_t(), empty = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        sigemptyset(&empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let arguments = ["/bin/sh", "-c", "exec " + command]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, "/bin/sh", &actions, &attributes, &argv, environ)
        close(pipes[0][0])
        close(pipes[1][1])
        close(pipes[2][1])
        guard result == 0 else {
            close(pipes[0][1]); close(pipes[1][0]); close(pipes[2][0])
            throw SpawnError(description: "cannot start /bin/sh: \(String(cString: strerror(result)))")
        }
        self.pid = pid
        input = pipes[0][1]
        output = pipes[1][0]
        errors = pipes[2][0]
        for fd in [input, output, errors] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
    }

    /// Closes our end of the program's standard input (it sees end of input).
    func closeInput() {
        if input >= 0 { close(input) }
        input = -1
    }

    /// Whether the program has ended; reaps it without waiting.
    func hasExited() -> Bool {
        if status != nil { return true }
        var raw: Int32 = 0
        guard waitpid(pid, &raw, WNOHANG) == pid else { return false }
        status = Self.decode(raw)
        return true
    }

    /// Ends the program and everything in its process group: closes its input, gives it
    /// `grace` to exit by itself, then SIGKILLs the group, reaps the program and closes our ends.
    func stop(grace: Duration = .milliseconds(100)) {
        guard !stopped else { return }
        stopped = true
        closeInput()
        let deadline = ContinuousClock.now + grace
        while !hasExited() && ContinuousClock.now < deadline { usleep(2_000) }
        killGroup()
        if status == nil {
            var raw: Int32 = 0
            while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
            status = Self.decode(raw)
        }
        close(output)
        close(errors)
    }

    /// SIGKILLs the program's process group: the program and its children, even after the
    /// program itself has exited.
    func killGroup() { kill(-pid, SIGKILL) }

    private static func decode(_ raw: Int32) -> ExitStatus {
        // WIFEXITED / WEXITSTATUS / WTERMSIG are macros Swift does not import.
        raw & 0x7f == 0 ? .exited((raw >> 8) & 0xff) : .signalled(raw & 0x7f)
    }
}
