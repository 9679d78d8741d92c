import Multiprecision
import SoftmaxReference

/// How far from the exact value an implementation's outputs may be, per element, in ulps of the
/// output format. Every property derives its tolerance from this bound.
public enum Profile: Sendable, Equatable, CustomStringConvertible {
    /// Correctly rounded to nearest: every output is the reference's value (the reference passes this).
    case strict
    /// Faithful: every output is one of the two format values around the exact one (error < 1 ulp).
    case faithful
    /// At most `ulps` ulps from the exact value.
    case bounded(ulps: Double)
    /// What a careful float implementation can promise (see ``frameworkBound(for:)``).
    case framework
    /// |output − exact| ≤ atol + rtol·|exact|, the closeness test of the frameworks' own suites
    /// (see ``presets``): `name` says whose.
    case relative(name: String, rtol: Double, atol: Double)
    /// The WebNN conformance tests' ulp tolerances (see ``webnnBound(for:count:)``); `halfPrecision`
    /// for float16 (and bfloat16) outputs.
    case webnn(halfPrecision: Bool)

    /// The frameworks' test tolerances, by name, for a format (the per-dtype defaults; the
    /// per-operator ones are ``relativeTolerance(for:format:)``).
    ///
    /// - pytorch: `torch.testing.assert_close` defaults, used by OpInfo tests: float16 rtol 1e-3,
    ///   atol 1e-5; bfloat16 rtol 1.6e-2, atol 1e-5; float32 rtol 1.3e-6, atol 1e-5; float64
    ///   rtol 1e-7, atol 1e-7 (PyTorch documentation, torch.testing.assert_close).
    /// - onnx: the ONNX backend test runner's rtol 1e-3, atol 1e-7 (onnx/backend/test/runner).
    /// - webnn: the web-platform-tests WebNN tolerances in ulps (webnn/resources/utils.js,
    ///   `PrecisionMetrics`): softmax 3N + 3 and reduceLogSumExp 2N + 18 for a row of N, sigmoid 34
    ///   (float32) or 10 (float16). WPT tests only float32 and float16: float64 takes the float32
    ///   numbers, bfloat16 the float16 ones.
    public static func preset(_ name: String, format: FloatFormat) -> Profile? {
        switch (name, format) {
        case ("pytorch", .binary16): .relative(name: "pytorch", rtol: 1e-3, atol: 1e-5)
        case ("pytorch", .bfloat16): .relative(name: "pytorch", rtol: 1.6e-2, atol: 1e-5)
        case ("pytorch", .binary32): .relative(name: "pytorch", rtol: 1.3e-6, atol: 1e-5)
        case ("pytorch", .binary64): .relative(name: "pytorch", rtol: 1e-7, atol: 1e-7)
        case ("onnx", _): .relative(name: "onnx", rtol: 1e-3, atol: 1e-7)
        case ("webnn", _): .webnn(halfPrecision: format.precision <= 11)
        default: nil
        }
    }

    /// Whether an output within `ulps` of the exact value, or within the relative tolerance of
    /// `function` in `format` (``relativeTolerance(for:format:)``), passes.
    /// - Parameters: `error` in ulps, `distance` = |output − exact| and `magnitude` = |exact| as Doubles.
    /// - Parameter count: the row length N (the WebNN bounds grow with it).
    public func allows(function: HarnessFunction, format: FloatFormat, count: Int, error: Double, distance: Double, magnitude: Double) -> Bool {
        if let (rtol, atol) = relativeTolerance(for: function, format: format) { return distance <= atol + rtol * magnitude }
        return error <= ulps(for: function, count: count)
    }

    /// The per-element bound in ulps for outputs of `function` on a row of `count` logits.
    public func ulps(for function: HarnessFunction, count: Int) -> Double {
        if case .webnn(let half) = self { return Self.webnnBound(for: function, count: count, halfPrecision: half) }
        return ulps(for: function)
    }

