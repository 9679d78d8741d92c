#if canImport(Glibc)
import Glibc
#endif

/// Replaces a regular file (or creates a new one) atomically, leaving no temporary file behind
/// even when the process is killed.
///
/// The contents go first to an unnamed file in the target's directory (Linux `O_TMPFILE`): a kill,
/// SIGKILL included, frees it without a trace. Once written and fsynced it is linked under a
/// temporary name `.NAME.PID.RANDOM.tmp` and renamed over the target, so only a kill between
/// the link and the rename can leave a name behind. Where `O_TMPFILE` is unsupported or refused
/// (some filesystems, no /proc) the temporary name is created first with O_EXCL and written.
/// SIGINT, SIGTERM and SIGHUP remove a named temporary file (`TemporaryFileCleanup`), and every
/// replacement first removes the temporary files of its target left by processes that no
/// longer exist, so whatever a SIGKILL leaves is healed by the next write.
enum AtomicReplacement {
    /// Linux's `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`), which the Glibc module does not import;
    /// `__O_TMPFILE` is 0o20000000 on x86-64, arm64 and the other asm-generic architectures.
    static let unnamedFileFlag: Int32 = 0o20_000_000 | O_DIRECTORY

    /// Writes `text` beside `target` and renames it over `target`. `existing` is the file being
    /// replaced (its mode and owner are kept), nil for a new one. A directory we may not write,
    /// with an existing file we may, is written in place instead. Errors name `path`.
    static func replace(_ target: String, with text: String, existing: stat?, named path: String) throws(FileError) {
        let slash = target.lastIndex(of: "/")
        let directory = slash.map { String(target[...$0]) } ?? ""
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        removeStaleTemporaryFiles(in: directory, of: name)
        if try replaceThroughUnnamedFile(target, directory: directory, name: name, text: text, existing: existing, named: path) {
            return
        }
        try replaceThroughNamedFile(target, directory: directory, name: name, text: text, existing: existing, named: path)
    }

    /// The route where `O_TMPFILE` is unavailable: the temporary name is created with O_EXCL,
    /// written, and renamed over the target.
    static func replaceThroughNamedFile(_ target: String, directory: String, name: String, text: String,
                                        existing: stat?, named path: String) throws(FileError) {
        var fd: Int32 = -1
        var temporary = ""
        while fd < 0 {
            temporary = temporaryName(directory: directory, name: name)
            TemporaryFileCleanup.arm(temporary)
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, existing == nil ? 0o666 : 0o600)
            if fd >= 0 { break }
            let code = errno
            TemporaryFileCleanup.disarm()
            if code == EEXIST { continue }
            if (code == EACCES || code == EPERM) && existing != nil { return try OutputFile.writeInPlace(target, text, named: path) }
            throw FileError("write", path, code: code)
        }
        var failure = fill(fd, with: text, existing: existing)
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure == 0 && rename(temporary, target) != 0 { failure = errno }
        if failure != 0 { unlink(temporary) }
        TemporaryFileCleanup.disarm()
        if failure != 0 { throw FileError("write", path, code: failure) }
    }

    /// The `O_TMPFILE` route; returns false, having changed nothing, where it is unavailable.
    static func replaceThroughUnnamedFile(_ target: String, directory: String, name: String, text: String,
                                          existing: stat?, named path: String) throws(FileError) -> Bool {
        let fd = open(directory.isEmpty ? "." : directory, unnamedFileFlag | O_WRONLY | O_CLOEXEC,
                      existing == nil ? 0o666 : 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var failure = fill(fd, with: text, existing: existing)
        if failure != 0 { throw FileError("write", path, code: failure) }
        var temporary = ""
        while true {
            temporary = temporaryName(directory: directory, name: name)
            TemporaryFileCleanup.arm(temporary)
            if linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, temporary, AT_SYMLINK_FOLLOW) == 0 { break }
            let code = errno
            TemporaryFileCleanup.disarm()
            if code == EEXIST { continue }
            if code == ENOENT { return false }  // no /proc: the named route
            throw FileError("write", path, code: code)
        }
        if rename(temporary, target) != 0 {
            failure = errno
            unlink(temporary)
        }
        TemporaryFileCleanup.disarm()
        if failure != 0 { throw FileError("write", path, code: failure) }
        return true
    }

    /// Writes `text` to `fd`, gives it `existing`'s owner (best effort) and mode, and fsyncs it;
    /// returns 0 or the errno of the step that failed.
    static func fill(_ fd: Int32, with text: String, existing: stat?) -> Int32 {
        var failure = FileDescriptor.writeAll(fd, text)
        if failure == 0, let existing {
            _ = fchown(fd, existing.st_uid, existing.st_gid)  // only root may give a file away; best effort
            if fchmod(fd, existing.st_mode & 0o7777) != 0 { failure = errno }  // after fchown, which clears set-id bits
        }
        if failure == 0 && fsync(fd) != 0 { failure = errno }
        return failure
    }

    /// `.NAME.PID.RANDOM.tmp` in `directory` (which is empty or ends with a slash).
    static func temporaryName(directory: String, name: String) -> String {
        directory + ".\(name).\(getpid()).\(String(UInt64.random(in: 0...UInt64.max), radix: 36)).tmp"
    }

    /// Removes `.NAME.PID.RANDOM.tmp` files in `directory` whose process no longer exists
    /// (kill(PID, 0) fails with ESRCH). Best effort: an unreadable directory is left alone.
    /// A process of another PID namespace looks dead here; its file would be removed.
    static func removeStaleTemporaryFiles(in directory: String, of name: String) {
        guard let stream = opendir(directory.isEmpty ? "." : directory) else { return }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            guard let pid = writerOfTemporaryFile(entryName, of: name), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(directory + entryName) }
        }
    }

    /// The PID in `entry` if it has the form `.NAME.PID.RANDOM.tmp` (RANDOM in base 36), else nil.
    static func writerOfTemporaryFile(_ entry: String, of name: String) -> pid_t? {
        let bytes = Array(entry.utf8), prefix = Array(".\(name).".utf8), suffix = Array(".tmp".utf8)
        guard bytes.count > prefix.count + suffix.count, bytes.starts(with: prefix),
              bytes.suffix(suffix.count).elementsEqual(suffix) else { return nil }
        let middle = bytes[prefix.count..<(bytes.count - suffix.count)].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        let digit = UInt8(ascii: "0")...UInt8(ascii: "9"), letter = UInt8(ascii: "a")...UInt8(ascii: "z")
        guard middle.count == 2, !middle[0].isEmpty, middle[0].count <= 10, !middle[1].isEmpty,
              middle[0].allSatisfy(digit.contains), middle[1].allSatisfy({ digit.contains($0) || letter.contains($0) }),
              let pid = pid_t(String(decoding: middle[0], as: UTF8.self)), pid > 0 else { return nil }
        return pid
    }
}
