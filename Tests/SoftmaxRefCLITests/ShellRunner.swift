import Foundation

/// Runs a /bin/sh script with `$SOFTMAX_REF` naming the built binary, for tests that need
/// redirections the `CommandRunner` pipes cannot give (/dev/full, a directory as input, a closed pipe).
enum ShellRunner {
    static func run(_ script: String) throws -> CommandRunner.Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        var environment = ProcessInfo.processInfo.environment
        environment["SOFTMAX_REF"] = CommandRunner.binary.path
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandRunner.Output(status: process.terminationStatus,
                                    stdout: String(decoding: stdoutData, as: UTF8.self),
                                    stderr: String(decoding: stderrData, as: UTF8.self),
                                    signalled: process.terminationReason == .uncaughtSignal)
    }

    /// A fresh empty directory under the temporary directory.
    static func scratchDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("softmax-ref-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
