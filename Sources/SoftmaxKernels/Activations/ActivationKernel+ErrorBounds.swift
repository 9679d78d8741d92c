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
    ///     ActivationKernel.tanh.ulpBound(for: .double)   // 4.5
    public func ulpBound(for type: KernelScalarType) -> Double {
        let before = doubleErrorBeforeRounding
        if before == 0 && [.relu6, .linear].contains(self) { return 0 }
        return switch type {
        case .double: 0.5 + before
        case .float: 0.5 + before * 0x1p-29
        case .float16: 0.5 + before * 0x1p-42
        }
    }

    /// The relative error of the `Double` value before its last rounding, in units of 2⁻⁵³, as
    /// ERROR-BOUNDS.md derives it (relu6 and linear: exact).
    public var doubleErrorBeforeRounding: Double {
        switch self {
        case .relu6, .linear: 0
        case .leakyRelu: 0
        case .relu, .softsign, .hardSigmoid: 1
        case .exponential: 1
        case .hardSwish: 2
        case .elu, .selu: 3.5
        case .tanh: 4
        case .softplus, .logSigmoid: 5.5
        case .swish, .silu, .geluTanh: 4.5
        case .gelu: 6
        case .mish: 7.5
        }
    }
}
