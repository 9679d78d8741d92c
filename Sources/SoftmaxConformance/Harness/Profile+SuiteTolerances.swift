import Multiprecision
import SoftmaxReference

/// The per-operator tolerances of the frameworks' own test suites, on top of the per-dtype
/// defaults that ``Profile/preset(_:format:)`` gives.
extension Profile {
    /// The rtol and atol a ``Profile/relative(name:rtol:atol:)`` profile allows for `function`'s
    /// outputs in `format`, or nil for another kind of profile. An output passes when
    /// |output − exact| ≤ atol + rtol·|exact|.
    ///
    /// - pytorch: PyTorch's `TestCase.assertEqual` takes max(default, override) for rtol and for
    ///   atol (`torch/testing/_internal/common_utils.py`, `rtol_override`/`atol_override`), with the
    ///   defaults of `torch/testing/_comparison.py` (`_DTYPE_PRECISIONS`) and the overrides the OpInfo
    ///   entries of `torch/testing/_internal/common_methods_invocations.py` declare for the CPU
    ///   (``pytorchOverride(for:format:)``).
    /// - onnx: every node test of `onnx/backend/test/case/node/__init__.py` (`expect`) is made with
    ///   rtol 1e-3 and atol 1e-7 and compared by `np.testing.assert_allclose` in
    ///   `onnx/backend/test/runner/__init__.py`: no operator has its own, activations included.
    public func relativeTolerance(for function: HarnessFunction, format: FloatFormat) -> (rtol: Double, atol: Double)? {
        guard case .relative(let name, let rtol, let atol) = self else { return nil }
        guard name == "pytorch", let o = Self.pytorchOverride(for: function, format: format) else { return (rtol, atol) }
        return (max(rtol, o.rtol), max(atol, o.atol))
    }

    /// The tolerance overrides of PyTorch's OpInfo entries that apply on the CPU
    /// (`torch/testing/_internal/common_methods_invocations.py`, the same in torch 2.13.0 and 2.15.0):
    /// `precisionOverride` raises atol, `toleranceOverride` both. Overrides declared with
    /// `device_type='cuda'` (elu, selu, silu, hardsigmoid in float16 and bfloat16) do not apply, and
    /// the other activations (exp, elu, selu, silu, gelu in both forms, relu, relu6, leaky_relu,
    /// hardsigmoid, hardswish) have none: they take the defaults.
    /// - sigmoid: precisionOverride float16 1e-2, bfloat16 1e-2;
    /// - tanh: precisionOverride bfloat16 1e-2;
    /// - nn.functional.softplus: toleranceOverride half and bfloat16 atol 1e-2, rtol 1e-2 (TestUnaryUfuncs);
    /// - nn.functional.logsigmoid: precisionOverride float16 1e-2, bfloat16 5e-3 (the small, large and
    ///   extremal reference tests);
    /// - nn.functional.mish: toleranceOverride float16 atol 1e-2, rtol 1e-3 (TestUnaryUfuncs);
    /// - nn.functional.softsign: toleranceOverride float16 atol 1e-3, rtol 1.3e-4 (TestUnaryUfuncs).
    public static func pytorchOverride(for function: HarnessFunction, format: FloatFormat) -> (rtol: Double, atol: Double)? {
        let half = format == .binary16, bfloat = format == .bfloat16
        switch function {
        case .family(.sigmoid) where half || bfloat: return (0, 1e-2)
        case .activation(.tanh) where bfloat: return (0, 1e-2)
        case .activation(.softplus) where half || bfloat: return (1e-2, 1e-2)
        case .activation(.logSigmoid) where half: return (0, 1e-2)
        case .activation(.logSigmoid) where bfloat: return (0, 5e-3)
        case .activation(.mish) where half: return (1e-3, 1e-2)
        case .activation(.softsign) where half: return (1.3e-4, 1e-3)
        default: return nil
        }
    }
}
