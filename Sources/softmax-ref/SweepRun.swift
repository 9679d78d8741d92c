import ArgumentParser
import Foundation
import Multiprecision
import SoftmaxConformance

/// `softmax-ref sweep --function F --format T ...`: one sweep (or one shard of it).
struct SweepRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Sweep every input of a function; the default subcommand of sweep.",
        discussion: """
            Exit 0 when every output is within the profile's bound, 1 otherwise, 2 for bad usage. Examples:
              softmax-ref sweep --function sigmoid --format f16 --implementation simd --rounding all
              softmax-ref sweep --function sigmoid --format f32 --implementation simd --shard 3/64 --report json --output 3.json
              softmax-ref sweep --function tanh --format bf16 --command "python3 tools/adapters/numpy_adapter.py"
            """)

    @Option(name: .long, help: "The function: sigmoid, an activation, or softmax, log-softmax or logsumexp of every pair.")
    var function: String

    @Option(name: .long, help: "The format: f16, bf16 or f32 (pairs: f16 or bf16).")
    var format: String

    @Option(name: .long, help: "The rounding direction judged: nearest, down, up, toward-zero or all.")
    var rounding = "nearest"

    @Option(name: .long, help: "A built-in implementation: reference, simd, two-pass, online or naive.")
    var implementation: String?

    @Option(name: .long, help: "A program speaking the JSON-lines protocol, run with /bin/sh -c.")
    var command: String?

    @Option(name: .long, help: "The activation's alpha (elu, leaky-relu, relu).")
    var alpha: String?

    @Option(name: .long, help: "beta (sigmoid, softplus, swish, silu).")
    var beta: String?

    @Option(name: .long, help: "Shard K/N: the K-th of N contiguous ranges of the points.")
    var shard = "1/1"

    @Option(name: .long, parsing: .unconditional, help: "Worker threads (default: the processors available).")
    var threads: Int?

    @Option(name: .long, help: "A checkpoint file: resumed from when present, updated every 10 s.")
    var checkpoint: String?

    @OptionGroup var profile: ProfileOptions

    @OptionGroup var report: ReportOptions

    func validate() throws {
        guard (implementation == nil) != (command == nil) else { throw ValidationError("give exactly one of --implementation or --command") }
        if let implementation, implementation != "reference", BuiltInImplementations.named(implementation) == nil {
            throw ValidationError("unknown implementation '\(implementation)'; expected \(BuiltInImplementations.all.map(\.name).joined(separator: ", "))")
        }
        guard let f = ProtocolNames.format(named: format), f.bitWidth <= 32 else { throw ValidationError("unknown format '\(format)'; expected f16, bf16 or f32") }
        guard rounding == "all" || ProtocolNames.rounding(named: rounding) != nil else {
            throw ValidationError("unknown rounding '\(rounding)'; expected nearest, down, up, toward-zero or all")
        }
        if let threads, !(1...256).contains(threads) { throw ValidationError("--threads must be between 1 and 256; got \(threads)") }
        if let command, let problem = Validate.launchProblem(command) { throw ValidationError("cannot run '\(command)': \(problem)") }
    }

    func run() throws {
        let format = ProtocolNames.format(named: format)!
        let settings: SweepSettings
        do {
            let swept = try SweepFunction(function, alpha: try parameter(alpha, "--alpha", format), beta: try parameter(beta, "--beta", format))
            let subject: SweepSubject = if let command {
                SweepSubject(ExternalProgram(command: command, offersPacked: true))
            } else if implementation == "reference" {
                .reference
            } else {
                SweepSubject(BuiltInImplementations.named(implementation!)!)
            }
            let roundings: [FloatingPointRoundingRule] = rounding == "all" ? [.toNearestOrEven, .down, .up, .towardZero] : [ProtocolNames.rounding(named: rounding)!]
            settings = try SweepSettings(function: swept, format: format, roundings: roundings, subject: subject,
                                         profile: profile.value(for: format), profileName: profile.profile.rawValue + (profile.ulps.map { " \($0)" } ?? ""),
                                         shard: try SweepShard(parsing: shard))
            try subject.probe(swept, format: format)
        } catch { throw ValidationError(error.description) }
        let runner = SweepRunner(settings: settings, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
        var state = runner.initialState
        if let checkpoint, FileManager.default.fileExists(atPath: checkpoint) {
            state = try SweepCheckpointFile.read(checkpoint, settings: settings)
        }
        let bar = SweepProgressBar(range: settings.range)
        var saved = ContinuousClock.now
        state = try runSweep(runner, from: state) { s in
            bar.show(s)
            if let checkpoint, ContinuousClock.now - saved > .seconds(10) {
                try SweepCheckpointFile.write(s, settings: settings, to: checkpoint)
                saved = .now
            }
        }
        bar.finish()
        if let checkpoint { try SweepCheckpointFile.write(state, settings: settings, to: checkpoint) }
        let reports = try runSweep { try runner.reports(state) }
        try report.emit(SweepRendering.render(reports, style: report.report))
        if !reports.allSatisfy(\.succeeded) { throw ExitCode(ExitStatus.checkFailed) }
    }

    /// Runs the sweep, mapping an implementation's failure to exit 1 and bad input to exit 2.
    private func runSweep(_ runner: SweepRunner, from state: SweepState, progress: (SweepState) throws -> Void) throws -> SweepState {
        try runSweep { try runner.run(from: state, progress: progress) }
    }

    private func runSweep<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as SweepError {
            if case .implementationFailed = error {
                printError("Error: \(error)")
                throw ExitCode(ExitStatus.checkFailed)
            }
            throw ValidationError(error.description)
        }
    }

    /// A parameter as a value of the format (rounded to nearest).
    private func parameter(_ text: String?, _ option: String, _ format: FloatFormat) throws(SweepError) -> FloatValue? {
        guard let text else { return nil }
        guard let literal = try? NumberLiteral(parsing: text) else { throw .badInput("\(option) must be a number; got '\(text)'") }
        return format.round(literal, .toNearestOrEven).0
    }
}
