import Foundation
import Testing

/// `--output` writes what a path names without changing its kind: a regular file is replaced
/// atomically with its mode kept, a symlink's target is written, a hard link stays shared, a FIFO
/// or device is written through, a read-only file or a directory is refused (exit 4).
@Suite struct OutputFileTests {
    static let command = ["check", "--kernel", "reference", "--cases", "3", "--format", "f64", "--property", "sum-to-one", "--report", "json"]

    /// The report as printed to standard output, which every destination must receive.
    static func expectedReport() throws -> String {
        let r = try CommandRunner.run(command)
        #expect(r.status == 0 && r.stdout.hasPrefix("{"))
        return r.stdout
    }

    static func attribute<T>(_ key: FileAttributeKey, _ path: String) throws -> T? {
        try FileManager.default.attributesOfItem(atPath: path)[key] as? T
    }

    @Test("A regular file is replaced with its mode kept and no temporary file left")
    func regularFile() throws {
        let expected = try Self.expectedReport()
        let directory = try ShellRunner.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/report.json"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        let r = try CommandRunner.run(Self.command + ["--output", path])
        #expect(r.status == 0 && r.stdout.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == expected)
        #expect(try Self.attribute(.posixPermissions, path) == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["report.json"])
        // A new path is created.
        let fresh = directory + "/new.json"
        #expect(try CommandRunner.run(Self.command + ["--output", fresh]).status == 0)
        #expect(try String(contentsOfFile: fresh, encoding: .utf8) == expected)
    }

    @Test("A symlink stays a link and its target gets the report")
    func symlink() throws {
        let expected = try Self.expectedReport()
        let directory = try ShellRunner.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let target = directory + "/target.json", link = directory + "/link.json"
        try "old".write(toFile: target, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.json")
        #expect(try CommandRunner.run(Self.command + ["--output", link]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "target.json")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == expected)
    }

    @Test("A hard-linked file is written in place: both names see the report")
    func hardLink() throws {
        let expected = try Self.expectedReport()
        let directory = try ShellRunner.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = directory + "/a.json", second = directory + "/b.json"
        try "old".write(toFile: first, atomically: false, encoding: .utf8)
        try FileManager.default.linkItem(atPath: first, toPath: second)
        #expect(try CommandRunner.run(Self.command + ["--output", first]).status == 0)
        #expect(try String(contentsOfFile: second, encoding: .utf8) == expected)
        let inodeA: UInt64? = try Self.attribute(.systemFileNumber, first)
        let inodeB: UInt64? = try Self.attribute(.systemFileNumber, second)
        #expect(inodeA != nil && inodeA == inodeB)
    }

    @Test("A FIFO stays a FIFO and its reader gets the report")
    func fifo() throws {
        let expected = try Self.expectedReport()
        let directory = try ShellRunner.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fifo = directory + "/pipe"
        #expect(mkfifo(fifo, 0o644) == 0)
        let r = try ShellRunner.run("cat '\(fifo)' & \"$SOFTMAX_REF\" \(Self.command.joined(separator: " ")) --output '\(fifo)'; wait")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == expected)
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    @Test("A read-only file is refused, unchanged, with exit 4")
    func readOnly() throws {
        let directory = try ShellRunner.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/locked.json"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        let r = try CommandRunner.run(Self.command + ["--output", path])
        #expect(r.status == 4)
        #expect(r.stderr.contains("cannot write '\(path)': Permission denied (the file is read-only)"), "\(r.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try Self.attribute(.posixPermissions, path) == 0o444)
    }

    @Test("/dev/null stays a device; '-' is standard output; a directory is refused")
    func devicesAndDash() throws {
        let expected = try Self.expectedReport()
        let null = try CommandRunner.run(Self.command + ["--output", "/dev/null"])
        #expect(null.status == 0 && null.stdout.isEmpty)
        var info = stat()
        #expect(lstat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        let dash = try CommandRunner.run(Self.command + ["--output", "-"])
        #expect(dash.status == 0 && dash.stdout == expected)
        // /dev/stdout is a link to the pipe the runner reads: written through, not replaced.
        let stdout = try CommandRunner.run(Self.command + ["--output", "/dev/stdout"])
        #expect(stdout.status == 0 && stdout.stdout == expected, "\(stdout.stderr)")
        let directory = try ShellRunner.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let r = try CommandRunner.run(Self.command + ["--output", directory])
        #expect(r.status == 4)
        #expect(r.stderr.contains("cannot write '\(directory)': Is a directory"), "\(r.stderr)")
        #expect(!r.stderr.contains("NSCocoaErrorDomain"))
    }
}
