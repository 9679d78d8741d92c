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

    /// The frameworks' test tolerances, by name, for a format.
    ///
    /// - pytorch: `torch.testing.assert_close` defaults, used by OpInfo tests: float16 rtol 1e-3,
    ///   atol 1e-5; bfloat16 rtol 1.6e-2, atol 1e-5; float32 rtol 1.3e-6, atol 1e-5; float64
    ///   rtol 1e-7, atol 1e-7 (PyTorch documentation, torch.testing.assert_close).
    /// - onnx: the ONNX backend test runner's rtol 1e-3, atol 1e-7 (onnx/backend/test/runner).
    public static func preset(_ name: String, format: FloatFormat) -> Profile? {
        switch (name, format) {
        case ("pytorch", .binary16): .relative(name: "pytorch", rtol: 1e-3, atol: 1e-5)
        case ("pytorch", .bfloat16): .relative(name: "pytorch", rtol: 1.6e-2, atol: 1e-5)
        case ("pytorch", .binary32): .relative(name: "pytorch", rtol: 1.3e-6, atol: 1e-5)
        case ("pytorch", .binary64): .relative(name: "pytorch", rtol: 1e-7, atol: 1e-7)
        case ("onnx", _): .relative(name: "onnx", rtol: 1e-3, atol: 1e-7)
        default: nil
        }
    }

    /// Whether an output within `ulps` of the exact value, or within the relative tolerance, passes.
    /// - Parameters: `error` in ulps, `distance` = |output − exact| and `magnitude` = |exact| as Doubles.
    public func allows(function: ReferenceFunction, error: Double, distance: Double, magnitude: Double) -> Bool {
        if case .relative(_, let rtol, let atol) = self { return distance <= atol + rtol * magnitude }
        return error <= ulps(for: function)
    }

    /// The per-element bound in ulps for outputs of `function`.
    public func ulps(for function: ReferenceFunction) -> Double {
        switch self {
        case .strict: 0.5
        case .faithful: 1
        case .bounded(let k): k
        case .framework: Self.frameworkBound(for: function)
        case .relative: Self.frameworkBound(for: function)  // properties other than closeness use the framework bound
        }
    }

    /// A max-shifted, exp-then-divide float kernel loses about an ulp in exp, one in the division
    /// and a few to x - max being rounded on wide rows; LSE and log-softmax add a log; derivatives
    /// multiply two such values.
    public static func frameworkBound(for function: ReferenceFunction) -> Double {
        switch function {
        case .softmax, .sigmoid: 8
        case .logSoftmax, .logSumExp: 8
        case .jacobian, .crossEntropy: 16
        // In ulps of 2|c|·s_i·max|v|, not of the output: v_i - ⟨v, s⟩ cancels (see JacobianProductSymmetry).
        case .softmaxVJP: 16
        }
    }

    public var description: String {
        switch self {
        case .strict: "strict"
        case .faithful: "faithful"
        case .bounded(let k): "bounded(\(k) ulps)"
        case .framework: "framework"
        case .relative(let name, let rtol, let atol): "\(name) (rtol \(rtol), atol \(atol))"
        }
    }
}
