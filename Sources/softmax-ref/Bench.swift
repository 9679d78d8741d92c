import ArgumentParser
import Multiprecision
import SoftmaxConformance
import SoftmaxKernels

/// `softmax-ref bench`: speed reports (never assertions) for the reference, the kernels and the harness.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure speed: the reference (rows/s), the kernels (ns/element beside a copy), the harness (cases/s).",
        discussion: """
            Reports only; it never fails on a number. Example:
              swift run -c release softmax-ref bench --reference --json
            """)

    @Flag(name: .long, help: "Time the reference: f64 and f32 softmax at n = 7, 100, 1000 and f32 sigmoid.")
    var reference = false

    @Option(name: .long, help: ArgumentHelp("With --reference: time these JSON-lines requests (the --batch shape) instead, grouped by function, format and n.", valueName: "file"))
    var requests: String?

    @Flag(name: .long, help: "Time the kernels on the issue's shapes beside a plain copy, with max ulp against the reference.")
    var kernels = false

    @Flag(name: .long, help: "Time the harness: cases checked per second for f32 softmax rows of n = 16 and 1024.")
    var harness = false

    @Flag(name: .long, help: "Time the JSON-lines plumbing of validate: small requests per second to a trivial program.")
    var `protocol` = false

    @Flag(name: .long, help: "Time sweeps: correct roundings per second per core (fast path, reference) and whole simd sigmoid sweeps.")
    var sweep = false

    @Flag(name: .long, help: "With --kernels: only simd, on shapes an eighth the size.")
    var quick = false

    @Flag(name: .long, help: "With --kernels: only the simd activations (1×10⁶ elements per type).")
    var activations = false

    @Option(name: .long, help: ArgumentHelp("With --kernels: only this kernel (naive, two-pass, online, simd); repeatable.", valueName: "name"))
    var kernel: [String] = []

    @Option(name: .long, help: ArgumentHelp("With --kernels: this thread count instead of 1 and every core; repeatable.", valueName: "n"))
    var threads: [Int] = []

    @Option(name: .long, help: "Seconds to spend on each case.")
    var seconds: Double = 1.0

    @Flag(name: .long, help: "Print one JSON object per line instead of a table.")
    var json = false

    func validate() throws {
        guard reference || kernels || harness || `protocol` || sweep else {
            throw ValidationError("choose what to measure: --reference, --kernels, --harness, --protocol or --sweep")
        }
        if requests != nil && !reference { throw ValidationError("--requests goes with --reference") }
        guard seconds > 0 && seconds <= 600 else { throw ValidationError("--seconds must be in (0, 600]; got \(seconds)") }
        for k in kernel where KernelAlgorithm(rawValue: k) == nil {
            throw ValidationError("unknown kernel \(k); valid: \(KernelAlgorithm.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if (!kernel.isEmpty || !threads.isEmpty || activations) && !kernels { throw ValidationError("--kernel, --threads and --activations go with --kernels") }
        if activations && !kernel.isEmpty && !kernel.contains("simd") { throw ValidationError("--activations times the simd kernel; --kernel names no simd") }
        if threads.contains(where: { $0 < 1 }) { throw ValidationError("--threads must be >= 1") }
    }

    func run() throws {
        if kernels {
            let run = KernelBenchmarks(json: json, threads: threads, kernels: kernel.compactMap(KernelAlgorithm.init(rawValue:)),
                                       quick: quick, budget: .milliseconds(Int64(seconds * 300)), activationsOnly: activations)
            run.run { print($0) }
        }
        if harness { runHarnessBenchmark() }
        if `protocol` { runProtocolBenchmark() }
        if reference { try runReferenceBenchmark() }
        if sweep { try SweepBenchmark.run(json: json) }
    }

    /// Cases per second of `check` (close-to-reference and sum-to-one on the simd kernel), f32 softmax.
    func runHarnessBenchmark() {
        let clock = ContinuousClock()
        if !json { print("harness: f32 softmax, simd kernel, close-to-reference + sum-to-one") }
        for n in [16, 1024] {
            let configuration = CheckConfiguration(cases: n == 16 ? 400 : 40, seed: 1, format: .binary32, profile: .framework, maximumLength: n)
            let properties: [any ConformanceProperty] = [CloseToReference(.softmax), SumToOne()]
            let generator = RowGenerator(format: .binary32, maximumLength: n)
            let context = PropertyContext(implementation: KernelImplementation(.simd), profile: .framework)
            let start = clock.now
            for i in 0..<configuration.cases {
                var c = generator.generate(seed: 1, stream: "bench", index: i, families: [.plain])
                c.row = (0..<n).map { c.row[$0 % c.row.count] }
                for p in properties { _ = p.verdict(c, context) }
            }
            let elapsed = ReferenceBenchmark.seconds(clock.now - start)
            let rate = Int((Double(configuration.cases) / elapsed).rounded())
            if json {
                print(JSONValue.object(["bench": .string("harness"), "n": .number(String(n)), "cases_per_second": .number(String(rate))]).serialized)
            } else {
                print("  n = \(n): \(rate) cases/s")
            }
        }
    }

    /// Requests per second through ``ExternalProgram`` to `softmax-ref _echo` (softmax rows of 4).
    func runProtocolBenchmark() {
        let program = ExternalProgram(command: "'\(CommandLine.arguments[0])' _echo", name: "echo")
        let row = [1.0, 2.0, 3.0, 4.0].map { FloatValue(Float($0)) }
        let requests = (0..<20_000).map { _ in ImplementationRequest(.softmax, format: .binary32, input: row) }
        _ = program.evaluate(Array(requests.prefix(10)))  // start-up
        let clock = ContinuousClock()
        let start = clock.now
        let answers = program.evaluate(requests)
        let elapsed = ReferenceBenchmark.seconds(clock.now - start)
        let ok = answers.allSatisfy { if case .values = $0 { true } else { false } }
        let rate = Int((Double(requests.count) / elapsed).rounded())
        if json {
            print(JSONValue.object(["bench": .string("protocol"), "requests": .number(String(requests.count)), "requests_per_second": .number(String(rate)), "all_answered": .bool(ok)]).serialized)
        } else {
            print("protocol: \(requests.count) small requests to a trivial program: \(rate) requests/s\(ok ? "" : " (some failed)")")
        }
    }

    func runReferenceBenchmark() throws {
        let results = try requests.map { try ReferenceBenchmark.run(Self.readRequests($0), budget: seconds) }
            ?? ReferenceBenchmark.run(budget: seconds)
        if !json { print("function   format    n      rows   rows/s") }
        for m in results {
            let name = ProtocolNames.name(of: m.format)
            let rate = Int(m.rowsPerSecond.rounded())
            if json {
                print(JSONValue.object([
                    "bench": .string("reference"), "function": .string(m.function.rawValue), "format": .string(name),
                    "n": .number(String(m.n)), "rows": .number(String(m.rows)), "rows_per_second": .number(String(rate)),
                ]).serialized)
            } else {
                print(Self.column(m.function.rawValue, 11) + Self.column(name, 10) + Self.column(String(m.n), 7) + Self.column(String(m.rows), 7) + String(rate))
            }
        }
    }
}

extension Bench {
    /// The requests of a JSON-lines file, read and checked before any timing.
    static func readRequests(_ path: String) throws -> [ReferenceResponder.Prepared] {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw ValidationError("cannot read --requests file '\(path)': \(error.localizedDescription)")
        }
        var prepared: [ReferenceResponder.Prepared] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
            do {
                prepared.append(try ReferenceResponder.prepare(ComputeRequest(json: JSONParser.parse(String(line)), defaults: ComputeRequest())))
            } catch {
                throw ValidationError("--requests '\(path)' line \(number + 1): \(error)")
            }
        }
        guard !prepared.isEmpty else { throw ValidationError("--requests '\(path)' holds no requests") }
        return prepared
    }

    /// `text` left-aligned in a column of `width` characters (at least one space after it).
    static func column(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