    /// WebNN's bound: softmax 3N + 3, LogSumExp 2N + 18, and the elementwise tolerances of
    /// ``webnnElementwiseBound(for:halfPrecision:)``; the functions WPT has no tolerance for
    /// (log-softmax, the Jacobian, cross-entropy, softmax-vjp, several activations) take the
    /// framework bound.
    public static func webnnBound(for function: HarnessFunction, count: Int, halfPrecision: Bool) -> Double {
        switch function {
        case .family(.softmax): Double(3 * count + 3)
        case .family(.logSumExp): Double(2 * count + 18)
        default: webnnElementwiseBound(for: function, halfPrecision: halfPrecision) ?? frameworkBound(for: function)
        }
    }

    /// The ULP tolerances of web-platform-tests (`webnn/resources/utils.js`, `operatorToleranceDict`)
    /// for the elementwise functions it tests: sigmoid 34 (float16 10), tanh 16, softplus, elu and
    /// gelu 18, softsign 3, hardSigmoid and linear 2, hardSwish 4, leakyRelu 1 (float16 2), relu 0;
    /// never below half an ulp, the error of a correctly rounded result (relu with a slope rounds).
    /// nil for a function WPT has no tolerance for.
    public static func webnnElementwiseBound(for function: HarnessFunction, halfPrecision: Bool) -> Double? {
        let wpt: Double? = switch function {
        case .family(.sigmoid): halfPrecision ? 10 : 34
        case .activation(.tanh): 16
        case .activation(.softplus), .activation(.elu), .activation(.gelu): 18
        case .activation(.softsign): 3
        case .activation(.hardSigmoid), .activation(.linear): 2
        case .activation(.hardSwish): 4
        case .activation(.leakyRelu): halfPrecision ? 2 : 1
        case .activation(.relu): 0
        default: nil
        }
        return wpt.map { max($0, 0.5) }
    }

    /// The per-element bound in ulps for outputs of `function`.
    public func ulps(for function: HarnessFunction) -> Double {
        switch self {
        case .strict: 0.5
        case .faithful: 1
        case .bounded(let k): k
        case .framework: Self.frameworkBound(for: function)
        case .relative: Self.frameworkBound(for: function)  // properties other than closeness use the framework bound
        case .webnn(let half): Self.webnnElementwiseBound(for: function, halfPrecision: half) ?? Self.frameworkBound(for: function)
        }
    }

    /// A max-shifted, exp-then-divide float kernel loses about an ulp in exp, one in the division
    /// and a few to x - max being rounded on wide rows; LSE and log-softmax add a log; derivatives
    /// multiply two such values. An activation composes up to three libm functions (mish is
    /// x·tanh(log1p(e^x))), each within an ulp or two, and a product or quotient: 8 ulps as for
    /// sigmoid; the piecewise rational ones (softsign, relu, hard-sigmoid, ...) round at most
    /// three operations, so 4.
    public static func frameworkBound(for function: HarnessFunction) -> Double {
        switch function {
        case .family(.softmax), .family(.sigmoid): 8
        case .family(.logSoftmax), .family(.logSumExp): 8
        case .family(.jacobian), .family(.crossEntropy): 16
        // In ulps of 2|c|·s_i·max|v|, not of the output: v_i - ⟨v, s⟩ cancels (see JacobianProductSymmetry).
        case .family(.softmaxVJP): 16
        case .activation(let a): a.isPiecewiseRational ? 4 : 8
        }
    }

    public var description: String {
        switch self {
        case .strict: "strict"
        case .faithful: "faithful"
        case .bounded(let k): "bounded(\(k) ulps)"
        case .framework: "framework"
        case .relative(let name, let rtol, let atol): "\(name) (rtol \(rtol), atol \(atol)\(name == "pytorch" ? ", OpInfo's per-operator overrides" : ""))"
        case .webnn(let half): "webnn (\(half ? "float16" : "float32") ulps: softmax 3N+3, logsumexp 2N+18, sigmoid \(half ? 10 : 34), WPT's activation tolerances)"
        }
    }
}
