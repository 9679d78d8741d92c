import ArgumentParser
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
