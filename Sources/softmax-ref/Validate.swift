import ArgumentParser
import Foundation
import Multiprecision
import SoftmaxConformance
import SoftmaxReference

/// `softmax-ref validate`: how right is someone else's softmax?
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate another implementation: a program speaking the JSON-lines protocol, or a results file.",
        discussion: """
            With --command, the program is started once and sent the fixtures, then the property \
            harness's cases (failures are shrunk through the same program). With --results, a file \
            of request-and-output lines is judged offline. The protocol is described in \
            tools/adapters/README.md. Exit 0 when everything holds, 1 when something failed, 2 for \
            bad usage or input. Example:
              softmax-ref validate --command "python3 tools/adapters/numpy_adapter.py" --format f32
            """)

    @Option(name: .long, help: "The program to validate, run with /bin/sh -c.")
    var command: String?

    @Option(name: .long, help: "A file of JSON lines: a request's keys (and 'base', 'rounding') plus its 'output' (and 'gradient') or 'error'.")
    var results: String?

    @Option(name: .long, help: "A name for the implementation in reports.")
    var name: String?

    @Option(name: .long, help: "A function to validate (repeatable): a member of the family or an activation; all by default.")
    var function: [String] = []

    @Option(name: .long, help: "A format to validate (repeatable): f16, bf16, f32, f64.")
    var format: [String] = []

    @Option(name: .long, parsing: .unconditional, help: "Generated cases per property (0 skips the property harness).")
    var cases = 100

    @Option(name: .long, parsing: .unconditional, help: "The seed of the generators.", transform: SeedArgument.parse)
    var seed: UInt64 = 1

    @OptionGroup var profile: ProfileOptions

    @Option(name: .long, help: "The non-finite convention to judge by: limit (ours), numpy, scipy, jax, onnxruntime, pytorch or tensorflow (measured, see tools/adapters/POLICIES.md).")
    var policy = "limit"

    @Option(name: .long, parsing: .unconditional, help: "Seconds to wait for each answer before declaring the program hung (it is then killed and restarted once).")
    var timeout: Double = 10

    @Option(name: .long, help: "The fixtures directory.")
    var fixtures = "Fixtures"

    /// `--report text|json|junit|html`.
    @OptionGroup var report: ReportOptions

    func validate() throws {
        guard (command == nil) != (results == nil) else { throw ValidationError("give exactly one of --command or --results") }
        for f in function where HarnessFunction(rawValue: f) == nil {
            throw ValidationError("unknown function '\(f)'; expected \(HarnessFunction.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        for f in format where ProtocolNames.format(named: f) == nil { throw ValidationError("unknown format '\(f)'; expected f16, bf16, f32 or f64") }
        guard FrameworkPolicy.named(policy) != nil else {
            throw ValidationError("unknown policy '\(policy)'; expected \(FrameworkPolicy.all.map(\.name).joined(separator: ", "))")
        }
        guard timeout > 0 && timeout <= 3600 else { throw ValidationError("--timeout must be in (0, 3600] seconds; got \(timeout)") }
        guard (0...1_000_000).contains(cases) else { throw ValidationError("--cases must be between 0 and 1000000; got \(cases)") }
        if let command, let problem = Self.launchProblem(command) { throw ValidationError("cannot run '\(command)': \(problem)") }
        if let results {
            // A name that does not exist is a usage error; one that exists but cannot be read (a
            // directory, no permission) is the environment's, with the system's reason.
            var info = stat()
            guard stat(results, &info) == 0 else {
                if errno == ENOENT { throw ValidationError("no results file '\(results)'") }
                throw ExitStatus.reported(FileError("read", results, code: errno))
            }
            if info.st_mode & S_IFMT == S_IFDIR { throw ExitStatus.reported(FileError("read", results, code: EISDIR)) }
            let fd = open(results, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw ExitStatus.reported(FileError("read", results, code: errno)) }
            close(fd)
        }
    }

    /// The policy named by `--policy` (checked in `validate()`).
    var chosenPolicy: FrameworkPolicy { FrameworkPolicy.named(policy)! }

    func run() throws {
        let functions = function.isEmpty ? HarnessFunction.allCases : function.compactMap(HarnessFunction.init(rawValue:))
        let formats = (format.isEmpty ? ["f32"] : format).compactMap(ProtocolNames.format(named:))
        var validation: ValidationReport
        if let results {
            let text = try String(contentsOfFile: results, encoding: .utf8)
            let records: [RecordedResults.Record]
            do { records = try RecordedResults.parse(text) } catch { throw ValidationError("\(results): \(error.description)") }
            validation = ValidationReport(implementation: name ?? results, profile: profile.value(for: formats[0]), policy: chosenPolicy,
                                          fixtures: RecordedResults.judge(records, profile: profile.value(for:), policy: chosenPolicy), properties: [])
        } else {
            let program = ExternalProgram(command: command!, name: name, timeout: .milliseconds(Int(timeout * 1000)))
            let summaries = try FixtureValidation.run(program, directory: URL(fileURLWithPath: fixtures),
                                                      functions: functions.filter(FixtureFiles.functions.contains),
                                                      formats: formats, profile: profile.value(for:), policy: chosenPolicy)
            let catalog = PropertyCatalog.all(policy: chosenPolicy, asking: Set(functions))
            let properties = cases == 0 ? [] : formats.map { format in
                PropertyRunner.run(program, properties: catalog, configuration: CheckConfiguration(
                    cases: cases, seed: seed, format: format, profile: profile.value(for: format), maximumLength: 1024,
                    replayCommand: "softmax-ref validate --command '\(command!)' --format \(ProtocolNames.name(of: format)) --profile \(profile.profile.rawValue)\(profile.ulps.map { " --ulps \($0)" } ?? "") --seed \(seed) --cases \(cases)\(function.map { " --function \($0)" }.joined())\(policy == "limit" ? "" : " --policy \(policy)")"))
            }
            validation = ValidationReport(implementation: program.name, profile: profile.value(for: formats[0]), policy: chosenPolicy,
                                          fixtures: summaries, properties: properties)
            validation.notes = program.notes
            if cases == 0 {
                validation.skippedProperties = formats.map { SkippedProperties(format: $0, names: catalog.map(\.name), reason: "--cases 0: the property harness was not run") }
            }
        }
        let rendered: String = switch report.report {
        case .text: validation.text
        case .json: validation.json.serialized + "\n"
        case .junit: validation.junit
        case .html: validation.html
        }
        try report.emit(rendered)
        if !validation.succeeded { throw ExitCode(ExitStatus.checkFailed) }
    }

    /// Why `command`'s program cannot start, or nil when it looks runnable. The shell runs the
    /// command, so leading `NAME=value` assignments are skipped, and a program word with shell
    /// syntax in it (quotes, `$`, redirections) or a shell builtin is left for the shell to judge.
    static func launchProblem(_ command: String) -> String? {
        var words = command.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        while let first = words.first, let equals = first.firstIndex(of: "="), equals != first.startIndex,
              first[..<equals].allSatisfy({ $0 == "_" || $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            words.removeFirst()
        }
        guard let program = words.first else { return "no program in the command" }
        if program.contains(where: { "'\"$`\\(){};|&<>*?[~!".contains($0) }) || shellBuiltins.contains(program) { return nil }
        if program.contains("/") { return fileProblem(program) }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        var found: String?
        for directory in path.split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = (directory.isEmpty ? "." : String(directory)) + "/" + program
            guard let problem = fileProblem(candidate) else { return nil }
            if found == nil && !problem.hasPrefix("no such program") { found = problem }
        }
        return found ?? "no such program '\(program)' on PATH"
    }

    /// The shell's own commands, which no PATH search finds.
    static let shellBuiltins: Set<String> = ["exec", "eval", "command", "cd", ".", "export", "set", "if", "for", "while", "until", "case", "{"]

    /// Why the file at `path` cannot be run as a program, or nil when it can.
    static func fileProblem(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return "no such program '\(path)'" }
        if info.st_mode & S_IFMT == S_IFDIR { return "'\(path)' is a directory" }
        // access(X_OK) passes for root when any execute bit is set; a file with none fails for everyone.
        if info.st_mode & 0o111 == 0 || access(path, X_OK) != 0 {
            return "'\(path)' is not executable (chmod +x it, or name its interpreter, e.g. 'python3 \(path)')"
        }
        return nil
    }
}
