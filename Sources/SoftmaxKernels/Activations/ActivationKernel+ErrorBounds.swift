extension ActivationKernel {
    /// The error this kernel declares for `type` storage, in ulps of the exact result (measured, as the
    /// harness does, in ulps of the larger of the result and the exact value), for every finite input
    /// and parameter, normal results; below the normal range the same absolute error in units of the
    /// least subnormal. The proofs are in ERROR-BOUNDS.md, "Activations".
    ///
    /// `Double`: 0.5 for the final rounding plus the relative error before it, in units of 2⁻⁵³
    /// (``doubleErrorBeforeRounding``). `Float` and `Float16` are evaluated by the same code in `Double`
    /// and rounded once: 0.5 plus that error scaled by 2⁻²⁹ (`Float`) or 2⁻⁴² (`Float16`); relu6 and
    /// linear are exact (0).
    ///
    ///     ActivationKernel.tanh.ulpBound(for: .double)   // 6.2
    public func ulpBound(for type: KernelScalarType) -> Double {
        let before = doubleErrorBeforeRounding
        if [.relu6, .linear].contains(self) { return 0 }
        return switch type {
        case .double: 0.5 + before
        case .float: 0.5 + before * 0x1p-29
        case .float16: 0.5 + before * 0x1p-42
        }
    }

    /// The relative error of the `Double` value before its last rounding, in units of 2⁻⁵³, as
    /// ERROR-BOUNDS.md derives it term by term (relu: in ulps of the larger of its two terms, which
    /// can cancel only with max_value < 0 and α < 0; gelu: given the C library's erfc within 5 ulps).
    public var doubleErrorBeforeRounding: Double {
        switch self {
        case .relu6, .linear, .leakyRelu: 0
        case .softsign, .hardSigmoid: 1
        case .exponential: 1.2
        case .relu, .hardSwish: 2
        case .elu: 3.2
        case .swish, .silu: 3.7
        case .geluTanh: 3.8
        case .selu: 4.2
        case .tanh: 5.7
        case .mish: 7.4
        case .logSigmoid: 8.7
        case .softplus: 10.7
        case .gelu: 11
        }
    }
}
