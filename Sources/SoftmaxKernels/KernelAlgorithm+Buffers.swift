// The buffer API: one row (`shape: nil`, the whole buffer) or a batch of rows (`shape:`), written into
// the caller's buffer, never allocating. Outputs may be the inputs (in place). With `threads > 1`,
// batches of at least 32 Ki elements are split over that many threads (Dispatch `concurrentPerform`).
// β is the inverse temperature: t = β·x, any finite value; 0 gives the uniform distribution on finite
// rows. The non-finite policy is the reference's "limit" semantics: see ``RowClass`` and
// ``FullyMaskedRow``; `naive` does no special handling at all.

extension KernelAlgorithm {
    @inline(__always)
    func run<T: SoftmaxScalar>(_ function: KernelFunction, _ x: UnsafeBufferPointer<T>, _ y: UnsafeMutableBufferPointer<T>?,
                               g: UnsafeBufferPointer<T>? = nil, labels: UnsafeBufferPointer<Int>? = nil,
                               perRow: UnsafeMutableBufferPointer<T>? = nil, shape: BatchShape?,
                               beta: T.Accumulator, masked: FullyMaskedRow = .nan, threads: Int) {
        let shape = shape ?? BatchShape(rows: 1, columns: x.count)
        precondition(beta.isFinite, "beta must be finite; got \(beta)")
        precondition(threads >= 1, "threads must be >= 1; got \(threads)")
        precondition(x.count >= shape.requiredCount, "input holds \(x.count) elements; the shape needs \(shape.requiredCount)")
        if let y, function != .jacobian {
            precondition(y.count >= shape.requiredCount, "output holds \(y.count) elements; the shape needs \(shape.requiredCount)")
        }
        if let g { precondition(g.count >= shape.requiredCount, "gradient/target holds \(g.count) elements; the shape needs \(shape.requiredCount)") }
        if let labels { precondition(labels.count >= shape.rows, "\(labels.count) labels for \(shape.rows) rows") }
        if let perRow { precondition(perRow.count >= shape.rows, "\(perRow.count) result slots for \(shape.rows) rows") }
        guard shape.rows > 0, let base = x.baseAddress else { return }
        T._run(_KernelRequest(function: function, algorithm: self, shape: shape, beta: beta, maskedRows: masked,
                              threads: threads, x: base, y: y?.baseAddress, g: g?.baseAddress,
                              labels: labels?.baseAddress, perRow: perRow?.baseAddress))
    }

    /// Softmax of each row: s_i = e^(t_i) / Σ_j e^(t_j), t = β·x.
    ///
    /// Limit policy: −inf entries give 0, k entries at +inf give 1/k each, any NaN gives NaN everywhere,
    /// a fully −inf row gives NaN (or zeros with `fullyMaskedRow: .zeros`), an empty row nothing.
    /// Error bound: ``ulpBound(for:type:)`` (`simd`: 4.2 ulps in `Float`, 4 in `Double`, 1 in `Float16`).
    /// - Complexity: O(rows × columns).
    public func softmax<T: SoftmaxScalar>(_ x: UnsafeBufferPointer<T>, into y: UnsafeMutableBufferPointer<T>,
                                          shape: BatchShape? = nil, beta: T.Accumulator = 1,
                                          fullyMaskedRow: FullyMaskedRow = .nan, threads: Int = 1) {
        run(.softmax, x, y, shape: shape, beta: beta, masked: fullyMaskedRow, threads: threads)
    }

    /// Log-softmax of each row: t_i − LSE(t).
    ///
    /// −inf entries give −inf; k entries at +inf give −ln k and the rest −inf; NaN gives NaN; a fully −inf
    /// row gives NaN (−inf with `.zeros`). `simd` computes ln Σ as log1p of the mass off the maximum, so
    /// log_softmax([123, 456, 789])[2] = −2.4e-145 (not 0).
    public func logSoftmax<T: SoftmaxScalar>(_ x: UnsafeBufferPointer<T>, into y: UnsafeMutableBufferPointer<T>,
                                             shape: BatchShape? = nil, beta: T.Accumulator = 1,
                                             fullyMaskedRow: FullyMaskedRow = .nan, threads: Int = 1) {
        run(.logSoftmax, x, y, shape: shape, beta: beta, masked: fullyMaskedRow, threads: threads)
    }

    /// LogSumExp of one row, ln Σ e^(t_i): −inf for an empty or fully −inf row, +inf with a +inf entry,
    /// NaN with a NaN. The `simd` bound is in ulps of max(|LSE|, |max t|).
    public func logSumExp<T: SoftmaxScalar>(_ x: UnsafeBufferPointer<T>, beta: T.Accumulator = 1) -> T {
        var result = T.nan
        withUnsafeMutablePointer(to: &result) { p in
            run(.logSumExp, x, nil, perRow: UnsafeMutableBufferPointer(start: p, count: 1), shape: nil, beta: beta, threads: 1)
        }
        return x.isEmpty ? -.infinity : result
    }

