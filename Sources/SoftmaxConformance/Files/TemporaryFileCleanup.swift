#if canImport(Glibc)
import Glibc
#endif

/// Removes the named temporary file of `AtomicReplacement` when SIGINT, SIGTERM or SIGHUP ends
/// the process before the file is renamed into place, so an interrupted write leaves nothing behind.
///
/// One file at a time (writes are sequential); the path sits in a preallocated buffer so the
/// signal handler only calls unlink, signal and raise, which are async-signal-safe.
/// SIGKILL cannot be caught: what it leaves is removed by the next replacement of the same file
/// (`AtomicReplacement.removeStaleTemporaryFiles`).
enum TemporaryFileCleanup {
    nonisolated(unsafe) static let path = UnsafeMutablePointer<CChar>.allocate(capacity: Int(PATH_MAX) + 1)
    nonisolated(unsafe) static var armed: sig_atomic_t = 0
    static let signals = [SIGINT, SIGTERM, SIGHUP]

    /// Installs the handlers once, leaving alone a signal the parent chose to ignore.
    private static let installed: Void = {
        for signalNumber in signals {
            let previous = signal(signalNumber, removeTemporaryFileAndReraise)
            if let previous,
               unsafeBitCast(previous, to: UnsafeRawPointer.self) == unsafeBitCast(SIG_IGN, to: UnsafeRawPointer.self) {
                signal(signalNumber, SIG_IGN)
            }
        }
    }()

    /// Registers `file` for removal on a signal (a path longer than PATH_MAX cannot be opened anyway).
    static func arm(_ file: String) {
        _ = installed
        armed = 0
        file.withCString { name in
            guard strlen(name) <= Int(PATH_MAX) else { return }
            strcpy(path, name)
            armed = 1
        }
    }

    /// The file was renamed or removed: nothing to clean up any more.
    static func disarm() { armed = 0 }
}

/// The handler: unlink the registered file, then die of the same signal.
private func removeTemporaryFileAndReraise(_ signalNumber: Int32) {
    if TemporaryFileCleanup.armed != 0 { unlink(TemporaryFileCleanup.path) }
    signal(signalNumber, SIG_DFL)
    raise(signalNumber)
}
