import ArgumentParser
import Multiprecision
import SoftmaxConformance
import SoftmaxReference

#if canImport(Glibc)
import Glibc
#endif

/// `softmax-ref compute`: correctly rounded values of one function on one row, or a batch of
/// JSON-lines requests on standard input.
struct Compute: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compute a member of the softmax family or an activation, correctly rounded.",
        discussion: """
            Inputs are decimals (1, -0.1, 1e-300), C99 hex floats (0x1.8p+1), inf, -inf or nan, \
            each rounded once (to nearest) to --format before computing. Put negative numbers \
            after -- or anywhere: `compute -- -1 2`, `compute 1 -2`.

            Examples:
              softmax-ref compute 1 2 3 4 1 2 3
              softmax-ref compute --function log-softmax --format f32 --json 123 456 789
              softmax-ref compute --function gelu --format bf16 --rounding down -- -3 0.5 1e30
              echo '{"input":["1","2"],"format":"f16"}' | softmax-ref compute --batch
            """)

    @Option(name: .long, parsing: .unconditional, help: "The function: softmax, log-softmax, logsumexp, sigmoid, jacobian, cross-entropy, softmax-vjp, or an activation: tanh, softplus, log-sigmoid, softsign, exponential, elu, selu, swish, silu, gelu, gelu-tanh, mish, relu, relu6, leaky-relu, hard-sigmoid, hard-swish, linear.")
    var function: String = "softmax"

    @Option(name: .long, parsing: .unconditional, help: "The output format: f16, bf16, f32 or f64.")
    var format: String = "f64"

    @Option(name: .long, parsing: .unconditional, help: "The rounding of outputs: nearest (ties to even), down, up or toward-zero.")
    var rounding: String = "nearest"

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Inverse temperature β: any finite number (0 gives the uniform distribution).", valueName: "B"))
    var beta: String = "1"

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Base b > 0 of the exponential (default e): b^(βx).", valueName: "b"))
    var base: String?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Also print the exact value rounded to N significant digits (1 to 1000).", valueName: "N"))
    var digits: Int?

    @Option(name: .long, parsing: .unconditional, help: "Cross-entropy: the class label (0-based).")
    var label: Int?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Cross-entropy: the target distribution, comma-separated, one number per logit.", valueName: "q1,q2,..."))
    var target: String?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("softmax-vjp: the vector v, comma-separated, one number per logit.", valueName: "v1,v2,..."))
    var vector: String?

    @Flag(name: .long, help: "Print one JSON object instead of text.")
    var json = false

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Activations: elu's α (default 1), leaky-relu's slope (0.01), relu's negative slope (0).", valueName: "A"))
    var alpha: String?

    @Option(name: .customLong("max-value"), parsing: .unconditional, help: ArgumentHelp("relu: the largest output (Keras' max_value).", valueName: "M"))
    var maxValue: String?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("relu: inputs at or below it give 0 (or the negative slope's part; Keras' threshold).", valueName: "T"))
    var threshold: String?

    @Flag(name: .long, help: "Read JSON-lines requests on standard input; write one JSON line per request.")
    var batch = false

    /// The logits. From the command line `LogitArguments` fills this in linear time; argument-parser
    /// sees only the options (and puts an unknown `--option` here, which `validate()` rejects).
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The logits.", valueName: "x"))
    var arguments: [String] = []

    /// The options that take a value: `LogitArguments` reads the word after one as its value.
    static let valueOptions: Set<String> = ["--function", "--format", "--rounding", "--beta", "--base", "--digits",
                                            "--label", "--target", "--vector", "--alpha", "--max-value", "--threshold"]

    /// The logits: the arguments without a `--` separator.
    var input: [String] {
        guard let separator = arguments.firstIndex(of: "--") else { return arguments }
        var rest = arguments
        rest.remove(at: separator)
        return rest
    }

    var defaults: ComputeRequest {
        ComputeRequest(function: function, format: format, rounding: rounding, beta: beta, base: base,
                       digits: digits, input: input, label: label,
                       target: target.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) },
                       vector: vector.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) },
                       alpha: alpha, maxValue: maxValue, threshold: threshold)
    }

    /// Checks the options; the logits, which arrive after argument-parser's pass, are checked in `run()`.
    func validate() throws {
        if let digits, !(1...1000).contains(digits) { throw ValidationError("--digits must be between 1 and 1000; got \(digits)") }
        if let label, label < 0 { throw ValidationError("--label must be a non-negative integer; got \(label)") }
        if let bad = input.first(where: { $0.hasPrefix("--") }) {
            throw ValidationError("unknown option '\(bad)'; see 'softmax-ref compute --help'")
        }
    }

    func run() throws {
        if batch && !input.isEmpty { throw ValidationError("--batch reads its inputs from standard input; drop the logits from the command line") }
        if batch {
            try BatchSession(defaults: defaults).run()
            return
        }
        let response = try ReferenceResponder.respond(to: defaults)
        try StandardOutput.write((json ? response.serialized : TextReport.render(response)) + "\n")
        if !json, case .array(let notes)? = response["notes"] {
            for case .string(let note) in notes { printError("note: " + note) }
        }
    }
}
