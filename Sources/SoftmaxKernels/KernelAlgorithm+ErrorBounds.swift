extension KernelAlgorithm {
    /// The error bound this kernel declares for a function and storage type, in ulps of the storage
    /// type, or nil when it declares none (`naive`, `twoPass`, `online`: their error grows with the row
    /// length and with max|β·x|).
    ///
    /// `simd` bounds hold for every finite row, any n and any β, and are checked by the tests against an
    /// independent high-precision computation. Softmax, log-softmax, sigmoid and the cross-entropy loss
    /// are measured in ulps of the result; quantities that can cancel are measured in ulps of their
    /// terms: LogSumExp in ulps of max(|LSE|, |max t|), the softmax VJP of |β|·s_i·(|g_i| + Σ|g_j|s_j),
    /// the log-softmax VJP of |β|·(|g_i| + s_i·Σ|g_j|), the cross-entropy gradient of |β|·(s_i·Σq + q_i)
    /// and the Jacobian of |β|·s_i·(δ_ij + s_j).
    ///
    /// `Float` softmax declares 4.2: on rows of more than 64 elements and on rows of one vector its
    /// pairs of exps are added with one rounding before their exact sums, so the proof gives
    /// 2·1.333 + 1 units of 2⁻²⁴ before the final rounding, 4.17 ulps (3.17 on rows of 17 to 64; the
    /// exp's 1.333·2⁻²⁴ is exhaustive, from `tools/exp-bound`). Measured: about 2 ulps on the usual row families, 2.85 on rows of the
    /// arguments where the exp errs most.
    ///
    ///     KernelAlgorithm.simd.ulpBound(for: .softmax, type: .float)   // 4.2
    public func ulpBound(for function: KernelFunction, type: KernelScalarType) -> Double? {
        guard self == .simd else { return nil }
        switch (function, type) {
        case (_, .float16): return 1
        case (.logSumExp, .double): return 6
        case (.softmax, .float): return 4.2
        default: return 4
        }
    }
}
