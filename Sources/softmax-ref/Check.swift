import ArgumentParser
import Foundation
import Multiprecision
import SoftmaxConformance

/// `softmax-ref check`: run the property harness on built-in implementations.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check an implementation's invariants against the reference, with shrunk counterexamples.",
        discussion: """
            Exit 0 when every property holds, 1 when one fails, 2 for bad usage. Examples:
              softmax-ref check --kernel reference --profile strict --cases 50
              softmax-ref check --kernel all --format f32 --report junit --output check.xml
              softmax-ref check --kernel reference --function tanh --function swish --format f16
            """)

    @Option(name: .long, help: "The implementation to check, or 'all' for every good built-in one.")
    var kernel: String

    @Option(name: .long, help: "The format: f16, bf16, f32 or f64.")
    var format = "f32"

    @Option(name: .long, help: "A property to check (repeatable); all by default.")
    var property: [String] = []

    @Option(name: .long, help: "Check only the properties that ask for this function (repeatable): a member of the family or an activation.")
    var function: [String] = []

    @Option(name: .long, parsing: .unconditional, help: "Generated cases per property.")
    var cases = 200

    @Option(name: .long, parsing: .unconditional, help: "The seed of the generators; the same seed gives the same report.", transform: SeedArgument.parse)
    var seed: UInt64 = 1

    @OptionGroup var profile: ProfileOptions

    @Option(name: .long, parsing: .unconditional, help: "The longest generated row.")
    var maxLength = 4096

    @OptionGroup var report: CheckReportOptions

    func validate() throws {
        if kernel != "all" && BuiltInImplementations.named(kernel) == nil {
            throw ValidationError("unknown kernel '\(kernel)'; expected all or \(BuiltInImplementations.all.map(\.name).joined(separator: ", "))")
        }
        if ProtocolNames.format(named: format) == nil { throw ValidationError("unknown format '\(format)'; expected f16, bf16, f32 or f64") }
        for f in function where HarnessFunction(rawValue: f) == nil {
            throw ValidationError("unknown function '\(f)'; expected \(HarnessFunction.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        // Of the built-in kernels, only simd computes the activations.
        if !["reference", "simd", "all"].contains(kernel), let activation = function.compactMap(HarnessFunction.init(rawValue:)).first(where: { $0.activation != nil }) {
            throw ValidationError("no kernel for \(activation.rawValue) in \(kernel): of the built-in kernels only simd computes the activations; check them with --kernel simd or --kernel reference, or another implementation with validate --command")
        }
        for p in property where PropertyCatalog.named(p) == nil {
            throw ValidationError("unknown property '\(p)'; expected one of \(PropertyCatalog.all.map(\.name).joined(separator: ", "))")
        }
        guard (1...1_000_000).contains(cases) else { throw ValidationError("--cases must be between 1 and 1000000; got \(cases)") }
        guard (1...1_000_000).contains(maxLength) else { throw ValidationError("--max-length must be between 1 and 1000000; got \(maxLength)") }
    }

    func run() throws {
        let implementations = kernel == "all" ? BuiltInImplementations.good : [BuiltInImplementations.named(kernel)!]
        var properties = property.isEmpty ? PropertyCatalog.all : property.compactMap(PropertyCatalog.named)
        let functions = Set(function.compactMap(HarnessFunction.init(rawValue:)))
        if !functions.isEmpty { properties = properties.filter { !$0.functions.isDisjoint(with: functions) } }
        if properties.isEmpty { throw ValidationError("no property asks for \(function.joined(separator: ", "))\(property.isEmpty ? "" : " among those named")") }
        let configuration = CheckConfiguration(cases: cases, seed: seed, format: ProtocolNames.format(named: format)!,
                                               profile: profile.value(for: ProtocolNames.format(named: format)!), maximumLength: maxLength)
        let reports = implementations.map { PropertyRunner.run($0, properties: properties, configuration: configuration) }
        let rendered: String = switch report.style {
        case .text: reports.map(\.text).joined(separator: "\n\n") + "\n"
        case .json: (reports.count == 1 ? reports[0].json : .array(reports.map(\.json))).serialized + "\n"
        case .junit: CheckReport.junit(reports)
        }
        try report.emit(rendered)
        if !reports.allSatisfy(\.succeeded) { throw ExitCode(ExitStatus.checkFailed) }
    }
}
