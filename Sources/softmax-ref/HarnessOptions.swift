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

    @Option(name: .long, help: "The per-element bound in ulps, with --profile bounded.")
    var ulps: Double?

    func validate() throws {
        if profile == .bounded { guard let ulps, ulps > 0 else { throw ValidationError("--profile bounded needs --ulps K with K > 0") } }
        else if ulps != nil { throw ValidationError("--ulps goes with --profile bounded") }
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

/// `--report` and `--output`, shared by `check` and `validate`.
struct ReportOptions: ParsableArguments {
    enum Style: String, ExpressibleByArgument, CaseIterable { case text, json, junit, html }

    @Option(name: .long, help: "The report format.")
    var report: Style = .text

    @Option(name: .long, help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    /// Prints the rendered report, or writes it to `--output` (a temporary file renamed into place).
    func emit(_ rendered: String) throws {
        guard let output else { print(rendered, terminator: ""); return }
        do { try Data(rendered.utf8).write(to: URL(fileURLWithPath: output), options: .atomic) }
        catch { throw ValidationError("cannot write the report to '\(output)': \(error.localizedDescription)") }
    }
}
