import Foundation
import Testing

/// A write killed at any moment, SIGKILL included, leaves each file with its old or its new
/// complete contents and no temporary file; what a kill between link and rename could leave is
/// removed by the next write of the same file (`AtomicReplacement`).
@Suite struct KilledWriteTests {
    /// The checked-in fixtures, which `fixtures generate` reproduces byte for byte (FixtureTests).
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures").path

    /// The files of a directory, by name, with their contents.
    static func contents(_ directory: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
        }
        return files
    }

    /// The inode of each file of `names` in `directory` (nil where missing).
    static func inodes(_ directory: String, _ names: [String]) -> [UInt64?] {
        names.map { name in
            var info = stat()
            return stat(directory + "/" + name, &info) == 0 ? UInt64(info.st_ino) : nil
        }
    }

    /// Whether process `pid` holds open an unnamed file of `directory` (an O_TMPFILE, which
    /// /proc shows as `DIRECTORY/#INODE (deleted)`).
    static func holdsUnnamedFile(_ pid: Int32, in directory: String) -> Bool {
        guard let fds = try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd") else { return false }
        return fds.contains { fd in
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\(fd)") else { return false }
            return target.hasPrefix(directory + "/") && target.hasSuffix(" (deleted)")
        }
    }

    /// Whether process `pid` is stopped (state T in /proc/PID/stat), a zombie, or gone.
    static func isStopped(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return true }
        return "TtZX".contains(stat[stat.index(close, offsetBy: 2)])
    }

    /// Every file is its old or its new complete contents; a name other than the files' can only
    /// be a temporary file linked just before its rename, holding complete new contents.
    /// Returns how many files have their new contents.
    static func expectOldOrNew(_ directory: String, old: [String: Data], new: [String: Data], when: String) throws -> Int {
        var written = 0
        for (name, data) in try contents(directory) {
            if let fresh = new[name] {
                #expect(data == old[name] || data == fresh, "\(name) \(when) is neither old nor new")
                if data == fresh { written += 1 }
            } else {
                #expect(name.hasSuffix(".tmp") && new.values.contains(data), "\(name) left \(when)")
            }
        }
        return written
    }

    @Test("fixtures generate stopped and killed by SIGKILL while writing: every file old or new, no temporary file")
    func sigkillWhileWriting() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures).filter { $0.hasSuffix(".json") && $0 != "schema.json" }
        var new: [String: Data] = [:], old: [String: Data] = [:]
        let directory = URL(fileURLWithPath: try ShellRunner.scratchDirectory()).resolvingSymlinksInPath().path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for name in names {
            new[name] = try Data(contentsOf: URL(fileURLWithPath: Self.fixtures + "/" + name))
            old[name] = Data("old \(name)\n".utf8)
            try old[name]!.write(to: URL(fileURLWithPath: directory + "/" + name))
        }
        #expect(names.count > 4)
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = ["fixtures", "generate", "--dir", directory]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let pid = process.processIdentifier
        // The documents are computed before any file is written. Each time a file has been
        // replaced, stop the process and look: what a SIGKILL there would leave.
        var seen = Self.inodes(directory, names)
        var stoppedMidWrite = 0
        for _ in 0..<3 {
            while process.isRunning && Self.inodes(directory, names) == seen { usleep(50) }
            kill(pid, SIGSTOP)
            while !Self.isStopped(pid) { usleep(50) }
            seen = Self.inodes(directory, names)
            let written = try Self.expectOldOrNew(directory, old: old, new: new, when: "with the writer stopped")
            if written > 0 && written < names.count { stoppedMidWrite += 1 }
            kill(pid, SIGCONT)
        }
        // Then kill it while the file it writes has no name yet: stopped first, so the kill
        // cannot land after the file is linked.
        var killedWriting = false
        while process.isRunning && !killedWriting {
            guard Self.holdsUnnamedFile(pid, in: directory) else { usleep(20); continue }
            kill(pid, SIGSTOP)
            while !Self.isStopped(pid) { usleep(50) }
            killedWriting = Self.holdsUnnamedFile(pid, in: directory)
            if !killedWriting { kill(pid, SIGCONT) }
        }
        kill(pid, SIGKILL)
        process.waitUntilExit()
        let written = try Self.expectOldOrNew(directory, old: old, new: new, when: "after SIGKILL")
        #expect(stoppedMidWrite > 0 && killedWriting && written < names.count,
                "no stop or kill landed while files were being written")
        #expect(try Set(FileManager.default.contentsOfDirectory(atPath: directory)) == Set(names))
    }

    @Test("A write removes its file's temporary files whose process is gone, and nothing else")
    func staleTemporaryFilesRemoved() throws {
        let directory = try ShellRunner.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // PIDs never exceed 2^22 on Linux (pid_max's ceiling): 999999999 names no process; this
        // test's own PID is alive.
        let stale = ".report.json.999999999.1x2y.tmp"
        let kept = [".report.json.\(getpid()).1x2y.tmp",  // a live writer
                    ".other.json.999999999.1x2y.tmp",      // another file's
                    ".report.json.999999999.1X2Y.tmp",     // not a name we make (upper case)
                    ".report.json.99x.1x2y.tmp",
                    "report.json.999999999.1x2y.tmp"]
        for name in [stale] + kept { try Data("partial".utf8).write(to: URL(fileURLWithPath: directory + "/" + name)) }
        let r = try CommandRunner.run(OutputFileTests.command + ["--output", directory + "/report.json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Set(FileManager.default.contentsOfDirectory(atPath: directory)) == Set(kept + ["report.json"]))
    }
}
