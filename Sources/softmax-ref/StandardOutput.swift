#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import SoftmaxConformance

/// Standard output written with write(2) and checked: a failed or short write (ENOSPC, EPIPE
/// with SIGPIPE ignored, EIO) throws a `FileError` instead of vanishing.
enum StandardOutput {
    /// Writes `text` whole, after anything `print` buffered, so the order holds.
    static func write(_ text: String) throws(FileError) {
        try finish()
        let code = FileDescriptor.writeAll(1, text)
        if code != 0 { throw FileError("write", "standard output", code: code) }
    }

    /// Flushes what `print` buffered; throws if that, or an earlier buffered write, failed.
    static func finish() throws(FileError) {
        if fflush(stdout) != 0 { throw FileError("write", "standard output", code: errno) }
        if ferror(stdout) != 0 { throw FileError("write", "standard output", code: EIO, detail: "an earlier write failed") }
    }
}
