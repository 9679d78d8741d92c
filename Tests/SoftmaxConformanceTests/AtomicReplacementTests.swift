import Foundation
@testable import SoftmaxConformance
import Testing

/// The route `AtomicReplacement` takes where `O_TMPFILE` is unavailable (some filesystems, no
/// /proc): the same contract as the unnamed-file route, which the CLI's `OutputFileTests` cover.
@Suite struct AtomicReplacementTests {
    static func scratch() throws -> String {
        let path = NSTemporaryDirectory() + "atomic-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        return path
    }

    static func status(_ path: String) -> stat? {
        var s = stat()
        return stat(path, &s) == 0 ? s : nil
    }

    @Test("The named route replaces an existing file with its mode kept and leaves no temporary file")
    func existingFile() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/report.json"
        try "old contents, longer than the new".write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        let before = try #require(Self.status(path))
        try AtomicReplacement.replaceThroughNamedFile(path, directory: directory + "/", name: "report.json", text: "new",
                                                      existing: before, named: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        let after = try #require(Self.status(path))
        #expect(after.st_mode & 0o7777 == 0o640)
        #expect(after.st_ino != before.st_ino, "replaced by rename, not written in place")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["report.json"])
    }

    @Test("The named route creates a new file with the default mode")
    func newFile() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/new.json"
        try AtomicReplacement.replaceThroughNamedFile(path, directory: directory + "/", name: "new.json", text: "fresh",
                                                      existing: nil, named: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "fresh")
        let mask = umask(0)
        umask(mask)
        #expect(try #require(Self.status(path)).st_mode & 0o777 == 0o666 & ~mask)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["new.json"])
    }

    @Test("The named route's failure names the path and leaves nothing behind")
    func failure() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let missing = directory + "/no/such/dir/"
        #expect { try AtomicReplacement.replaceThroughNamedFile(missing + "x.json", directory: missing, name: "x.json", text: "t",
                                                                existing: nil, named: "x.json") } throws: { error in
            "\(error)".contains("x.json") && "\(error)".contains("No such file or directory")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }
}
