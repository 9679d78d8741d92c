#if canImport(Glibc)
import Glibc
#endif

/// Writes a whole file the way its kind calls for, so `--output` and `fixtures generate` never
/// turn a link, a pipe or a device into a regular file.
///
/// - A new path or a regular file: replaced atomically (`AtomicReplacement`: written and fsynced
///   beside it, renamed over it, no temporary file left even by SIGKILL), keeping the old file's
///   mode and, where the system allows, its owner. A writable file in a directory we may not
///   write is written in place instead.
/// - A regular file with more than one hard link: written in place (truncated, then written), so
///   every name still sees the new contents; a rename would split the link. Not atomic.
/// - A read-only regular file (no write bit, or not writable by us): refused, left unchanged,
///   even for root.
/// - A symbolic link: followed; its target is written by these rules (a dangling link creates
///   its target).
/// - Anything else (FIFO, character device such as /dev/null or /dev/stdout): opened and written
///   through.
/// - A directory: refused (EISDIR).
public enum OutputFile {
    /// Writes `text` (UTF-8) to `path`.
    public static func write(_ text: String, to path: String) throws(FileError) {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            guard errno == ENOENT else { throw FileError("write", path, code: errno) }
            return try AtomicReplacement.replace(path, with: text, existing: nil, named: path)
        }
        var target = path
        if info.st_mode & S_IFMT == S_IFLNK {
            guard stat(path, &info) == 0 else {
                guard errno == ENOENT else { throw FileError("write", path, code: errno) }
                return try writeInPlace(path, text, named: path)
            }
            // A regular target is replaced beside itself; anything else is opened through the link
            // (/dev/stdout's target may be a pipe, which has no path to resolve).
            if info.st_mode & S_IFMT == S_IFREG {
                guard let resolved = realpath(path, nil) else { throw FileError("write", path, code: errno) }
                target = String(cString: resolved)
                free(resolved)
            }
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            throw FileError("write", path, code: EISDIR)
        case S_IFREG:
            if info.st_mode & 0o222 == 0 { throw FileError("write", path, code: EACCES, detail: "the file is read-only") }
            if access(target, W_OK) != 0 { throw FileError("write", path, code: errno) }
            if info.st_nlink > 1 { return try writeInPlace(target, text, named: path) }
            try AtomicReplacement.replace(target, with: text, existing: info, named: path)
        default:
            try writeInPlace(target, text, named: path)
        }
    }

    /// Opens `target` for writing (creating it if missing, truncating a regular file) and writes `text`.
    static func writeInPlace(_ target: String, _ text: String, named path: String) throws(FileError) {
        let fd = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw FileError("write", path, code: errno) }
        let failure = FileDescriptor.writeAll(fd, text)
        let closed = close(fd) == 0 ? 0 : errno
        if failure != 0 || closed != 0 { throw FileError("write", path, code: failure != 0 ? failure : closed) }
    }

    /// Creates `path` and its missing parents (like `mkdir -p`); an existing directory is fine.
    public static func createDirectory(_ path: String) throws(FileError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o777) != 0 {
                let code = errno
                var info = stat()
                guard stat(prefix, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
                    throw FileError("create directory", prefix, code: code == EEXIST ? ENOTDIR : code)
                }
            }
            prefix += "/"
        }
    }
}
