import ArgumentParser
import Foundation
import Multiprecision
import SoftmaxConformance

/// `--profile` and `--ulps`, shared by `check` and `validate`.
struct ProfileOptions: ParsableArguments {
    /// strict, faithful, bounded (with --ulps), framework, and the frameworks' own test tolerances:
    /// pytorch (torch.testing.assert_close defaults per dtype), onnx (rtol 1e-3, atol 1e-7) and
    /// webnn (the WPT ulp tolerances: softmax 3N+3, sigmoid 34 / 10 for float16).
    enum Name: String, ExpressibleByArgument, CaseIterable { case strict, faithful, bounded, framework, pytorch, onnx, webnn }

    @Option(name: .long, help: "The accuracy profile (pytorch, onnx and webnn are those frameworks' test tolerances).")
    var profile: Name = .framework

    @Option(name: .long, parsing: .unconditional, help: "The per-element bound in ulps, with --profile bounded: a number in (0, 2^40].")
    var ulps: Double?

    /// The largest --ulps: beyond 2^40 ulps a bound no longer says anything about a float.
    static let maximumUlps = 0x1p40

    func validate() throws {
        if let ulps, !(ulps > 0 && ulps <= Self.maximumUlps) {
            let shown = ulps == ulps.rounded() && ulps.magnitude < 0x1p53 ? String(Int(ulps)) : String(ulps)
            throw ValidationError("--ulps must be a finite number > 0 and at most 2^40 (1099511627776); got \(shown)")
        }
        if profile == .bounded && ulps == nil { throw ValidationError("--profile bounded needs --ulps K with K > 0") }
        if profile != .bounded && ulps != nil { throw ValidationError("--ulps goes with --profile bounded") }
    }

    /// The chosen profile for outputs in `format`.
    func value(for format: FloatFormat) -> Profile {
        switch profile {
        case .strict: .strict
        case .faithful: .faithful
        case .bounded: .bounded(ulps: ulps!)
        case .framework: .framework
        case .pytorch, .onnx, .webnn: Profile.preset(profile.rawValue, format: format)!
        }
    }
}

/// `--report` and `--output` for `validate`: text, json, junit or html.
struct ReportOptions: ParsableArguments {
    enum Style: String, ExpressibleByArgument, CaseIterable { case text, json, junit, html }

    @Option(name: .long, help: "The report format.")
    var report: Style = .text

    @Option(name: .long, help: "Write the report to this file instead of standard output (see README: --output).")
    var output: String?

    /// Prints the rendered report, or writes it to `--output`.
    func emit(_ rendered: String) throws { try ReportDestination.emit(rendered, to: output) }
}

/// `--report` and `--output` for `check`, which has no HTML report: the help lists only what it takes.
struct CheckReportOptions: ParsableArguments {
    enum Style: String, ExpressibleByArgument, CaseIterable { case text, json, junit }

    @Option(name: .customLong("report"), help: "The report format.")
    var style: Style = .text

    @Option(name: .long, help: "Write the report to this file instead of standard output (see README: --output).")
    var output: String?

    /// Prints the rendered report, or writes it to `--output`.
    func emit(_ rendered: String) throws { try ReportDestination.emit(rendered, to: output) }
}

/// Where a report goes: standard output (no `--output`, or `-`), or a file written by `OutputFile`'s rules.
enum ReportDestination {
    static func emit(_ rendered: String, to output: String?) throws(FileError) {
        guard let output, output != "-" else { return try StandardOutput.write(rendered) }
        try OutputFile.write(rendered, to: output)
    }
}

/// `--seed`: a non-negative integer below 2^64, read even when it looks like an option (`-1`).
enum SeedArgument {
    static func parse(_ text: String) throws -> UInt64 {
        guard let value = UInt64(text) else { throw ValidationError("must be a non-negative integer below 2^64") }
        return value
    }
}