    /// LogSumExp of each row of a batch, written to `results[r]`.
    public func logSumExp<T: SoftmaxScalar>(_ x: UnsafeBufferPointer<T>, into results: UnsafeMutableBufferPointer<T>,
                                            shape: BatchShape, beta: T.Accumulator = 1, threads: Int = 1) {
        run(.logSumExp, x, nil, perRow: results, shape: shape, beta: beta, threads: threads)
        if shape.columns == 0 { results.update(repeating: -.infinity) }
    }

    /// The logistic sigmoid σ(t_i) = 1 / (1 + e^(−t_i)) of every element; σ(+inf) = 1, σ(−inf) = 0.
    /// `simd` never exponentiates a positive number and keeps t = β·x exact, so both tails are accurate.
    public func sigmoid<T: SoftmaxScalar>(_ x: UnsafeBufferPointer<T>, into y: UnsafeMutableBufferPointer<T>,
                                          shape: BatchShape? = nil, beta: T.Accumulator = 1, threads: Int = 1) {
        run(.sigmoid, x, y, shape: shape, beta: beta, threads: threads)
    }

    /// The softmax vector–Jacobian product β·s ⊙ (g − ⟨g, s⟩), from the softmax output `s`.
    /// The `simd` bound is in ulps of |β|·s_i·(|g_i| + Σ_j |g_j|·s_j).
    public func softmaxVJP<T: SoftmaxScalar>(output s: UnsafeBufferPointer<T>, gradient g: UnsafeBufferPointer<T>,
                                             into dx: UnsafeMutableBufferPointer<T>, shape: BatchShape? = nil,
                                             beta: T.Accumulator = 1, threads: Int = 1) {
        run(.softmaxVJP, s, dx, g: g, shape: shape ?? BatchShape(rows: 1, columns: s.count), beta: beta, threads: threads)
    }

    /// The log-softmax vector–Jacobian product β·(g − s·Σg), from the log-softmax output (s = e^output).
    /// The `simd` bound is in ulps of |β|·(|g_i| + s_i·Σ_j |g_j|).
    public func logSoftmaxVJP<T: SoftmaxScalar>(output ls: UnsafeBufferPointer<T>, gradient g: UnsafeBufferPointer<T>,
                                                into dx: UnsafeMutableBufferPointer<T>, shape: BatchShape? = nil,
                                                beta: T.Accumulator = 1, threads: Int = 1) {
        run(.logSoftmaxVJP, ls, dx, g: g, shape: shape ?? BatchShape(rows: 1, columns: ls.count), beta: beta, threads: threads)
    }

    /// Cross-entropy from logits with class labels, −ln s_label per row, written to `losses`, and its
    /// gradient β·(s − onehot) to `gradients` if given. A label outside 0..<columns is a precondition
    /// failure. The `simd` gradient bound is in ulps of |β|·(s_i + q_i).
    public func crossEntropy<T: SoftmaxScalar>(logits x: UnsafeBufferPointer<T>, labels: UnsafeBufferPointer<Int>,
                                               losses: UnsafeMutableBufferPointer<T>,
                                               gradients: UnsafeMutableBufferPointer<T>? = nil, shape: BatchShape? = nil,
                                               beta: T.Accumulator = 1, threads: Int = 1) {
        run(.crossEntropy, x, gradients, labels: labels, perRow: losses, shape: shape, beta: beta, threads: threads)
    }

    /// Cross-entropy from logits with target distributions q, −Σ q_i ln s_i per row (entries with
    /// q_i = 0 contribute nothing, even at −inf logits), and the gradient β·(s·Σq − q) if asked.
    public func crossEntropy<T: SoftmaxScalar>(logits x: UnsafeBufferPointer<T>, targets: UnsafeBufferPointer<T>,
                                               losses: UnsafeMutableBufferPointer<T>,
                                               gradients: UnsafeMutableBufferPointer<T>? = nil, shape: BatchShape? = nil,
                                               beta: T.Accumulator = 1, threads: Int = 1) {
        run(.crossEntropy, x, gradients, g: targets, perRow: losses, shape: shape, beta: beta, threads: threads)
    }

    /// The softmax Jacobian of one row, J_ij = β·s_i·(δ_ij − s_j), into an n×n row-major buffer.
    /// Meant for small n. The `simd` bound is in ulps of |β|·s_i·(δ_ij + s_j). - Complexity: O(n²).
    public func jacobian<T: SoftmaxScalar>(_ x: UnsafeBufferPointer<T>, into y: UnsafeMutableBufferPointer<T>,
                                           beta: T.Accumulator = 1, fullyMaskedRow: FullyMaskedRow = .nan) {
        precondition(y.count >= x.count * x.count, "the Jacobian of \(x.count) logits needs \(x.count * x.count) elements; got \(y.count)")
        run(.jacobian, x, y, shape: nil, beta: beta, masked: fullyMaskedRow, threads: 1)
    }
}
