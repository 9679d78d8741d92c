import ArgumentParser
import SoftmaxConformance

/// The `softmax-ref` command: the reference, its fixtures and the conformance checks.
@main
struct SoftmaxRef: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "softmax-ref",
        abstract: "Correctly rounded softmax family: reference values, golden fixtures and conformance checks.",
        discussion: """
            Exit codes: 0 success, 1 a check failed, 2 bad usage or bad input, 3 internal error, \
            4 a file or stream could not be read or written.

            Example:
              softmax-ref compute 1 2 3 4 1 2 3
            """,
        version: "0.1.0",
        subcommands: [Compute.self, Fixtures.self, Check.self, Validate.self, Sweep.self, Bench.self, EchoImplementation.self]
    )

    /// Runs the command, mapping errors to our exit codes rather than argument-parser's defaults.
    /// `compute`'s logits bypass argument-parser (see `LogitArguments`); whatever `print` left
    /// buffered is flushed and checked before a successful exit.
    static func main() {
        var parsed = false
        do {
            let split = LogitArguments.split(Array(CommandLine.arguments.dropFirst()))
            var command = try parseAsRoot(split.options)
            parsed = true
            if var compute = command as? Compute, let logits = split.logits {
                compute.arguments = logits
                command = compute
            }
            try command.run()
            try StandardOutput.finish()
        } catch {
            let code = ExitStatus.code(for: error)
            // Help and --version: argument-parser prints them to standard output itself.
            if code == ExitStatus.success { exit(withError: error) }
            // A command that already printed its report throws a bare ExitCode: nothing to add.
            if !(error is ExitCode) {
                // A usage error found while running gets no usage line: the root's would mislead.
                let message = parsed && error is ValidationError ? "Error: \(error)" : fullMessage(for: error)
                if !message.isEmpty { printError(message) }
            }
            exit(withError: ExitCode(code))
        }
    }
}
