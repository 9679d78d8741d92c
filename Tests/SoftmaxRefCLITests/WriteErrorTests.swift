import Foundation
import Testing

/// Every write is checked: a full device, a closed pipe or an unreadable input is a message
/// naming the stream and the system's reason, and exit 4 (the environment failed, not the input).
@Suite struct WriteErrorTests {
    @Test("Standard output on /dev/full: exit 4 and 'No space left on device'", arguments: [
        "\"$SOFTMAX_REF\" compute 1 2 > /dev/full",
        "\"$SOFTMAX_REF\" compute --json 1 2 > /dev/full",
        "echo '{\"input\":[\"1\",\"2\"]}' | \"$SOFTMAX_REF\" compute --batch > /dev/full",
        "\"$SOFTMAX_REF\" check --kernel reference --cases 3 --format f64 --property sum-to-one > /dev/full",
        "\"$SOFTMAX_REF\" check --kernel reference --cases 3 --format f64 --property sum-to-one --output - > /dev/full",
    ])
    func deviceFull(script: String) throws {
        let r = try ShellRunner.run(script)
        #expect(r.status == 4, "\(script): \(r.stderr)")
        #expect(r.stderr.contains("cannot write standard output: No space left on device"), "\(r.stderr)")
    }

    @Test("A report written to /dev/full with --output names the file")
    func outputOnDeviceFull() throws {
        let r = try ShellRunner.run("\"$SOFTMAX_REF\" check --kernel reference --cases 3 --format f64 --property sum-to-one --output /dev/full")
        #expect(r.status == 4)
        #expect(r.stderr.contains("cannot write '/dev/full': No space left on device"), "\(r.stderr)")
    }

    @Test("A closed pipe with SIGPIPE ignored is EPIPE, reported, exit 4")
    func brokenPipe() throws {
        // The reader closes its end at once; the writer starts later (process start-up), so its write finds no reader.
        let r = try ShellRunner.run("""
            trap '' PIPE
            { "$SOFTMAX_REF" compute 1 2 3; echo "status $?" >&2; } | { exec 0<&-; sleep 1; }
            """)
        #expect(r.stderr.contains("cannot write standard output: Broken pipe"), "\(r.stderr)")
        #expect(r.stderr.contains("status 4"), "\(r.stderr)")
    }

    @Test("Standard input that is a directory is an error, not an empty batch")
    func directoryAsInput() throws {
        let r = try ShellRunner.run("\"$SOFTMAX_REF\" compute --batch < /")
        #expect(r.status == 4)
        #expect(r.stderr.contains("cannot read standard input: Is a directory"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test("fixtures generate: a read-only fixture file is refused and kept; a full stdout is exit 4")
    func fixturesGenerate() throws {
        let directory = try ShellRunner.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let locked = directory + "/softmax.json"
        try "old\n".write(toFile: locked, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: locked)
        let r = try ShellRunner.run("\"$SOFTMAX_REF\" fixtures generate --dir '\(directory)'")
        #expect(r.status == 4)
        #expect(r.stderr.contains("cannot write '\(locked)': Permission denied (the file is read-only)"), "\(r.stderr)")
        #expect(try String(contentsOfFile: locked, encoding: .utf8) == "old\n")
        #expect(try FileManager.default.attributesOfItem(atPath: locked)[.posixPermissions] as? Int == 0o444)
        // softmax.json is written first and the run stops there: no other file, no temporary file.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["softmax.json"])

        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: locked)
        let full = try ShellRunner.run("\"$SOFTMAX_REF\" fixtures generate --dir '\(directory)' > /dev/full")
        #expect(full.status == 4)
        #expect(full.stderr.contains("cannot write standard output: No space left on device"), "\(full.stderr)")
        #expect(try String(contentsOfFile: locked, encoding: .utf8).hasPrefix("{"))
    }

    @Test("fixtures generate under a path that is a file says so")
    func fixturesUnderAFile() throws {
        let directory = try ShellRunner.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "x".write(toFile: directory + "/file", atomically: false, encoding: .utf8)
        let r = try ShellRunner.run("\"$SOFTMAX_REF\" fixtures generate --dir '\(directory)/file/fixtures'")
        #expect(r.status == 4)
        #expect(r.stderr.contains("cannot create directory '\(directory)/file': Not a directory"), "\(r.stderr)")
    }
}
