import ArgumentParser
import Foundation
import SoftmaxConformance

/// `softmax-ref fixtures generate|check`: the golden fixtures, byte for byte reproducible.
struct Fixtures: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Regenerate or check the golden fixtures.",
        subcommands: [Generate.self, Check.self])

    struct Options: ParsableArguments {
        @Option(name: .long, help: "The fixtures directory.")
        var dir = "Fixtures"
    }

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rewrite every fixture file (atomically; a failure leaves each old file whole).")
        @OptionGroup var options: Options

        func run() throws {
            let written = try FixtureFiles.generate(in: URL(fileURLWithPath: options.dir))
            try StandardOutput.write(written.map { "wrote \(options.dir)/\($0)\n" }.joined())
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Exit 1 naming every fixture file and case that differs from what the current code writes.")
        @OptionGroup var options: Options

        func run() throws {
            let differences = try FixtureFiles.check(in: URL(fileURLWithPath: options.dir))
            if differences.isEmpty {
                try StandardOutput.write("fixtures in \(options.dir) match the generator\n")
                return
            }
            for difference in differences { printError("\(options.dir)/\(difference)") }
            printError("run 'swift run softmax-ref fixtures generate' (or tools/regenerate-fixtures) and review the diff")
            throw ExitCode(ExitStatus.checkFailed)
        }
    }
}
