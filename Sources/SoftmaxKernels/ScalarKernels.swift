/// The scalar kernels `naive`, `twoPass` and `online`: the textbook algorithms, in the compute type
/// (`Float` for `Float16` storage), with the C library's exp.
///
/// They round t − max before exp and sum in the compute type, so their error grows with n and with
/// max|t|: they declare no fixed bound. `naive` skips the max shift and the non-finite policy.
enum ScalarKernels<S: KernelStorage> {
    typealias R = S.Accumulator

    /// The shift m and the sum Σ e^(t_i − m) of a row: m = 0 for `naive`; one pass for `online`
    /// (m and the sum rescaled whenever m grows), a max pass then a sum pass for `twoPass`.
    @inline(__always)
    static func normalizer(_ a: KernelAlgorithm, _ x: UnsafePointer<S>, _ n: Int, _ beta: R) -> (m: R, sum: R) {
        switch a {
        case .naive:
            var s: R = 0
            for i in 0..<n { s += R.cExp(beta * R(x[i])) }
            return (0, s)
        case .online:
            var m = -R.infinity, s: R = 0
            for i in 0..<n {
                let t = beta * R(x[i])
                if t > m {
                    s = s * R.cExp(m - t) + 1
                    m = t
                } else {
                    s += R.cExp(t - m)
                }
            }
            // A NaN entry never passes `t > m`; fold it in so the policy check sees it.
            return (m, s + (m.isFinite ? 0 : R.nan))
        case .twoPass, .simd:
            var m = -R.infinity
            for i in 0..<n { m = Swift.max(m, beta * R(x[i])) }
            var s: R = 0
            for i in 0..<n { s += R.cExp(beta * R(x[i]) - m) }
            return (m, s)
        }
    }

    /// False when the row needs the policy (non-finite max or sum); `naive` never does.
    @inline(__always)
    static func isOrdinary(_ a: KernelAlgorithm, _ m: R, _ s: R) -> Bool {
        a == .naive || (m.isFinite && s.isFinite)
    }

    static func softmax(_ a: KernelAlgorithm, _ x: UnsafePointer<S>, _ y: UnsafeMutablePointer<S>, _ n: Int,
                        beta: R, masked: FullyMaskedRow) {
        if a == .twoPass {
            // max, then exp-sum-store, then scale.
            var m = -R.infinity
            for i in 0..<n { m = Swift.max(m, beta * R(x[i])) }
            var s: R = 0
            for i in 0..<n {
                let e = R.cExp(beta * R(x[i]) - m)
                y[i] = S(e)
                s += e
            }
            guard m.isFinite && s.isFinite else { return DoubleFallbackRow.softmax(x, y, n, beta: beta, masked: masked) }
            for i in 0..<n { y[i] = S(R(y[i]) / s) }
            return
        }
        let (m, s) = normalizer(a, x, n, beta)
        guard isOrdinary(a, m, s) else { return DoubleFallbackRow.softmax(x, y, n, beta: beta, masked: masked) }
        for i in 0..<n { y[i] = S(R.cExp(beta * R(x[i]) - m) / s) }
    }

    static func logSoftmax(_ a: KernelAlgorithm, _ x: UnsafePointer<S>, _ y: UnsafeMutablePointer<S>, _ n: Int,
                           beta: R, masked: FullyMaskedRow) {
        let (m, s) = normalizer(a, x, n, beta)
        guard isOrdinary(a, m, s) else {
            let c = RowClass(x, count: n, beta: beta)
            if !c.writeLogSoftmax(x, y, n, beta: beta, masked: masked) {
                DoubleFallbackRow.logSoftmax(x, y, n, beta: beta, masked: masked)
            }
            return
        }
        let l = R.cLog(s)
        for i in 0..<n { y[i] = S((beta * R(x[i]) - m) - l) }
    }

    static func logSumExp(_ a: KernelAlgorithm, _ x: UnsafePointer<S>, _ n: Int, beta: R) -> S {
        let (m, s) = normalizer(a, x, n, beta)
        guard isOrdinary(a, m, s) else {
            if let special = RowClass(x, count: n, beta: beta).logSumExp { return S(special) }
            return DoubleFallbackRow.logSumExp(x, n, beta: beta)
        }
        return S(m + R.cLog(s))
    }

    /// σ(t): `naive` as 1/(1 + e^(−t)); the others in the stable form that never exponentiates a
    /// positive number (e^t/(1 + e^t) for t < 0).
    static func sigmoid(_ a: KernelAlgorithm, _ x: UnsafePointer<S>, _ y: UnsafeMutablePointer<S>, _ n: Int, beta: R) {
        for i in 0..<n {
            let t = beta * R(x[i])
            if a == .naive || t >= 0 {
                y[i] = S(1 / (1 + R.cExp(-t)))
            } else {
                let e = R.cExp(t)
                y[i] = S(e / (1 + e))
            }
        }
    }

    /// β·s ⊙ (g − ⟨g, s⟩), summed left to right in the compute type.
    static func softmaxVJP(_ s: UnsafePointer<S>, _ g: UnsafePointer<S>, _ dx: UnsafeMutablePointer<S>, _ n: Int, beta: R) {
        var dot: R = 0
        for i in 0..<n { dot += R(g[i]) * R(s[i]) }
        for i in 0..<n { dx[i] = S(beta * R(s[i]) * (R(g[i]) - dot)) }
    }

    /// β·(g − e^(log-softmax)·Σg), summed left to right in the compute type.
    static func logSoftmaxVJP(_ ls: UnsafePointer<S>, _ g: UnsafePointer<S>, _ dx: UnsafeMutablePointer<S>, _ n: Int, beta: R) {
        var total: R = 0
        for i in 0..<n { total += R(g[i]) }
        for i in 0..<n { dx[i] = S(beta * (R(g[i]) - R.cExp(R(ls[i])) * total)) }
    }

    /// Cross-entropy −Σ q_i ln s_i from logits (q one-hot at `label`, or the row of `target`), and its
    /// gradient β·(s·Σq − q) when `grad` is given.
    static func crossEntropy(_ a: KernelAlgorithm, _ x: UnsafePointer<S>, label: Int?, target: UnsafePointer<S>?,
                             grad: UnsafeMutablePointer<S>?, _ n: Int, beta: R) -> S {
        let (m, s) = normalizer(a, x, n, beta)
        guard isOrdinary(a, m, s) else {
            return AccurateCrossEntropy<S>.run(x, label: label, target: target, grad: grad, n, beta: beta)
        }
        let l = R.cLog(s)
        var loss: R = 0, mass: R = 0
        if let label {
            loss = l - (beta * R(x[label]) - m)
            mass = 1
        } else if let target {
            for i in 0..<n where target[i] != 0 {
                let q = R(target[i])
                loss -= q * ((beta * R(x[i]) - m) - l)
                mass += q
            }
        }
        if let grad {
            for i in 0..<n {
                let q: R = label.map { $0 == i ? 1 : 0 } ?? R(target![i])
                grad[i] = S(beta * (R.cExp(beta * R(x[i]) - m) / s * mass - q))
            }
        }
        return S(loss)
    }
}
